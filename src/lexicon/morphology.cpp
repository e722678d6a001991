// French verb conjugation by rule. A verb is mapped by its ending to a
// paradigm (the six present forms, the imperfect, simple-past and future
// stems, the participles); the tenses built on a stem are then generated
// with the regular endings. The first group carries its spelling changes
// (ç/ge before a and o, è or a doubled consonant before a mute e, i for y);
// the irregular families found among verbs of saying and the exceptions to
// the rules are rows of data/irregular_verbs.tsv: a family is a row on an
// ending, so no verb has its forms typed out.
#include "quotegraph/lexicon/morphology.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "quotegraph/lexicon/tsv.h"
#include "quotegraph/text/text.h"

namespace quotegraph {
namespace detail {
namespace {

using U = std::u32string;

enum class PastKind { kA, kI, kU, kIn };

// The irregular part of a verb; the rest follows from the endings below.
struct Paradigm {
  // je, tu, il, nous, vous, ils; a person may have variant spellings
  // (paie/paye, connaît/connait).
  std::array<std::vector<U>, 6> present;
  U imperfect_stem;  // + ais, ais, ait, ions, iez, aient
  U past_stem;       // + the simple-past endings of past_kind
  PastKind past_kind = PastKind::kI;
  std::vector<U> future_stems;  // + ai, as, a, ons, ez, ont (and the conditional)
  U present_participle;
  U past_participle;  // masculine singular
  // First group: c becomes ç and g becomes ge before a and o (lançait,
  // jugeant), so the hard sound of the infinitive is kept.
  bool soften = false;
};

const std::array<const char32_t*, 6> kImperfectEndings = {U"ais", U"ais", U"ait",
                                                          U"ions", U"iez", U"aient"};
const std::array<const char32_t*, 6> kFutureEndings = {U"ai", U"as", U"a", U"ons", U"ez", U"ont"};
const std::array<const char32_t*, 6> kPastA = {U"ai", U"as", U"a", U"âmes", U"âtes", U"èrent"};
const std::array<const char32_t*, 6> kPastI = {U"is", U"is", U"it", U"îmes", U"îtes", U"irent"};
const std::array<const char32_t*, 6> kPastU = {U"us", U"us", U"ut", U"ûmes", U"ûtes", U"urent"};
const std::array<const char32_t*, 6> kPastIn = {U"ins", U"ins", U"int",
                                                U"înmes", U"întes", U"inrent"};

bool ends_with(const U& s, const U& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

U drop(const U& s, std::size_t n) { return s.substr(0, s.size() - n); }

bool is_vowel(char32_t c) {
  static const U kVowels = U"aeiouyàâäéèêëîïôöûùüÿœæ";
  return kVowels.find(c) != U::npos;
}

bool is_french_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || is_vowel(c) || c == U'ç' || c == U'ñ';
}

// Joins a stem and an ending, applying the first-group softening.
U attach(const U& stem, const char32_t* ending, bool soften) {
  const char32_t first = ending[0];
  const bool hard_vowel = first == U'a' || first == U'o' || first == U'â';
  if (soften && hard_vowel && !stem.empty()) {
    if (stem.back() == U'c') return drop(stem, 1) + U"ç" + ending;
    if (stem.back() == U'g') return stem + U"e" + ending;
  }
  return stem + ending;
}

void set_present(Paradigm& p, const U& prefix, std::initializer_list<const char32_t*> forms) {
  std::size_t i = 0;
  for (const char32_t* f : forms) p.present[i++] = {prefix + f};
}

// The stems of the first group before a mute e (il appelle, il lève) and
// of the future (appeller-, lèver-, emploier-).
struct MuteStems {
  std::vector<U> mute;
  std::vector<U> future;
};

// -yer verbs: y becomes i before a mute e after o and u (emploie), either
// after a (paie, paye), and stays after e (grasseye).
MuteStems y_stems(const U& inf, const U& stem) {
  MuteStems s;
  const U base = drop(stem, 1);
  const char32_t before = base.empty() ? U'\0' : base.back();
  if (before == U'o' || before == U'u') {
    s.mute = {base + U"i"};
    s.future = {base + U"ier"};
  } else if (before == U'a') {
    s.mute = {base + U"i", stem};
    s.future = {base + U"ier", stem + U"er"};
  } else {
    s.mute = {stem};
    s.future = {stem + U"er"};
  }
  // envoyer and renvoyer build their future on enverr- (voir's future).
  if (ends_with(inf, U"envoyer")) s.future = {drop(inf, 5) + U"verr"};
  return s;
}

// Other verbs: the last vowel of the stem and the consonants after it
// decide (espère, appelle, lève). `grave_not_double`: an -eler or -eter
// verb that takes è instead of doubling the consonant (il martèle, il
// achète; the others: il appelle, il jette).
MuteStems vowel_stems(const U& stem, bool grave_not_double) {
  // u after g or q only marks the hard consonant (délégu-er), so it is not
  // that vowel.
  std::size_t end = stem.size();
  if (ends_with(stem, U"gu") || ends_with(stem, U"qu")) --end;
  std::size_t v = U::npos;
  for (std::size_t i = end; i-- > 0;) {
    if (is_vowel(stem[i])) {
      v = i;
      break;
    }
  }
  const U cluster = v == U::npos ? U() : stem.substr(v + 1);
  const bool single = cluster.size() == 1 && !is_vowel(cluster[0]) && cluster[0] != U'x';
  const bool muta_cum_liquida = cluster.size() == 2 && !is_vowel(cluster[0]) &&
                                (cluster[1] == U'r' || cluster[1] == U'l') &&
                                cluster[0] != U'r' && cluster[0] != U'l';
  if (v != U::npos && stem[v] == U'é' && !cluster.empty()) {
    // espérer: é becomes è before a mute e; the future keeps é in the
    // traditional spelling (répétera) and takes è in the 1990 one (répètera).
    U grave = stem;
    grave[v] = U'è';
    return {{grave}, {stem + U"er", grave + U"er"}};
  }
  if (v != U::npos && stem[v] == U'e' && (v == 0 || !is_vowel(stem[v - 1])) && (single || muta_cum_liquida)) {
    U changed;
    if ((cluster == U"l" || cluster == U"t") && !grave_not_double) {
      changed = stem + cluster;  // appelle, jette
    } else {
      changed = stem;
      changed[v] = U'è';  // lève, mène, martèle
    }
    return {{changed}, {changed + U"er"}};
  }
  return {{stem}, {stem + U"er"}};
}

// The first group: déclarer, lancer, juger, appeler, jeter, lever, espérer,
// employer, payer. `grave_not_double` as for vowel_stems().
bool first_group(const U& inf, bool grave_not_double, Paradigm& p) {
  if (inf.size() < 3) return false;
  const U stem = drop(inf, 2);
  if (stem.empty()) return false;
  const MuteStems stems = stem.back() == U'y' ? y_stems(inf, stem) : vowel_stems(stem, grave_not_double);
  const std::vector<U>& mute = stems.mute;
  const std::vector<U>& future = stems.future;
  for (int person : {0, 1, 2, 5}) {
    static const std::array<const char32_t*, 6> kMuteEndings = {U"e", U"es", U"e", U"", U"", U"ent"};
    for (const U& m : mute) p.present[person].push_back(m + kMuteEndings[person]);
  }
  p.present[3] = {attach(stem, U"ons", true)};
  p.present[4] = {stem + U"ez"};
  p.imperfect_stem = stem;
  p.past_stem = stem;
  p.past_kind = PastKind::kA;
  p.future_stems = future;
  p.present_participle = attach(stem, U"ant", true);
  p.past_participle = stem + U"é";
  p.soften = true;
  return true;
}

// The second group: avertir, réagir, applaudir (avertissons, avertissait).
void second_group(const U& inf, Paradigm& p) {
  const U stem = drop(inf, 2);
  set_present(p, stem, {U"is", U"is", U"it", U"issons", U"issez", U"issent"});
  p.imperfect_stem = stem + U"iss";
  p.past_stem = stem;
  p.past_kind = PastKind::kI;
  p.future_stems = {inf};
  p.present_participle = stem + U"issant";
  p.past_participle = stem + U"i";
}

void push_unique(std::vector<std::string>& v, const U& form) {
  std::string s = to_utf8(form);
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Expands a paradigm into the Conjugation lists, third persons first.
void expand(const Paradigm& p, Conjugation& out) {
  const auto& past_endings = p.past_kind == PastKind::kA   ? kPastA
                             : p.past_kind == PastKind::kI ? kPastI
                             : p.past_kind == PastKind::kU ? kPastU
                                                           : kPastIn;
  // The forms of one person in every tense, in the order present,
  // imperfect, simple past, future, conditional (each stem's variant in
  // the order of its stems), made as they are added: no table of every
  // tense's forms is built first.
  auto add_person = [&](int person, std::vector<std::string>& forms) {
    for (const U& f : p.present[person]) push_unique(forms, f);
    push_unique(forms, attach(p.imperfect_stem, kImperfectEndings[person], p.soften));
    push_unique(forms, attach(p.past_stem, past_endings[person], p.soften));
    for (const U& s : p.future_stems) push_unique(forms, attach(s, kFutureEndings[person], p.soften));
    for (const U& s : p.future_stems) push_unique(forms, attach(s, kImperfectEndings[person], p.soften));
  };
  // Third persons of every tense, then first and second persons.
  for (int person : {2, 0, 1}) add_person(person, out.finite_singular);
  for (int person : {5, 3, 4}) add_person(person, out.finite_plural);
  const U& ms = p.past_participle;
  const bool ends_in_s = !ms.empty() && (ms.back() == U's' || ms.back() == U'x');
  out.past_participles = {to_utf8(ms), to_utf8(ms + U"e"), to_utf8(ends_in_s ? ms : ms + U"s"),
                          to_utf8(ms + U"es")};
  out.present_participle = to_utf8(p.present_participle);
}

// The paradigm a row of data/irregular_verbs.tsv gives `inf`, whose prefix
// (the part before the row's ending) is written before every form.
void paradigm_of_row(const IrregularVerb& row, const U& inf, Paradigm& p) {
  const U pre = drop(inf, row.ending.size());
  for (int i = 0; i < 6; ++i)
    for (const U& f : row.present[i]) p.present[i].push_back(pre + f);
  p.imperfect_stem = pre + row.imperfect_stem;
  p.past_stem = pre + row.past_stem;
  p.past_kind = row.past_kind == 'a'   ? PastKind::kA
                : row.past_kind == 'u' ? PastKind::kU
                : row.past_kind == 'n' ? PastKind::kIn
                                       : PastKind::kI;
  for (const U& f : row.future_stems) p.future_stems.push_back(pre + f);
  p.present_participle = pre + row.present_participle;
  p.past_participle = pre + row.past_participle;
}

std::vector<U> split_u32(const std::string& field, char sep) {
  std::vector<U> out;
  for (const std::string& piece : split_fields(field, sep)) {
    auto decoded = decode_utf8(piece);
    out.push_back(decoded ? decoded.text() : U());
  }
  return out;
}

U to_u32(const std::string& field) {
  auto decoded = decode_utf8(field);
  return decoded ? decoded.text() : U();
}

// Parses one row; an error message, empty when the row is good.
std::string parse_row(const std::vector<std::string>& f, IrregularVerb& row) {
  if (f.size() < 3) return "expected ending<TAB>prefixes<TAB>paradigm";
  row.ending = to_u32(f[0]);
  if (row.ending.empty()) return "empty ending";
  if (f[1] != "*")
    for (const U& prefix : split_u32(f[1], ',')) row.prefixes.push_back(prefix == U"-" ? U() : prefix);
  if (f[2] == "none") row.kind = IrregularVerb::Kind::kNone;
  else if (f[2] == "second") row.kind = IrregularVerb::Kind::kSecondGroup;
  else if (f[2] == "grave") row.kind = IrregularVerb::Kind::kGrave;
  else if (f[2] == "forms") row.kind = IrregularVerb::Kind::kForms;
  else return "unknown paradigm \"" + f[2] + "\" (forms, none, second or grave)";
  if (row.kind != IrregularVerb::Kind::kForms) return f.size() == 3 ? "" : "only a forms row has forms";
  if (f.size() != 10) return "a forms row has 10 columns, not " + std::to_string(f.size());
  const std::vector<U> persons = split_u32(f[3], ',');
  if (persons.size() != 6) return "the present needs six persons, comma separated";
  for (int i = 0; i < 6; ++i)
    for (const std::string& variant : split_fields(to_utf8(persons[i]), '/')) row.present[i].push_back(to_u32(variant));
  row.imperfect_stem = to_u32(f[4]);
  row.past_stem = to_u32(f[5]);
  if (f[6] != "a" && f[6] != "i" && f[6] != "u" && f[6] != "in")
    return "unknown simple-past kind \"" + f[6] + "\" (a, i, u or in)";
  row.past_kind = f[6] == "in" ? 'n' : f[6][0];
  row.future_stems = split_u32(f[7], '/');
  row.present_participle = to_u32(f[8]);
  row.past_participle = to_u32(f[9]);
  return "";
}

}  // namespace
}  // namespace detail

Result<Conjugator> Conjugator::load(const std::string& data_dir, Diagnostics& diags) {
  using namespace detail;
  const std::string path = data_dir + "/irregular_verbs.tsv";
  auto lines = read_tsv(path, diags);
  if (!lines) return Status::error(DiagCode::kIoError, path, 0, "cannot open the irregular verb table", {}, "line");
  Conjugator c;
  for (const TsvLine& line : *lines) {
    IrregularVerb row;
    const std::string err = parse_row(line.fields, row);
    if (!err.empty()) {
      diags.error(DiagCode::kBadData, path, line.number, err, line.text, "line");
      continue;
    }
    c.rows_.push_back(std::move(row));
  }
  std::stable_sort(c.rows_.begin(), c.rows_.end(), [](const IrregularVerb& a, const IrregularVerb& b) {
    if (a.ending.size() != b.ending.size()) return a.ending.size() > b.ending.size();
    return !a.prefixes.empty() && b.prefixes.empty();
  });
  return c;
}

const IrregularVerb* Conjugator::row_for(const std::u32string& inf) const {
  for (const IrregularVerb& row : rows_) {
    if (!detail::ends_with(inf, row.ending)) continue;
    const std::u32string prefix = detail::drop(inf, row.ending.size());
    if (row.prefixes.empty() || std::find(row.prefixes.begin(), row.prefixes.end(), prefix) != row.prefixes.end())
      return &row;
  }
  return nullptr;
}

bool Conjugator::conjugate(std::string_view infinitive, Conjugation& out) const {
  using namespace detail;
  out = Conjugation();
  auto decoded = decode_utf8(infinitive);
  if (!decoded) return false;
  const U& inf = decoded.text();
  if (inf.size() < 3) return false;
  for (char32_t c : inf)
    if (!is_french_letter(c)) return false;
  Paradigm p;
  bool known = false;
  const IrregularVerb* row = row_for(inf);
  const IrregularVerb::Kind kind = row ? row->kind : IrregularVerb::Kind::kForms;
  if (kind == IrregularVerb::Kind::kNone) {
    known = false;
  } else if (row && kind == IrregularVerb::Kind::kForms) {
    paradigm_of_row(*row, inf, p);
    known = true;
  } else if (ends_with(inf, U"er")) {
    known = first_group(inf, kind == IrregularVerb::Kind::kGrave, p);
  } else if (ends_with(inf, U"ir") && inf.size() >= 4) {
    second_group(inf, p);
    known = true;
  }
  if (!known) return false;
  out.infinitive = std::string(infinitive);
  expand(p, out);
  return true;
}

}  // namespace quotegraph

// Lexicon: reads data/speech_verbs.tsv, splits each lemma into reflexive
// pronoun, head verb and tail, conjugates the head (morphology.cpp) and
// indexes every folded form in one hash map, so that recognising a cue costs
// one lookup per token.
#include "quotegraph/lexicon/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "quotegraph/lexicon/morphology.h"
#include "quotegraph/lexicon/tsv.h"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

constexpr std::size_t kMaxExcerptBytes = 200;

struct RelationName {
  Relation relation;
  const char* name;
};
constexpr RelationName kRelationNames[] = {
    {Relation::kStates, "states"},       {Relation::kAccuses, "accuses"},
    {Relation::kCriticises, "criticises"}, {Relation::kCallsOn, "calls_on"},
    {Relation::kWarns, "warns"},         {Relation::kSupports, "supports"},
    {Relation::kDenies, "denies"},       {Relation::kThanks, "thanks"},
    {Relation::kRespondsTo, "responds_to"},
};

struct FrameName {
  Frame frame;
  const char* name;
};
constexpr FrameName kFrameNames[] = {
    {kFrameQue, "que"},       {kFrameInfinitive, "inf"}, {kFrameDe, "de"},
    {kFrameA, "a"},           {kFrameObject, "object"},  {kFrameIncise, "incise"},
    {kFrameAct, "act"},       {kFramePour, "pour"},      {kFrameQualify, "qualify"},
    {kFrameIntro, "intro"},   {kFrameDeQue, "deque"},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}


// Splits a folded lemma into pronominal flag, head verb and tail:
// "s'en prendre à" gives (true, "prendre", {"à"}). Returns an error message,
// empty on success.
std::string split_lemma(const std::string& lemma, CueEntry& entry) {
  std::vector<std::string> words;
  for (std::string_view w : split(lemma, ' '))
    if (!w.empty()) words.emplace_back(w);
  std::size_t i = 0;
  if (i < words.size() && words[i] == "se") {
    entry.pronominal = true;
    ++i;
  } else if (i < words.size() && words[i].rfind("s'", 0) == 0) {
    // The elided pronoun is glued to the next word in the dictionary form.
    entry.pronominal = true;
    words[i] = words[i].substr(2);
    if (words[i].empty()) ++i;
  }
  // Clitics between the pronoun and the verb: s'en prendre à, s'y opposer.
  while (i < words.size() && (words[i] == "en" || words[i] == "y") && i + 1 < words.size()) ++i;
  if (i >= words.size()) return "lemma has no verb";
  entry.verb = words[i];
  entry.tail.assign(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
  return {};
}

// The conjugations of the head verbs met so far while loading: the 665
// speech and judging verbs have about 380 distinct heads (dire, faire,
// affirmer … head many locutions), each conjugated once.
using ConjugationMemo = std::unordered_map<std::string, Conjugation>;

// conjugator.conjugate(verb, out) through `memo`.
bool conjugate_once(const Conjugator& conjugator, ConjugationMemo& memo, const std::string& verb,
                    Conjugation& out) {
  if (auto it = memo.find(verb); it != memo.end()) {
    out = it->second;
    return true;
  }
  if (!conjugator.conjugate(verb, out)) return false;
  memo.emplace(verb, out);
  return true;
}

// Reads the target column (`first` names the slot of the file's own first
// choice: none for a speech verb, subject for a judging verb; then object
// and indirect), the relation column, and conjugates the head verb into
// `conj`; returns an error message, empty on success.
std::string parse_slot_relation(std::string_view target, std::string_view rel, std::string_view first,
                                TargetSlot first_slot, const Conjugator& conjugator, ConjugationMemo& memo,
                                CueEntry& entry, Conjugation& conj) {
  if (target == first) {
    entry.target = first_slot;
  } else if (target == "object") {
    entry.target = TargetSlot::kObject;
  } else if (target == "indirect") {
    entry.target = TargetSlot::kIndirect;
  } else {
    return "unknown target \"" + std::string(target) + "\" (" + std::string(first) + ", object or indirect)";
  }
  const std::optional<Relation> relation = parse_relation(rel);
  if (!relation) return "unknown relation \"" + std::string(rel) + "\"";
  entry.relation = *relation;
  if (!conjugate_once(conjugator, memo, entry.verb, conj))
    return "cannot conjugate the head verb \"" + entry.verb + "\" (unknown ending)";
  return {};
}

// Parses one data line into `entry` and its conjugation; returns an error
// message, empty on success.
std::string parse_line(std::string_view line, const Conjugator& conjugator, ConjugationMemo& memo,
                       CueEntry& entry, Conjugation& conj) {
  if (!decode_utf8(line)) return "line is not valid UTF-8";
  const std::vector<std::string_view> cols = split(line, '\t');
  if (cols.size() != 4) {
    return "expected 4 tab-separated columns (lemma, frames, target, relation), found " +
           std::to_string(cols.size());
  }
  entry.lemma = fold_utf8(trim(cols[0]));
  if (entry.lemma.empty()) return "empty lemma";
  if (std::string err = split_lemma(entry.lemma, entry); !err.empty()) return err;

  const std::string_view frames = trim(cols[1]);
  if (frames.empty()) return "no frame listed";
  for (std::string_view f : split(frames, ',')) {
    f = trim(f);
    bool found = false;
    for (const FrameName& fn : kFrameNames) {
      if (f == fn.name) {
        entry.frames |= fn.frame;
        found = true;
      }
    }
    if (!found) return "unknown frame \"" + std::string(f) + "\"";
  }

  return parse_slot_relation(trim(cols[2]), trim(cols[3]), "none", TargetSlot::kNone, conjugator, memo, entry,
                             conj);
}

// The 1990 spelling drops the circumflex on i and u, except in the simple
// past endings (nous dîmes) — "reconnait", "enchaine". Empty when `form`
// has no such accent.
std::string without_circumflex(const std::string& form) {
  // Most forms hold neither î nor û (C3 AE, C3 BB in UTF-8): answered by
  // one scan, no string made (every form of every speech verb passes here
  // at start-up).
  std::size_t at = 0;
  for (; at + 1 < form.size(); ++at)
    if (form[at] == '\xC3' && (form[at + 1] == '\xAE' || form[at + 1] == '\xBB')) break;
  if (at + 1 >= form.size()) return {};
  const std::string_view f(form);
  for (std::string_view kept : {"îmes", "îtes", "ûmes", "ûtes", "înmes", "întes"})
    if (f.size() >= kept.size() && f.substr(f.size() - kept.size()) == kept) return {};
  std::string out = form.substr(0, at);
  for (std::size_t i = at; i < form.size(); ++i) {
    if (form[i] == '\xC3' && i + 1 < form.size() && (form[i + 1] == '\xAE' || form[i + 1] == '\xBB')) {
      out += form[i + 1] == '\xAE' ? 'i' : 'u';
      ++i;
    } else {
      out += form[i];
    }
  }
  return out;
}

}  // namespace

const char* relation_name(Relation r) {
  for (const RelationName& rn : kRelationNames)
    if (rn.relation == r) return rn.name;
  return "states";
}

std::optional<Relation> parse_relation(std::string_view name) {
  for (const RelationName& rn : kRelationNames)
    if (name == rn.name) return rn.relation;
  return std::nullopt;
}

struct Lexicon::Impl {
  using FormMap = std::unordered_map<std::string, std::vector<CueForm>>;
  Conjugator conjugator;
  // Lexicon::load's memo of conjugations (its speech verbs, then its
  // judging verbs), kept for Lexicon::conjugation.
  std::unordered_map<std::string, Conjugation> conjugated;
  // Filled once by load, then never resized: CueForm points into them.
  std::vector<CueEntry> entries;
  FormMap forms;
  std::vector<CueEntry> judging;
  FormMap judging_forms;
  std::vector<SourceMarker> markers;

  static void add(FormMap& map, const std::string& form, const CueEntry* entry, VerbForm kind, bool plural) {
    add_key(map, fold_utf8(form), entry, kind, plural);
    const std::string plain = without_circumflex(form);
    if (!plain.empty()) add_key(map, fold_utf8(plain), entry, kind, plural);
  }

  static void add_key(FormMap& map, const std::string& key, const CueEntry* entry, VerbForm kind, bool plural) {
    std::vector<CueForm>& readings = map[key];
    for (const CueForm& r : readings)
      if (r.entry == entry && r.form == kind && r.plural == plural) return;
    readings.push_back(CueForm{entry, kind, plural});
  }

  // Every form of every entry into `map` (entries are final: pointers into
  // the vector stay valid), readings with a longer tail first.
  static void add_all(FormMap& map, const std::vector<CueEntry>& all, const std::vector<Conjugation>& conjugations) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      const CueEntry* e = &all[i];
      const Conjugation& c = conjugations[i];
      add(map, c.infinitive, e, VerbForm::kInfinitive, false);
      // Order is ms, fs, mp, fp: the last two are plural.
      for (std::size_t k = 0; k < c.past_participles.size(); ++k)
        add(map, c.past_participles[k], e, VerbForm::kPastParticiple, k >= 2);
      add(map, c.present_participle, e, VerbForm::kPresentParticiple, false);
      for (const std::string& f : c.finite_singular) add(map, f, e, VerbForm::kFinite, false);
      for (const std::string& f : c.finite_plural) add(map, f, e, VerbForm::kFinite, true);
    }
    for (auto& [key, readings] : map)
      std::stable_sort(readings.begin(), readings.end(), [](const CueForm& a, const CueForm& b) {
        return a.entry->tail.size() > b.entry->tail.size();
      });
  }
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

namespace {

// The markers of data/source_markers.tsv (format at its top), in file
// order; an error Status (kIoError) when the file is missing, as for the
// speech verbs: without it no "selon X" would be found. A bad line adds
// kBadData and is skipped.
Result<std::vector<SourceMarker>> load_source_markers(const std::string& path, Diagnostics& diags) {
  auto lines = read_tsv(path, diags);
  if (!lines) return Status::error(DiagCode::kIoError, path, 0, "cannot open the source marker list", {}, "line");
  std::vector<SourceMarker> markers;
  for (const TsvLine& line : *lines) {
    const std::size_t tab = line.text.find('\t');
    const std::string_view check = tab == std::string::npos ? std::string_view() : trim(std::string_view(line.text).substr(tab + 1));
    if (check != "any" && check != "named") {
      diags.error(DiagCode::kBadData, path, line.number, "expected marker<TAB>any or marker<TAB>named",
                  cut_excerpt(line.text, kMaxExcerptBytes), "line");
      continue;
    }
    SourceMarker marker;
    // A view of the line, not a substr: split's views must outlive the loop.
    for (std::string_view w : split(std::string_view(line.text).substr(0, tab), ' '))
      if (!w.empty()) marker.words.push_back(fold_utf8(w));
    marker.needs_speaker_check = check == "named";
    if (!marker.words.empty()) markers.push_back(std::move(marker));
  }
  return markers;
}


// Parses one line of data/judging_verbs.tsv (lemma, slot, relation; format
// at the file's top) into `entry` and its conjugation; returns an error
// message, empty on success.
std::string parse_judging_line(std::string_view line, const Conjugator& conjugator, ConjugationMemo& memo,
                               CueEntry& entry, Conjugation& conj) {
  if (!decode_utf8(line)) return "line is not valid UTF-8";
  const std::vector<std::string_view> cols = split(line, '\t');
  if (cols.size() != 3) return "expected 3 tab-separated columns (lemma, slot, relation)";
  entry.lemma = fold_utf8(trim(cols[0]));
  if (entry.lemma.empty()) return "empty lemma";
  if (std::string err = split_lemma(entry.lemma, entry); !err.empty()) return err;
  return parse_slot_relation(trim(cols[1]), trim(cols[2]), "subject", TargetSlot::kSubject, conjugator, memo,
                             entry, conj);
}

}  // namespace

// The verbs that judge without reporting speech (optional file: without
// it no claim loses anything the speech verbs give). A bad line adds
// kBadData and is skipped.
void Lexicon::load_judging_verbs(const std::string& path, Impl& impl, Diagnostics& diags) {
  auto lines = read_tsv(path, diags);
  if (!lines) return;
  std::vector<Conjugation> conjugations;
  for (const TsvLine& line : *lines) {
    const std::string_view content = trim(line.text);
    CueEntry entry;
    Conjugation conj;
    const std::string err = parse_judging_line(content, impl.conjugator, impl.conjugated, entry, conj);
    if (!err.empty()) {
      diags.error(DiagCode::kBadData, path, line.number, err, cut_excerpt(content, kMaxExcerptBytes), "line");
      continue;
    }
    impl.judging.push_back(std::move(entry));
    conjugations.push_back(std::move(conj));
  }
  Impl::add_all(impl.judging_forms, impl.judging, conjugations);
}

Result<Lexicon> Lexicon::load(const std::string& data_dir, Diagnostics& diags) {
  const std::string path = data_dir + "/speech_verbs.tsv";
  auto lines = read_tsv(path, diags);
  if (!lines) return Status::error(DiagCode::kIoError, path, 0, "cannot open the speech verb lexicon", {}, "line");
  auto conjugator = Conjugator::load(data_dir, diags);
  if (!conjugator) return conjugator.status();
  Lexicon lex;
  Impl& impl = *lex.impl_;
  impl.conjugator = std::move(*conjugator);
  std::vector<Conjugation> conjugations;
  std::size_t line_no = 0;
  for (const TsvLine& line : *lines) {
    line_no = line.number;
    const std::string_view content = trim(line.text);
    CueEntry entry;
    Conjugation conj;
    const std::string err = parse_line(content, impl.conjugator, impl.conjugated, entry, conj);
    if (!err.empty()) {
      diags.error(DiagCode::kBadData, path, line_no, err, cut_excerpt(content, kMaxExcerptBytes), "line");
      continue;
    }
    impl.entries.push_back(std::move(entry));
    conjugations.push_back(std::move(conj));
  }
  if (impl.entries.empty())
    return Status::error(DiagCode::kBadData, path, line_no, "the speech verb lexicon has no entry", {}, "line");

  Impl::add_all(impl.forms, impl.entries, conjugations);
  load_judging_verbs(data_dir + "/judging_verbs.tsv", impl, diags);

  auto markers = load_source_markers(data_dir + "/source_markers.tsv", diags);
  if (!markers) return markers.status();
  impl.markers = std::move(*markers);
  return lex;
}

const std::vector<CueForm>& Lexicon::forms(std::string_view folded_word) const {
  static const std::vector<CueForm> kNone;
  if (!impl_) return kNone;
  // C++17 unordered_map has no heterogeneous lookup; one short key copy.
  auto it = impl_->forms.find(std::string(folded_word));
  return it == impl_->forms.end() ? kNone : it->second;
}

const std::vector<CueForm>& Lexicon::judging_forms(std::string_view folded_word) const {
  static const std::vector<CueForm> kNone;
  if (!impl_) return kNone;
  auto it = impl_->judging_forms.find(std::string(folded_word));
  return it == impl_->judging_forms.end() ? kNone : it->second;
}

const std::vector<CueEntry>& Lexicon::entries() const {
  static const std::vector<CueEntry> kNone;
  return impl_ ? impl_->entries : kNone;
}

std::size_t Lexicon::form_count() const { return impl_ ? impl_->forms.size() : 0; }

const Conjugator& Lexicon::conjugator() const { return impl_->conjugator; }

const Conjugation* Lexicon::conjugation(const std::string& verb) const {
  if (!impl_) return nullptr;
  auto it = impl_->conjugated.find(verb);
  return it == impl_->conjugated.end() ? nullptr : &it->second;
}

const std::vector<SourceMarker>& Lexicon::source_markers() const {
  static const std::vector<SourceMarker> kNone;
  return impl_ ? impl_->markers : kNone;
}

}  // namespace quotegraph

// Scoring a system's claims against the gold, rule for rule as
// docs/GOLD_FORMAT.md states them (see evaluator.h for the choices the
// format leaves open). Spans are compared as integers and overlap-over-union
// ratios by cross-multiplication, so the pairing order never depends on
// floating-point rounding and an independent implementation can reproduce
// it exactly.
#include "quotegraph/eval/evaluator.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

namespace detail {
namespace {

// Alphanumeric in the sense of the name rules: a letter (gc L*) or a
// decimal digit (gc Nd). U+02BC is a modifier letter for Unicode but the
// apostrophe of many French texts, and apostrophes separate words.
bool is_name_alnum(char32_t c) {
  if (c == 0x02BC) return false;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
      return true;
    default:
      return false;
  }
}

bool is_name_hyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2011; }

// Words dropped at the start of a name: articles, then courtesy titles
// ("m" is what "M." leaves once the full stop separates words).
bool is_leading_word(const std::u32string& w) {
  static const char32_t* const kWords[] = {U"le", U"la",  U"les",  U"l",  U"un", U"une",
                                           U"des", U"du", U"de",   U"m",  U"mme", U"mlle",
                                           U"mm", U"dr",  U"pr",   U"me", U"mgr"};
  for (const char32_t* k : kWords)
    if (w == k) return true;
  return false;
}

// The characters trimmed from both ends of a span before the strict
// comparison, besides white space.
bool is_strict_trim(char32_t c) {
  switch (c) {
    case U'\u00AB': case U'\u00BB': case U'"': case U'\u201C': case U'\u201D': case U'\u201E':
    case U'\u2018': case U'\u2019': case U'\'': case U'.': case U',': case U';': case U':':
    case U'!': case U'?': case U'\u2026': case U'(': case U')': case U'[': case U']':
    case U'-': case U'\u2013': case U'\u2014':
      return true;
    default:
      return is_space(c);
  }
}

// The normalised names of one document's entities, computed once.
class EntityIndex {
 public:
  explicit EntityIndex(const GoldDocument& gold) {
    for (const auto& e : gold.entities) {
      Names names;
      names.id = e.id;
      auto add = [&](const std::string& raw) {
        std::string n = normalize_name(raw);
        if (n.empty()) return;
        names.forms.push_back(std::move(n));
      };
      add(e.name);
      for (const auto& a : e.aliases) add(a);
      entities_.push_back(std::move(names));
    }
  }

  // See resolve_name(); takes an already normalised name.
  std::vector<std::string> resolve(const std::string& norm) const {
    std::vector<std::string> out;
    if (norm.empty()) return out;
    for (const auto& e : entities_) {
      if (std::find(e.forms.begin(), e.forms.end(), norm) != e.forms.end()) out.push_back(e.id);
    }
    if (!out.empty()) return out;
    // Containment: an alias as a run of whole words of the name. Words are
    // separated by single spaces, so padding both with spaces turns "whole
    // words" into a plain substring test.
    const std::string padded = " " + norm + " ";
    std::size_t best = 0;
    std::vector<std::pair<std::size_t, const std::string*>> lengths;
    for (const auto& e : entities_) {
      std::size_t longest = 0;
      for (const auto& f : e.forms) {
        const std::size_t len = count_code_points(f);
        if (len >= 4 && len > longest && padded.find(" " + f + " ") != std::string::npos)
          longest = len;
      }
      if (longest > 0) lengths.emplace_back(longest, &e.id);
      best = std::max(best, longest);
    }
    for (const auto& [len, id] : lengths)
      if (len == best) out.push_back(*id);
    return out;
  }

 private:
  struct Names {
    std::string id;
    std::vector<std::string> forms;  // normalised name and aliases, non-empty
  };
  std::vector<Names> entities_;
};

struct SysQuote {
  const Claim* claim = nullptr;
  std::int64_t start = 0, end = 0;
  std::string speaker_name;               // as given, "" when none
  bool has_speaker = false;               // a name that normalises to something
  std::vector<std::string> speaker_ids;   // what it resolves to
  std::vector<std::string> target_norms;  // normalised, non-empty
  std::vector<std::string> target_names;  // as given, parallel to target_norms
};

struct Candidate {
  std::int64_t overlap = 0, uni = 0;
  bool right = false;
  std::size_t gi = 0, si = 0;
};

// Overlap over union, largest first; then the right speaker; then file
// order of the gold and of the system quotes, so the result is unique.
bool candidate_before(const Candidate& a, const Candidate& b) {
  const std::int64_t lhs = a.overlap * b.uni, rhs = b.overlap * a.uni;
  if (lhs != rhs) return lhs > rhs;
  if (a.right != b.right) return a.right;
  if (a.gi != b.gi) return a.gi < b.gi;
  return a.si < b.si;
}

// Greedy one-to-one pairing; returns, for each gold quote, the index of its
// system quote or -1.
std::vector<long> pair_greedily(std::vector<Candidate> candidates, std::size_t n_gold,
                                std::size_t n_sys) {
  std::sort(candidates.begin(), candidates.end(), candidate_before);
  std::vector<long> gold_to_sys(n_gold, -1);
  std::vector<bool> sys_used(n_sys, false);
  for (const auto& c : candidates) {
    if (gold_to_sys[c.gi] != -1 || sys_used[c.si]) continue;
    gold_to_sys[c.gi] = static_cast<long>(c.si);
    sys_used[c.si] = true;
  }
  return gold_to_sys;
}

std::pair<std::int64_t, std::int64_t> trimmed(const std::u32string& text, std::int64_t start,
                                              std::int64_t end) {
  const auto size = static_cast<std::int64_t>(text.size());
  std::int64_t s = std::clamp<std::int64_t>(start, 0, size);
  std::int64_t e = std::clamp<std::int64_t>(end, 0, size);
  if (e < s) e = s;
  while (s < e && is_strict_trim(text[static_cast<std::size_t>(s)])) ++s;
  while (e > s && is_strict_trim(text[static_cast<std::size_t>(e - 1)])) --e;
  return {s, e};
}

std::string basename(const std::string& path) {
  const auto p = path.find_last_of('/');
  return p == std::string::npos ? path : path.substr(p + 1);
}

std::string gold_speaker_label(const GoldDocument& gold, const std::optional<std::string>& id) {
  if (!id) return {};
  const GoldEntity* e = gold.find(*id);
  return e ? *id + " (" + e->name + ")" : *id;
}

void add_counts(EvalCounts& to, const EvalCounts& from) {
  to.gold += from.gold;
  to.system += from.system;
  to.matched += from.matched;
  to.strict_matched += from.strict_matched;
  to.speaker_right += from.speaker_right;
  to.target_tp += from.target_tp;
  to.target_fp += from.target_fp;
  to.target_fn += from.target_fn;
}

// The system quotes of one document, with their speaker and target names
// normalised and the speaker resolved to the gold entities.
std::vector<SysQuote> system_quotes(const std::vector<const Claim*>& claims, const EntityIndex& index) {
  std::vector<SysQuote> sys;
  for (const Claim* c : claims) {
    SysQuote s;
    s.claim = c;
    s.start = c->begin;
    s.end = c->end;
    if (c->speaker) {
      s.speaker_name = c->speaker->name;
      const std::string norm = normalize_name(s.speaker_name);
      s.has_speaker = !norm.empty();
      s.speaker_ids = index.resolve(norm);
    }
    for (const auto& t : c->targets) {
      std::string norm = normalize_name(t.name);
      if (norm.empty()) continue;
      s.target_norms.push_back(std::move(norm));
      s.target_names.push_back(t.name);
    }
    sys.push_back(std::move(s));
  }
  return sys;
}

// True when system quote `s` names gold quote `g`'s speaker (or one the
// gold also accepts), or when neither names one.
bool speaker_right(const GoldQuote& g, const SysQuote& s) {
  if (!g.speaker) return !s.has_speaker;
  for (const auto& id : s.speaker_ids) {
    if (id == *g.speaker) return true;
    if (std::find(g.speaker_also.begin(), g.speaker_also.end(), id) != g.speaker_also.end()) return true;
  }
  return false;
}

// The pairs of gold and system quotes that may match: `lenient` when they
// overlap by at least half the shorter span, `strict` when their trimmed
// spans are equal and not empty.
void match_candidates(const GoldDocument& gold, const std::vector<SysQuote>& sys,
                      std::vector<Candidate>& lenient, std::vector<Candidate>& strict) {
  const auto& gq = gold.quotes;
  for (std::size_t gi = 0; gi < gq.size(); ++gi) {
    const std::int64_t gs = gq[gi].start, ge = gq[gi].end;
    const auto gt = trimmed(gold.text, gs, ge);
    for (std::size_t si = 0; si < sys.size(); ++si) {
      const std::int64_t ss = sys[si].start, se = sys[si].end;
      const std::int64_t glen = ge - gs, slen = std::max<std::int64_t>(0, se - ss);
      const std::int64_t overlap = std::max<std::int64_t>(0, std::min(ge, se) - std::max(gs, ss));
      Candidate c;
      c.overlap = overlap;
      c.uni = glen + slen - overlap;
      c.right = speaker_right(gq[gi], sys[si]);
      c.gi = gi;
      c.si = si;
      if (overlap > 0 && 2 * overlap >= std::min(glen, slen)) lenient.push_back(c);
      const auto st = trimmed(gold.text, ss, se);
      if (gt.first < gt.second && st == gt) strict.push_back(c);
    }
  }
}

// Scores the targets of one quote. A system target resolving to a gold
// target finds it; the others are false positives, once per resolved
// entity set or, when they resolve to nothing, once per normalised name.
// The gold targets missed go to `missed_out` ("id (Name)"), the system
// targets wrong to `wrong_out` (as the system named them).
void score_targets(const GoldDocument& gold, const EntityIndex& index, const std::vector<std::string>& gold_targets,
                   const SysQuote* s, EvalCounts& counts, std::vector<std::string>& missed_out,
                   std::vector<std::string>& wrong_out) {
  std::set<std::string> wanted(gold_targets.begin(), gold_targets.end());
  std::set<std::string> found, wrong;
  if (s) {
    for (std::size_t ti = 0; ti < s->target_norms.size(); ++ti) {
      const std::string& norm = s->target_norms[ti];
      const std::vector<std::string> ids = index.resolve(norm);
      bool hit = false;
      for (const auto& id : ids) {
        if (wanted.count(id)) {
          found.insert(id);
          hit = true;
        }
      }
      if (hit) continue;
      std::string key;
      if (ids.empty()) {
        key = "name:" + norm;
      } else {
        key = "entities:";
        std::vector<std::string> sorted(ids);
        std::sort(sorted.begin(), sorted.end());
        for (const auto& id : sorted) key += id + '\n';
      }
      if (wrong.insert(key).second) wrong_out.push_back(s->target_names[ti]);
    }
  }
  for (const auto& id : wanted)
    if (!found.count(id)) missed_out.push_back(gold_speaker_label(gold, id));
  counts.target_tp += found.size();
  counts.target_fp += wrong.size();
  counts.target_fn += wanted.size() - found.size();
}

// One document's quotes once paired: the system quote of each gold quote
// (-1 for none), which system quotes are paired, and per gold quote and per
// unpaired system quote the targets missed and wrong.
struct DocumentPairs {
  std::vector<long> pairs;
  std::vector<bool> sys_paired;
  std::vector<std::vector<std::string>> gold_missed, gold_wrong, sys_wrong;
};

// Sets the system side of error `e` from `s`.
void fill_system(EvalError& e, const SysQuote& s) {
  e.has_system = true;
  e.system_start = s.claim->begin;
  e.system_end = s.claim->end;
  e.system_speaker = s.has_speaker ? s.speaker_name : std::string();
  e.system_speaker_ids = s.speaker_ids;
}

// The mistakes of one document, in text order: gold quotes missed, paired
// with the wrong speaker or the wrong targets, then spurious system quotes.
std::vector<EvalError> document_errors(const GoldDocument& gold, const std::vector<SysQuote>& sys,
                                       const DocumentPairs& p) {
  const auto& gq = gold.quotes;
  std::vector<EvalError> doc_errors;
  for (std::size_t gi = 0; gi < gq.size(); ++gi) {
    const GoldQuote& g = gq[gi];
    const bool right = p.pairs[gi] >= 0 && speaker_right(g, sys[static_cast<std::size_t>(p.pairs[gi])]);
    if (right && p.gold_missed[gi].empty() && p.gold_wrong[gi].empty()) continue;
    EvalError e;
    e.type = p.pairs[gi] < 0 ? EvalError::Type::kMissed
             : right         ? EvalError::Type::kWrongTargets
                             : EvalError::Type::kWrongSpeaker;
    e.missed_targets = p.gold_missed[gi];
    e.spurious_targets = p.gold_wrong[gi];
    e.document = gold.name;
    e.has_gold = true;
    e.gold_start = g.start;
    e.gold_end = g.end;
    e.kind = claim_kind_name(g.kind);
    e.text = g.text;
    e.gold_speaker = gold_speaker_label(gold, g.speaker);
    if (p.pairs[gi] >= 0) fill_system(e, sys[static_cast<std::size_t>(p.pairs[gi])]);
    doc_errors.push_back(std::move(e));
  }
  const auto size = static_cast<std::int64_t>(gold.text.size());
  for (std::size_t si = 0; si < sys.size(); ++si) {
    if (p.sys_paired[si]) continue;
    EvalError e;
    e.type = EvalError::Type::kSpurious;
    e.document = gold.name;
    e.kind = claim_kind_name(sys[si].claim->kind);
    const std::int64_t start = std::clamp<std::int64_t>(sys[si].start, 0, size);
    const std::int64_t end = std::clamp<std::int64_t>(sys[si].end, start, size);
    e.text = to_utf8(std::u32string_view(gold.text).substr(static_cast<std::size_t>(start),
                                                           static_cast<std::size_t>(end - start)));
    fill_system(e, sys[si]);
    e.spurious_targets = p.sys_wrong[si];
    doc_errors.push_back(std::move(e));
  }
  std::stable_sort(doc_errors.begin(), doc_errors.end(), [](const EvalError& a, const EvalError& b) {
    const auto pa = a.has_gold ? a.gold_start : a.system_start;
    const auto pb = b.has_gold ? b.gold_start : b.system_start;
    return pa < pb;
  });
  return doc_errors;
}

// Scores one document, adding its mistakes to `errors` and its kind counts
// to `by_kind`.
EvalCounts evaluate_document(const GoldDocument& gold, const std::vector<const Claim*>& claims,
                             std::map<std::string, KindCounts>& by_kind,
                             std::vector<EvalError>& errors) {
  const EntityIndex index(gold);
  EvalCounts counts;
  const auto& gq = gold.quotes;
  const std::vector<SysQuote> sys = system_quotes(claims, index);
  counts.gold = gq.size();
  counts.system = sys.size();

  std::vector<Candidate> lenient, strict;
  match_candidates(gold, sys, lenient, strict);
  DocumentPairs p;
  p.pairs = pair_greedily(lenient, gq.size(), sys.size());
  const std::vector<long> strict_pairs = pair_greedily(strict, gq.size(), sys.size());

  p.sys_paired.assign(sys.size(), false);
  for (std::size_t gi = 0; gi < gq.size(); ++gi) {
    KindCounts& k = by_kind[claim_kind_name(gq[gi].kind)];
    ++k.gold;
    if (strict_pairs[gi] >= 0) {
      ++counts.strict_matched;
      ++k.strict_matched;
    }
    if (p.pairs[gi] < 0) continue;
    const SysQuote& s = sys[static_cast<std::size_t>(p.pairs[gi])];
    p.sys_paired[static_cast<std::size_t>(p.pairs[gi])] = true;
    ++counts.matched;
    ++k.matched;
    ++by_kind[claim_kind_name(s.claim->kind)].system_matched;
    if (speaker_right(gq[gi], s)) {
      ++counts.speaker_right;
      ++k.speaker_right;
    }
  }
  for (const auto& s : sys) ++by_kind[claim_kind_name(s.claim->kind)].system;

  p.gold_missed.resize(gq.size());
  p.gold_wrong.resize(gq.size());
  p.sys_wrong.resize(sys.size());
  for (std::size_t gi = 0; gi < gq.size(); ++gi)
    score_targets(gold, index, gq[gi].targets, p.pairs[gi] >= 0 ? &sys[static_cast<std::size_t>(p.pairs[gi])] : nullptr,
                  counts, p.gold_missed[gi], p.gold_wrong[gi]);
  for (std::size_t si = 0; si < sys.size(); ++si) {
    std::vector<std::string> none;
    if (!p.sys_paired[si]) score_targets(gold, index, {}, &sys[si], counts, none, p.sys_wrong[si]);
  }
  const std::vector<EvalError> doc_errors = document_errors(gold, sys, p);
  errors.insert(errors.end(), doc_errors.begin(), doc_errors.end());
  return counts;
}

// A ratio; with a zero denominator, 1.0 when there was nothing to find and
// nothing was found (`vacuous`), else 0.0.
double ratio(std::size_t num, std::size_t den, bool vacuous) {
  if (den == 0) return vacuous ? 1.0 : 0.0;
  return static_cast<double>(num) / static_cast<double>(den);
}

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

using ojson = nlohmann::ordered_json;

void put_figures(ojson& o, const EvalCounts& c) {
  const EvalFigures f = eval_figures(c);
  o["detection_p"] = f.detection_p;
  o["detection_r"] = f.detection_r;
  o["detection_f1"] = f.detection_f1;
  o["strict_p"] = f.strict_p;
  o["strict_r"] = f.strict_r;
  o["strict_f1"] = f.strict_f1;
  o["speaker_accuracy"] = f.speaker_accuracy;
  o["attribution_p"] = f.attribution_p;
  o["attribution_r"] = f.attribution_r;
  o["attribution_f1"] = f.attribution_f1;
  o["target_p"] = f.target_p;
  o["target_r"] = f.target_r;
  o["target_f1"] = f.target_f1;
}

void put_counts(ojson& o, const EvalCounts& c) {
  o["gold"] = c.gold;
  o["system"] = c.system;
  o["matched"] = c.matched;
  o["strict_matched"] = c.strict_matched;
  o["speaker_right"] = c.speaker_right;
  o["target_tp"] = c.target_tp;
  o["target_fp"] = c.target_fp;
  o["target_fn"] = c.target_fn;
}

const char* error_type_name(EvalError::Type t) {
  switch (t) {
    case EvalError::Type::kMissed: return "missed";
    case EvalError::Type::kSpurious: return "spurious";
    case EvalError::Type::kWrongSpeaker: return "wrong_speaker";
    case EvalError::Type::kWrongTargets: return "wrong_targets";
  }
  return "?";
}

// A one-line excerpt: white space runs become one space, cut at 80 code points.
std::string one_line(const std::string& utf8) {
  constexpr std::size_t kMax = 80;
  auto decoded = decode_utf8(utf8);
  if (!decoded) return utf8;
  std::u32string out;
  bool space = false;
  for (char32_t c : decoded.text()) {
    if (is_space(c) || c < 0x20 || c == 0x7F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += U' ';
    space = false;
    out += c;
  }
  return cut_excerpt(out, 0, kMax);
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string pad_right(std::string s, std::size_t width) {
  const std::size_t n = count_code_points(s);
  if (n < width) s.append(width - n, ' ');
  return s;
}

std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t n = count_code_points(s);
  return n < width ? std::string(width - n, ' ') + s : s;
}

}  // namespace
}  // namespace detail

std::string normalize_name(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) return {};
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const icu::UnicodeString decomposed = nfkd->normalize(source, status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
  }
  kept.foldCase(U_FOLD_CASE_DEFAULT);
  std::u32string folded;
  for (int32_t i = 0; i < kept.length();) {
    const UChar32 c = kept.char32At(i);
    i += U16_LENGTH(c);
    folded.push_back(static_cast<char32_t>(c));
  }

  std::vector<std::u32string> words;
  std::u32string word;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char32_t c = folded[i];
    if (detail::is_name_alnum(c)) {
      word.push_back(c);
    } else if (detail::is_name_hyphen(c) && i > 0 && i + 1 < folded.size() &&
               detail::is_name_alnum(folded[i - 1]) && detail::is_name_alnum(folded[i + 1])) {
      word.push_back(U'-');
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));

  std::size_t first = 0;
  while (first < words.size() && detail::is_leading_word(words[first])) ++first;
  std::u32string joined;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (i > first) joined.push_back(U' ');
    joined += words[i];
  }
  return to_utf8(joined);
}

std::vector<std::string> resolve_name(std::string_view name, const GoldDocument& gold) {
  return detail::EntityIndex(gold).resolve(normalize_name(name));
}

EvalFigures eval_figures(const EvalCounts& c) {
  using detail::f1;
  using detail::ratio;
  EvalFigures f;
  const bool none = c.gold == 0 && c.system == 0;
  f.detection_p = ratio(c.matched, c.system, none);
  f.detection_r = ratio(c.matched, c.gold, none);
  f.detection_f1 = f1(f.detection_p, f.detection_r);
  f.strict_p = ratio(c.strict_matched, c.system, none);
  f.strict_r = ratio(c.strict_matched, c.gold, none);
  f.strict_f1 = f1(f.strict_p, f.strict_r);
  f.speaker_accuracy = ratio(c.speaker_right, c.matched, none);
  f.attribution_p = ratio(c.speaker_right, c.system, none);
  f.attribution_r = ratio(c.speaker_right, c.gold, none);
  f.attribution_f1 = f1(f.attribution_p, f.attribution_r);
  const bool no_targets = c.target_tp + c.target_fp + c.target_fn == 0;
  f.target_p = ratio(c.target_tp, c.target_tp + c.target_fp, no_targets);
  f.target_r = ratio(c.target_tp, c.target_tp + c.target_fn, no_targets);
  f.target_f1 = f1(f.target_p, f.target_r);
  return f;
}

EvalReport evaluate(const std::vector<GoldDocument>& gold, const std::vector<Claim>& claims) {
  EvalReport report;
  std::unordered_map<std::string, std::size_t> doc_index;
  for (std::size_t i = 0; i < gold.size(); ++i) doc_index.emplace(gold[i].name, i);

  std::vector<std::vector<const Claim*>> per_doc(gold.size());
  std::set<std::string> unknown;
  for (const Claim& c : claims) {
    if (c.kind == ClaimKind::kAct) {
      ++report.act_claims;
      continue;
    }
    auto it = doc_index.find(detail::basename(c.document));
    if (it == doc_index.end()) {
      ++report.claims_without_gold;
      unknown.insert(c.document);
      continue;
    }
    per_doc[it->second].push_back(&c);
  }
  report.documents_without_gold.assign(unknown.begin(), unknown.end());

  for (const char* kind : {"direct", "mixed", "indirect"}) (void)report.by_kind[kind];
  for (std::size_t i = 0; i < gold.size(); ++i) {
    DocumentEval d;
    d.document = gold[i].name;
    d.counts = detail::evaluate_document(gold[i], per_doc[i], report.by_kind, report.errors);
    detail::add_counts(report.total, d.counts);
    report.documents.push_back(std::move(d));
  }
  // Kinds that neither side used say nothing; keep the map to what occurred.
  for (auto it = report.by_kind.begin(); it != report.by_kind.end();) {
    if (it->second.gold == 0 && it->second.system == 0) {
      it = report.by_kind.erase(it);
    } else {
      ++it;
    }
  }
  return report;
}

namespace detail {
namespace {

// One kind's counts and figures in the JSON report.
ojson kind_to_json(const KindCounts& k) {
  const bool none = k.gold == 0 && k.system == 0;
  ojson o;
  o["gold"] = k.gold;
  o["system"] = k.system;
  o["matched"] = k.matched;
  o["system_matched"] = k.system_matched;
  o["strict_matched"] = k.strict_matched;
  o["speaker_right"] = k.speaker_right;
  const double p = ratio(k.system_matched, k.system, none);
  const double r = ratio(k.matched, k.gold, none);
  o["precision"] = p;
  o["recall"] = r;
  o["f1"] = f1(p, r);
  o["strict_recall"] = ratio(k.strict_matched, k.gold, none);
  o["speaker_accuracy"] = ratio(k.speaker_right, k.matched, none);
  o["attribution_recall"] = ratio(k.speaker_right, k.gold, none);
  return o;
}

// One error of the report (--errors), spans and speakers null when absent.
ojson error_to_json(const EvalError& e) {
  ojson o;
  o["type"] = error_type_name(e.type);
  o["document"] = e.document;
  o["kind"] = e.kind;
  o["gold_start"] = e.has_gold ? ojson(e.gold_start) : ojson(nullptr);
  o["gold_end"] = e.has_gold ? ojson(e.gold_end) : ojson(nullptr);
  o["system_start"] = e.has_system ? ojson(e.system_start) : ojson(nullptr);
  o["system_end"] = e.has_system ? ojson(e.system_end) : ojson(nullptr);
  o["text"] = e.text;
  o["gold_speaker"] = e.gold_speaker.empty() ? ojson(nullptr) : ojson(e.gold_speaker);
  o["system_speaker"] = e.system_speaker.empty() ? ojson(nullptr) : ojson(e.system_speaker);
  o["system_speaker_ids"] = e.system_speaker_ids;
  o["missed_targets"] = e.missed_targets;
  o["spurious_targets"] = e.spurious_targets;
  return o;
}

}  // namespace
}  // namespace detail

std::string eval_to_json(const EvalReport& report, bool with_errors) {
  using detail::ojson;
  using detail::ratio;
  ojson root;
  detail::put_figures(root, report.total);
  detail::put_counts(root, report.total);
  root["act_claims"] = report.act_claims;
  root["claims_without_gold"] = report.claims_without_gold;
  root["documents_without_gold"] = report.documents_without_gold;

  ojson recall_by_kind = ojson::object();
  ojson by_kind = ojson::object();
  for (const auto& [kind, k] : report.by_kind) {
    const bool none = k.gold == 0 && k.system == 0;
    if (k.gold > 0) recall_by_kind[kind] = ratio(k.matched, k.gold, none);
    by_kind[kind] = detail::kind_to_json(k);
  }
  root["recall_by_kind"] = std::move(recall_by_kind);
  root["by_kind"] = std::move(by_kind);

  ojson documents = ojson::array();
  for (const auto& d : report.documents) {
    ojson o;
    o["document"] = d.document;
    detail::put_counts(o, d.counts);
    detail::put_figures(o, d.counts);
    documents.push_back(std::move(o));
  }
  root["documents"] = std::move(documents);

  if (with_errors) {
    ojson errors = ojson::array();
    for (const auto& e : report.errors) {
      errors.push_back(detail::error_to_json(e));
    }
    root["errors"] = std::move(errors);
  }
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string eval_to_table(const EvalReport& report) {
  using detail::fixed3;
  using detail::pad_left;
  using detail::pad_right;
  const EvalCounts& c = report.total;
  const EvalFigures f = eval_figures(c);
  std::string out;
  out += "Quote attribution against the gold: " + std::to_string(report.documents.size()) +
         " documents, " + std::to_string(c.gold) + " gold quotes, " + std::to_string(c.system) +
         " system quotes\n\n";
  out += "              P      R      F1\n";
  auto row = [&](const char* name, double p, double r, double f1, const std::string& note) {
    out += pad_right(name, 12) + pad_left(fixed3(p), 7) + pad_left(fixed3(r), 7) +
           pad_left(fixed3(f1), 7) + "   " + note + "\n";
  };
  row("detection", f.detection_p, f.detection_r, f.detection_f1,
      std::to_string(c.matched) + " lenient pairs");
  row("strict", f.strict_p, f.strict_r, f.strict_f1, std::to_string(c.strict_matched) + " strict pairs");
  row("attribution", f.attribution_p, f.attribution_r, f.attribution_f1,
      std::to_string(c.speaker_right) + " pairs with the right speaker");
  row("targets", f.target_p, f.target_r, f.target_f1,
      "tp " + std::to_string(c.target_tp) + ", fp " + std::to_string(c.target_fp) + ", fn " +
          std::to_string(c.target_fn));
  out += "speaker accuracy on matched quotes: " + fixed3(f.speaker_accuracy) + " (" +
         std::to_string(c.speaker_right) + " of " + std::to_string(c.matched) + ")\n";
  out += "recall by kind:";
  bool any = false;
  for (const auto& [kind, k] : report.by_kind) {
    if (k.gold == 0) continue;
    out += std::string(any ? "," : "") + " " + kind + " " +
           fixed3(static_cast<double>(k.matched) / static_cast<double>(k.gold)) + " (" +
           std::to_string(k.matched) + "/" + std::to_string(k.gold) + ")";
    any = true;
  }
  out += any ? "\n" : " (no gold quotes)\n";
  if (report.act_claims > 0)
    out += "claims of kind act, not scored: " + std::to_string(report.act_claims) + "\n";
  if (report.claims_without_gold > 0)
    out += "claims for documents without gold, not scored: " +
           std::to_string(report.claims_without_gold) + "\n";

  std::size_t width = 8;
  for (const auto& d : report.documents) width = std::max(width, count_code_points(d.document));
  out += "\n" + pad_right("document", width) +
         "  gold   sys match strict  det.F1 strictF1 spk.acc attr.F1 tgt.F1\n";
  for (const auto& d : report.documents) {
    const EvalFigures df = eval_figures(d.counts);
    out += pad_right(d.document, width) + pad_left(std::to_string(d.counts.gold), 6) +
           pad_left(std::to_string(d.counts.system), 6) +
           pad_left(std::to_string(d.counts.matched), 6) +
           pad_left(std::to_string(d.counts.strict_matched), 7) +
           pad_left(fixed3(df.detection_f1), 8) + pad_left(fixed3(df.strict_f1), 9) +
           pad_left(fixed3(df.speaker_accuracy), 8) + pad_left(fixed3(df.attribution_f1), 8) +
           pad_left(fixed3(df.target_f1), 7) + "\n";
  }
  return out;
}

std::string eval_errors(const EvalReport& report) {
  std::string out;
  auto speaker = [](const std::string& s) { return s.empty() ? std::string("none") : s; };
  for (const auto& e : report.errors) {
    const bool gold_side = e.has_gold;
    out += e.document + ":" +
           std::to_string(gold_side ? e.gold_start : e.system_start) + "-" +
           std::to_string(gold_side ? e.gold_end : e.system_end) + ": ";
    switch (e.type) {
      case EvalError::Type::kMissed: out += "missed"; break;
      case EvalError::Type::kSpurious: out += "spurious"; break;
      case EvalError::Type::kWrongSpeaker: out += "wrong speaker"; break;
      case EvalError::Type::kWrongTargets: out += "wrong targets"; break;
    }
    out += " " + e.kind;
    if (e.type == EvalError::Type::kWrongSpeaker || e.type == EvalError::Type::kWrongTargets) {
      out += " (system span " + std::to_string(e.system_start) + "-" + std::to_string(e.system_end) + ")";
    }
    out += " \xC2\xAB" + detail::one_line(e.text) + "\xC2\xBB";
    if (e.has_gold) out += "; gold speaker: " + speaker(e.gold_speaker);
    if (e.has_system) {
      out += "; system speaker: " + speaker(e.system_speaker);
      if (!e.system_speaker.empty()) {
        out += " (resolves to ";
        if (e.system_speaker_ids.empty()) out += "no gold entity";
        for (std::size_t i = 0; i < e.system_speaker_ids.size(); ++i)
          out += (i ? ", " : "") + e.system_speaker_ids[i];
        out += ")";
      }
    }
    auto list = [](const std::vector<std::string>& v) {
      std::string l;
      for (std::size_t i = 0; i < v.size(); ++i) l += (i ? ", " : "") + v[i];
      return l;
    };
    if (!e.missed_targets.empty()) out += "; targets missed: " + list(e.missed_targets);
    if (!e.spurious_targets.empty()) out += "; targets spurious: " + list(e.spurious_targets);
    out += "\n";
  }
  return out;
}

std::optional<std::vector<Claim>> extract_gold_claims(const std::vector<GoldDocument>& gold,
                                                      const std::string& data_dir,
                                                      Diagnostics& diags) {
  auto pipeline = Pipeline::create(data_dir, diags);
  if (!pipeline) return std::nullopt;
  EntityRegistry registry(pipeline->words());
  std::vector<Claim> claims;
  for (const auto& doc : gold) {
    DocumentResult result = pipeline->process(doc.name, to_utf8(doc.text), diags);
    if (!result.ok) continue;  // process() has said why in `diags`
    resolve_entities(result, doc.name, registry);
    for (auto& c : result.claims) claims.push_back(std::move(c));
  }
  return claims;
}

}  // namespace quotegraph

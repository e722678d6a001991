// Evaluator: scores a system's claims against gold annotations exactly as
// docs/GOLD_FORMAT.md ("Matching a system's output to the gold") says:
// lenient and strict span pairs matched one to one and greedily, names
// normalised and resolved to the document's gold entities, speaker,
// attribution and target figures, overall, by kind and per document.
//
// Where the format leaves a choice open, this file decides (and the
// independent scorer scripts/score_gold.py decides the same):
//   - spans must overlap by at least one code point to pair at all, so an
//     empty or reversed system span never pairs;
//   - strict pairs are matched one to one on their own (a strict pair need
//     not be a lenient one), and an empty span after trimming never pairs;
//   - a name may resolve to several entities (two entities sharing an
//     alias, or two aliases of equal length found inside it); the speaker is
//     right when any of them is accepted;
//   - the entity's own name counts as one of its aliases;
//   - a system name that normalises to nothing ("M.", "le") is no name: a
//     speaker so named is no speaker, a target so named is ignored;
//   - targets: the gold targets that some system target resolves to are the
//     true positives; the other system targets are false positives, counted
//     once per resolved entity set (or per normalised name when unresolved);
//   - a ratio with a zero denominator is 1.0 when there was nothing to find
//     and nothing was found (no gold and no system items), else 0.0;
//   - overall figures are micro-averages: counts are summed over documents.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/eval/gold.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Normalises a speaker or target name for matching: Unicode NFKD,
// combining marks (gc Mn) dropped, full case folding; words are runs of
// letters and decimal digits, joined by a hyphen only between two of them
// (anything else, apostrophes included, separates words); leading articles
// (le la les l un une des du de) and titles (m mme mlle mm dr pr me mgr)
// dropped; words joined by single spaces.
// « M. Peskov » gives "peskov"; « l'ambassadeur de Russie aux États-Unis »
// gives "ambassadeur de russie aux etats-unis". Invalid UTF-8 is read with
// U+FFFD replacements; a name with no word gives "".
std::string normalize_name(std::string_view name);

// The ids of the entities of `gold` that `name` refers to: those whose
// normalised name or alias equals normalize_name(name); if none, the
// entities having the longest normalised alias (name included) of at least
// 4 code points that occurs in the normalised name as a run of whole words.
// "le porte-parole du Kremlin Dmitri Peskov" finds the entity with alias
// "Dmitri Peskov". Ids come in entity order; empty when nothing matches or
// the name normalises to "".
std::vector<std::string> resolve_name(std::string_view name, const GoldDocument& gold);

// Counts for one document, one kind or the whole set. Ratios are derived by
// the functions below.
struct EvalCounts {
  std::size_t gold = 0;            // gold quotes
  std::size_t system = 0;          // system quotes (claims other than acts)
  std::size_t matched = 0;         // lenient pairs
  std::size_t strict_matched = 0;  // strict pairs
  std::size_t speaker_right = 0;   // lenient pairs with the right speaker
  std::size_t target_tp = 0, target_fp = 0, target_fn = 0;
};

// The figures of one EvalCounts, each in [0, 1].
struct EvalFigures {
  double detection_p = 0, detection_r = 0, detection_f1 = 0;
  double strict_p = 0, strict_r = 0, strict_f1 = 0;
  double speaker_accuracy = 0;
  double attribution_p = 0, attribution_r = 0, attribution_f1 = 0;
  double target_p = 0, target_r = 0, target_f1 = 0;
};
// Derives the figures from `c`: precision over system quotes, recall over
// gold quotes, F1 their harmonic mean (0 when both are 0), with the
// zero-denominator rule above. Never fails.
EvalFigures eval_figures(const EvalCounts& c);

// Counts for one kind. Recall-side counts use the gold quote's kind,
// precision-side counts the system quote's kind, so a system "direct" that
// pairs with a gold "mixed" counts for the precision of direct and the
// recall of mixed.
struct KindCounts {
  std::size_t gold = 0, matched = 0, strict_matched = 0, speaker_right = 0;  // by gold kind
  std::size_t system = 0, system_matched = 0;                                // by system kind
};

struct DocumentEval {
  std::string document;
  EvalCounts counts;
};

// One mistake, for `quotegraph eval --errors`.
struct EvalError {
  // kWrongTargets: a quote paired with the right speaker whose targets
  // differ from the gold's (the other types list target mistakes too).
  enum class Type { kMissed, kSpurious, kWrongSpeaker, kWrongTargets };
  Type type = Type::kMissed;
  std::string document;
  bool has_gold = false, has_system = false;
  std::uint32_t gold_start = 0, gold_end = 0;      // when has_gold
  std::uint32_t system_start = 0, system_end = 0;  // when has_system
  std::string kind;          // gold kind when has_gold, else system kind
  std::string text;          // the document's text at the gold span, else the system span
  std::string gold_speaker;  // "id (Name)", or "" when the gold names none
  std::string system_speaker;  // the system's name, "" when none
  std::vector<std::string> system_speaker_ids;  // what it resolved to
  // Gold targets the system did not find ("id (Name)"), and system targets
  // that resolve to no gold target of the quote (as the system named them).
  std::vector<std::string> missed_targets, spurious_targets;
};

struct EvalReport {
  EvalCounts total;
  std::map<std::string, KindCounts> by_kind;  // "direct", "mixed", "indirect"
  std::vector<DocumentEval> documents;        // in gold order
  std::vector<EvalError> errors;              // per document, in text order
  std::size_t act_claims = 0;                 // claims of kind act, not scored
  // Claims naming a document that has no gold: not scored, reported so
  // that a misnamed document is not silently dropped.
  std::size_t claims_without_gold = 0;
  std::vector<std::string> documents_without_gold;  // their names, sorted, once each
};

// Scores `claims` against `gold`. A claim's document is matched by its file
// name (any directory part is ignored). Claims of kind act are counted in
// act_claims only. A claim whose span lies outside its document still
// counts as a system quote (it simply pairs with nothing that it does not
// overlap). Never fails.
EvalReport evaluate(const std::vector<GoldDocument>& gold, const std::vector<Claim>& claims);

// One JSON object (newline-terminated) with the overall figures
// (detection_p, detection_r, detection_f1, strict_p, strict_r, strict_f1,
// speaker_accuracy, attribution_p, attribution_r, attribution_f1, target_p,
// target_r, target_f1), the counts (gold, system, matched, strict_matched,
// speaker_right, target_tp, target_fp, target_fn, act_claims,
// claims_without_gold), recall_by_kind (gold kind -> recall, for the kinds
// the gold has), by_kind (kind -> counts and precision, recall, f1,
// strict_recall, speaker_accuracy, attribution_recall) and documents (one
// object per document with its name, counts and figures). With
// `with_errors`, an "errors" array too.
std::string eval_to_json(const EvalReport& report, bool with_errors = false);

// A plain-text summary: the overall figures, recall by kind and a
// per-document table.
std::string eval_to_table(const EvalReport& report);

// One line per mistake: missed quotes, spurious quotes, wrong speakers
// and wrong targets, each with the document, offsets, kind, text
// (shortened), both speakers and the targets missed or spurious
// ("; targets missed: usa (États-Unis); targets spurious: Kiev"). Empty
// when there is no mistake.
std::string eval_errors(const EvalReport& report);

// Runs the extractor over the gold documents as `quotegraph extract` would
// (lexicons from `data_dir`, one entity registry for the whole set) and
// returns their claims with speaker and target names filled. Document
// diagnostics go to `diags`; nullopt when the pipeline cannot be created.
std::optional<std::vector<Claim>> extract_gold_claims(const std::vector<GoldDocument>& gold,
                                                      const std::string& data_dir,
                                                      Diagnostics& diags);

}  // namespace quotegraph

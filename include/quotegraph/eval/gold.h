// Gold annotations: the hand-made reference of docs/GOLD_FORMAT.md that
// attribution accuracy is measured against. One NAME.gold.json beside each
// NAME.txt lists the document's entities and its quotes with code point
// offsets. Loading checks every rule of the format against the document
// text, so that a typo in an offset is reported at load time instead of
// silently lowering the scores.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/status.h"

namespace quotegraph {

// One entity the document names: "antonov", "Anatoly Antonov", person,
// {"Antonov", "M. Antonov", "ambassadeur de Russie aux États-Unis"}.
struct GoldEntity {
  std::string id;
  std::string name;
  EntityType type = EntityType::kPerson;  // never kUnknown once loaded
  std::vector<std::string> aliases;
};

// One reported statement. Offsets count code points, `end` exclusive.
struct GoldQuote {
  ClaimKind kind = ClaimKind::kDirect;  // never kAct once loaded
  std::uint32_t start = 0, end = 0;
  std::string text;                     // the document's code points [start, end)
  std::optional<std::string> speaker;   // entity id; none when the text names no source
  std::vector<std::string> speaker_also;  // other accepted entity ids
  std::optional<std::string> cue;       // "a déclaré", "selon"; none when absent
  std::vector<std::string> targets;     // entity ids
};

struct GoldDocument {
  std::string name;       // the "document" field: "000_df129b15e3c6ff2f.txt"
  std::string gold_path;  // where it was read from (for messages); may be empty
  std::u32string text;    // the decoded document the offsets point into
  std::vector<GoldEntity> entities;
  std::vector<GoldQuote> quotes;

  // The entity with this id, or nullptr.
  const GoldEntity* find(std::string_view id) const;
};

// Parses and validates the JSON text of a gold file against the decoded
// document `text` (see decode_utf8). `source_name` names the gold file in
// messages and `document_name` is the file name the "document" field must
// give ("NAME.txt"; empty skips that check). Every problem becomes a
// kBadGold error in `diags`, and all of them are reported, not only the
// first:
//   - malformed JSON, with the line (offset_unit "line") and column;
//   - a missing or mistyped field, an unknown `kind` or entity `type`, a
//     duplicated entity id;
//   - per quote, with the message starting `quote N (start-end): ` (N counts
//     from 1 in file order): offsets out of range or an empty span, `text`
//     not equal to the document at its offsets (both are quoted), a speaker,
//     speaker_also or target id that names no entity.
// Unknown extra fields give a warning. Returns nullopt when there was any
// error; never throws.
std::optional<GoldDocument> parse_gold(std::string_view json_text, const std::string& source_name,
                                       const std::string& document_name,
                                       const std::u32string& text, Diagnostics& diags);

// Reads `gold_path` and parses it as parse_gold() does, the document name
// being the gold file name with ".gold.json" replaced by ".txt". An
// unreadable file gives a kIoError diagnostic. Returns nullopt on any error.
std::optional<GoldDocument> load_gold(const std::string& gold_path, const std::u32string& text,
                                      Diagnostics& diags);

// Loads every NAME.gold.json of directory `dir` (not recursive), in file
// name order, each with the NAME.txt beside it (read and decoded here). A
// missing or undecodable .txt or a bad gold file adds errors and that
// document is left out; the others are still returned. A directory without
// any gold file adds an error.
std::vector<GoldDocument> load_gold_dir(const std::string& dir, Diagnostics& diags);

// One line for a diagnostic of the gold loaders, for the command line:
// `file:LINE: error: bad JSON at line LINE, column C: …` when the offset is a
// line; otherwise `file: error: message «excerpt»` without the offset,
// since a quote's message already gives its code point span in the
// document (`x.gold.json: error: quote 3 (240-405): unknown entity id "usa"
// in targets`). Other diagnostics fall back to format_diagnostic().
std::string format_gold_diagnostic(const Diagnostic& d);

// The gold file as JSON in the layout of the seeds (one space indent, keys
// in the order of GOLD_FORMAT.md, UTF-8 kept as is), newline-terminated.
// Never fails.
std::string gold_to_json(const GoldDocument& gold);

// The claims a perfect system would output for `gold`, one per quote in
// gold order: same spans, text, kind and cue; speaker and targets carry the
// entities' names (ids filled too). Used to check that the evaluator gives
// 1.0 on its own reference.
std::vector<Claim> gold_to_claims(const GoldDocument& gold);

// A draft gold file for the document `name` (decoded `text`) pre-filled
// from the extractor's `claims`, for a person to correct: entities are the
// claims' speakers and targets (id = EntityRef::id, or a slug of the name
// when the id is empty; aliases = the distinct mention texts; an unknown
// type is written as "organization", the commonest unknown); quotes are the
// claims other than acts, with text taken from `text` at the claim's
// offsets (clamped to the text) so that the draft always validates.
// Never fails.
GoldDocument gold_draft(const std::string& name, const std::u32string& text,
                        const std::vector<Claim>& claims);

// A lower-case slug of a name: accents stripped, letters and digits kept
// (of any script), every run of other characters turned into one hyphen. "Dmitri Peskov" gives "dmitri-peskov",
// "États-Unis" gives "etats-unis"; a name with no letter or digit gives
// "entity".
std::string slugify(std::string_view name);

}  // namespace quotegraph

// Claims JSONL: one JSON object per claim, the public contract documented in
// README.md ("Claims JSONL"). Writing and reading live together so the two
// cannot drift apart.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/status.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph {

// One line of JSON (no trailing newline) for `claim`, written by nlohmann's
// ordered_json with the keys always in this order:
// {"document":…, "start":…, "end":…, "text":…, "kind":…, "speaker":name|null,
//  "speaker_id":id|null, "speaker_type":…|null,
//  "speaker_mention":{"text":…,"start":…,"end":…}|null, "cue":…|null,
//  "relation":…, "targets":[names], "target_ids":[ids],
//  "target_mentions":[{"text","start","end"}]}
std::string claim_to_json(const Claim& claim);

// The same line (the same writer) followed by the document's metadata, each
// key only when the document gives it: "date", "source", "url", "title" (in
// that order, after "target_mentions"). Empty metadata gives exactly
// claim_to_json(claim).
std::string claim_to_json(const Claim& claim, const DocumentMeta& meta);

// The metadata keys ("date", "source", "url", "title") of one claims line;
// fields absent, null or not strings stay empty. A malformed line gives
// empty metadata.
DocumentMeta document_meta_from_json(const std::string& line);

// Rewrites one line written by claim_to_json (with or without metadata)
// with the canonical names that `registry` now gives to its speaker_id and
// target_ids (an entity renamed after a fuller name was seen later); ids
// that `registry` does not know keep their name. The line keeps the
// documented key order and its metadata keys. A line that claim_from_json
// cannot read is returned unchanged.
std::string rename_claim_line(const std::string& line, const EntityRegistry& registry);

// Parses one line written by claim_to_json, or any object with at least
// document, start, end, kind (speaker and targets optional, speaker may be a
// name string or null). A malformed line gives an error Status (kBadClaims)
// whose message names the bad field or the JSON error ("missing \"kind\"").
Result<Claim> claim_from_json(const std::string& line);

// Reads a whole claims stream; a bad line adds a kBadClaims diagnostic
// naming `source_name` and the line number and is skipped.
std::vector<Claim> read_claims(std::istream& in, const std::string& source_name,
                               Diagnostics& diags);

// One JSON line for a canonical entity (entities.jsonl): id, name, type,
// role, state, aliases [{"text","count"}], documents, claims_said,
// claims_targeted, then "first_date" and "last_date" (YYYY-MM-DD) only when
// some document of the entity had a date.
std::string entity_to_json(const Entity& entity);

}  // namespace quotegraph

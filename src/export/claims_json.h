// Internal to the export stage: the claims JSONL reader on an already
// parsed JSON object, so that readers of records that embed a claim (map
// records) parse each line once and read the claim fields exactly as
// claim_from_json does; and what the field readers of both return.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/status.h"

namespace quotegraph::detail {

// Reads the claim keys of `obj` (other keys are ignored). A malformed value
// gives an error Status (kBadClaims) whose message names the field.
Result<Claim> claim_from_json_object(const nlohmann::json& obj);

// A field that cannot be read: an error Status (kBadClaims) with no file,
// since the caller names the line, and `message` naming the field.
inline Status bad_field(std::string message) {
  return Status::error(DiagCode::kBadClaims, "", 0, std::move(message));
}

// The first error of `statuses`, in order, or ok: the readers of several
// fields report the first bad one.
inline Status first_error(std::initializer_list<Status> statuses) {
  for (const Status& s : statuses)
    if (!s) return s;
  return Status();
}

}  // namespace quotegraph::detail

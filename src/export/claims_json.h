// Internal to the export stage: the claims JSONL reader on an already
// parsed JSON object, so that readers of records that embed a claim (map
// records) parse each line once and read the claim fields exactly as
// claim_from_json does.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/status.h"

namespace quotegraph::detail {

// Reads the claim keys of `obj` (other keys are ignored). A malformed value
// gives an error Status (kBadClaims) whose message names the field.
Result<Claim> claim_from_json_object(const nlohmann::json& obj);

}  // namespace quotegraph::detail

// Internal to the export stage: the claims JSONL reader on an already
// parsed JSON object, so that readers of records that embed a claim (map
// records) parse each line once and read the claim fields exactly as
// claim_from_json does.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "quotegraph/attribution/claim.h"

namespace quotegraph::detail {

// Reads the claim keys of `obj` into `claim` (other keys are ignored).
// Returns false and sets `error`, naming the field, on a malformed value.
bool claim_from_json_object(const nlohmann::json& obj, Claim& claim, std::string& error);

}  // namespace quotegraph::detail

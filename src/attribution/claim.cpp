// Claim kinds by name: the spelling the claims JSONL, GraphML and DOT
// exports use, and its inverse for reading claims back.
#include "quotegraph/attribution/claim.h"

namespace quotegraph {

namespace {

constexpr ClaimKind kAllClaimKinds[] = {ClaimKind::kDirect, ClaimKind::kMixed,
                                        ClaimKind::kIndirect, ClaimKind::kAct};

}  // namespace

const char* claim_kind_name(ClaimKind k) {
  switch (k) {
    case ClaimKind::kDirect: return "direct";
    case ClaimKind::kMixed: return "mixed";
    case ClaimKind::kIndirect: return "indirect";
    case ClaimKind::kAct: return "act";
  }
  // Only reachable through a cast of an out-of-range value.
  return "direct";
}

std::optional<ClaimKind> parse_claim_kind(std::string_view name) {
  for (ClaimKind k : kAllClaimKinds) {
    if (name == claim_kind_name(k)) return k;
  }
  return std::nullopt;
}

}  // namespace quotegraph

// Tests for the claim kind names the exports and the claims JSONL use.
#include "quotegraph/attribution/claim.h"

#include <string>

#include "catch.hpp"

using namespace quotegraph;

TEST_CASE("claim kinds round-trip through their names", "[claim][unit]") {
  for (ClaimKind k :
       {ClaimKind::kDirect, ClaimKind::kMixed, ClaimKind::kIndirect, ClaimKind::kAct}) {
    auto parsed = parse_claim_kind(claim_kind_name(k));
    REQUIRE(parsed);
    CHECK(*parsed == k);
  }
  CHECK(std::string(claim_kind_name(ClaimKind::kMixed)) == "mixed");
  CHECK(std::string(claim_kind_name(ClaimKind::kAct)) == "act");
}

TEST_CASE("unknown claim kind names are rejected", "[claim][bad-input]") {
  auto name = GENERATE(as<std::string>{}, "", "Direct", "direct ", "quote", "indirecte");
  CHECK_FALSE(parse_claim_kind(name));
}

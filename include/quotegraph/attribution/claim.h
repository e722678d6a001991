// Claim: one piece of reported speech (or a speech act) with its speaker,
// cue and targets, as the attribution stage produces it and the claims
// JSONL carries it. Offsets are code points into the document text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"

namespace quotegraph {

enum class ClaimKind : std::uint8_t { kDirect, kMixed, kIndirect, kAct };
// "direct", "mixed", "indirect", "act".
const char* claim_kind_name(ClaimKind k);
std::optional<ClaimKind> parse_claim_kind(std::string_view name);

// A stretch of text that refers to an entity.
struct Mention {
  std::uint32_t begin = 0, end = 0;  // code points, end exclusive
  std::string text;                  // as written: "le porte-parole du Kremlin, Dmitri Peskov"
};

// An entity a claim points at, resolved as far as the pipeline could.
struct EntityRef {
  std::string id;       // stable id across the corpus ("dmitri-peskov"); empty if unresolved
  std::string name;     // canonical name: "Dmitri Peskov", "Russie"
  EntityType type = EntityType::kUnknown;
  Mention mention;      // where the text names it for this claim
};

struct Claim {
  std::string document;            // file name
  std::uint32_t begin = 0, end = 0;  // reported content, code points
  std::string text;                // the content, UTF-8
  ClaimKind kind = ClaimKind::kDirect;
  std::string cue;                 // as written: "a déclaré", "a-t-il averti", "selon"
  Relation relation = Relation::kStates;
  std::optional<EntityRef> speaker;  // none when the text names no source
  std::vector<EntityRef> targets;
};

}  // namespace quotegraph

// Internal to the exporters: the colours every format shares, so that one
// graph looks the same in Gephi (GraphML r, g, b and GEXF viz:color),
// Graphviz (DOT/SVG, as #rrggbb), the HTML reader and the legends.
// Entities by type, claims by kind, edges by relation.
#pragma once

#include <cstdio>
#include <string>

#include "quotegraph/graph/claim_graph.h"

namespace quotegraph::detail {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

// Light fills that keep black labels readable: persons blue, organisations
// green, countries red, groups yellow, unresolved grey.
inline Rgb entity_colour(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return {138, 180, 248};
    case EntityType::kOrganization: return {129, 201, 149};
    case EntityType::kCountry: return {242, 139, 130};
    case EntityType::kGroup: return {253, 214, 99};
    case EntityType::kUnknown: break;
  }
  return {218, 220, 224};
}

// Claim boxes by kind: quotations warm (direct yellow, mixed orange),
// reported speech cool (indirect teal), speech acts lilac (and drawn
// dashed, since they report no words).
inline Rgb claim_colour(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kDirect: return {255, 241, 179};
    case ClaimKind::kMixed: return {255, 214, 170};
    case ClaimKind::kIndirect: return {200, 236, 232};
    case ClaimKind::kAct: return {230, 215, 245};
  }
  return {241, 243, 244};
}

// Edge colours by relation: strong hues that read on white, red for
// accusations, orange criticism, blue calls, purple warnings, green
// support, brown denials, teal thanks, steel blue replies, grey plain
// statements.
inline Rgb relation_colour(Relation relation) {
  switch (relation) {
    case Relation::kAccuses: return {217, 48, 37};
    case Relation::kCriticises: return {232, 113, 10};
    case Relation::kCallsOn: return {26, 115, 232};
    case Relation::kWarns: return {147, 52, 230};
    case Relation::kSupports: return {24, 128, 56};
    case Relation::kDenies: return {141, 110, 99};
    case Relation::kThanks: return {0, 137, 123};
    case Relation::kRespondsTo: return {70, 130, 180};
    case Relation::kStates: break;
  }
  return {95, 99, 104};
}

// `says` edges (speaker -> claim) stay a quiet grey.
inline Rgb says_colour() { return {154, 160, 166}; }

inline std::string hex_colour(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r & 0xFF, c.g & 0xFF, c.b & 0xFF);
  return buf;
}

// Every relation, kind and type in legend order.
constexpr Relation kRelations[] = {Relation::kAccuses, Relation::kCriticises, Relation::kDenies,
                                   Relation::kWarns,   Relation::kCallsOn,    Relation::kSupports,
                                   Relation::kThanks,  Relation::kRespondsTo, Relation::kStates};
constexpr ClaimKind kClaimKinds[] = {ClaimKind::kDirect, ClaimKind::kMixed, ClaimKind::kIndirect,
                                     ClaimKind::kAct};
constexpr EntityType kEntityTypes[] = {EntityType::kPerson, EntityType::kOrganization,
                                       EntityType::kCountry, EntityType::kGroup,
                                       EntityType::kUnknown};

}  // namespace quotegraph::detail

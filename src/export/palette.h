// Internal to the exporters: the node colours GraphML (as r, g, b) and DOT
// (as #rrggbb) share, so one graph looks the same in Gephi and Graphviz.
#pragma once

#include <cstdio>
#include <string>

#include "quotegraph/graph/claim_graph.h"

namespace quotegraph::detail {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

// Light fills that keep black labels readable: persons blue, organisations
// green, countries red, groups yellow, unresolved grey; claims pale grey.
inline Rgb node_colour(const VertexProps& v) {
  if (v.kind == VertexKind::kClaim) return {241, 243, 244};
  switch (v.entity_type) {
    case EntityType::kPerson: return {138, 180, 248};
    case EntityType::kOrganization: return {129, 201, 149};
    case EntityType::kCountry: return {242, 139, 130};
    case EntityType::kGroup: return {253, 214, 99};
    case EntityType::kUnknown: break;
  }
  return {218, 220, 224};
}

inline std::string hex_colour(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r & 0xFF, c.g & 0xFF, c.b & 0xFF);
  return buf;
}

}  // namespace quotegraph::detail

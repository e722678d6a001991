// DOT export and SVG rendering of a ClaimGraph through Graphviz: the graph
// is built with cgraph (which quotes and escapes labels), written with
// agwrite, and rendered with gvc's `dot` layout. Shapes and colours by node
// kind (entities as ellipses coloured by type, claims as boxes), edges
// coloured and labelled by relation.
#pragma once

#include <string>

#include "quotegraph/graph/claim_graph.h"

namespace quotegraph {

struct DotOptions {
  // Draw claim vertices; when false only entities and aggregate edges are
  // drawn (an actor network, readable for large corpora).
  bool claims = true;
};

// Returns the DOT text of `graph`. Sets `error` and returns "" on failure.
std::string to_dot(const ClaimGraph& graph, const DotOptions& options, std::string& error);

// Lays out `graph` with dot and renders SVG. Sets `error` and returns "" on failure.
// Graphviz keeps process-wide state: call to_dot and render_svg from one
// thread at a time.
std::string render_svg(const ClaimGraph& graph, const DotOptions& options, std::string& error);

}  // namespace quotegraph

// The graph outputs of `quotegraph extract` (GraphML, GEXF, DOT, SVG) and
// their view options (--graph, --min-weight, --top, --relation, --speaker),
// kept apart from the extraction loop: options are registered on the
// subcommand, and the files are written from the finished ClaimGraph.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "quotegraph/graph/claim_graph.h"

namespace quotegraph::cli {

struct GraphOutputOptions {
  std::string graphml, gexf, dot, svg;
  std::string layer = "all";
  int min_weight = 1;
  std::size_t top = 0;
  std::vector<std::string> relations;
  std::vector<std::string> speakers;
  bool dot_claims = true;  // false: --no-dot-claims, DOT and SVG draw the actor network
  bool quiet = false;

  // True when some graph file is asked for.
  bool any() const { return !graphml.empty() || !gexf.empty() || !dot.empty() || !svg.empty(); }
};

// Adds --graphml, --gexf, --dot, --svg and the view options to `sub`.
void add_graph_output_options(CLI::App* sub, GraphOutputOptions& options);

// Writes every graph file asked for. Problems are printed to standard
// error as `path: error: …`; returns false when a file could not be written.
bool write_graph_outputs(const ClaimGraph& graph, const GraphOutputOptions& options);

}  // namespace quotegraph::cli

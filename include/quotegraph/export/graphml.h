// GraphML export of a ClaimGraph view, streamed element by element
// (pugixml escapes each one), following Gephi's conventions:
// edgedefault="directed", every attribute declared as a typed <key>,
// colours as integer r, g, b on nodes and edges, edge `relation` and
// `weight`. Node ids are the entity ids of entities.jsonl ("dmitri-peskov",
// "name:<name>" for an entity the registry could not resolve) and the
// claim ids ("claim:<document>:<start>-<end>:<n>"). Characters XML 1.0
// forbids (NUL, most C0 controls) are dropped from every value so the file
// always parses. Memory holds one element at a time, never the document.
#pragma once

#include <ostream>
#include <string>

#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/graph/graph_view.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Writes what `view` shows to `out`: entity nodes, then claim nodes, then
// says/targets edges, then aggregated edges. Returns an error Status
// (kIoError, its message saying why) when the stream fails or the claims
// cannot be read back.
Status write_graphml(const GraphView& view, std::ostream& out);

// The whole graph, both layers.
Status write_graphml(const ClaimGraph& graph, std::ostream& out);

}  // namespace quotegraph

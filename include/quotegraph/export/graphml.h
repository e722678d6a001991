// GraphML export of a ClaimGraph, written with pugixml, following Gephi's
// conventions: edgedefault="directed", every attribute declared as a typed
// <key>, node `label`, `kind`, `entity_type`, colours as integer r, g, b by
// node kind, edge `relation`, `weight`. Characters XML 1.0 forbids (NUL,
// most C0 controls) are dropped from every value so the file always parses.
#pragma once

#include <ostream>
#include <string>

#include "quotegraph/graph/claim_graph.h"

namespace quotegraph {

// Writes `graph` to `out`. Returns false and sets `error` when the stream fails.
bool write_graphml(const ClaimGraph& graph, std::ostream& out, std::string& error);

}  // namespace quotegraph

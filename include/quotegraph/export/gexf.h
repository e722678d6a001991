// GEXF 1.3 export of a ClaimGraph view, Gephi's native format, streamed
// element by element (pugixml escapes each one). What Gephi shows without
// manual work: typed attributes declared per class; viz:color by entity
// type, claim kind and relation; viz:size by claims said; edge weights and
// `kind` (the relation, so parallel edges of different relations stay
// apart); and, when documents are dated, a dynamic graph (timeformat
// "date"): claims and their edges live on their day, entities from their
// first to their last date, aggregated edges have one spell per day with
// claims and a dynamic `claims` count per day, so that Gephi's timeline
// plays who accuses whom over time. Node ids are the entity ids of
// entities.jsonl and the claim ids, as in GraphML.
#pragma once

#include <ostream>
#include <string>

#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/graph/graph_view.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Writes what `view` shows to `out`. Returns an error Status (kIoError,
// its message saying why) when the stream fails or the claims cannot be
// read back.
Status write_gexf(const GraphView& view, std::ostream& out);

}  // namespace quotegraph

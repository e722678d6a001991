// DOT export and SVG rendering of a ClaimGraph view through Graphviz. The
// DOT text is written element by element (so the DOT of millions of claims
// streams to disk); the SVG is laid out by gvc from that text, bounded in
// size. Entities are ellipses coloured by type, claims boxes coloured by
// kind (speech acts dashed and rounded, since they report no words),
// targets edges and aggregated edges coloured and labelled by relation;
// a legend node explains the colours.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/graph/graph_view.h"
#include "quotegraph/status.h"

namespace quotegraph {

struct DotOptions {
  bool legend = true;  // a "legend" node listing entity types, claim kinds and relations
  // Actor network only: leave out entities without an edge in the view
  // (speakers nobody answers are a column of isolated names otherwise).
  bool drop_isolated = false;
};

// Writes the DOT text of what `view` shows to `out`: the claim layer
// (says and targets edges, drawn left to right with dot) when the view
// shows claims, else the actor network (aggregated edges, laid out with
// sfdp and overlap removal: `layout=sfdp` is set in the file). Returns an
// error Status (kIoError, its message saying why) when the stream fails or
// the claims cannot be read back.
Status write_dot(const GraphView& view, const DotOptions& options, std::ostream& out);

// The same as a string, or the error Status of write_dot.
Result<std::string> to_dot(const GraphView& view, const DotOptions& options);

// Above this many nodes (claims plus entities) the claim layer is not drawn
// in an SVG: dot needs minutes for tens of thousands of boxes.
constexpr std::size_t kMaxSvgClaimNodes = 300;
// The actor network drawn instead, or when the view itself has more
// entities, keeps this many of the busiest entities.
constexpr std::size_t kSvgTopEntities = 40;

struct SvgResult {
  std::string svg;
  // Empty when the view was drawn as asked; otherwise one line saying what
  // was drawn instead ("… drew the actor network of the 40 entities with
  // most claims"), for the command line to show.
  std::string note;
};

// Lays out and renders `view` as SVG. The claim layer is drawn with dot
// when it has at most kMaxSvgClaimNodes nodes; otherwise, or for the actor
// layer, the actor network of at most kSvgTopEntities entities (the view's
// relation and speaker choices kept, isolated entities left out) is drawn
// with sfdp and overlap removal, which takes seconds whatever the corpus.
// Returns an error Status (kIoError, Graphviz's message) when the claims
// cannot be read back or Graphviz cannot lay out or render the graph.
// Graphviz keeps process-wide state: call from one thread at a time.
Result<SvgResult> render_svg(const GraphView& view, const DotOptions& options);

}  // namespace quotegraph

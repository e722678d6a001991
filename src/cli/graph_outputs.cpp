// Graph outputs of `quotegraph extract`: each file is written through a
// GraphView built from the command line's view options, streamed into an
// OutputFile (a temporary name renamed when complete).
#include "graph_outputs.h"

#include <iostream>

#include "output_file.h"
#include "quotegraph/export/dot.h"
#include "quotegraph/export/gexf.h"
#include "quotegraph/export/graphml.h"
#include "quotegraph/graph/graph_view.h"

namespace quotegraph::cli {

void add_graph_output_options(CLI::App* sub, GraphOutputOptions& o) {
  sub->add_option("--graphml", o.graphml, "GraphML output (for Gephi, networkx)");
  sub->add_option("--gexf", o.gexf, "GEXF 1.3 output (Gephi: colours, sizes, timeline when documents are dated)");
  sub->add_option("--dot", o.dot, "Graphviz DOT output");
  sub->add_option("--svg", o.svg, "SVG diagram rendered with Graphviz (large graphs: the actor network of the top entities)");
  sub->add_option("--graph", o.layer,
                  "Graph layer for every graph output: all (claims and aggregated edges), claims "
                  "(entity -> claim -> entity) or actors (entity -> entity, weighted per relation)")
      ->check(CLI::IsMember({"all", "claims", "actors"}));
  sub->add_option("--min-weight", o.min_weight,
                  "Keep only speaker -> target edges backed by at least N claims")
      ->check(CLI::PositiveNumber);
  sub->add_option("--top", o.top, "Keep only the N entities with most claims and the edges among them");
  sub->add_option("--relation", o.relations, "Keep only these relations (states, accuses, criticises, calls_on, warns, supports, denies)")
      ->check(CLI::IsMember({"states", "accuses", "criticises", "calls_on", "warns", "supports", "denies"}));
  sub->add_option("--speaker", o.speakers, "Keep only the claims of these speakers (entity ids or names)");
  sub->add_flag("!--no-dot-claims", o.dot_claims, "DOT/SVG: draw only entities and their aggregated edges (as --graph actors)");
}

bool write_graph_outputs(const ClaimGraph& graph, const GraphOutputOptions& o) {
  if (!o.any()) return true;
  ViewOptions vo;
  vo.layer = parse_graph_layer(o.layer).value_or(GraphLayer::kAll);
  vo.min_weight = o.min_weight;
  vo.top = o.top;
  for (const std::string& r : o.relations)
    if (auto rel = parse_relation(r)) vo.relations.push_back(*rel);
  vo.speakers = o.speakers;
  const GraphView view(graph, vo);
  for (const std::string& s : view.unmatched_speakers())
    std::cerr << "quotegraph: warning: --speaker \"" << s << "\" matches no entity\n";

  bool ok = true;
  auto write = [&](const std::string& path, auto&& writer) {
    if (path.empty()) return;
    OutputFile out(path);
    Status written;
    if (!out.ok() || !(written = writer(out.stream())) || !out.commit()) {
      report_write_failure(path, written.message());
      ok = false;
    }
  };
  write(o.graphml, [&](std::ostream& s) { return write_graphml(view, s); });
  write(o.gexf, [&](std::ostream& s) { return write_gexf(view, s); });

  // DOT and SVG: --no-dot-claims draws the actor network; the claim layer
  // is what "all" means for a drawing (aggregates would repeat its arrows).
  ViewOptions dot_vo = vo;
  if (!o.dot_claims) dot_vo.layer = GraphLayer::kActors;
  const GraphView dot_view(graph, dot_vo);
  DotOptions dot_options;
  write(o.dot, [&](std::ostream& s) { return write_dot(dot_view, dot_options, s); });
  if (!o.svg.empty()) {
    const Result<SvgResult> svg = render_svg(dot_view, dot_options);
    if (svg && !svg->note.empty() && !o.quiet) std::cerr << o.svg << ": note: " << svg->note << '\n';
    OutputFile out(o.svg);
    if (!svg || svg->svg.empty() || !out.ok()) {
      report_write_failure(o.svg, svg.status().message());
      ok = false;
    } else {
      out.stream() << svg->svg;
      if (!out.commit()) {
        report_write_failure(o.svg, "");
        ok = false;
      }
    }
  }
  return ok;
}

}  // namespace quotegraph::cli

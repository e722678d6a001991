// DOT and SVG export through Graphviz. The DOT text is written by hand,
// element by element, so that a view of any size streams to disk; values
// are always double-quoted, with the two rules DOT's quoted strings have:
// a double quote is escaped, and a backslash is doubled here (Graphviz
// reads label escapes such as \N or \n, and a value ending in a lone
// backslash would swallow its closing quote; cgraph keeps a doubled
// backslash as two characters, which labels then show as one). The SVG is
// rendered by gvc from that text (agmemread), for views bounded in size;
// cgraph's error reports are captured instead of printed.
#include "quotegraph/export/dot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "palette.h"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"
#include "xml_safe.h"

namespace quotegraph {

namespace {

// Claim boxes wrap their label at this many code points per line.
constexpr std::size_t kWrapCodePoints = 36;

// cgraph reports through one process-wide callback; while a rendering runs
// its messages are collected here (the library never prints).
thread_local std::string* active_messages = nullptr;

int collect_message(char* message) {
  if (active_messages != nullptr && message != nullptr) active_messages->append(message);
  return 0;
}

class MessageCapture {
 public:
  MessageCapture() {
    active_messages = &messages_;
    previous_ = agseterrf(collect_message);
  }
  ~MessageCapture() {
    agseterrf(previous_);
    active_messages = nullptr;
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

  // The collected text on one line, or `fallback` when there was none.
  std::string text(const char* fallback) const {
    std::string out = messages_;
    std::replace(out.begin(), out.end(), '\n', ' ');
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.empty() ? fallback : out;
  }

 private:
  std::string messages_;
  agusererrf previous_ = nullptr;
};

// A name as DOT should carry it: XML-safe (SVG repeats names in <title>)
// and with backslashes doubled (see the file comment).
std::string name_text(std::string_view text) {
  const std::string clean = detail::xml_safe(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Label text as Graphviz should show it: XML-safe (labels end up in SVG),
// backslashes doubled so "\N" or "C:\dossier" stay literal, line breaks as
// Graphviz's centred-line escape.
std::string label_text(std::string_view text) {
  // Graphviz's scanner refuses a quoted string longer than 16,384 bytes:
  // long claim texts are cut at a code point boundary, with an ellipsis.
  constexpr std::size_t kMaxLabelBytes = 4000;
  const std::string clean = cut_excerpt(detail::xml_safe(text), kMaxLabelBytes);
  std::string out;
  out.reserve(clean.size());
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      if (i + 1 >= clean.size() || clean[i + 1] != '\n') out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Breaks `text` into lines of about kWrapCodePoints code points at spaces,
// so that a claim box is a paragraph rather than one long line.
std::string wrap(const std::string& text) {
  std::string out;
  std::size_t line = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    const std::size_t word = count_code_points(std::string_view(text).substr(i, j - i));
    if (line > 0 && line + 1 + word > kWrapCodePoints) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(text, i, j - i);
    line += word;
    i = j + 1;
  }
  return out;
}

// A DOT double-quoted string of `text`, which has had its backslashes
// doubled already (name_text, label_text).
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string fixed(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

// Thicker lines for edges that aggregate more claims; logarithmic so one
// prolific speaker does not flood the drawing.
std::string pen_width(int weight) {
  return fixed(std::min(8.0, 1.0 + std::log2(static_cast<double>(std::max(weight, 1)))));
}

// The legend: a table of swatches, one HTML-like label (so it is one node
// whatever the layout).
std::string legend_label(bool claims) {
  std::string t =
      "<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" BGCOLOR=\"white\">"
      "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>";
  for (EntityType type : detail::kEntityTypes) {
    t += "<TR><TD BGCOLOR=\"" + detail::hex_colour(detail::entity_colour(type)) +
         "\" STYLE=\"rounded\" WIDTH=\"28\"> </TD><TD ALIGN=\"LEFT\">" + entity_type_name(type) +
         "</TD></TR>";
  }
  if (claims) {
    for (ClaimKind kind : detail::kClaimKinds) {
      t += "<TR><TD BGCOLOR=\"" + detail::hex_colour(detail::claim_colour(kind)) + "\"" +
           (kind == ClaimKind::kAct ? " STYLE=\"dashed\" BORDER=\"1\"" : "") +
           "> </TD><TD ALIGN=\"LEFT\">" + claim_kind_name(kind) + (kind == ClaimKind::kAct ? " (speech act)" : " claim") +
           "</TD></TR>";
    }
  }
  for (Relation r : detail::kRelations) {
    const std::string colour = detail::hex_colour(detail::relation_colour(r));
    t += "<TR><TD><FONT COLOR=\"" + colour + "\">\xE2\x94\x81\xE2\x94\x81\xE2\x96\xB6</FONT></TD>"
         "<TD ALIGN=\"LEFT\"><FONT COLOR=\"" + colour + "\">" + relation_name(r) + "</FONT></TD></TR>";
  }
  return t + "</TABLE>>";
}

struct DotWriter {
  const GraphView& view;
  const DotOptions& options;
  std::ostream& out;

  void attrs(std::initializer_list<std::pair<const char*, std::string>> list) {
    out << " [";
    bool first = true;
    for (const auto& [key, value] : list) {
      if (!first) out << ", ";
      first = false;
      out << key << '=' << quoted(value);
    }
    out << "];\n";
  }

  void entity(const EntityNode& p, bool actors) {
    const std::string fill = detail::hex_colour(detail::entity_colour(p.entity_type));
    out << '\t' << quoted(name_text(p.id));
    // Bigger names for the entities with more claims in the network.
    const int weight = view.entity_weight(view.graph().find_entity(p.id));
    const std::string size = fixed(actors ? std::min(24.0, 10.0 + 2.0 * std::log2(1.0 + weight)) : 14.0);
    attrs({{"label", label_text(p.label)},
           {"shape", "ellipse"},
           {"fillcolor", fill},
           {"fontsize", size},
           {"tooltip", label_text(std::string(entity_type_name(p.entity_type)) +
                                  (p.role.empty() ? "" : ", " + p.role))}});
  }

  void claim(const ClaimRecord& c) {
    out << '\t' << quoted(name_text(c.id));
    const bool act = c.kind == ClaimKind::kAct;
    std::string tooltip = std::string(claim_kind_name(c.kind)) + ", " + relation_name(c.relation);
    if (!c.cue.empty()) tooltip += " (" + c.cue + ")";
    tooltip += ": " + c.text;
    attrs({{"label", label_text(wrap(claim_label(c.text)))},
           {"shape", "box"},
           {"style", act ? "filled,dashed,rounded" : "filled"},
           {"fillcolor", detail::hex_colour(detail::claim_colour(c.kind))},
           {"fontsize", "10"},
           {"tooltip", label_text(tooltip)}});
  }

  void edge(const std::string& tail, const std::string& head, const std::string& label,
            const std::string& colour, int weight) {
    out << '\t' << quoted(name_text(tail)) << " -> " << quoted(name_text(head));
    if (weight > 0) {
      // Actor network: the relation and count as a tooltip, not a label
      // (labels of a few hundred edges cover the network); the legend and
      // the line width say the rest.
      attrs({{"tooltip", label_text(label)},
             {"color", colour},
             {"penwidth", pen_width(weight)},
             {"weight", std::to_string(weight)}});
    } else if (label.empty()) {
      attrs({{"color", colour}});
    } else {
      attrs({{"label", label_text(label)}, {"color", colour}, {"fontcolor", colour}});
    }
  }

  // The graph, node and edge defaults: a left-to-right hierarchy for
  // claims, a force-directed network for actors; the legend when asked.
  void write_defaults(bool claims) {
    out << "digraph quotegraph {\n";
    if (claims) {
      out << "\tgraph [rankdir=LR, fontname=Helvetica, ranksep=0.6, nodesep=0.15];\n";
    } else {
      // A network, not a hierarchy: force-directed placement, nodes pushed
      // apart until no two labels overlap.
      out << "\tgraph [layout=sfdp, overlap=prism, overlap_scaling=2, sep=\"+8\", splines=false, "
             "outputorder=edgesfirst, fontname=Helvetica];\n";
    }
    out << "\tnode [fontname=Helvetica, style=filled];\n"
           "\tedge [fontname=Helvetica, fontsize=9, arrowsize=0.7];\n";
    if (options.legend) {
      out << "\t\"quotegraph:legend\" [shape=plaintext, style=\"\", margin=0, label=" << legend_label(claims) << "];\n";
    }
  }

  // The claim nodes, then their says and targets edges; an error when the
  // claims cannot be read back.
  Status write_claims() {
    const ClaimGraph& graph = view.graph();
    const ActorGraph& g = graph.graph();
    Status read = graph.for_each_claim([&](const ClaimRecord& c) {
      if (view.keeps_claim(c)) claim(c);
      return static_cast<bool>(out);
    });
    if (!read) return read;
    return graph.for_each_claim(
        [&](const ClaimRecord& c) {
          if (!view.keeps_claim(c)) return true;
          if (view.has_entity(c.speaker))
            edge(g[c.speaker].id, c.id, "", detail::hex_colour(detail::says_colour()), 0);
          const std::string colour = detail::hex_colour(detail::relation_colour(c.relation));
          for (int t : c.targets) {
            if (view.has_entity(t)) edge(c.id, g[t].id, relation_name(c.relation), colour, 0);
          }
          return static_cast<bool>(out);
        });
  }

  // The aggregated speaker -> target edges, labelled with their relation
  // and weight (accuse ×3).
  void write_aggregate_edges() {
    const ActorGraph& g = view.graph().graph();
    for (ActorEdgeRef e : view.kept_edges()) {
      const ActorEdge& p = g[e];
      std::string label = relation_name(p.relation);
      if (p.weight > 1) label += " \xC3\x97" + std::to_string(p.weight);  // ×N
      edge(g[boost::source(e, g)].id, g[boost::target(e, g)].id, label,
           detail::hex_colour(detail::relation_colour(p.relation)), p.weight);
    }
  }

  Status write() {
    const ActorGraph& g = view.graph().graph();
    const bool claims = view.shows_claims();
    write_defaults(claims);
    // Without claims, entities with no edge in the view may be left out.
    std::vector<char> linked;
    if (!claims && options.drop_isolated) {
      linked.assign(boost::num_vertices(g), 0);
      for (ActorEdgeRef e : view.kept_edges()) linked[boost::source(e, g)] = linked[boost::target(e, g)] = 1;
    }
    for (int v : view.entities()) {
      if (!linked.empty() && !linked[v]) continue;
      entity(g[v], !claims);
    }
    if (claims) {
      if (Status read = write_claims(); !read) return read;
    } else {
      write_aggregate_edges();
    }
    out << "}\n";
    out.flush();
    if (!out) return Status::error(DiagCode::kIoError, "", 0, "could not write DOT: the output stream failed");
    return Status();
  }
};

// One Graphviz context for the whole process, never freed. Graphviz 2.43's
// pango plugin caches a pointer to the last font name, which lives in the
// context's font dictionary: freeing a context and creating another makes
// the next layout read freed memory (AddressSanitizer shows it in
// textspan_size). Graphviz keeps process-wide state anyway, so a single
// context costs nothing in thread safety that was not already lost.
GVC_t* shared_context() {
  static GVC_t* context = gvContext();
  return context;
}

// Frees the cgraph graph however the rendering ends.
struct GraphCloser {
  Agraph_t* graph = nullptr;
  ~GraphCloser() {
    if (graph != nullptr) agclose(graph);
  }
};

Status graphviz_error(std::string message) {
  return Status::error(DiagCode::kIoError, "", 0, std::move(message));
}

// Lays out `dot` with `engine` and renders it as SVG.
Result<std::string> render_text(const std::string& dot, const char* engine) {
  MessageCapture messages;
  GraphCloser closer{agmemread(dot.c_str())};
  if (closer.graph == nullptr)
    return graphviz_error("could not read the DOT graph back: " + messages.text("cgraph refused the graph"));
  GVC_t* gvc = shared_context();
  if (gvc == nullptr) return graphviz_error("could not start Graphviz: " + messages.text("gvContext failed"));
  if (gvLayout(gvc, closer.graph, engine) != 0)
    return graphviz_error(std::string(engine) + " layout failed: " + messages.text("gvLayout failed"));
  char* data = nullptr;
  unsigned int length = 0;
  Result<std::string> svg = std::string();
  if (gvRenderData(gvc, closer.graph, "svg", &data, &length) != 0 || data == nullptr) {
    svg = graphviz_error("SVG rendering failed: " +
                         messages.text("gvRenderData failed (is the svg plugin installed?)"));
  } else {
    svg->assign(data, length);
  }
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, closer.graph);
  return svg;
}

// `result` with the SVG of `dot` laid out by `engine`, or the error of
// either step.
Result<SvgResult> render_dot(const Result<std::string>& dot, const char* engine, SvgResult result) {
  if (!dot) return dot.status();
  Result<std::string> svg = render_text(*dot, engine);
  if (!svg) return svg.status();
  result.svg = std::move(*svg);
  return result;
}

}  // namespace

Status write_dot(const GraphView& view, const DotOptions& options, std::ostream& out) {
  DotWriter writer{view, options, out};
  return writer.write();
}

Result<std::string> to_dot(const GraphView& view, const DotOptions& options) {
  std::ostringstream out;
  if (Status written = write_dot(view, options, out); !written) return written;
  return out.str();
}

Result<SvgResult> render_svg(const GraphView& view, const DotOptions& options) {
  SvgResult result;
  const ClaimGraph& graph = view.graph();
  if (view.shows_claims()) {
    std::size_t nodes = view.entities().size();
    // A spool that cannot be read fails again, with its message, in to_dot.
    (void)graph.for_each_claim([&](const ClaimRecord& c) {
      if (view.keeps_claim(c)) ++nodes;
      return nodes <= kMaxSvgClaimNodes;
    });
    if (nodes <= kMaxSvgClaimNodes) return render_dot(to_dot(view, options), "dot", std::move(result));
  }
  // The actor network, bounded: the busiest entities and the edges among them.
  ViewOptions actors = view.options();
  actors.layer = GraphLayer::kActors;
  if (actors.top == 0 || actors.top > kSvgTopEntities) actors.top = kSvgTopEntities;
  GraphView network(graph, actors);
  if (view.shows_claims()) {
    result.note = "more than " + std::to_string(kMaxSvgClaimNodes) +
                  " claims and entities to draw: drew the actor network of the " +
                  std::to_string(std::min(actors.top, network.entities().size())) +
                  " entities with most claims instead (sfdp); the DOT, GraphML and GEXF outputs hold every claim";
  } else if (view.entities().size() > network.entities().size()) {
    result.note = "drew the " + std::to_string(network.entities().size()) + " entities with most claims of " +
                  std::to_string(view.entities().size()) + " (use --top to choose)";
  }
  DotOptions network_options = options;
  network_options.drop_isolated = true;
  return render_dot(to_dot(network, network_options), "sfdp", std::move(result));
}

}  // namespace quotegraph

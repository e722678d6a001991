// DOT and SVG export through Graphviz. The graph is built with cgraph, which
// quotes and escapes node names and attribute values itself when it writes
// DOT, so names with quotes, braces or keywords ("node", "graph") need no
// hand-made escaping. Two things cgraph leaves to us: Graphviz reads label
// escapes (\N, \n, \l …), and DOT cannot quote a value ending in a lone
// backslash; so labels and node names get their backslashes doubled here.
// agwrite goes through an I/O discipline that appends to a std::string;
// cgraph's error reports are captured instead of printed.
#include "quotegraph/export/dot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <boost/range/iterator_range.hpp>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "palette.h"
#include "xml_safe.h"

namespace quotegraph {

namespace {

int put_string(void* chan, const char* str) {
  static_cast<std::string*>(chan)->append(str);
  return 0;
}

int flush_nothing(void*) { return 0; }

// cgraph keeps pointers to the discipline for the graph's lifetime, so it
// lives in static storage; the channel passed to agwrite is the std::string.
Agdisc_t* string_discipline() {
  static Agiodisc_t io = {AgIoDisc.afread, put_string, flush_nothing};
  static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
  return &disc;
}

// cgraph reports through one process-wide callback; while an export runs
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

// cgraph's API takes char* for strings it only reads.
char* c_str(std::string& s) { return s.data(); }
char* c_str(const char* s) { return const_cast<char*>(s); }

void set(void* object, const char* name, std::string value) {
  agsafeset(object, c_str(name), c_str(value), c_str(""));
}

// DOT cannot quote a value that ends in an odd run of backslashes: cgraph
// escapes only the double quote, and its reader keeps a doubled backslash
// as two characters, so the name `fin\` would be written "fin\" and its
// backslash would swallow the closing quote. Doubling every backslash keeps
// each run even; cgraph reads the doubled form back unchanged. For names.
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
// backslashes doubled so "\N" or "C:\dossier" stay literal (which also keeps
// them quotable, see name_text), line breaks as Graphviz's centred-line escape.
std::string label_text(std::string_view text) {
  const std::string clean = detail::xml_safe(text);
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

const char* edge_colour(const EdgeProps& e) {
  if (e.kind == EdgeKind::kSays) return "grey50";
  if (e.kind == EdgeKind::kTargets) return "black";
  switch (e.relation) {
    case Relation::kAccuses: return "red";
    case Relation::kCriticises: return "orange";
    case Relation::kCallsOn: return "blue";
    case Relation::kWarns: return "purple";
    case Relation::kSupports: return "forestgreen";
    case Relation::kDenies: return "brown";
    case Relation::kThanks: return "darkgreen";
    case Relation::kRespondsTo: return "steelblue";
    case Relation::kStates: break;
  }
  return "grey50";
}

// Thicker lines for edges that aggregate more claims; logarithmic so one
// prolific speaker does not flood the drawing.
std::string pen_width(int weight) {
  const double width = std::min(8.0, 1.0 + std::log2(static_cast<double>(std::max(weight, 1))));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", width);
  return buf;
}

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

// Frees the cgraph graph however the export ends.
struct GraphCloser {
  Agraph_t* graph = nullptr;
  ~GraphCloser() {
    if (graph != nullptr) agclose(graph);
  }
};

Agraph_t* build(const ClaimGraph& claim_graph, const DotOptions& options) {
  const Graph& g = claim_graph.graph();
  Agraph_t* dot = agopen(c_str("quotegraph"), Agdirected, string_discipline());
  if (dot == nullptr) return nullptr;
  agattr(dot, AGRAPH, c_str("rankdir"), c_str("LR"));
  agattr(dot, AGNODE, c_str("style"), c_str("filled"));
  agattr(dot, AGNODE, c_str("fontname"), c_str("Helvetica"));
  agattr(dot, AGEDGE, c_str("fontname"), c_str("Helvetica"));
  agattr(dot, AGEDGE, c_str("fontsize"), c_str("10"));

  std::vector<Agnode_t*> nodes(boost::num_vertices(g), nullptr);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const VertexProps& p = g[v];
    const bool is_claim = p.kind == VertexKind::kClaim;
    if (is_claim && !options.claims) continue;
    // Node names are the stable ids, cleaned because SVG repeats them in
    // <title> and made quotable (name_text); a clash (two ids equal after
    // cleaning) gets the vertex number.
    std::string name = name_text(p.id);
    if (name.empty() || agnode(dot, c_str(name), 0) != nullptr) {
      name += "#" + std::to_string(v);
    }
    Agnode_t* node = agnode(dot, c_str(name), 1);
    nodes[v] = node;
    set(node, "label", label_text(p.label));
    set(node, "shape", is_claim ? "box" : "ellipse");
    set(node, "fillcolor", detail::hex_colour(detail::node_colour(p)));
    if (is_claim) {
      set(node, "tooltip", label_text(p.text));
    } else {
      set(node, "tooltip", label_text(std::string(entity_type_name(p.entity_type))));
    }
  }

  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    const bool aggregate = p.kind == EdgeKind::kAggregate;
    // Claims drawn: speaker -> claim -> target already shows who aims at
    // whom; aggregates would draw it twice. Actor network: aggregates only.
    if (aggregate == options.claims) continue;
    Agnode_t* tail = nodes[boost::source(e, g)];
    Agnode_t* head = nodes[boost::target(e, g)];
    if (tail == nullptr || head == nullptr) continue;
    Agedge_t* edge = agedge(dot, tail, head, nullptr, 1);
    if (edge == nullptr) continue;
    const char* colour = edge_colour(p);
    set(edge, "label", edge_relation_name(p));
    set(edge, "color", colour);
    set(edge, "fontcolor", colour);
    if (aggregate) {
      set(edge, "penwidth", pen_width(p.weight));
      set(edge, "weight", std::to_string(std::max(p.weight, 1)));
    }
  }
  return dot;
}

}  // namespace

std::string to_dot(const ClaimGraph& graph, const DotOptions& options, std::string& error) {
  MessageCapture messages;
  GraphCloser closer{build(graph, options)};
  if (closer.graph == nullptr) {
    error = "could not build the DOT graph: " + messages.text("cgraph refused the graph");
    return {};
  }
  std::string out;
  if (agwrite(closer.graph, &out) == EOF) {
    error = "could not write DOT: " + messages.text("agwrite failed");
    return {};
  }
  return out;
}

std::string render_svg(const ClaimGraph& graph, const DotOptions& options, std::string& error) {
  MessageCapture messages;
  GraphCloser closer{build(graph, options)};
  if (closer.graph == nullptr) {
    error = "could not build the DOT graph: " + messages.text("cgraph refused the graph");
    return {};
  }
  GVC_t* gvc = shared_context();
  if (gvc == nullptr) {
    error = "could not start Graphviz: " + messages.text("gvContext failed");
    return {};
  }
  std::string svg;
  if (gvLayout(gvc, closer.graph, "dot") != 0) {
    error = "dot layout failed: " + messages.text("gvLayout failed");
  } else {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, closer.graph, "svg", &data, &length) != 0 || data == nullptr) {
      error = "SVG rendering failed: " +
              messages.text("gvRenderData failed (is the svg plugin installed?)");
    } else {
      svg.assign(data, length);
    }
    if (data != nullptr) gvFreeRenderData(data);
    gvFreeLayout(gvc, closer.graph);
  }
  return svg;
}

}  // namespace quotegraph

// GraphML export with pugixml, in the dialect Gephi and networkx read:
// typed <key> declarations before the graph, key ids distinct across nodes
// and edges (networkx indexes keys by id alone) while attr.name carries the
// name Gephi maps to its built-in properties (label, r, g, b, weight).
#include "quotegraph/export/graphml.h"

#include <iterator>
#include <string>
#include <vector>

#include <boost/range/iterator_range.hpp>
#include <pugixml.hpp>

#include "palette.h"
#include "xml_safe.h"

namespace quotegraph {

namespace {

struct KeySpec {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;    // attr.name
  const char* type;    // attr.type
};

// Every attribute the file may use, declared once. Gephi reads a `weight`
// key as a double whatever its declared type, so it is declared double.
constexpr KeySpec kKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_entity_type", "node", "entity_type", "string"},
    {"n_role", "node", "role", "string"},
    {"n_state", "node", "state", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_claims_said", "node", "claims_said", "int"},
    {"n_claims_targeted", "node", "claims_targeted", "int"},
    {"n_document", "node", "document", "string"},
    {"n_start", "node", "start", "int"},
    {"n_end", "node", "end", "int"},
    {"n_text", "node", "text", "string"},
    {"n_claim_kind", "node", "claim_kind", "string"},
    {"n_cue", "node", "cue", "string"},
    {"n_relation", "node", "relation", "string"},
    {"n_r", "node", "r", "int"},
    {"n_g", "node", "g", "int"},
    {"n_b", "node", "b", "int"},
    {"e_relation", "edge", "relation", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_label", "edge", "label", "string"},
};

// Document metadata of claims, declared only when some claim has it, so
// that a corpus of plain text files gives the same file as before.
constexpr KeySpec kMetaKeys[] = {
    {"n_date", "node", "date", "string"},
    {"n_source", "node", "source", "string"},
    {"n_url", "node", "url", "string"},
    {"n_title", "node", "title", "string"},
};

// Appends <data key="…">value</data>, cleaned of what XML 1.0 forbids.
void add_data(pugi::xml_node parent, const char* key, const std::string& value) {
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key") = key;
  data.append_child(pugi::node_pcdata).set_value(detail::xml_safe(value).c_str());
}

void add_data(pugi::xml_node parent, const char* key, long long value) {
  add_data(parent, key, std::to_string(value));
}

// Empty optional strings are left out rather than written as empty data:
// Gephi and networkx then report the attribute as missing, which it is.
void add_optional(pugi::xml_node parent, const char* key, const std::string& value) {
  if (!value.empty()) add_data(parent, key, value);
}

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

void write_node(pugi::xml_node graph_node, const Graph& g, Vertex v) {
  const VertexProps& p = g[v];
  pugi::xml_node node = graph_node.append_child("node");
  node.append_attribute("id") = ("n" + std::to_string(v)).c_str();
  add_data(node, "n_label", p.label);
  add_data(node, "n_kind", vertex_kind_name(p.kind));
  if (p.kind == VertexKind::kEntity) {
    add_data(node, "n_entity_type", entity_type_name(p.entity_type));
    add_optional(node, "n_role", p.role);
    add_optional(node, "n_state", p.state);
    add_optional(node, "n_aliases", join_aliases(p.aliases));
    add_data(node, "n_claims_said", p.claims_said);
    add_data(node, "n_claims_targeted", p.claims_targeted);
  } else {
    add_data(node, "n_document", p.document);
    add_data(node, "n_start", static_cast<long long>(p.begin));
    add_data(node, "n_end", static_cast<long long>(p.end));
    add_data(node, "n_text", p.text);
    add_data(node, "n_claim_kind", claim_kind_name(p.claim_kind));
    add_optional(node, "n_cue", p.cue);
    add_data(node, "n_relation", relation_name(p.relation));
    add_optional(node, "n_date", p.meta.date);
    add_optional(node, "n_source", p.meta.source);
    add_optional(node, "n_url", p.meta.url);
    add_optional(node, "n_title", p.meta.title);
  }
  const detail::Rgb colour = detail::node_colour(p);
  add_data(node, "n_r", colour.r);
  add_data(node, "n_g", colour.g);
  add_data(node, "n_b", colour.b);
}

}  // namespace

bool write_graphml(const ClaimGraph& graph, std::ostream& out, std::string& error) {
  const Graph& g = graph.graph();
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";

  pugi::xml_node root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  bool has_meta = false;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (!g[v].meta.empty()) {
      has_meta = true;
      break;
    }
  }
  std::vector<KeySpec> keys(std::begin(kKeys), std::end(kKeys));
  if (has_meta) keys.insert(keys.begin() + 15, std::begin(kMetaKeys), std::end(kMetaKeys));
  for (const KeySpec& k : keys) {
    pugi::xml_node key = root.append_child("key");
    key.append_attribute("id") = k.id;
    key.append_attribute("for") = k.domain;
    key.append_attribute("attr.name") = k.name;
    key.append_attribute("attr.type") = k.type;
  }

  pugi::xml_node graph_node = root.append_child("graph");
  graph_node.append_attribute("id") = "quotegraph";
  graph_node.append_attribute("edgedefault") = "directed";

  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) write_node(graph_node, g, v);

  std::size_t edge_index = 0;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    pugi::xml_node edge = graph_node.append_child("edge");
    edge.append_attribute("id") = ("e" + std::to_string(edge_index++)).c_str();
    edge.append_attribute("source") = ("n" + std::to_string(boost::source(e, g))).c_str();
    edge.append_attribute("target") = ("n" + std::to_string(boost::target(e, g))).c_str();
    const std::string relation = edge_relation_name(p);
    add_data(edge, "e_relation", relation);
    add_data(edge, "e_weight", p.weight);
    add_data(edge, "e_label", relation);
  }

  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  out.flush();
  if (!out) {
    error = "could not write GraphML: the output stream failed";
    return false;
  }
  return true;
}

}  // namespace quotegraph

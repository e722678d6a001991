// GraphML export, streamed: the header and typed <key> declarations, then
// each node and edge printed by pugixml as soon as it is built. Key ids are
// distinct across nodes and edges (networkx indexes keys by id alone)
// while attr.name carries the name Gephi maps to its built-in properties
// (label, r, g, b, weight).
#include "quotegraph/export/graphml.h"

#include <string>
#include <vector>


#include "palette.h"
#include "xml_stream.h"

namespace quotegraph {

namespace {

using detail::XmlStream;

struct KeySpec {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;    // attr.name
  const char* type;    // attr.type
};

// Every attribute the file may use, declared once. Gephi reads a `weight`
// key as a double whatever its declared type, so it is declared double.
constexpr KeySpec kEntityKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_entity_type", "node", "entity_type", "string"},
    {"n_role", "node", "role", "string"},
    {"n_state", "node", "state", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_claims_said", "node", "claims_said", "int"},
    {"n_claims_targeted", "node", "claims_targeted", "int"},
};
// Only when some document is dated.
constexpr KeySpec kEntityDateKeys[] = {
    {"n_first_date", "node", "first_date", "string"},
    {"n_last_date", "node", "last_date", "string"},
};
constexpr KeySpec kClaimKeys[] = {
    {"n_document", "node", "document", "string"},
    {"n_start", "node", "start", "int"},
    {"n_end", "node", "end", "int"},
    {"n_text", "node", "text", "string"},
    {"n_claim_kind", "node", "claim_kind", "string"},
    {"n_cue", "node", "cue", "string"},
    {"n_relation", "node", "relation", "string"},
};
// Document metadata of claims, declared only when some claim has it.
constexpr KeySpec kClaimMetaKeys[] = {
    {"n_date", "node", "date", "string"},
    {"n_source", "node", "source", "string"},
    {"n_url", "node", "url", "string"},
    {"n_title", "node", "title", "string"},
};
constexpr KeySpec kColourKeys[] = {
    {"n_r", "node", "r", "int"},
    {"n_g", "node", "g", "int"},
    {"n_b", "node", "b", "int"},
    {"e_relation", "edge", "relation", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_label", "edge", "label", "string"},
    {"e_r", "edge", "r", "int"},
    {"e_g", "edge", "g", "int"},
    {"e_b", "edge", "b", "int"},
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

void add_colour(pugi::xml_node parent, const char* prefix, detail::Rgb c) {
  const std::string p(prefix);
  add_data(parent, (p + "r").c_str(), c.r);
  add_data(parent, (p + "g").c_str(), c.g);
  add_data(parent, (p + "b").c_str(), c.b);
}

void write_entity(XmlStream& xml, const EntityNode& p, bool dates) {
  pugi::xml_node node = xml.begin("node");
  detail::set_attr(node, "id", p.id);
  add_data(node, "n_label", p.label);
  add_data(node, "n_kind", "entity");
  add_data(node, "n_entity_type", entity_type_name(p.entity_type));
  add_optional(node, "n_role", p.role);
  add_optional(node, "n_state", p.state);
  add_optional(node, "n_aliases", detail::join_aliases(p.aliases));
  add_data(node, "n_claims_said", p.claims_said);
  add_data(node, "n_claims_targeted", p.claims_targeted);
  if (dates) {
    add_optional(node, "n_first_date", p.first_date);
    add_optional(node, "n_last_date", p.last_date);
  }
  add_colour(node, "n_", detail::entity_colour(p.entity_type));
  xml.write(2);
}

void write_claim(XmlStream& xml, const ClaimRecord& c, bool meta) {
  pugi::xml_node node = xml.begin("node");
  detail::set_attr(node, "id", c.id);
  add_data(node, "n_label", claim_label(c.text));
  add_data(node, "n_kind", "claim");
  add_data(node, "n_document", c.document);
  add_data(node, "n_start", static_cast<long long>(c.begin));
  add_data(node, "n_end", static_cast<long long>(c.end));
  add_data(node, "n_text", c.text);
  add_data(node, "n_claim_kind", claim_kind_name(c.kind));
  add_optional(node, "n_cue", c.cue);
  add_data(node, "n_relation", relation_name(c.relation));
  if (meta) {
    add_optional(node, "n_date", c.meta.date);
    add_optional(node, "n_source", c.meta.source);
    add_optional(node, "n_url", c.meta.url);
    add_optional(node, "n_title", c.meta.title);
  }
  add_colour(node, "n_", detail::claim_colour(c.kind));
  xml.write(2);
}

void write_edge(XmlStream& xml, std::size_t& index, const std::string& source,
                const std::string& target, const char* relation, int weight, detail::Rgb colour) {
  pugi::xml_node edge = xml.begin("edge");
  edge.append_attribute("id") = ("e" + std::to_string(index++)).c_str();
  detail::set_attr(edge, "source", source);
  detail::set_attr(edge, "target", target);
  add_data(edge, "e_relation", relation);
  add_data(edge, "e_weight", weight);
  add_data(edge, "e_label", relation);
  add_colour(edge, "e_", colour);
  xml.write(2);
}

// The <key> declarations: entity keys (with their dates when the graph is
// dated), claim keys (with the document metadata when there is any), colours.
void write_keys(XmlStream& xml, bool dates, bool meta) {
  std::vector<KeySpec> keys(std::begin(kEntityKeys), std::end(kEntityKeys));
  if (dates) keys.insert(keys.end(), std::begin(kEntityDateKeys), std::end(kEntityDateKeys));
  keys.insert(keys.end(), std::begin(kClaimKeys), std::end(kClaimKeys));
  if (meta) keys.insert(keys.end(), std::begin(kClaimMetaKeys), std::end(kClaimMetaKeys));
  keys.insert(keys.end(), std::begin(kColourKeys), std::end(kColourKeys));
  for (const KeySpec& k : keys) {
    pugi::xml_node key = xml.begin("key");
    key.append_attribute("id") = k.id;
    key.append_attribute("for") = k.domain;
    key.append_attribute("attr.name") = k.name;
    key.append_attribute("attr.type") = k.type;
    xml.write(1);
  }
}

}  // namespace

Status write_graphml(const GraphView& view, std::ostream& out) {
  const ClaimGraph& graph = view.graph();
  const ActorGraph& g = graph.graph();
  const bool dates = graph.has_dates(), meta = graph.has_meta();
  XmlStream xml(out);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  write_keys(xml, dates, meta);
  out << "  <graph id=\"quotegraph\" edgedefault=\"directed\">\n";

  for (int v : view.entities()) write_entity(xml, g[v], dates);
  Status read;
  if (view.shows_claims()) {
    read = graph.for_each_claim(
        [&](const ClaimRecord& c) {
          if (view.keeps_claim(c)) write_claim(xml, c, meta);
          return static_cast<bool>(out);
        });
  }
  std::size_t edge_index = 0;
  if (read && view.shows_claims()) {
    read = graph.for_each_claim(
        [&](const ClaimRecord& c) {
          if (!view.keeps_claim(c)) return true;
          const detail::Rgb colour = detail::relation_colour(c.relation);
          if (view.has_entity(c.speaker))
            write_edge(xml, edge_index, g[c.speaker].id, c.id, says_edge_name(), 1,
                       detail::says_colour());
          for (int t : c.targets) {
            if (view.has_entity(t))
              write_edge(xml, edge_index, c.id, g[t].id, targets_edge_name(), 1, colour);
          }
          return static_cast<bool>(out);
        });
  }
  if (read) {
    for (ActorEdgeRef e : view.kept_edges()) {
      const ActorEdge& p = g[e];
      write_edge(xml, edge_index, g[boost::source(e, g)].id, g[boost::target(e, g)].id,
                 relation_name(p.relation), p.weight, detail::relation_colour(p.relation));
    }
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
  if (!read) return read;
  if (!out) return Status::error(DiagCode::kIoError, "", 0, "could not write GraphML: the output stream failed");
  return Status();
}

Status write_graphml(const ClaimGraph& graph, std::ostream& out) {
  return write_graphml(GraphView(graph), out);
}

}  // namespace quotegraph

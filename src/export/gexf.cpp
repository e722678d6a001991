// GEXF 1.3 export, streamed: the header and attribute declarations, then
// each node and edge printed by pugixml as soon as it is built. Attribute
// ids equal their titles so the file reads plainly; the claim offsets are
// titled text_start/text_end because GEXF's own start/end are times.
#include "quotegraph/export/gexf.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>


#include "palette.h"
#include "xml_stream.h"

namespace quotegraph {

namespace {

using detail::XmlStream;

struct AttrSpec {
  const char* id;
  const char* type;  // GEXF type: string, integer, double
};

constexpr AttrSpec kNodeAttrs[] = {
    {"kind", "string"},         {"entity_type", "string"},   {"role", "string"},
    {"state", "string"},        {"aliases", "string"},       {"claims_said", "integer"},
    {"claims_targeted", "integer"}, {"first_date", "string"}, {"last_date", "string"},
    {"document", "string"},     {"text_start", "integer"},   {"text_end", "integer"},
    {"text", "string"},         {"claim_kind", "string"},    {"cue", "string"},
    {"relation", "string"},     {"date", "string"},          {"source", "string"},
    {"url", "string"},          {"title", "string"},
};
constexpr AttrSpec kEdgeAttrs[] = {{"relation", "string"}};
// Per-day claim counts of aggregated edges, only in a dynamic graph.
constexpr AttrSpec kDynamicEdgeAttrs[] = {{"claims", "integer"}};

void declare(XmlStream& xml, const char* cls, const char* mode, const AttrSpec* begin,
             const AttrSpec* end) {
  std::ostream& out = xml.raw();
  out << "    <attributes class=\"" << cls << "\" mode=\"" << mode << "\">\n";
  for (const AttrSpec* a = begin; a != end; ++a) {
    pugi::xml_node attr = xml.begin("attribute");
    attr.append_attribute("id") = a->id;
    attr.append_attribute("title") = a->id;
    attr.append_attribute("type") = a->type;
    xml.write(3);
  }
  out << "    </attributes>\n";
}

void add_value(pugi::xml_node values, const char* id, const std::string& value) {
  if (value.empty()) return;  // missing, as in GraphML
  pugi::xml_node v = values.append_child("attvalue");
  v.append_attribute("for") = id;
  detail::set_attr(v, "value", value);
}

void add_value(pugi::xml_node values, const char* id, long long value) {
  add_value(values, id, std::to_string(value));
}

void add_colour(pugi::xml_node element, detail::Rgb c) {
  pugi::xml_node colour = element.append_child("viz:color");
  colour.append_attribute("r") = c.r;
  colour.append_attribute("g") = c.g;
  colour.append_attribute("b") = c.b;
}

std::string number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

// Entities grow with the claims they said: the square root keeps a
// prolific speaker from covering the picture.
double entity_size(int claims_said) {
  return 6.0 + 4.0 * std::sqrt(static_cast<double>(std::max(claims_said, 0)));
}

void write_entity(XmlStream& xml, const EntityNode& p, bool dynamic) {
  pugi::xml_node node = xml.begin("node");
  detail::set_attr(node, "id", p.id);
  detail::set_attr(node, "label", p.label);
  if (dynamic && !p.first_date.empty()) {
    node.append_attribute("start") = p.first_date.c_str();
    node.append_attribute("end") = p.last_date.c_str();
  }
  pugi::xml_node values = node.append_child("attvalues");
  add_value(values, "kind", "entity");
  add_value(values, "entity_type", entity_type_name(p.entity_type));
  add_value(values, "role", p.role);
  add_value(values, "state", p.state);
  add_value(values, "aliases", detail::join_aliases(p.aliases));
  add_value(values, "claims_said", p.claims_said);
  add_value(values, "claims_targeted", p.claims_targeted);
  add_value(values, "first_date", p.first_date);
  add_value(values, "last_date", p.last_date);
  add_colour(node, detail::entity_colour(p.entity_type));
  node.append_child("viz:size").append_attribute("value") = number(entity_size(p.claims_said)).c_str();
  node.append_child("viz:shape").append_attribute("value") = "disc";
  xml.write(3);
}

void write_claim(XmlStream& xml, const ClaimRecord& c, bool dynamic) {
  pugi::xml_node node = xml.begin("node");
  detail::set_attr(node, "id", c.id);
  detail::set_attr(node, "label", claim_label(c.text));
  if (dynamic && !c.day.empty()) {
    node.append_attribute("start") = c.day.c_str();
    node.append_attribute("end") = c.day.c_str();
  }
  pugi::xml_node values = node.append_child("attvalues");
  add_value(values, "kind", "claim");
  add_value(values, "document", c.document);
  add_value(values, "text_start", static_cast<long long>(c.begin));
  add_value(values, "text_end", static_cast<long long>(c.end));
  add_value(values, "text", c.text);
  add_value(values, "claim_kind", claim_kind_name(c.kind));
  add_value(values, "cue", c.cue);
  add_value(values, "relation", relation_name(c.relation));
  add_value(values, "date", c.meta.date);
  add_value(values, "source", c.meta.source);
  add_value(values, "url", c.meta.url);
  add_value(values, "title", c.meta.title);
  add_colour(node, detail::claim_colour(c.kind));
  node.append_child("viz:size").append_attribute("value") = "3.00";
  node.append_child("viz:shape").append_attribute("value") = "square";
  xml.write(3);
}

pugi::xml_node begin_edge(XmlStream& xml, std::size_t& index, const std::string& source,
                          const std::string& target, const char* kind, int weight) {
  pugi::xml_node edge = xml.begin("edge");
  edge.append_attribute("id") = ("e" + std::to_string(index++)).c_str();
  detail::set_attr(edge, "source", source);
  detail::set_attr(edge, "target", target);
  edge.append_attribute("kind") = kind;
  edge.append_attribute("label") = kind;
  edge.append_attribute("weight") = weight;
  return edge;
}

void write_claim_edge(XmlStream& xml, std::size_t& index, const std::string& source,
                      const std::string& target, const char* kind, const ClaimRecord& c,
                      detail::Rgb colour, bool dynamic) {
  pugi::xml_node edge = begin_edge(xml, index, source, target, kind, 1);
  if (dynamic && !c.day.empty()) {
    edge.append_attribute("start") = c.day.c_str();
    edge.append_attribute("end") = c.day.c_str();
  }
  add_value(edge.append_child("attvalues"), "relation", relation_name(c.relation));
  add_colour(edge, colour);
  xml.write(3);
}

// The <meta> element (creator, description of the layer) and the
// attribute declarations of nodes and edges (dynamic ones when dated).
void write_meta_and_attributes(XmlStream& xml, const GraphView& view, bool dynamic) {
  std::ostream& out = xml.raw();
  {
    pugi::xml_node meta = xml.begin("meta");
    meta.append_child("creator").text() = "quotegraph " QUOTEGRAPH_VERSION;
    const std::string description =
        std::string("Who says what about whom: entities, claims (") + graph_layer_name(view.options().layer) +
        " layer). Edge kind: says, targets, or the relation of aggregated speaker -> target edges.";
    meta.append_child("description").text() = description.c_str();
    xml.write(1);
  }
  out << "  <graph defaultedgetype=\"directed\" mode=\"" << (dynamic ? "dynamic" : "static") << "\""
      << (dynamic ? " timeformat=\"date\"" : "") << ">\n";
  declare(xml, "node", "static", std::begin(kNodeAttrs), std::end(kNodeAttrs));
  declare(xml, "edge", "static", std::begin(kEdgeAttrs), std::end(kEdgeAttrs));
  if (dynamic) declare(xml, "edge", "dynamic", std::begin(kDynamicEdgeAttrs), std::end(kDynamicEdgeAttrs));
}

// One aggregated speaker -> target edge: its relation, weight and colour,
// and with dates the claims per day and the days it lives.
void write_aggregate_edge(XmlStream& xml, std::size_t& edge_index, const ActorGraph& g, ActorEdgeRef e,
                          bool dynamic) {
  const ActorEdge& p = g[e];
  const char* relation = relation_name(p.relation);
  pugi::xml_node edge = begin_edge(xml, edge_index, g[boost::source(e, g)].id,
                                   g[boost::target(e, g)].id, relation, p.weight);
  pugi::xml_node values = edge.append_child("attvalues");
  add_value(values, "relation", relation);
  if (dynamic && !p.claims_by_day.empty()) {
    for (const auto& [day, count] : p.claims_by_day) {
      pugi::xml_node v = values.append_child("attvalue");
      v.append_attribute("for") = "claims";
      v.append_attribute("value") = count;
      v.append_attribute("start") = day.c_str();
      v.append_attribute("end") = day.c_str();
    }
    pugi::xml_node spells = edge.append_child("spells");
    for (const auto& entry : p.claims_by_day) {
      pugi::xml_node spell = spells.append_child("spell");
      spell.append_attribute("start") = entry.first.c_str();
      spell.append_attribute("end") = entry.first.c_str();
    }
  }
  add_colour(edge, detail::relation_colour(p.relation));
  const double thickness = 1.0 + std::log2(static_cast<double>(std::max(p.weight, 1)));
  edge.append_child("viz:thickness").append_attribute("value") = number(thickness).c_str();
  xml.write(3);
}

}  // namespace

Status write_gexf(const GraphView& view, std::ostream& out) {
  const ClaimGraph& graph = view.graph();
  const ActorGraph& g = graph.graph();
  const bool dynamic = graph.has_dates();
  XmlStream xml(out);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
  write_meta_and_attributes(xml, view, dynamic);

  out << "    <nodes>\n";
  for (int v : view.entities()) write_entity(xml, g[v], dynamic);
  Status read;
  if (view.shows_claims()) {
    read = graph.for_each_claim(
        [&](const ClaimRecord& c) {
          if (view.keeps_claim(c)) write_claim(xml, c, dynamic);
          return static_cast<bool>(out);
        });
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t edge_index = 0;
  if (read && view.shows_claims()) {
    read = graph.for_each_claim(
        [&](const ClaimRecord& c) {
          if (!view.keeps_claim(c)) return true;
          if (view.has_entity(c.speaker))
            write_claim_edge(xml, edge_index, g[c.speaker].id, c.id, says_edge_name(), c,
                             detail::says_colour(), dynamic);
          for (int t : c.targets) {
            if (view.has_entity(t))
              write_claim_edge(xml, edge_index, c.id, g[t].id, targets_edge_name(), c,
                               detail::relation_colour(c.relation), dynamic);
          }
          return static_cast<bool>(out);
        });
  }
  if (read) {
    for (ActorEdgeRef e : view.kept_edges()) {
      write_aggregate_edge(xml, edge_index, g, e, dynamic);
    }
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  out.flush();
  if (!read) return read;
  if (!out) return Status::error(DiagCode::kIoError, "", 0, "could not write GEXF: the output stream failed");
  return Status();
}

}  // namespace quotegraph

// Tests for the GraphML export: parsed back with pugixml (keys typed and
// declared before use, directed, node ids equal to the entity ids, edges
// coloured), views, characters XML 1.0 forbids removed, and read by
// networkx as an independent consumer.
#include "quotegraph/export/graphml.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <pugixml.hpp>
#include <unistd.h>

#include "catch.hpp"
#include "support/graph_fixture.h"
#include "support/lexicons.h"

namespace {

using namespace quotegraph;
using quotegraph_test::make_claim;
using quotegraph_test::SmallCorpus;

std::string to_graphml(const ClaimGraph& graph) {
  std::ostringstream out;
  const quotegraph::Status status = write_graphml(graph, out);
  REQUIRE(status.ok());
  CHECK(status.message().empty());
  return out.str();
}

// The data value of `key` (attr.name) under `element`, given the key table.
std::string data_of(pugi::xml_node element, const std::map<std::string, std::string>& id_of_name,
                    const std::string& name) {
  auto it = id_of_name.find(name);
  if (it == id_of_name.end()) return "<no key>";
  for (pugi::xml_node d : element.children("data")) {
    if (it->second == d.attribute("key").value()) return d.text().get();
  }
  return "<missing>";
}

bool has_forbidden_xml_bytes(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
  }
  // pugixml would write a control character as a character reference;
  // those are just as forbidden.
  for (int c = 0; c < 0x20; ++c) {
    if (c == 9 || c == 10 || c == 13) continue;
    if (s.find("&#" + std::to_string(c) + ";") != std::string::npos) return true;
    char hex[16];
    std::snprintf(hex, sizeof hex, "&#x%X;", c);
    if (s.find(hex) != std::string::npos) return true;
  }
  return false;
}

std::string temp_path(const std::string& stem) {
  return (std::filesystem::temp_directory_path() /
          (stem + "_" + std::to_string(::getpid()) + ".graphml"))
      .string();
}

}  // namespace

TEST_CASE("GraphML declares typed keys before the directed graph", "[graphml][unit]") {
  SmallCorpus f;
  const std::string xml = to_graphml(f.graph);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));

  pugi::xml_node root = doc.child("graphml");
  REQUIRE(root);
  CHECK(std::string(root.attribute("xmlns").value()) == "http://graphml.graphdrawing.org/xmlns");

  // Keys come first; each has an id, a domain, a name and a type; ids are
  // unique across nodes and edges.
  std::map<std::string, std::string> key_for;                    // id -> node|edge
  std::map<std::string, std::string> node_key, edge_key;         // attr.name -> id
  std::map<std::string, std::string> type_of;                    // domain:name -> type
  bool graph_seen = false;
  for (pugi::xml_node child : root.children()) {
    const std::string name = child.name();
    if (name == "graph") graph_seen = true;
    if (name != "key") continue;
    CHECK_FALSE(graph_seen);
    const std::string id = child.attribute("id").value();
    const std::string domain = child.attribute("for").value();
    const std::string attr_name = child.attribute("attr.name").value();
    const std::string type = child.attribute("attr.type").value();
    CHECK_FALSE(id.empty());
    CHECK(key_for.count(id) == 0);
    CHECK((domain == "node" || domain == "edge"));
    CHECK_FALSE(attr_name.empty());
    CHECK((type == "string" || type == "int" || type == "double"));
    key_for[id] = domain;
    (domain == "node" ? node_key : edge_key)[attr_name] = id;
    type_of[domain + ":" + attr_name] = type;
  }
  for (const char* name : {"label", "kind", "entity_type", "role", "state", "aliases", "document",
                           "text", "claim_kind", "cue", "relation", "first_date", "last_date",
                           "date", "source", "url", "title"}) {
    CHECK(type_of["node:" + std::string(name)] == "string");
  }
  for (const char* name : {"claims_said", "claims_targeted", "start", "end", "r", "g", "b"}) {
    CHECK(type_of["node:" + std::string(name)] == "int");
  }
  CHECK(type_of["edge:relation"] == "string");
  CHECK(type_of["edge:label"] == "string");
  CHECK(type_of["edge:weight"] == "double");
  for (const char* name : {"r", "g", "b"}) CHECK(type_of["edge:" + std::string(name)] == "int");

  pugi::xml_node graph = root.child("graph");
  REQUIRE(graph);
  CHECK(std::string(graph.attribute("edgedefault").value()) == "directed");
  CHECK(std::string(graph.attribute("id").value()) == "quotegraph");

  // Every <data> refers to a declared key of its own domain.
  std::set<std::string> node_ids;
  int nodes = 0, edges = 0;
  for (pugi::xml_node node : graph.children("node")) {
    CHECK(node_ids.count(node.attribute("id").value()) == 0);
    node_ids.insert(node.attribute("id").value());
    ++nodes;
    for (pugi::xml_node d : node.children("data")) {
      CHECK(key_for[d.attribute("key").value()] == "node");
    }
  }
  std::map<std::string, double> accuses_weight;
  for (pugi::xml_node edge : graph.children("edge")) {
    CHECK(std::string(edge.attribute("id").value()) == "e" + std::to_string(edges));
    CHECK(node_ids.count(edge.attribute("source").value()) == 1);
    CHECK(node_ids.count(edge.attribute("target").value()) == 1);
    ++edges;
    for (pugi::xml_node d : edge.children("data")) {
      CHECK(key_for[d.attribute("key").value()] == "edge");
    }
    CHECK(data_of(edge, edge_key, "label") == data_of(edge, edge_key, "relation"));
    CHECK(std::stoi(data_of(edge, edge_key, "r")) >= 0);
    if (data_of(edge, edge_key, "relation") == "accuses") {
      accuses_weight[edge.attribute("source").value()] =
          std::stod(data_of(edge, edge_key, "weight"));
      // Accusations are red, in every format.
      CHECK(data_of(edge, edge_key, "r") == "217");
      CHECK(data_of(edge, edge_key, "g") == "48");
    }
  }
  // Entity nodes are named by their entity ids (as in entities.jsonl).
  CHECK(node_ids.count(f.peskov.id) == 1);
  CHECK(node_ids.count(f.ukraine.id) == 1);
  CHECK(node_ids.count(f.russia.id) == 1);
  // 3 entities + 5 claims; 4 says + 5 targets + 3 aggregated edges.
  CHECK(nodes == 8);
  CHECK(edges == 12);
  REQUIRE(accuses_weight.size() == 1);
  CHECK(accuses_weight.begin()->first == f.peskov.id);
  CHECK(accuses_weight.begin()->second == 2.0);

  // Entity and claim attributes, including text that needs escaping.
  bool saw_peskov = false, saw_escaped = false;
  for (pugi::xml_node node : graph.children("node")) {
    const std::string kind = data_of(node, node_key, "kind");
    CHECK((kind == "entity" || kind == "claim"));
    const std::string label = data_of(node, node_key, "label");
    if (label == "Dmitri Peskov") {
      saw_peskov = true;
      CHECK(kind == "entity");
      CHECK(data_of(node, node_key, "entity_type") == "person");
      CHECK(data_of(node, node_key, "claims_said") == "3");
      CHECK(data_of(node, node_key, "first_date") == "2024-03-01");
      CHECK(data_of(node, node_key, "last_date") == "2024-03-02");
      CHECK(std::stoi(data_of(node, node_key, "r")) >= 0);
    }
    if (data_of(node, node_key, "text") == "Kiev ment & triche <toujours>") {
      saw_escaped = true;
      CHECK(data_of(node, node_key, "claim_kind") == "direct");
      CHECK(data_of(node, node_key, "relation") == "accuses");
      CHECK(data_of(node, node_key, "date") == "2024-03-02");
      CHECK(data_of(node, node_key, "source") == "AFP");
    }
  }
  CHECK(saw_peskov);
  CHECK(saw_escaped);
}

TEST_CASE("GraphML drops characters XML 1.0 forbids and stays well-formed",
          "[graphml][bad-input]") {
  struct Case {
    std::string name;
    std::string expected;
  };
  auto c = GENERATE(values<Case>({
      {std::string("Jean\0Dupont", 11), "JeanDupont"},
      {"Bell\x07" "e\x01\x1F", "Belle"},
      {"tab\tand\nnewline", "tab\tand\nnewline"},
      {"ff\x0B\x0C", "ff"},
      {"bad\xFF" "byte", "bad\xEF\xBF\xBD" "byte"},
      // An encoded surrogate is ill-formed UTF-8: one U+FFFD per byte
      // (each is a maximal ill-formed subsequence, as ICU decodes it).
      {"lone\xED\xA0\x80surrogate", "lone\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDsurrogate"},
      {"nonchar\xEF\xBF\xBE\xEF\xBF\xBF", "nonchar"},
      {"truncated\xC3", "truncated\xEF\xBF\xBD"},
      {"overlong\xC0\xAF", "overlong\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"Élysée «\xE2\x80\xAF" "ok\xE2\x80\xAF»", "Élysée «\xE2\x80\xAF" "ok\xE2\x80\xAF»"},
  }));
  EntityRegistry registry{quotegraph_test::shared_words()};
  EntityRef speaker;
  speaker.name = c.name;  // unresolved: the raw name becomes the label
  ClaimGraph graph;
  Claim cl;
  cl.document = "doc\x01.txt";
  cl.text = c.name;
  cl.speaker = speaker;
  graph.add_claim(cl, registry);

  const std::string xml = to_graphml(graph);
  CHECK_FALSE(has_forbidden_xml_bytes(xml));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node graph_node = doc.child("graphml").child("graph");
  REQUIRE(graph_node);
  int entities = 0;
  for (pugi::xml_node node : graph_node.children("node")) {
    std::string kind, label, text;
    for (pugi::xml_node d : node.children("data")) {
      const std::string key = d.attribute("key").value();
      if (key == "n_kind") kind = d.text().get();
      if (key == "n_label") label = d.text().get();
      if (key == "n_text") text = d.text().get();
    }
    if (kind == "entity") {
      ++entities;
      CHECK(label == c.expected);
    } else {
      CHECK(text == c.expected);
    }
  }
  CHECK(entities == 1);
}

TEST_CASE("GraphML views: the actor layer, the claim layer, a relation", "[graphml][unit]") {
  SmallCorpus f;
  auto count = [&](const ViewOptions& o, int& nodes, int& edges) {
    std::ostringstream out;
    REQUIRE(write_graphml(GraphView(f.graph, o), out).ok());
    pugi::xml_document doc;
    REQUIRE(doc.load_string(out.str().c_str()));
    pugi::xml_node graph = doc.child("graphml").child("graph");
    nodes = edges = 0;
    for (pugi::xml_node n = graph.child("node"); n; n = n.next_sibling("node")) ++nodes;
    for (pugi::xml_node e = graph.child("edge"); e; e = e.next_sibling("edge")) ++edges;
  };
  int nodes = 0, edges = 0;
  ViewOptions o;
  o.layer = GraphLayer::kActors;
  count(o, nodes, edges);
  CHECK(nodes == 3);
  CHECK(edges == 3);
  o.layer = GraphLayer::kClaims;
  count(o, nodes, edges);
  CHECK(nodes == 8);
  CHECK(edges == 9);
  o.relations = {Relation::kAccuses};
  count(o, nodes, edges);
  CHECK(nodes == 4);  // Peskov, Ukraine, two claims
  CHECK(edges == 4);
}

TEST_CASE("GraphML of a plain text corpus declares no date keys", "[graphml][unit]") {
  SmallCorpus f(false);
  const std::string xml = to_graphml(f.graph);
  CHECK(xml.find("first_date") == std::string::npos);
  CHECK(xml.find("attr.name=\"source\"") == std::string::npos);
}

TEST_CASE("GraphML of an empty graph is valid", "[graphml][unit]") {
  ClaimGraph empty;
  const std::string xml = to_graphml(empty);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node graph = doc.child("graphml").child("graph");
  REQUIRE(graph);
  CHECK_FALSE(graph.child("node"));
  CHECK(doc.child("graphml").child("key"));
}

TEST_CASE("GraphML reports a failing stream", "[graphml][bad-input]") {
  SmallCorpus f;
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const quotegraph::Status status = write_graphml(f.graph, out);
  REQUIRE_FALSE(status.ok());
  CHECK(status.diagnostic().code == quotegraph::DiagCode::kIoError);
  CHECK_FALSE(status.message().empty());
}

TEST_CASE("networkx reads the GraphML file", "[graphml][interop]") {
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    WARN("skipped: /usr/bin/python3 cannot import networkx");
    return;
  }
  SmallCorpus f;
  // A hostile name must not stop expat, which rejects forbidden characters.
  EntityRef hostile;
  hostile.name = std::string("Le \"Chef\" \x01<&>\0fin", 18);
  f.graph.add_claim(make_claim(hostile, {}, Relation::kStates, "Rien\x02."), f.registry);

  const std::string path = temp_path("quotegraph_graphml_test");
  {
    std::ofstream out(path, std::ios::binary);
    REQUIRE(write_graphml(f.graph, out).ok());
  }
  const std::string script =
      "import sys, networkx as nx\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "assert g.is_directed(), \"not directed\"\n"
      "assert g.number_of_nodes() == int(sys.argv[2]), g.number_of_nodes()\n"
      "assert g.number_of_edges() == int(sys.argv[3]), g.number_of_edges()\n"
      "labels = [d.get(\"label\") for _, d in g.nodes(data=True)]\n"
      "assert \"Dmitri Peskov\" in labels, labels\n"
      "assert \"Le \" + chr(34) + \"Chef\" + chr(34) + \" <&>fin\" in labels, labels\n"
      "w = [d[\"weight\"] for _, _, d in g.edges(data=True)\n"
      "     if d.get(\"relation\") == \"accuses\"]\n"
      "assert w == [2.0] and isinstance(w[0], float), w\n"
      "assert all(isinstance(d[\"claims_said\"], int) for _, d in g.nodes(data=True)\n"
      "           if d[\"kind\"] == \"entity\")\n"
      "assert g.nodes[sys.argv[4]][\"label\"] == \"Dmitri Peskov\"\n"
      "assert all(isinstance(d[\"r\"], int) for _, _, d in g.edges(data=True))\n";
  // Single quotes around the script: it contains none itself.
  REQUIRE(script.find('\'') == std::string::npos);
  // 3 entities + the hostile one, 6 claims; 5 says + 5 targets + 3 aggregates.
  const std::string command =
      "/usr/bin/python3 -c '" + script + "' '" + path + "' 10 13 '" + f.peskov.id + "'";
  const int status = std::system(command.c_str());
  std::filesystem::remove(path);
  CHECK(status == 0);
}

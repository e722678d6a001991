// Tests for the GEXF 1.3 export: parsed back with pugixml (attributes
// declared per class, node ids equal to the entity ids, viz colours and
// sizes, edge kinds and weights, a dynamic graph with spells when claims
// are dated, a static one otherwise), views, forbidden characters removed,
// and read by networkx's read_gexf, dynamic attributes included.
#include "quotegraph/export/gexf.h"

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

namespace {

using namespace quotegraph;
using quotegraph_test::make_claim;
using quotegraph_test::SmallCorpus;

std::string to_gexf(const GraphView& view) {
  std::ostringstream out;
  const quotegraph::Status status = write_gexf(view, out);
  REQUIRE(status.ok());
  CHECK(status.message().empty());
  return out.str();
}

std::string value_of(pugi::xml_node element, const std::string& attribute_id) {
  for (pugi::xml_node v : element.child("attvalues").children("attvalue"))
    if (attribute_id == v.attribute("for").value() && !v.attribute("start")) return v.attribute("value").value();
  return "<missing>";
}

}  // namespace

TEST_CASE("GEXF declares typed attributes and colours, sizes and weighs the graph", "[gexf][unit]") {
  SmallCorpus f;
  const std::string xml = to_gexf(GraphView(f.graph));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node root = doc.child("gexf");
  REQUIRE(root);
  CHECK(std::string(root.attribute("version").value()) == "1.3");
  CHECK(std::string(root.attribute("xmlns").value()) == "http://gexf.net/1.3");
  CHECK(std::string(root.attribute("xmlns:viz").value()) == "http://gexf.net/1.3/viz");
  pugi::xml_node graph = root.child("graph");
  CHECK(std::string(graph.attribute("defaultedgetype").value()) == "directed");
  CHECK(std::string(graph.attribute("mode").value()) == "dynamic");
  CHECK(std::string(graph.attribute("timeformat").value()) == "date");

  std::map<std::string, std::string> node_type, edge_type;
  for (pugi::xml_node attrs : graph.children("attributes")) {
    auto& table = std::string(attrs.attribute("class").value()) == "node" ? node_type : edge_type;
    for (pugi::xml_node a : attrs.children("attribute")) {
      CHECK(table.count(a.attribute("id").value()) == 0);
      table[a.attribute("id").value()] = a.attribute("type").value();
    }
  }
  CHECK(node_type["claims_said"] == "integer");
  CHECK(node_type["text_start"] == "integer");
  CHECK(node_type["entity_type"] == "string");
  CHECK(edge_type["relation"] == "string");
  CHECK(edge_type["claims"] == "integer");

  std::set<std::string> ids;
  int entities = 0, claims = 0;
  for (pugi::xml_node node : graph.child("nodes").children("node")) {
    ids.insert(node.attribute("id").value());
    // Every attvalue refers to a declared attribute.
    for (pugi::xml_node v : node.child("attvalues").children("attvalue"))
      CHECK(node_type.count(v.attribute("for").value()) == 1);
    CHECK(node.child("viz:color"));
    CHECK(node.child("viz:size"));
    if (value_of(node, "kind") == "entity") {
      ++entities;
    } else {
      ++claims;
      // Claims live on their document's day.
      CHECK(std::string(node.attribute("start").value()).rfind("2024-03-0", 0) == 0);
      CHECK(std::string(node.attribute("start").value()) == node.attribute("end").value());
    }
  }
  CHECK(entities == 3);
  CHECK(claims == 5);
  CHECK(ids.count(f.peskov.id) == 1);
  CHECK(ids.count(f.ukraine.id) == 1);

  pugi::xml_node peskov = graph.child("nodes").find_child_by_attribute("node", "id", f.peskov.id.c_str());
  REQUIRE(peskov);
  CHECK(std::string(peskov.attribute("label").value()) == "Dmitri Peskov");
  CHECK(std::string(peskov.attribute("start").value()) == "2024-03-01");
  CHECK(std::string(peskov.attribute("end").value()) == "2024-03-02");
  CHECK(value_of(peskov, "entity_type") == "person");
  CHECK(std::string(peskov.child("viz:color").attribute("b").value()) == "248");
  pugi::xml_node russia = graph.child("nodes").find_child_by_attribute("node", "id", f.russia.id.c_str());
  // Peskov said 3 claims, Russia none: Peskov is drawn bigger.
  CHECK(peskov.child("viz:size").attribute("value").as_double() >
        russia.child("viz:size").attribute("value").as_double());

  int edges = 0;
  bool saw_accuses = false;
  for (pugi::xml_node edge : graph.child("edges").children("edge")) {
    ++edges;
    CHECK(ids.count(edge.attribute("source").value()) == 1);
    CHECK(ids.count(edge.attribute("target").value()) == 1);
    CHECK(edge.child("viz:color"));
    const std::string kind = edge.attribute("kind").value();
    if (kind == "accuses") {
      saw_accuses = true;
      CHECK(std::string(edge.attribute("source").value()) == f.peskov.id);
      CHECK(edge.attribute("weight").as_int() == 2);
      CHECK(std::string(edge.child("viz:color").attribute("r").value()) == "217");
      // One spell per day with claims, and the count of each day.
      std::vector<std::string> spells;
      for (pugi::xml_node s : edge.child("spells").children("spell")) spells.push_back(s.attribute("start").value());
      CHECK(spells == std::vector<std::string>{"2024-03-01", "2024-03-02"});
      int dynamic_values = 0;
      for (pugi::xml_node v : edge.child("attvalues").children("attvalue"))
        if (std::string(v.attribute("for").value()) == "claims") {
          ++dynamic_values;
          CHECK(v.attribute("value").as_int() == 1);
        }
      CHECK(dynamic_values == 2);
    }
  }
  CHECK(saw_accuses);
  CHECK(edges == 12);  // 4 says + 5 targets + 3 aggregated
}

TEST_CASE("GEXF without dates is a static graph", "[gexf][unit]") {
  SmallCorpus f(false);
  const std::string xml = to_gexf(GraphView(f.graph));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node graph = doc.child("gexf").child("graph");
  CHECK(std::string(graph.attribute("mode").value()) == "static");
  CHECK_FALSE(graph.attribute("timeformat"));
  CHECK(xml.find("<spell") == std::string::npos);
  CHECK(xml.find("start=\"") == std::string::npos);
}

TEST_CASE("GEXF follows the view: the actor network alone", "[gexf][unit]") {
  SmallCorpus f;
  ViewOptions o;
  o.layer = GraphLayer::kActors;
  const std::string xml = to_gexf(GraphView(f.graph, o));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  pugi::xml_node graph = doc.child("gexf").child("graph");
  int nodes = 0, edges = 0;
  for (pugi::xml_node n = graph.child("nodes").child("node"); n; n = n.next_sibling("node")) ++nodes;
  for (pugi::xml_node e = graph.child("edges").child("edge"); e; e = e.next_sibling("edge")) ++edges;
  CHECK(nodes == 3);
  CHECK(edges == 3);
}

TEST_CASE("GEXF drops characters XML 1.0 forbids", "[gexf][bad-input]") {
  SmallCorpus f;
  EntityRef hostile;
  hostile.name = std::string("Le \"Chef\" \x01<&>\0fin", 18);
  f.graph.add_claim(make_claim(hostile, {}, Relation::kStates, "Rien\x02 \xFF."), f.registry);
  const std::string xml = to_gexf(GraphView(f.graph));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  CHECK(doc.child("gexf").child("graph").child("nodes").find_child_by_attribute(
      "node", "label", "Le \"Chef\" <&>fin"));
  for (unsigned char c : xml) CHECK_FALSE((c < 0x20 && c != '\n' && c != '\t' && c != '\r'));
}

TEST_CASE("GEXF reports a failing stream", "[gexf][bad-input]") {
  SmallCorpus f;
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const quotegraph::Status status = write_gexf(GraphView(f.graph), out);
  REQUIRE_FALSE(status.ok());
  CHECK(status.diagnostic().code == quotegraph::DiagCode::kIoError);
  CHECK_FALSE(status.message().empty());
}

TEST_CASE("networkx reads the GEXF file, dynamic attributes included", "[gexf][interop]") {
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    WARN("skipped: /usr/bin/python3 cannot import networkx");
    return;
  }
  SmallCorpus f;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("quotegraph_gexf_test_" + std::to_string(::getpid()) + ".gexf"))
                               .string();
  {
    std::ofstream out(path, std::ios::binary);
    REQUIRE(write_gexf(GraphView(f.graph), out).ok());
  }
  // networkx before 3.0 (Debian bookworm ships 2.8) knows GEXF up to 1.2;
  // 1.3 has the same elements under a new namespace, so it is registered
  // when missing.
  const std::string script =
      "import sys, networkx as nx\n"
      "from networkx.readwrite import gexf\n"
      "if \"1.3\" not in gexf.GEXF.versions:\n"
      "    gexf.GEXF.versions[\"1.3\"] = dict(gexf.GEXF.versions[\"1.2draft\"],\n"
      "        NS_GEXF=\"http://gexf.net/1.3\", NS_VIZ=\"http://gexf.net/1.3/viz\", VERSION=\"1.3\")\n"
      "g = nx.read_gexf(sys.argv[1])\n"
      "assert g.is_directed()\n"
      "assert g.graph[\"mode\"] == \"dynamic\", g.graph\n"
      "assert g.number_of_nodes() == 8, g.number_of_nodes()\n"
      "assert g.number_of_edges() == 12, g.number_of_edges()\n"
      "p = g.nodes[sys.argv[2]]\n"
      "assert p[\"label\"] == \"Dmitri Peskov\", p\n"
      "assert p[\"claims_said\"] == 3 and isinstance(p[\"claims_said\"], int), p\n"
      "assert p[\"viz\"][\"color\"][\"b\"] == 248, p[\"viz\"]\n"
      "assert p[\"start\"] == \"2024-03-01\", p\n"
      "acc = [d for _, _, d in g.edges(data=True) if d.get(\"relation\") == \"accuses\" and d[\"weight\"] == 2.0]\n"
      "assert len(acc) == 1, acc\n"
      "assert sorted(acc[0][\"spells\"]) == [(\"2024-03-01\", \"2024-03-01\"), (\"2024-03-02\", \"2024-03-02\")], acc\n"
      "assert sorted(acc[0][\"claims\"]) == [(1, \"2024-03-01\", \"2024-03-01\"), (1, \"2024-03-02\", \"2024-03-02\")], acc\n";
  REQUIRE(script.find('\'') == std::string::npos);
  const int status =
      std::system(("/usr/bin/python3 -c '" + script + "' '" + path + "' '" + f.peskov.id + "'").c_str());
  std::filesystem::remove(path);
  CHECK(status == 0);
}

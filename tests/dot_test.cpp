// Tests for the DOT export and SVG rendering: the DOT text is parsed back
// with cgraph's agmemread and laid out by the `dot` program, names full of
// DOT syntax (quotes, backslashes, braces, keywords, newlines) included;
// claim boxes coloured by kind, acts dashed, a legend; large graphs drawn
// as a bounded actor network.
#include "quotegraph/export/dot.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>
#include <pugixml.hpp>
#include <unistd.h>

#include "catch.hpp"
#include "support/graph_fixture.h"
#include "support/lexicons.h"

namespace {

using namespace quotegraph;

using quotegraph_test::make_claim;
using quotegraph_test::resolved;
using quotegraph_test::unresolved;

// Peskov accuses Ukraine twice and warns it once: 3 claims, 2 entities,
// 3 says + 3 targets edges, 2 aggregate edges.
struct Fixture {
  EntityRegistry registry{quotegraph_test::shared_words()};
  ClaimGraph graph;
  std::string peskov_id;
  Fixture() {
    const EntityRef peskov = resolved(registry, "Dmitri Peskov", EntityType::kPerson);
    const EntityRef ukraine = resolved(registry, "Ukraine", EntityType::kCountry);
    peskov_id = peskov.id;
    graph.add_claim(make_claim(peskov, {ukraine}, Relation::kAccuses, "Kiev provoque."), registry);
    graph.add_claim(make_claim(peskov, {ukraine}, Relation::kAccuses, "Kiev ment."), registry);
    graph.add_claim(make_claim(peskov, {ukraine}, Relation::kWarns, "Attention.", ClaimKind::kAct), registry);
  }
};

GraphView actors_view(const ClaimGraph& graph) {
  ViewOptions o;
  o.layer = GraphLayer::kActors;
  return GraphView(graph, o);
}

// Nodes other than the legend.
int drawn_nodes(Agraph_t* g) {
  int n = 0;
  for (Agnode_t* v = agfstnode(g); v != nullptr; v = agnxtnode(g, v))
    if (std::string(agnameof(v)) != "quotegraph:legend") ++n;
  return n;
}

// Owns a graph read back with agmemread.
struct ReadBack {
  Agraph_t* g = nullptr;
  explicit ReadBack(const std::string& dot) : g(agmemread(dot.c_str())) {}
  ~ReadBack() {
    if (g != nullptr) agclose(g);
  }
  ReadBack(const ReadBack&) = delete;
  ReadBack& operator=(const ReadBack&) = delete;
};

std::string attr(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value == nullptr ? std::string("<unset>") : std::string(value);
}

Agnode_t* node_named(Agraph_t* g, const std::string& name) {
  return agnode(g, const_cast<char*>(name.c_str()), 0);
}

std::string temp_path(const std::string& stem, const std::string& extension) {
  return (std::filesystem::temp_directory_path() /
          (stem + "_" + std::to_string(::getpid()) + extension))
      .string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool have_dot_program() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

// Runs `dot -Tsvg` on `dot_text`; returns the SVG, or "" and fails a check.
std::string run_dot_program(const std::string& dot_text) {
  const std::string in = temp_path("quotegraph_dot_test", ".dot");
  const std::string out = temp_path("quotegraph_dot_test", ".svg");
  {
    std::ofstream file(in, std::ios::binary);
    file << dot_text;
  }
  const std::string command = "dot -Tsvg '" + in + "' -o '" + out + "' 2>/dev/null";
  const int status = std::system(command.c_str());
  CHECK(status == 0);
  std::string svg = read_file(out);
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  return svg;
}

// The DOT text of `view`; the test fails when to_dot does.
std::string dot_of(const GraphView& view) {
  Result<std::string> dot = to_dot(view, DotOptions{});
  INFO(dot.status().to_string());
  REQUIRE(dot);
  return *dot;
}

// The SVG drawing of `view`; the test fails when render_svg does.
SvgResult svg_of(const GraphView& view) {
  Result<SvgResult> svg = render_svg(view, DotOptions{});
  INFO(svg.status().to_string());
  REQUIRE(svg);
  return *svg;
}

}  // namespace

TEST_CASE("DOT output parses back with the claims drawn", "[dot][unit]") {
  Fixture f;
  const std::string dot = dot_of(GraphView(f.graph));
  REQUIRE_FALSE(dot.empty());

  ReadBack back(dot);
  REQUIRE(back.g != nullptr);
  CHECK(agisdirected(back.g));
  CHECK(drawn_nodes(back.g) == 5);
  CHECK(agnedges(back.g) == 6);  // says + targets; aggregates are not drawn twice
  Agnode_t* legend = node_named(back.g, "quotegraph:legend");
  REQUIRE(legend != nullptr);
  CHECK(attr(legend, "label").find("accuses") != std::string::npos);
  CHECK(attr(legend, "label").find("act (speech act)") != std::string::npos);

  Agnode_t* peskov = node_named(back.g, f.peskov_id);
  REQUIRE(peskov != nullptr);
  CHECK(attr(peskov, "label") == "Dmitri Peskov");
  CHECK(attr(peskov, "shape") == "ellipse");
  CHECK(attr(peskov, "style") == "filled");
  int says = 0, acts = 0;
  std::set<std::string> fills;
  for (Agedge_t* e = agfstout(back.g, peskov); e != nullptr; e = agnxtout(back.g, e)) {
    CHECK(attr(e, "color") == "#9aa0a6");
    CHECK(attr(agtail(e), "shape") == "ellipse");
    Agnode_t* box = aghead(e);
    CHECK(attr(box, "shape") == "box");
    fills.insert(attr(box, "fillcolor"));
    if (attr(box, "style").find("dashed") != std::string::npos) ++acts;
    // The claim's targets edge is labelled and coloured by relation.
    Agedge_t* out = agfstout(back.g, box);
    REQUIRE(out != nullptr);
    const std::string relation = attr(out, "label");
    CHECK((relation == "accuses" || relation == "warns"));
    if (relation == "accuses") CHECK(attr(out, "color") == "#d93025");
    ++says;
  }
  CHECK(says == 3);
  CHECK(acts == 1);      // the act is dashed
  CHECK(fills.size() == 2);  // direct and act boxes differ
}

TEST_CASE("DOT actor network draws entities and weighted aggregate edges", "[dot][unit]") {
  Fixture f;
  const std::string dot = dot_of(actors_view(f.graph));
  ReadBack back(dot);
  REQUIRE(back.g != nullptr);
  CHECK(drawn_nodes(back.g) == 2);
  CHECK(agnedges(back.g) == 2);
  CHECK(attr(back.g, "layout") == "sfdp");

  Agnode_t* peskov = node_named(back.g, f.peskov_id);
  REQUIRE(peskov != nullptr);
  bool saw_accuses = false, saw_warns = false;
  for (Agedge_t* e = agfstout(back.g, peskov); e != nullptr; e = agnxtout(back.g, e)) {
    const std::string label = attr(e, "tooltip");
    if (label == "accuses \xC3\x97" "2") {
      saw_accuses = true;
      CHECK(attr(e, "color") == "#d93025");
      CHECK(attr(e, "weight") == "2");
      CHECK(std::stod(attr(e, "penwidth")) > 1.5);
    } else if (label == "warns") {
      saw_warns = true;
      CHECK(attr(e, "color") == "#9334e6");
      CHECK(std::stod(attr(e, "penwidth")) == 1.0);
    }
  }
  CHECK(saw_accuses);
  CHECK(saw_warns);
}

TEST_CASE("DOT keeps names full of DOT syntax valid", "[dot][bad-input]") {
  struct Case {
    std::string name;
    std::string label;  // as Graphviz stores it: backslashes doubled, \n escapes
  };
  auto c = GENERATE(values<Case>({
      {"Le \"Grand\" Chef", "Le \"Grand\" Chef"},
      {"C:\\dossier\\N", "C:\\\\dossier\\\\N"},
      {"{accolades} [crochets]; a -> b", "{accolades} [crochets]; a -> b"},
      {"deux\nlignes", "deux\\nlignes"},
      {"node", "node"},
      {"subgraph", "subgraph"},
      {"<b>pas du HTML</b>", "<b>pas du HTML</b>"},
      {"fin\\", "fin\\\\"},
      {"a\\\"b", "a\\\\\"b"},
      {"bip\x07" "bip\x1B", "bipbip"},
      {"ends with quote\"", "ends with quote\""},
  }));
  EntityRegistry registry{quotegraph_test::shared_words()};
  ClaimGraph graph;
  graph.add_claim(make_claim(unresolved(c.name), {unresolved("cible " + c.name)}, Relation::kDenies,
                             c.name),
                  registry);

  for (bool claims : {true, false}) {
    const std::string dot = dot_of(claims ? GraphView(graph) : actors_view(graph));
    ReadBack back(dot);
    REQUIRE(back.g != nullptr);
    CHECK(drawn_nodes(back.g) == (claims ? 3 : 2));
    CHECK(agnedges(back.g) == (claims ? 2 : 1));
    bool found = false;
    for (Agnode_t* n = agfstnode(back.g); n != nullptr; n = agnxtnode(back.g, n)) {
      if (attr(n, "label") == c.label && attr(n, "shape") == "ellipse") found = true;
    }
    CHECK(found);

    if (have_dot_program()) {
      const std::string svg = run_dot_program(dot);
      CHECK(svg.find("<svg") != std::string::npos);
      pugi::xml_document doc;
      CHECK(doc.load_string(svg.c_str()));
    }
  }
}

TEST_CASE("the dot program lays out the exported file", "[dot][interop]") {
  if (!have_dot_program()) {
    WARN("skipped: no dot program on PATH");
    return;
  }
  Fixture f;
  const std::string svg = run_dot_program(dot_of(GraphView(f.graph)));
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Dmitri Peskov") != std::string::npos);
}

TEST_CASE("render_svg lays out and renders through gvc", "[dot][unit]") {
  Fixture f;
  const SvgResult result = svg_of(GraphView(f.graph));
  const std::string& svg = result.svg;
  REQUIRE(svg.find("<svg") != std::string::npos);
  CHECK(result.note.empty());
  CHECK(svg.find("Dmitri Peskov") != std::string::npos);
  CHECK(svg.find("Kiev provoque.") != std::string::npos);
  CHECK(svg.find("accuses \xC3\x97") == std::string::npos);  // aggregates hidden with claims drawn
  pugi::xml_document doc;
  CHECK(doc.load_string(svg.c_str()));

  const SvgResult network = svg_of(actors_view(f.graph));
  CHECK(network.svg.find("<svg") != std::string::npos);
  CHECK(network.svg.find("accuses \xC3\x97" "2") != std::string::npos);
  CHECK(network.svg.find("Kiev provoque.") == std::string::npos);
  CHECK(network.note.empty());
}

TEST_CASE("an empty graph exports and renders", "[dot][bad-input]") {
  ClaimGraph empty;
  const std::string dot = dot_of(GraphView(empty));
  ReadBack back(dot);
  REQUIRE(back.g != nullptr);
  CHECK(drawn_nodes(back.g) == 0);
  const SvgResult svg = svg_of(GraphView(empty));
  CHECK(svg.svg.find("<svg") != std::string::npos);
}

TEST_CASE("a large claim graph is drawn as the actor network of the top entities", "[dot][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  ClaimGraph graph;
  // 60 speakers, each accusing the next: 600 claims, far above the limit.
  std::vector<EntityRef> people;
  for (int i = 0; i < 60; ++i)
    people.push_back(resolved(registry, "Personne " + std::to_string(i), EntityType::kPerson));
  for (int round = 0; round < 10; ++round)
    for (int i = 0; i < 60; ++i)
      graph.add_claim(make_claim(people[i], {people[(i + 1) % 60]}, Relation::kAccuses,
                                 "Déclaration " + std::to_string(round)),
                      registry);
  const SvgResult result = svg_of(GraphView(graph));
  REQUIRE(result.svg.find("<svg") != std::string::npos);
  CHECK(result.note.find("actor network") != std::string::npos);
  CHECK(result.svg.find("Déclaration") == std::string::npos);  // no claim boxes
  // At most kSvgTopEntities entities are drawn.
  std::size_t drawn = 0;
  for (int i = 0; i < 60; ++i)
    if (result.svg.find(">Personne " + std::to_string(i) + "<") != std::string::npos) ++drawn;
  CHECK(drawn > 0);
  CHECK(drawn <= kSvgTopEntities);
}

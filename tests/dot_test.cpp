// Tests for the DOT export and SVG rendering: the DOT text is parsed back
// with cgraph's agmemread and laid out by the `dot` program, names full of
// DOT syntax (quotes, backslashes, braces, keywords, newlines) included.
#include "quotegraph/export/dot.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <graphviz/cgraph.h>
#include <pugixml.hpp>
#include <unistd.h>

#include "catch.hpp"

namespace {

using namespace quotegraph;

EntityRef resolved(EntityRegistry& registry, const std::string& name, EntityType type) {
  DocEntity e;
  e.name = name;
  e.type = type;
  EntityRef ref;
  ref.id = registry.add(e, "doc.txt");
  ref.name = name;
  ref.type = type;
  return ref;
}

EntityRef unresolved(const std::string& name) {
  EntityRef ref;
  ref.name = name;
  return ref;
}

Claim claim(std::optional<EntityRef> speaker, std::vector<EntityRef> targets, Relation relation,
            std::string text) {
  Claim c;
  c.document = "doc.txt";
  c.begin = 0;
  c.end = 5;
  c.text = std::move(text);
  c.relation = relation;
  c.speaker = std::move(speaker);
  c.targets = std::move(targets);
  return c;
}

// Peskov accuses Ukraine twice and warns it once: 3 claims, 2 entities,
// 3 says + 3 targets edges, 2 aggregate edges.
struct Fixture {
  EntityRegistry registry;
  ClaimGraph graph;
  std::string peskov_id;
  Fixture() {
    const EntityRef peskov = resolved(registry, "Dmitri Peskov", EntityType::kPerson);
    const EntityRef ukraine = resolved(registry, "Ukraine", EntityType::kCountry);
    peskov_id = peskov.id;
    graph.add_claim(claim(peskov, {ukraine}, Relation::kAccuses, "Kiev provoque."), registry);
    graph.add_claim(claim(peskov, {ukraine}, Relation::kAccuses, "Kiev ment."), registry);
    graph.add_claim(claim(peskov, {ukraine}, Relation::kWarns, "Attention."), registry);
  }
};

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

}  // namespace

TEST_CASE("DOT output parses back with the claims drawn", "[dot][unit]") {
  Fixture f;
  std::string error;
  const std::string dot = to_dot(f.graph, DotOptions{}, error);
  CHECK(error.empty());
  REQUIRE_FALSE(dot.empty());

  ReadBack back(dot);
  REQUIRE(back.g != nullptr);
  CHECK(agisdirected(back.g));
  CHECK(agnnodes(back.g) == 5);
  CHECK(agnedges(back.g) == 6);  // says + targets; aggregates are not drawn twice

  Agnode_t* peskov = node_named(back.g, f.peskov_id);
  REQUIRE(peskov != nullptr);
  CHECK(attr(peskov, "label") == "Dmitri Peskov");
  CHECK(attr(peskov, "shape") == "ellipse");
  CHECK(attr(peskov, "style") == "filled");
  int says = 0;
  for (Agedge_t* e = agfstout(back.g, peskov); e != nullptr; e = agnxtout(back.g, e)) {
    CHECK(attr(e, "label") == "says");
    CHECK(attr(e, "color") == "grey50");
    CHECK(attr(agtail(e), "shape") == "ellipse");
    CHECK(attr(aghead(e), "shape") == "box");
    ++says;
  }
  CHECK(says == 3);
}

TEST_CASE("DOT actor network draws entities and weighted aggregate edges", "[dot][unit]") {
  Fixture f;
  std::string error;
  DotOptions options;
  options.claims = false;
  const std::string dot = to_dot(f.graph, options, error);
  CHECK(error.empty());
  ReadBack back(dot);
  REQUIRE(back.g != nullptr);
  CHECK(agnnodes(back.g) == 2);
  CHECK(agnedges(back.g) == 2);

  Agnode_t* peskov = node_named(back.g, f.peskov_id);
  REQUIRE(peskov != nullptr);
  bool saw_accuses = false, saw_warns = false;
  for (Agedge_t* e = agfstout(back.g, peskov); e != nullptr; e = agnxtout(back.g, e)) {
    const std::string label = attr(e, "label");
    if (label == "accuses") {
      saw_accuses = true;
      CHECK(attr(e, "color") == "red");
      CHECK(attr(e, "weight") == "2");
      CHECK(std::stod(attr(e, "penwidth")) > 1.5);
    } else if (label == "warns") {
      saw_warns = true;
      CHECK(attr(e, "color") == "purple");
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
  EntityRegistry registry;
  ClaimGraph graph;
  graph.add_claim(claim(unresolved(c.name), {unresolved("cible " + c.name)}, Relation::kDenies,
                        c.name),
                  registry);

  for (bool claims : {true, false}) {
    DotOptions options;
    options.claims = claims;
    std::string error;
    const std::string dot = to_dot(graph, options, error);
    CHECK(error.empty());
    ReadBack back(dot);
    REQUIRE(back.g != nullptr);
    CHECK(agnnodes(back.g) == (claims ? 3 : 2));
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
  std::string error;
  const std::string svg = run_dot_program(to_dot(f.graph, DotOptions{}, error));
  CHECK(error.empty());
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Dmitri Peskov") != std::string::npos);
}

TEST_CASE("render_svg lays out and renders through gvc", "[dot][unit]") {
  Fixture f;
  std::string error;
  const std::string svg = render_svg(f.graph, DotOptions{}, error);
  INFO(error);
  REQUIRE(svg.find("<svg") != std::string::npos);
  CHECK(error.empty());
  CHECK(svg.find("Dmitri Peskov") != std::string::npos);
  CHECK(svg.find("accuses") == std::string::npos);  // aggregates hidden with claims drawn
  pugi::xml_document doc;
  CHECK(doc.load_string(svg.c_str()));

  DotOptions actors;
  actors.claims = false;
  const std::string network = render_svg(f.graph, actors, error);
  CHECK(network.find("<svg") != std::string::npos);
  CHECK(network.find("accuses") != std::string::npos);
  CHECK(network.find("Kiev provoque.") == std::string::npos);
}

TEST_CASE("an empty graph exports and renders", "[dot][bad-input]") {
  ClaimGraph empty;
  std::string error;
  const std::string dot = to_dot(empty, DotOptions{}, error);
  CHECK(error.empty());
  ReadBack back(dot);
  REQUIRE(back.g != nullptr);
  CHECK(agnnodes(back.g) == 0);
  const std::string svg = render_svg(empty, DotOptions{}, error);
  CHECK(error.empty());
  CHECK(svg.find("<svg") != std::string::npos);
}

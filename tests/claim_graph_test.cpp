// Tests for ClaimGraph: vertices per entity and claim, says/targets edges,
// aggregate speaker -> target edges and their weights, registry syncing.
#include "quotegraph/graph/claim_graph.h"

#include <algorithm>
#include <string>

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

Claim make_claim(std::optional<EntityRef> speaker, std::vector<EntityRef> targets,
                 Relation relation, std::string text = "Il faut négocier.") {
  static std::uint32_t next = 0;
  Claim c;
  c.document = "doc.txt";
  c.begin = next;
  next += 10;
  c.end = c.begin + 5;
  c.text = std::move(text);
  c.kind = ClaimKind::kIndirect;
  c.cue = "a déclaré";
  c.relation = relation;
  c.speaker = std::move(speaker);
  c.targets = std::move(targets);
  return c;
}

Vertex find_vertex(const Graph& g, const std::string& id) {
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].id == id) return v;
  }
  return boost::graph_traits<Graph>::null_vertex();
}

int count_edges(const Graph& g, EdgeKind kind) {
  int n = 0;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].kind == kind) ++n;
  }
  return n;
}

// Weight of the aggregate edge speaker -> target with `relation`, 0 if none.
int aggregate_weight(const Graph& g, Vertex s, Vertex t, Relation relation) {
  int found = 0;
  for (Edge e : boost::make_iterator_range(boost::out_edges(s, g))) {
    const EdgeProps& p = g[e];
    if (boost::target(e, g) == t && p.kind == EdgeKind::kAggregate && p.relation == relation) {
      found += p.weight;
    }
  }
  return found;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("claim graph builds entity and claim vertices with says/targets edges",
          "[claim_graph][unit]") {
  EntityRegistry registry;
  const EntityRef peskov = resolved(registry, "Dmitri Peskov", EntityType::kPerson);
  const EntityRef ukraine = resolved(registry, "Ukraine", EntityType::kCountry);
  const EntityRef russia = resolved(registry, "Russie", EntityType::kCountry);
  REQUIRE_FALSE(peskov.id.empty());
  REQUIRE_FALSE(ukraine.id.empty());

  ClaimGraph graph;
  // The same target named twice in one claim is one edge and one count.
  graph.add_claim(make_claim(peskov, {ukraine, ukraine}, Relation::kAccuses), registry);
  graph.add_claim(make_claim(peskov, {ukraine}, Relation::kAccuses), registry);
  graph.add_claim(make_claim(peskov, {ukraine}, Relation::kWarns), registry);
  // Ukraine speaks too: it must stay one vertex, speaker and target alike.
  graph.add_claim(make_claim(ukraine, {russia}, Relation::kCriticises), registry);
  // No speaker: a targets edge but no says edge and no aggregate.
  graph.add_claim(make_claim(std::nullopt, {russia}, Relation::kStates), registry);

  const Graph& g = graph.graph();
  CHECK(graph.claim_count() == 5);
  CHECK(graph.entity_count() == 3);
  CHECK(boost::num_vertices(g) == 8);
  CHECK(count_edges(g, EdgeKind::kSays) == 4);
  CHECK(count_edges(g, EdgeKind::kTargets) == 5);
  CHECK(count_edges(g, EdgeKind::kAggregate) == 3);

  const Vertex vp = find_vertex(g, peskov.id);
  const Vertex vu = find_vertex(g, ukraine.id);
  const Vertex vr = find_vertex(g, russia.id);
  REQUIRE(vp != boost::graph_traits<Graph>::null_vertex());
  REQUIRE(vu != boost::graph_traits<Graph>::null_vertex());
  REQUIRE(vr != boost::graph_traits<Graph>::null_vertex());

  CHECK(aggregate_weight(g, vp, vu, Relation::kAccuses) == 2);
  CHECK(aggregate_weight(g, vp, vu, Relation::kWarns) == 1);
  CHECK(aggregate_weight(g, vu, vr, Relation::kCriticises) == 1);
  CHECK(aggregate_weight(g, vp, vr, Relation::kStates) == 0);

  CHECK(g[vp].label == "Dmitri Peskov");
  CHECK(g[vp].entity_type == EntityType::kPerson);
  CHECK(g[vp].claims_said == 3);
  CHECK(g[vp].claims_targeted == 0);
  CHECK(g[vu].claims_said == 1);
  CHECK(g[vu].claims_targeted == 3);
  CHECK(g[vr].claims_targeted == 2);
}

TEST_CASE("claim vertices carry the claim and a label cut to 80 code points",
          "[claim_graph][unit]") {
  EntityRegistry registry;
  const EntityRef speaker = resolved(registry, "Emmanuel Macron", EntityType::kPerson);
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "été ";  // 120 code points
  ClaimGraph graph;
  graph.add_claim(make_claim(speaker, {}, Relation::kStates, long_text), registry);
  graph.add_claim(make_claim(speaker, {}, Relation::kStates, "Court."), registry);

  const Graph& g = graph.graph();
  std::vector<Vertex> claims;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].kind == VertexKind::kClaim) claims.push_back(v);
  }
  REQUIRE(claims.size() == 2);
  const VertexProps& cut = g[claims[0]];
  CHECK(cut.text == long_text);
  CHECK(code_points(cut.label) <= 81);
  CHECK(cut.label.rfind("\xE2\x80\xA6") == cut.label.size() - 3);
  CHECK(long_text.rfind(cut.label.substr(0, cut.label.size() - 3), 0) == 0);
  CHECK(g[claims[1]].label == "Court.");
  CHECK(cut.document == "doc.txt");
  CHECK(cut.cue == "a déclaré");
  CHECK(cut.claim_kind == ClaimKind::kIndirect);
  CHECK(cut.id.rfind("claim:doc.txt:", 0) == 0);
  CHECK(cut.id != g[claims[1]].id);
  CHECK(std::string(vertex_kind_name(cut.kind)) == "claim");
}

TEST_CASE("unresolved entities are keyed by name; nameless ones are skipped",
          "[claim_graph][bad-input]") {
  EntityRegistry registry;
  ClaimGraph graph;
  graph.add_claim(make_claim(unresolved("un diplomate"), {unresolved("Bakou")}, Relation::kWarns),
                  registry);
  graph.add_claim(make_claim(unresolved("un diplomate"), {unresolved("Bakou")}, Relation::kWarns),
                  registry);
  // Neither id nor name: nothing to draw, and no crash.
  graph.add_claim(make_claim(EntityRef{}, {EntityRef{}}, Relation::kAccuses), registry);

  const Graph& g = graph.graph();
  CHECK(graph.entity_count() == 2);
  CHECK(graph.claim_count() == 3);
  const Vertex diplomat = find_vertex(g, "name:un diplomate");
  const Vertex baku = find_vertex(g, "name:Bakou");
  REQUIRE(diplomat != boost::graph_traits<Graph>::null_vertex());
  REQUIRE(baku != boost::graph_traits<Graph>::null_vertex());
  CHECK(g[diplomat].label == "un diplomate");
  CHECK(aggregate_weight(g, diplomat, baku, Relation::kWarns) == 2);
  CHECK(count_edges(g, EdgeKind::kSays) == 2);
  CHECK(count_edges(g, EdgeKind::kTargets) == 2);
}

TEST_CASE("a copied claim graph keeps counting on its own", "[claim_graph][unit]") {
  EntityRegistry registry;
  const EntityRef a = resolved(registry, "Nikol Pachinian", EntityType::kPerson);
  const EntityRef b = resolved(registry, "Azerbaïdjan", EntityType::kCountry);
  ClaimGraph original;
  original.add_claim(make_claim(a, {b}, Relation::kAccuses), registry);
  ClaimGraph copy = original;
  copy.add_claim(make_claim(a, {b}, Relation::kAccuses), registry);
  copy.add_claim(make_claim(a, {b}, Relation::kAccuses), registry);

  const Graph& go = original.graph();
  const Graph& gc = copy.graph();
  const Relation r = Relation::kAccuses;
  CHECK(aggregate_weight(go, find_vertex(go, a.id), find_vertex(go, b.id), r) == 1);
  CHECK(aggregate_weight(gc, find_vertex(gc, a.id), find_vertex(gc, b.id), r) == 3);
  CHECK(count_edges(gc, EdgeKind::kAggregate) == 1);
}

TEST_CASE("sync_entities copies names, aliases and counts from the registry",
          "[claim_graph][unit]") {
  EntityRegistry registry;
  const EntityRef peskov = resolved(registry, "Dmitri Peskov", EntityType::kPerson);
  ClaimGraph graph;
  graph.add_claim(make_claim(peskov, {}, Relation::kStates), registry);

  DocEntity again;
  again.name = "Dmitri Peskov";
  again.surname = "Peskov";
  again.given_name = "Dmitri";
  again.type = EntityType::kPerson;
  again.role = "porte-parole du Kremlin";
  again.aliases = {"M. Peskov", "le porte-parole"};
  REQUIRE(registry.add(again, "autre.txt") == peskov.id);
  registry.count_claim(peskov.id, true);
  registry.count_claim(peskov.id, true);
  registry.count_claim(peskov.id, false);

  graph.sync_entities(registry);
  const Graph& g = graph.graph();
  const Vertex v = find_vertex(g, peskov.id);
  REQUIRE(v != boost::graph_traits<Graph>::null_vertex());
  const Entity* e = registry.find(peskov.id);
  REQUIRE(e != nullptr);
  CHECK(g[v].label == e->name);
  CHECK(g[v].role == e->role);
  CHECK(g[v].aliases.size() == e->aliases.size());
  CHECK(std::find(g[v].aliases.begin(), g[v].aliases.end(), "M. Peskov") != g[v].aliases.end());
  CHECK(g[v].claims_said == 2);
  CHECK(g[v].claims_targeted == 1);
}

TEST_CASE("edge relation names", "[claim_graph][unit]") {
  CHECK(edge_relation_name(EdgeProps{EdgeKind::kSays, Relation::kAccuses, 1}) == "says");
  CHECK(edge_relation_name(EdgeProps{EdgeKind::kTargets, Relation::kAccuses, 1}) == "targets");
  CHECK(edge_relation_name(EdgeProps{EdgeKind::kAggregate, Relation::kAccuses, 1}) == "accuses");
  CHECK(edge_relation_name(EdgeProps{EdgeKind::kAggregate, Relation::kCallsOn, 1}) == "calls_on");
  CHECK(std::string(vertex_kind_name(VertexKind::kEntity)) == "entity");
}

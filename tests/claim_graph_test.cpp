// Tests for ClaimGraph: one vertex per entity, aggregated speaker -> target
// edges and their weights and days, counts per relation, claims spooled and
// streamed back in order with everything the exporters need, registry syncing.
#include "quotegraph/graph/claim_graph.h"

#include <algorithm>
#include <string>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "catch.hpp"
#include "quotegraph/text/text.h"
#include "support/graph_fixture.h"
#include "support/lexicons.h"

namespace {

using namespace quotegraph;
using quotegraph_test::make_claim;
using quotegraph_test::resolved;
using quotegraph_test::unresolved;

std::vector<ClaimRecord> claims_of(const ClaimGraph& graph) {
  std::vector<ClaimRecord> out;
  REQUIRE(graph.for_each_claim([&](const ClaimRecord& c) { out.push_back(c); return true; }));
  return out;
}

}  // namespace

TEST_CASE("claim graph: one vertex per entity, aggregated edges weighted per relation",
          "[claim_graph][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const EntityRef peskov = resolved(registry, "Dmitri Peskov", EntityType::kPerson);
  const EntityRef ukraine = resolved(registry, "Ukraine", EntityType::kCountry);
  const EntityRef russia = resolved(registry, "Russie", EntityType::kCountry);
  ClaimGraph graph;
  // The same target named twice in one claim is one target and one count.
  graph.add_claim(make_claim(peskov, {ukraine, ukraine}, Relation::kAccuses), registry);
  graph.add_claim(make_claim(peskov, {ukraine}, Relation::kAccuses), registry);
  graph.add_claim(make_claim(peskov, {ukraine}, Relation::kWarns), registry);
  // Ukraine speaks too: it stays one vertex, speaker and target alike.
  graph.add_claim(make_claim(ukraine, {russia}, Relation::kCriticises), registry);
  // No speaker: a target but no aggregate.
  graph.add_claim(make_claim(std::nullopt, {russia}, Relation::kStates), registry);

  const ActorGraph& g = graph.graph();
  CHECK(graph.claim_count() == 5);
  CHECK(graph.entity_count() == 3);
  CHECK(boost::num_vertices(g) == 3);
  CHECK(boost::num_edges(g) == 3);
  const int vp = graph.find_entity(peskov.id), vu = graph.find_entity(ukraine.id),
            vr = graph.find_entity(russia.id);
  REQUIRE(vp >= 0);
  REQUIRE(vu >= 0);
  REQUIRE(vr >= 0);
  CHECK(graph.find_entity("nobody") == -1);
  CHECK(graph.aggregate_weight(vp, vu, Relation::kAccuses) == 2);
  CHECK(graph.aggregate_weight(vp, vu, Relation::kWarns) == 1);
  CHECK(graph.aggregate_weight(vu, vr, Relation::kCriticises) == 1);
  CHECK(graph.aggregate_weight(vp, vr, Relation::kStates) == 0);

  CHECK(g[vp].label == "Dmitri Peskov");
  CHECK(g[vp].id == peskov.id);
  CHECK(g[vp].entity_type == EntityType::kPerson);
  CHECK(g[vp].claims_said == 3);
  CHECK(g[vp].said_by_relation[static_cast<int>(Relation::kAccuses)] == 2);
  CHECK(g[vu].claims_said == 1);
  CHECK(g[vu].claims_targeted == 3);
  CHECK(g[vr].claims_targeted == 2);
  CHECK(g[vr].targeted_by_relation[static_cast<int>(Relation::kStates)] == 1);
  CHECK_FALSE(graph.has_dates());

  const std::vector<ClaimRecord> claims = claims_of(graph);
  REQUIRE(claims.size() == 5);
  CHECK(claims[0].speaker == vp);
  CHECK(claims[0].targets == std::vector<int>{vu});
  CHECK(claims[4].speaker == -1);
  CHECK(claims[4].targets == std::vector<int>{vr});
  for (std::size_t i = 0; i < claims.size(); ++i) CHECK(claims[i].index == i);
}

TEST_CASE("claims come back whole, with a label cut to 80 code points", "[claim_graph][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const EntityRef speaker = resolved(registry, "Emmanuel Macron", EntityType::kPerson);
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "été ";  // 120 code points
  ClaimGraph graph;
  DocumentMeta meta;
  meta.date = "2024-03-12T08:00:00Z";
  meta.source = "Le Monde";
  meta.url = "https://example.org/a";
  meta.title = "Un titre";
  graph.add_claim(make_claim(speaker, {}, Relation::kStates, long_text, ClaimKind::kIndirect), registry, meta);
  graph.add_claim(make_claim(speaker, {}, Relation::kStates, "Court."), registry);

  const std::vector<ClaimRecord> claims = claims_of(graph);
  REQUIRE(claims.size() == 2);
  const ClaimRecord& c = claims[0];
  CHECK(c.text == long_text);
  CHECK(c.document == "doc.txt");
  CHECK(c.cue == "a déclaré");
  CHECK(c.kind == ClaimKind::kIndirect);
  CHECK(c.meta.source == "Le Monde");
  CHECK(c.meta.url == "https://example.org/a");
  CHECK(c.meta.title == "Un titre");
  CHECK(c.day == "2024-03-12");
  CHECK(c.id.rfind("claim:doc.txt:", 0) == 0);
  CHECK(c.id != claims[1].id);
  CHECK(claims[1].day.empty());
  CHECK(graph.has_dates());
  CHECK(graph.has_meta());

  const std::string label = claim_label(c.text);
  CHECK(count_code_points(label) <= 81);
  CHECK(label.rfind("\xE2\x80\xA6") == label.size() - 3);
  CHECK(long_text.rfind(label.substr(0, label.size() - 3), 0) == 0);
  CHECK(claim_label("Court.") == "Court.");
}

TEST_CASE("many claims stream back in order through the spool", "[claim_graph][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const EntityRef a = resolved(registry, "Nikol Pachinian", EntityType::kPerson);
  const EntityRef b = resolved(registry, "Azerbaïdjan", EntityType::kCountry);
  ClaimGraph graph;
  // Enough text to go past the spool's 1 MiB write buffer several times.
  const std::string text(700, 'x');
  for (int i = 0; i < 6000; ++i) graph.add_claim(make_claim(a, {b}, Relation::kAccuses, text + std::to_string(i)), registry);
  std::size_t seen = 0;
  REQUIRE(graph.for_each_claim(
      [&](const ClaimRecord& c) {
        CHECK(c.text == text + std::to_string(seen));
        ++seen;
        return true;
      }));
  CHECK(seen == 6000);
  // Reading is repeatable, may stop early, and adding goes on after it.
  seen = 0;
  REQUIRE(graph.for_each_claim([&](const ClaimRecord&) { return ++seen < 10; }));
  CHECK(seen == 10);
  graph.add_claim(make_claim(a, {b}, Relation::kAccuses, "fin"), registry);
  std::string last;
  REQUIRE(graph.for_each_claim([&](const ClaimRecord& c) { last = c.text; return true; }));
  CHECK(last == "fin");
  CHECK(graph.aggregate_weight(graph.find_entity(a.id), graph.find_entity(b.id), Relation::kAccuses) == 6001);
}

TEST_CASE("aggregated edges count claims per day and entities keep their first and last dates",
          "[claim_graph][unit]") {
  quotegraph_test::SmallCorpus f;
  const ClaimGraph& graph = f.graph;
  const ActorGraph& g = graph.graph();
  const int vp = graph.find_entity(f.peskov.id), vu = graph.find_entity(f.ukraine.id);
  bool saw = false;
  for (ActorEdgeRef e : boost::make_iterator_range(boost::out_edges(vp, g))) {
    if (g[e].relation != Relation::kAccuses) continue;
    saw = true;
    CHECK(g[e].weight == 2);
    CHECK(g[e].claims_by_day == std::map<std::string, int>{{"2024-03-01", 1}, {"2024-03-02", 1}});
  }
  CHECK(saw);
  CHECK(g[vu].first_date == "2024-03-01");
  CHECK(g[vu].last_date == "2024-03-03");
  CHECK(g[vp].last_date == "2024-03-02");
}

TEST_CASE("unresolved entities are keyed by name; nameless ones are skipped",
          "[claim_graph][bad-input]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  ClaimGraph graph;
  graph.add_claim(make_claim(unresolved("un diplomate"), {unresolved("Bakou")}, Relation::kWarns),
                  registry);
  graph.add_claim(make_claim(unresolved("un diplomate"), {unresolved("Bakou")}, Relation::kWarns),
                  registry);
  // Neither id nor name: nothing to draw, and no crash.
  graph.add_claim(make_claim(EntityRef{}, {EntityRef{}}, Relation::kAccuses), registry);

  const ActorGraph& g = graph.graph();
  CHECK(graph.entity_count() == 2);
  CHECK(graph.claim_count() == 3);
  const int diplomat = graph.find_entity("name:un diplomate");
  const int baku = graph.find_entity("name:Bakou");
  REQUIRE(diplomat >= 0);
  REQUIRE(baku >= 0);
  CHECK(g[diplomat].label == "un diplomate");
  CHECK(graph.aggregate_weight(diplomat, baku, Relation::kWarns) == 2);
  const std::vector<ClaimRecord> claims = claims_of(graph);
  REQUIRE(claims.size() == 3);
  CHECK(claims[2].speaker == -1);
  CHECK(claims[2].targets.empty());
}

TEST_CASE("a moved claim graph keeps its claims and counting", "[claim_graph][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const EntityRef a = resolved(registry, "Nikol Pachinian", EntityType::kPerson);
  const EntityRef b = resolved(registry, "Azerbaïdjan", EntityType::kCountry);
  ClaimGraph original;
  original.add_claim(make_claim(a, {b}, Relation::kAccuses), registry);
  ClaimGraph moved = std::move(original);
  moved.add_claim(make_claim(a, {b}, Relation::kAccuses), registry);
  CHECK(moved.aggregate_weight(moved.find_entity(a.id), moved.find_entity(b.id), Relation::kAccuses) == 2);
  CHECK(claims_of(moved).size() == 2);
}

TEST_CASE("sync_entities copies names, aliases and counts from the registry",
          "[claim_graph][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
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
  const ActorGraph& g = graph.graph();
  const int v = graph.find_entity(peskov.id);
  REQUIRE(v >= 0);
  const Entity* e = registry.find(peskov.id);
  REQUIRE(e != nullptr);
  CHECK(g[v].label == e->name);
  CHECK(g[v].role == e->role);
  CHECK(g[v].aliases.size() == e->aliases.size());
  CHECK(std::find(g[v].aliases.begin(), g[v].aliases.end(), "M. Peskov") != g[v].aliases.end());
  CHECK(g[v].claims_said == 2);
  CHECK(g[v].claims_targeted == 1);
}

TEST_CASE("edge names", "[claim_graph][unit]") {
  CHECK(std::string(says_edge_name()) == "says");
  CHECK(std::string(targets_edge_name()) == "targets");
}

TEST_CASE("claim graph: every relation has its count, the last of the enum included",
          "[claim_graph][unit]") {
  // kRelationCount once stopped at kDenies, so thanks and responds_to were
  // counted past the end of the per-relation arrays.
  EntityRegistry registry{quotegraph_test::shared_words()};
  const EntityRef mayor = resolved(registry, "Anne Morel", EntityType::kPerson);
  const EntityRef prefect = resolved(registry, "Paul Vidal", EntityType::kPerson);
  ClaimGraph graph;
  graph.add_claim(make_claim(mayor, {prefect}, Relation::kThanks), registry);
  graph.add_claim(make_claim(prefect, {mayor}, Relation::kRespondsTo), registry);
  graph.add_claim(make_claim(prefect, {mayor}, Relation::kRespondsTo), registry);
  const ActorGraph& g = graph.graph();
  const auto m = static_cast<std::size_t>(graph.find_entity(mayor.id));
  const auto p = static_cast<std::size_t>(graph.find_entity(prefect.id));
  CHECK(g[m].said_by_relation.at(static_cast<std::size_t>(Relation::kThanks)) == 1);
  CHECK(g[p].said_by_relation.at(static_cast<std::size_t>(Relation::kRespondsTo)) == 2);
  CHECK(g[m].targeted_by_relation.at(static_cast<std::size_t>(Relation::kRespondsTo)) == 2);
  CHECK(kRelationCount == static_cast<std::size_t>(Relation::kRespondsTo) + 1);
}

TEST_CASE("claim graph: thousands of entities each found at its own vertex", "[claim_graph][unit]") {
  // The vertex index grows by doubling and reads its keys from the vertices.
  EntityRegistry registry{quotegraph_test::shared_words()};
  ClaimGraph graph;
  for (int i = 0; i < 3000; ++i) {
    graph.add_claim(make_claim(unresolved("orateur " + std::to_string(i)), {unresolved("cible")}, Relation::kWarns),
                    registry);
  }
  CHECK(graph.entity_count() == 3001);
  const int target = graph.find_entity("name:cible");
  REQUIRE(target >= 0);
  for (int i = 0; i < 3000; i += 7) {
    const int v = graph.find_entity("name:orateur " + std::to_string(i));
    REQUIRE(v >= 0);
    CHECK(graph.graph()[v].label == "orateur " + std::to_string(i));
    CHECK(graph.aggregate_weight(v, target, Relation::kWarns) == 1);
  }
  CHECK(graph.find_entity("name:orateur 3000") == -1);
}

TEST_CASE("settle_entity gives a retired description's vertex its final record", "[claim_graph][unit]") {
  // What sync_entities would copy at the end, copied when the registry lets
  // the description go: the later sync no longer knows it and leaves it.
  EntityRegistry registry{quotegraph_test::shared_words()};
  DocEntity d;
  d.name = "un conseiller";
  d.type = EntityType::kPerson;
  d.role = "un conseiller";
  EntityRef ref;
  ref.id = registry.add(d, "a.txt");
  ref.name = d.name;
  ref.type = d.type;
  REQUIRE_FALSE(ref.id.empty());
  ClaimGraph graph;
  graph.add_claim(make_claim(ref, {}, Relation::kStates), registry);
  registry.count_claim(ref.id, true);
  const auto retired = registry.retire_local_entities();
  REQUIRE(retired.size() == 1);
  graph.settle_entity(retired[0].entity);
  graph.sync_entities(registry);
  const int v = graph.find_entity(ref.id);
  REQUIRE(v >= 0);
  CHECK(graph.graph()[v].label == retired[0].entity.name);
  CHECK(graph.graph()[v].role == "un conseiller");
  CHECK(graph.graph()[v].claims_said == 1);
  CHECK(registry.entities().empty());
}

// Tests for GraphView: layers, relations, speakers (by id or by name,
// case and accents ignored), the top N entities, minimum edge weights, and
// which claims and entities each choice keeps.
#include "quotegraph/graph/graph_view.h"

#include <set>
#include <string>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "catch.hpp"
#include "support/graph_fixture.h"

namespace {

using namespace quotegraph;

std::set<std::string> shown_ids(const GraphView& view) {
  std::set<std::string> ids;
  for (int v : view.entities()) ids.insert(view.graph().graph()[v].id);
  return ids;
}

std::vector<std::string> kept_texts(const GraphView& view) {
  std::vector<std::string> texts;
  REQUIRE(view.graph().for_each_claim(
      [&](const ClaimRecord& c) {
        if (view.keeps_claim(c)) texts.push_back(c.text);
        return true;
      }));
  return texts;
}

std::size_t kept_edges(const GraphView& view) {
  const ActorGraph& g = view.graph().graph();
  std::size_t n = 0;
  for (ActorEdgeRef e : boost::make_iterator_range(boost::edges(g))) n += view.keeps_edge(e);
  return n;
}

}  // namespace

TEST_CASE("layer names", "[graph_view][unit]") {
  CHECK(parse_graph_layer("claims") == GraphLayer::kClaims);
  CHECK(parse_graph_layer("actors") == GraphLayer::kActors);
  CHECK(parse_graph_layer("all") == GraphLayer::kAll);
  CHECK_FALSE(parse_graph_layer("everything"));
  CHECK(std::string(graph_layer_name(GraphLayer::kActors)) == "actors");
}

TEST_CASE("the default view shows everything", "[graph_view][unit]") {
  quotegraph_test::SmallCorpus f;
  GraphView view(f.graph);
  CHECK(view.shows_claims());
  CHECK(view.shows_aggregates());
  CHECK(shown_ids(view) == std::set<std::string>{f.peskov.id, f.ukraine.id, f.russia.id});
  CHECK(kept_texts(view).size() == 5);
  CHECK(kept_edges(view) == 3);
  CHECK(view.entity_weight(f.graph.find_entity(f.ukraine.id)) == 4);  // said 1, aimed at 3
}

TEST_CASE("a view keeps the chosen relations", "[graph_view][unit]") {
  quotegraph_test::SmallCorpus f;
  ViewOptions o;
  o.relations = {Relation::kAccuses};
  GraphView view(f.graph, o);
  CHECK(shown_ids(view) == std::set<std::string>{f.peskov.id, f.ukraine.id});
  CHECK(kept_texts(view) == std::vector<std::string>{"Kiev « provoque »", "Kiev ment & triche <toujours>"});
  CHECK(kept_edges(view) == 1);
}

TEST_CASE("a view keeps the chosen speakers, by id or by name", "[graph_view][unit]") {
  quotegraph_test::SmallCorpus f;
  auto [speaker, expected_claims] = GENERATE(table<std::string, std::size_t>({
      {"ukraine", 1}, {"UKRAINE", 1}, {"dmitri peskov", 3}, {"Dmítri Peskov", 3}}));
  ViewOptions o;
  o.speakers = {speaker, "Personne"};
  GraphView view(f.graph, o);
  INFO(speaker);
  CHECK(kept_texts(view).size() == expected_claims);
  CHECK(view.unmatched_speakers() == std::vector<std::string>{"Personne"});
  // The speaker and its targets; the claim without speaker is gone.
  if (expected_claims == 1) {
    CHECK(shown_ids(view) == std::set<std::string>{f.ukraine.id, f.russia.id});
    CHECK(kept_edges(view) == 1);
  } else {
    CHECK(shown_ids(view) == std::set<std::string>{f.peskov.id, f.ukraine.id});
    CHECK(kept_edges(view) == 2);
  }
}

TEST_CASE("a view of unknown speakers only is empty", "[graph_view][bad-input]") {
  quotegraph_test::SmallCorpus f;
  ViewOptions o;
  o.speakers = {"Personne"};
  GraphView view(f.graph, o);
  CHECK(view.entities().empty());
  CHECK(kept_texts(view).empty());
  CHECK(kept_edges(view) == 0);
}

TEST_CASE("top N keeps the busiest entities and the edges among them", "[graph_view][unit]") {
  quotegraph_test::SmallCorpus f;
  ViewOptions o;
  o.top = 2;  // Ukraine (4 claims) and Peskov (3); Russia has 2
  GraphView view(f.graph, o);
  CHECK(shown_ids(view) == std::set<std::string>{f.peskov.id, f.ukraine.id});
  CHECK(kept_edges(view) == 2);
  // Claims whose speaker is in the top: Peskov's three and Ukraine's one.
  CHECK(kept_texts(view).size() == 4);
}

TEST_CASE("min-weight keeps edges backed by enough claims", "[graph_view][unit]") {
  quotegraph_test::SmallCorpus f;
  ViewOptions o;
  o.min_weight = 2;
  GraphView view(f.graph, o);
  CHECK(kept_edges(view) == 1);
  CHECK(shown_ids(view) == std::set<std::string>{f.peskov.id, f.ukraine.id});
  CHECK(kept_texts(view) == std::vector<std::string>{"Kiev « provoque »", "Kiev ment & triche <toujours>"});

  o.min_weight = 3;
  GraphView none(f.graph, o);
  CHECK(none.entities().empty());
  CHECK(kept_texts(none).empty());
}

TEST_CASE("layers choose claims or aggregated edges", "[graph_view][unit]") {
  quotegraph_test::SmallCorpus f;
  ViewOptions o;
  o.layer = GraphLayer::kActors;
  GraphView actors(f.graph, o);
  CHECK_FALSE(actors.shows_claims());
  CHECK(actors.shows_aggregates());
  o.layer = GraphLayer::kClaims;
  GraphView claims(f.graph, o);
  CHECK(claims.shows_claims());
  CHECK_FALSE(claims.shows_aggregates());
}

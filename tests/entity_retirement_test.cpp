// Tests for EntityRegistry::retire_local_entities and ranked_entities
// (entities.h): anonymous descriptions leave the registry after their
// document, final and with their rank, named entities stay, and no id is
// ever given twice.
#include "quotegraph/entities/entities.h"

#include <set>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/lexicons.h"

using quotegraph::DocEntity;
using quotegraph::EntityRegistry;
using quotegraph::EntityType;

namespace {

DocEntity description(const std::string& text) {
  DocEntity e;
  e.name = text;
  e.type = EntityType::kPerson;
  e.role = text;
  return e;
}

DocEntity named(const std::string& given, const std::string& surname) {
  DocEntity e;
  e.name = given + " " + surname;
  e.given_name = given;
  e.surname = surname;
  e.type = EntityType::kPerson;
  return e;
}

}  // namespace

TEST_CASE("descriptions are retired after their document, named entities stay", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string peskov = registry.add(named("Dmitri", "Peskov"), "a.txt");
  const std::string minister = registry.add(description("un ministre"), "a.txt");
  registry.count_claim(minister, true);
  REQUIRE_FALSE(minister.empty());
  CHECK(registry.add(description("un ministre"), "a.txt") == minister);  // same document: one entity

  auto retired = registry.retire_local_entities();
  REQUIRE(retired.size() == 1);
  CHECK(retired[0].entity.id == minister);
  CHECK(retired[0].entity.claims_said == 1);
  CHECK(retired[0].entity.documents == std::vector<std::string_view>{"a.txt"});
  CHECK(retired[0].rank == 1);  // made after Peskov
  CHECK(registry.find(minister) == nullptr);
  REQUIRE(registry.find(peskov) != nullptr);
  CHECK(registry.entities().size() == 1);
  CHECK(registry.retire_local_entities().empty());  // nothing new since

  // The next document's description is another entity, with a new id.
  const std::string minister_b = registry.add(description("un ministre"), "b.txt");
  CHECK(minister_b != minister);
  CHECK(registry.add(named("Dmitri", "Peskov"), "b.txt") == peskov);
  auto ranked = registry.ranked_entities();
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].rank == 0);
  CHECK(ranked[0].entity->id == peskov);
  CHECK(ranked[1].rank == 2);
  CHECK(ranked[1].entity->id == minister_b);
  CHECK(registry.find(peskov)->documents == std::vector<std::string_view>{"a.txt", "b.txt"});
}

TEST_CASE("retired ids are never given again", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  std::set<std::string> ids;
  for (int d = 0; d < 50; ++d) {
    const std::string doc = "doc" + std::to_string(d) + ".txt";
    ids.insert(registry.add(description("un ministre"), doc));
    ids.insert(registry.add(description("une porte-parole"), doc));
    registry.retire_local_entities();
  }
  CHECK(ids.size() == 100);
  CHECK(registry.entities().empty());
}

// The registry keeps no list of retired numbered ids ("un-ministre-2"): it
// knows them from the next number of their base. A description whose own
// slug looks numbered must still never take a retired id, nor give one.
TEST_CASE("retired numbered ids are never given again, whatever the slug", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  std::vector<std::string> ids;
  for (const char* text : {"un ministre", "un ministre", "un ministre 2", "un ministre 3", "un ministre"}) {
    ids.push_back(registry.add(description(text), "doc" + std::to_string(ids.size()) + ".txt"));
    registry.retire_local_entities();
  }
  CHECK(ids == std::vector<std::string>{"un-ministre", "un-ministre-2", "un-ministre-2-2", "un-ministre-3",
                                        "un-ministre-4"});
}

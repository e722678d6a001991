// Helpers shared by the tests of the graph and its exporters: entities
// registered or left unresolved, claims built field by field, and a small
// dated corpus (Peskov accuses Ukraine twice and warns it once, Ukraine
// criticises Russia, a nameless source states something about Russia).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "quotegraph/graph/claim_graph.h"
#include "lexicons.h"

namespace quotegraph_test {

inline quotegraph::EntityRef resolved(quotegraph::EntityRegistry& registry, const std::string& name,
                                      quotegraph::EntityType type) {
  quotegraph::DocEntity e;
  e.name = name;
  e.type = type;
  quotegraph::EntityRef ref;
  ref.id = registry.add(e, "doc.txt");
  ref.name = name;
  ref.type = type;
  return ref;
}

inline quotegraph::EntityRef unresolved(const std::string& name) {
  quotegraph::EntityRef ref;
  ref.name = name;
  return ref;
}

inline quotegraph::Claim make_claim(std::optional<quotegraph::EntityRef> speaker,
                                    std::vector<quotegraph::EntityRef> targets,
                                    quotegraph::Relation relation,
                                    std::string text = "Il faut négocier.",
                                    quotegraph::ClaimKind kind = quotegraph::ClaimKind::kDirect) {
  static std::uint32_t next = 0;
  quotegraph::Claim c;
  c.document = "doc.txt";
  c.begin = next;
  next += 10;
  c.end = c.begin + 5;
  c.text = std::move(text);
  c.kind = kind;
  c.cue = "a déclaré";
  c.relation = relation;
  c.speaker = std::move(speaker);
  c.targets = std::move(targets);
  return c;
}

inline quotegraph::DocumentMeta dated(const std::string& date) {
  quotegraph::DocumentMeta meta;
  meta.date = date;
  meta.source = "AFP";
  return meta;
}

// Five claims over three days; 3 entities, 3 aggregated edges.
struct SmallCorpus {
  quotegraph::EntityRegistry registry{shared_words()};
  quotegraph::ClaimGraph graph;
  quotegraph::EntityRef peskov, ukraine, russia;
  explicit SmallCorpus(bool with_dates = true) {
    using quotegraph::EntityType;
    using quotegraph::Relation;
    peskov = resolved(registry, "Dmitri Peskov", EntityType::kPerson);
    ukraine = resolved(registry, "Ukraine", EntityType::kCountry);
    russia = resolved(registry, "Russie", EntityType::kCountry);
    auto meta = [&](const char* d) { return with_dates ? dated(d) : quotegraph::DocumentMeta{}; };
    graph.add_claim(make_claim(peskov, {ukraine}, Relation::kAccuses, "Kiev « provoque »"), registry,
                    meta("2024-03-01"));
    graph.add_claim(make_claim(peskov, {ukraine}, Relation::kAccuses, "Kiev ment & triche <toujours>"),
                    registry, meta("2024-03-02"));
    graph.add_claim(make_claim(peskov, {ukraine}, Relation::kWarns, "Attention.",
                               quotegraph::ClaimKind::kIndirect),
                    registry, meta("2024-03-02"));
    graph.add_claim(make_claim(ukraine, {russia}, Relation::kCriticises, "Moscou a tort.",
                               quotegraph::ClaimKind::kMixed),
                    registry, meta("2024-03-03"));
    graph.add_claim(make_claim(std::nullopt, {russia}, Relation::kStates, "La Russie a condamné.",
                               quotegraph::ClaimKind::kAct),
                    registry, meta("2024-03-03"));
  }
};

}  // namespace quotegraph_test

// Test fixtures for the map/merge units: the seed and dev articles run
// through the shared pipeline (unresolved, as map and the spool see them),
// and a field-by-field equality of DocumentResult that names the first
// difference, so a field lost on a round trip is reported by name.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../catch.hpp"
#include "quotegraph/pipeline/pipeline.h"
#include "test_support.h"

namespace quotegraph_test {

// (file name, unresolved result) for every *.txt of the seeds and the dev set.
inline std::vector<std::pair<std::string, quotegraph::DocumentResult>> analysed_articles() {
  std::vector<std::pair<std::string, quotegraph::DocumentResult>> out;
  std::vector<std::filesystem::path> files;
  for (const char* dir : {QUOTEGRAPH_SEEDS_DIR, QUOTEGRAPH_TEST_DATA_DIR "/dev"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    quotegraph::Diagnostics diags;
    auto result = shared_pipeline().process(path.filename().string(), ss.str(), diags);
    REQUIRE(result.ok);
    out.emplace_back(path.filename().string(), std::move(result));
  }
  return out;
}

// "" when equal, else the first field that differs.
inline std::string first_difference(const quotegraph::DocumentResult& a, const quotegraph::DocumentResult& b,
                                    bool compare_documents = true) {
  using quotegraph::EntityRef;
  auto same_ref = [](const EntityRef& x, const EntityRef& y) {
    return x.id == y.id && x.name == y.name && x.type == y.type && x.mention.begin == y.mention.begin &&
           x.mention.end == y.mention.end && x.mention.text == y.mention.text;
  };
  if (a.ok != b.ok) return "ok";
  if (a.claims.size() != b.claims.size()) return "claims.size";
  for (std::size_t i = 0; i < a.claims.size(); ++i) {
    const auto& x = a.claims[i];
    const auto& y = b.claims[i];
    const std::string at = "claims[" + std::to_string(i) + "].";
    if (compare_documents && x.document != y.document) return at + "document";
    if (x.begin != y.begin || x.end != y.end) return at + "offsets";
    if (x.text != y.text) return at + "text";
    if (x.kind != y.kind) return at + "kind";
    if (x.cue != y.cue) return at + "cue";
    if (x.relation != y.relation) return at + "relation";
    if (x.speaker.has_value() != y.speaker.has_value()) return at + "speaker";
    if (x.speaker && !same_ref(*x.speaker, *y.speaker)) return at + "speaker";
    if (x.targets.size() != y.targets.size()) return at + "targets.size";
    for (std::size_t t = 0; t < x.targets.size(); ++t)
      if (!same_ref(x.targets[t], y.targets[t])) return at + "targets";
  }
  if (a.entities.size() != b.entities.size()) return "entities.size";
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    const auto& x = a.entities[i];
    const auto& y = b.entities[i];
    const std::string at = "entities[" + std::to_string(i) + "].";
    if (x.name != y.name) return at + "name";
    if (x.given_name != y.given_name) return at + "given_name";
    if (x.surname != y.surname) return at + "surname";
    if (x.type != y.type) return at + "type";
    if (x.role != y.role) return at + "role";
    if (x.state != y.state) return at + "state";
    if (x.gender != y.gender) return at + "gender";
    if (x.aliases != y.aliases) return at + "aliases";
  }
  if (a.speaker_entity != b.speaker_entity) return "speaker_entity";
  if (a.target_entities != b.target_entities) return "target_entities";
  return "";
}

}  // namespace quotegraph_test

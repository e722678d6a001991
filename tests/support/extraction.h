// Helpers of the tests that run the whole extraction on hand-written cases
// (attributor_test, attribution_targets_test): the claims of one text with
// canonical entity names, and the JSON case files they read (the
// challenge files among them).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../catch.hpp"
#include "quotegraph/text/text.h"
#include "test_support.h"

namespace quotegraph_test {

// Runs the shared pipeline on `text` with a fresh entity registry, so the
// claims carry canonical speaker names as in the claims JSONL. Fails the
// test when the document is refused.
inline std::vector<quotegraph::Claim> extract_claims(const std::string& name, const std::u32string& text) {
  quotegraph::Diagnostics diags;
  auto r = shared_pipeline().process_text(name, text, diags);
  REQUIRE(r.ok);
  quotegraph::EntityRegistry registry{shared_words()};
  quotegraph::resolve_entities(r, name, registry);
  return r.claims;
}

// The JSON document at `path`; fails the test when it is missing or not JSON.
inline nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

// The challenge files (tests/data/challenge/*.jsonl, see its README),
// path and file name, and their floors (challenge/floors.json).
struct ChallengeFile {
  std::string path, name;
};
inline std::vector<ChallengeFile> challenge_files(const std::string& dir) {
  std::vector<ChallengeFile> files;
  for (const std::filesystem::directory_entry& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".jsonl")
      files.push_back(ChallengeFile{entry.path().string(), entry.path().filename().string()});
  REQUIRE_FALSE(files.empty());
  return files;
}

}  // namespace quotegraph_test

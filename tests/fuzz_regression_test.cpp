// Every input saved under tests/data/fuzz_regressions/<harness>/ (crashes,
// timeouts and hand-written hostile cases) runs through the same check as
// the libFuzzer harness of that name (fuzz/fuzz_targets.cpp); a broken
// invariant fails the test instead of aborting. The seed articles and gold
// files run through the pipeline and gold checks too.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../fuzz/fuzz_targets.h"
#include "catch.hpp"
#include "support/files.h"

namespace fs = std::filesystem;

namespace {

using quotegraph_test::read_text_file;

// The files of one harness's regression folder, sorted.
std::vector<fs::path> regressions(const std::string& harness) {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(QUOTEGRAPH_TEST_DATA_DIR) / "fuzz_regressions" / harness;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Makes a broken invariant throw, for the duration of one test.
struct ThrowOnBroken {
  void (*saved)(const char*) = quotegraph_fuzz::on_broken;
  ThrowOnBroken() {
    quotegraph_fuzz::on_broken = [](const char* what) { throw std::runtime_error(what); };
  }
  ~ThrowOnBroken() { quotegraph_fuzz::on_broken = saved; }
};

void run_all(const std::string& harness, void (*check)(std::string_view)) {
  ThrowOnBroken guard;
  const auto files = regressions(harness);
  REQUIRE_FALSE(files.empty());
  for (const fs::path& f : files) {
    INFO(harness << ": " << f.filename().string());
    CHECK_NOTHROW(check(read_text_file(f)));
  }
}

}  // namespace

TEST_CASE("fuzz regressions: segmentation", "[fuzz][bad-input]") {
  run_all("segment", quotegraph_fuzz::check_segment);
}

TEST_CASE("fuzz regressions: quote detection", "[fuzz][bad-input]") {
  run_all("quotes", quotegraph_fuzz::check_quotes);
}

TEST_CASE("fuzz regressions: the per-document pipeline", "[fuzz][bad-input]") {
  run_all("pipeline", quotegraph_fuzz::check_pipeline);
}

TEST_CASE("fuzz regressions: the gold reader", "[fuzz][bad-input]") {
  run_all("gold", quotegraph_fuzz::check_gold);
}

TEST_CASE("fuzz regressions: the claims reader", "[fuzz][bad-input]") {
  run_all("claims", quotegraph_fuzz::check_claims);
}

TEST_CASE("fuzz checks hold on the seed articles", "[fuzz][unit]") {
  ThrowOnBroken guard;
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(QUOTEGRAPH_SEEDS_DIR)) {
    if (e.path().extension() != ".txt") continue;
    INFO(e.path().filename().string());
    const std::string text = read_text_file(e.path());
    CHECK_NOTHROW(quotegraph_fuzz::check_segment(text));
    CHECK_NOTHROW(quotegraph_fuzz::check_quotes(text));
    CHECK_NOTHROW(quotegraph_fuzz::check_pipeline(text));
    fs::path gold = e.path();
    gold.replace_extension(".gold.json");
    CHECK_NOTHROW(quotegraph_fuzz::check_gold(read_text_file(gold) + std::string(1, '\0') + text));
    ++n;
  }
  CHECK(n == 5);
}

TEST_CASE("a broken fuzz invariant reaches on_broken", "[fuzz][unit]") {
  ThrowOnBroken guard;
  CHECK_THROWS_WITH(quotegraph_fuzz::require(false, "example"), "example");
  CHECK_NOTHROW(quotegraph_fuzz::require(true, "example"));
}

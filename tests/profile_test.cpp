// Tests for the per-stage profile: Pipeline::set_profiling and
// stage_times() (pipeline.h), and `quotegraph extract --profile`, which
// prints the stages on standard error and changes nothing in the outputs.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "support/files.h"
#include "support/test_support.h"
#include "quotegraph/pipeline/pipeline.h"

namespace {

using quotegraph_test::read_text_file;

const char* const kSeed = QUOTEGRAPH_SEEDS_DIR "/000_df129b15e3c6ff2f.txt";

}  // namespace

TEST_CASE("stage times are counted only while profiling is on", "[pipeline][profile]") {
  quotegraph::Diagnostics diags;
  auto pipeline = quotegraph::Pipeline::create(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(pipeline);
  const std::string bytes = read_text_file(kSeed);
  REQUIRE_FALSE(bytes.empty());

  pipeline->process("a.txt", bytes, diags);
  CHECK(pipeline->stage_times().documents == 0);
  CHECK(pipeline->stage_times().attribution == 0);

  pipeline->set_profiling(true);
  auto result = pipeline->process("a.txt", bytes, diags);
  REQUIRE(result.ok);
  pipeline->process("b.txt", bytes, diags);
  const quotegraph::StageTimes t = pipeline->stage_times();
  CHECK(t.documents == 2);
  CHECK(t.segment > 0);
  CHECK(t.attribution > 0);
  CHECK(t.decode >= 0);
  CHECK(t.entities >= 0);

  pipeline->set_profiling(true);  // turning it on again starts afresh
  CHECK(pipeline->stage_times().documents == 0);
}

TEST_CASE("extract --profile prints every stage and leaves the claims unchanged", "[cli][profile]") {
  quotegraph_test::TempDir dir("quotegraph_profile_test");
  const std::string base = std::string("'") + QUOTEGRAPH_CLI_PATH + "' extract '" + kSeed + "' -q --claims '";
  const std::string err = dir.file("err.txt");
  REQUIRE(std::system((base + dir.file("plain.jsonl") + "' 2>/dev/null").c_str()) == 0);
  REQUIRE(std::system((base + dir.file("profiled.jsonl") + "' --profile 2>'" + err + "'").c_str()) == 0);
  const std::string plain = read_text_file(dir.file("plain.jsonl"));
  CHECK_FALSE(plain.empty());
  CHECK(read_text_file(dir.file("profiled.jsonl")) == plain);
  const std::string report = read_text_file(err);
  for (const char* stage : {"profile: 1 documents", "read", "decode", "segment", "quotes", "attribution",
                            "entities", "registry", "claims JSON", "claims file"}) {
    INFO(report);
    CHECK(report.find(stage) != std::string::npos);
  }
}

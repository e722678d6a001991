// End-to-end tests of `quotegraph map` and `quotegraph merge`, run as
// separate processes: map writes records without ids, one document's bad
// line does not stop the others, merge of the map output equals extract,
// merge reports a shard cut short, and extract itself gives the same
// outputs whatever the order of its inputs (the registry sees documents in
// canonical order). The full split-and-shuffle equivalence over the corpora
// is scripts/check_map_merge.sh, run by CTest as map_merge_equals_extract.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/cli_run.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using quotegraph_test::read_text_file;
using quotegraph_test::shell_quote;
using quotegraph_test::write_text_file;

const char* const kSeeds[] = {"000_df129b15e3c6ff2f.txt", "001_ab11b79b7fea1e46.txt", "002_6c5dc483d47dce09.txt",
                              "003_6fe3999efee659f4.txt", "004_8aa3c75c1f166608.txt"};

using RunResult = quotegraph_test::CliResult;

// Runs the CLI with `args` in `dir`, standard input from `stdin_path`
// (or /dev/null), capturing both streams into files of `dir`.
RunResult run_cli(const quotegraph_test::TempDir& dir, const std::string& args, const std::string& stdin_path = "") {
  return quotegraph_test::run_shell(dir, shell_quote(QUOTEGRAPH_CLI_PATH) + " " + args, stdin_path);
}

std::string seed_path(const char* name) { return std::string(QUOTEGRAPH_SEEDS_DIR) + "/" + name; }

// A JSONL document line for a seed: id = file name, text = its content.
std::string document_line(const char* name) {
  return json{{"id", name}, {"text", read_text_file(seed_path(name))}}.dump() + "\n";
}

const std::string kOutputs = "--claims c.jsonl --entities e.jsonl --graphml g.graphml --dot g.dot -q";

void check_same_outputs(const quotegraph_test::TempDir& a, const quotegraph_test::TempDir& b) {
  for (const char* f : {"c.jsonl", "e.jsonl", "g.graphml", "g.dot"}) {
    INFO(f);
    const std::string x = read_text_file(a.file(f));
    CHECK_FALSE(x.empty());
    CHECK(x == read_text_file(b.file(f)));
  }
}

}  // namespace

// Inputs in ascending name order are registered as they are analysed, the
// others spooled and replayed in that order: both ways give one result.
TEST_CASE("extract gives the same outputs whatever the order of its inputs", "[map_merge_cli]") {
  quotegraph_test::TempDir forward("qg_order_fwd"), backward("qg_order_bwd");
  std::string fwd_args, bwd_args;
  for (const char* s : kSeeds) fwd_args += shell_quote(seed_path(s)) + " ";
  for (auto it = std::rbegin(kSeeds); it != std::rend(kSeeds); ++it) bwd_args += shell_quote(seed_path(*it)) + " ";
  REQUIRE(run_cli(forward, "extract " + fwd_args + kOutputs).status == 0);
  REQUIRE(run_cli(backward, "extract " + bwd_args + kOutputs).status == 0);
  check_same_outputs(forward, backward);
}

TEST_CASE("map writes records without ids and merge of them equals extract", "[map_merge_cli]") {
  quotegraph_test::TempDir dir("qg_map"), reference("qg_map_ref");
  // Two documents, in the reverse of extract's order.
  write_text_file(dir.file("docs.jsonl"), document_line(kSeeds[3]) + document_line(kSeeds[0]));
  const RunResult map = run_cli(dir, "map", dir.file("docs.jsonl"));
  CHECK(map.status == 0);
  CHECK(map.err.empty());
  std::istringstream lines(map.out);
  std::size_t documents = 0, claims = 0, entities = 0;
  for (std::string line; std::getline(lines, line);) {
    const json j = json::parse(line);
    const std::string record = j.at("record");
    documents += record == "document";
    entities += record == "entity";
    if (record == "claim") {
      ++claims;
      CHECK(j.at("speaker_id").is_null());
      for (const auto& id : j.at("target_ids")) CHECK(id.is_null());
    }
  }
  CHECK(documents == 2);
  CHECK(claims > 10);
  CHECK(entities > 5);
  write_text_file(dir.file("docs.map"), map.out);

  CHECK(run_cli(dir, "merge - " + kOutputs, dir.file("docs.map")).status == 0);
  CHECK(run_cli(reference, "extract " + shell_quote(seed_path(kSeeds[0])) + " " + shell_quote(seed_path(kSeeds[3])) + " " + kOutputs)
            .status == 0);
  check_same_outputs(dir, reference);
}

TEST_CASE("map reports a bad document line and goes on with the others", "[map_merge_cli][bad-input]") {
  quotegraph_test::TempDir dir("qg_map_bad");
  write_text_file(dir.file("docs.jsonl"), document_line(kSeeds[0]) + "{\"id\": \"\", \"text\": \"x\"}\nnot json\n" +
                                         "{\"id\": \"empty\", \"text\": \"\"}\n" + document_line(kSeeds[1]));
  const RunResult r = run_cli(dir, "map", dir.file("docs.jsonl"));
  CHECK(r.status == 1);
  INFO(r.err);
  CHECK(r.err.find("stdin:2 (line): error: \"id\" must be a non-empty string") != std::string::npos);
  CHECK(r.err.find("stdin:3 (line): error: not a JSON document line") != std::string::npos);
  CHECK(r.err.find("stdin:4") != std::string::npos);  // the empty text
  // Both good documents were mapped.
  CHECK(r.out.find(std::string("\"record\":\"document\",\"document\":\"") + kSeeds[0]) != std::string::npos);
  CHECK(r.out.find(std::string("\"record\":\"document\",\"document\":\"") + kSeeds[1]) != std::string::npos);
}

TEST_CASE("merge reports a shard cut short and merges the rest", "[map_merge_cli][bad-input]") {
  quotegraph_test::TempDir dir("qg_merge_cut");
  write_text_file(dir.file("a.jsonl"), document_line(kSeeds[0]));
  write_text_file(dir.file("b.jsonl"), document_line(kSeeds[1]));
  const RunResult a = run_cli(dir, "map " + shell_quote(dir.file("a.jsonl")));
  const RunResult b = run_cli(dir, "map " + shell_quote(dir.file("b.jsonl")));
  REQUIRE(a.status == 0);
  REQUIRE(b.status == 0);
  // The second shard loses its last four lines, as a killed job would.
  std::string cut = b.out;
  for (int i = 0; i < 4; ++i) cut.erase(cut.find_last_of('\n', cut.size() - 2) + 1);
  write_text_file(dir.file("a.map"), a.out);
  write_text_file(dir.file("b.map"), cut);
  const RunResult r = run_cli(dir, "merge a.map b.map --claims c.jsonl -q");
  CHECK(r.status == 1);
  CHECK(r.err.find(std::string("b.map:") ) != std::string::npos);
  CHECK(r.err.find(std::string("document \"") + kSeeds[1] + "\" (announced on line 1) is incomplete") !=
        std::string::npos);
  // The whole first document is merged, nothing of the second.
  const std::string claims = read_text_file(dir.file("c.jsonl"));
  CHECK(claims.find(kSeeds[0]) != std::string::npos);
  CHECK(claims.find(kSeeds[1]) == std::string::npos);
}

TEST_CASE("merge with a missing input file says so and exits 1", "[map_merge_cli][bad-input]") {
  quotegraph_test::TempDir dir("qg_merge_missing");
  const RunResult r = run_cli(dir, "merge nowhere.map --claims c.jsonl -q");
  CHECK(r.status == 1);
  CHECK(r.err.find("nowhere.map: error: cannot read file") != std::string::npos);
}

// End-to-end tests of the bounded-memory path of `quotegraph extract`:
// without a site output (--html, --sqlite) each document's anonymous
// descriptions leave the registry after the document (their entity lines
// wait in a spool, the graph keeps their final vertices), and the claims,
// entities and graph files are byte for byte those of a run that keeps
// every entity (a site output asked for), with no spool left behind; and
// the registry then holds as many entities for 4N copies of some articles
// as for N (issue 11: memory that does not grow with the corpus).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/files.h"
#include "support/test_support.h"

namespace {

using quotegraph_test::read_text_file;

// Copies the articles of `folders` `copies` times into `into` under
// distinct names ("<copy>_<name>").
void copy_articles(const std::vector<std::string>& folders, int copies, const std::filesystem::path& into) {
  std::filesystem::create_directories(into);
  for (int copy = 0; copy < copies; ++copy) {
    for (const std::string& folder : folders) {
      for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".txt") continue;
        std::filesystem::copy_file(entry.path(),
                                   into / (std::to_string(copy) + "_" + entry.path().filename().string()));
      }
    }
  }
}

// The "registry at the end: H entities held, R retired" line of
// `extract --profile`'s report, as {H, R}; {-1, -1} when it is missing.
std::pair<long, long> registry_counts(const std::string& report) {
  std::smatch m;
  static const std::regex line("registry at the end: ([0-9]+) entities held, ([0-9]+) retired");
  if (!std::regex_search(report, m, line)) return {-1, -1};
  return {std::stol(m[1].str()), std::stol(m[2].str())};
}

}  // namespace

TEST_CASE("extract that retires descriptions writes what a run keeping every entity writes", "[cli][entities]") {
  quotegraph_test::TempDir dir("quotegraph_memory_test");
  std::filesystem::create_directories(dir.path / "tmp");
  const std::string cli = std::string("TMPDIR='") + dir.file("tmp") + "' '" + QUOTEGRAPH_CLI_PATH +
                          "' extract '" + QUOTEGRAPH_SEEDS_DIR + "' '" + QUOTEGRAPH_TEST_DATA_DIR + "/dev' -q ";
  const std::string lean = cli + "--claims '" + dir.file("c1.jsonl") + "' --entities '" + dir.file("e1.jsonl") + "'";
  const std::string graph = cli + "--claims '" + dir.file("c2.jsonl") + "' --entities '" + dir.file("e2.jsonl") +
                            "' --graphml '" + dir.file("g2.graphml") + "' --gexf '" + dir.file("g2.gexf") + "'";
  // A site output reads every entity of the registry at the end: nothing is retired.
  const std::string full = cli + "--claims '" + dir.file("c3.jsonl") + "' --entities '" + dir.file("e3.jsonl") +
                           "' --graphml '" + dir.file("g3.graphml") + "' --gexf '" + dir.file("g3.gexf") +
                           "' --sqlite '" + dir.file("claims.db") + "'";
  REQUIRE(std::system((lean + " 2>/dev/null").c_str()) == 0);
  REQUIRE(std::system((graph + " 2>/dev/null").c_str()) == 0);
  REQUIRE(std::system((full + " 2>/dev/null").c_str()) == 0);
  const std::string entities = read_text_file(dir.file("e3.jsonl"));
  CHECK(entities.find("\"id\"") != std::string::npos);
  CHECK(read_text_file(dir.file("e1.jsonl")) == entities);
  CHECK(read_text_file(dir.file("e2.jsonl")) == entities);
  const std::string claims = read_text_file(dir.file("c3.jsonl"));
  CHECK(read_text_file(dir.file("c1.jsonl")) == claims);
  CHECK(read_text_file(dir.file("c2.jsonl")) == claims);
  const std::string graphml = read_text_file(dir.file("g3.graphml"));
  CHECK(graphml.find("<node") != std::string::npos);
  CHECK(read_text_file(dir.file("g2.graphml")) == graphml);
  CHECK(read_text_file(dir.file("g2.gexf")) == read_text_file(dir.file("g3.gexf")));
  CHECK(std::filesystem::is_empty(dir.path / "tmp"));
}

TEST_CASE("extract with a graph holds as many entities for 4N documents as for N", "[cli][entities]") {
  quotegraph_test::TempDir dir("quotegraph_memory_growth_test");
  const std::vector<std::string> folders = {QUOTEGRAPH_SEEDS_DIR, QUOTEGRAPH_TEST_DATA_DIR "/dev"};
  std::pair<long, long> counts[2];
  const int copies[2] = {1, 4};
  for (int i = 0; i < 2; ++i) {
    const std::string name = "x" + std::to_string(copies[i]);
    copy_articles(folders, copies[i], dir.path / name);
    const std::string err = dir.file(name + ".err");
    const std::string run = std::string("'") + QUOTEGRAPH_CLI_PATH + "' extract '" + dir.file(name) +
                            "' -q --profile --claims '" + dir.file(name + ".jsonl") + "' --graphml '" +
                            dir.file(name + ".graphml") + "' --dot '" + dir.file(name + ".dot") + "' 2>'" + err +
                            "'";
    REQUIRE(std::system(run.c_str()) == 0);
    counts[i] = registry_counts(read_text_file(err));
    INFO(read_text_file(err));
    REQUIRE(counts[i].first > 0);
  }
  // The copies name the same persons, states and organisations; each copy's
  // anonymous descriptions are entities of their own, retired after it.
  CHECK(counts[0].second > 0);
  CHECK(counts[1].second == 4 * counts[0].second);
  CHECK(counts[1].first == counts[0].first);
}

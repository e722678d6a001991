// End-to-end test of the bounded-memory path of `quotegraph extract`:
// without graph outputs each document's anonymous descriptions leave the
// registry after the document (their entity lines wait in a spool), and
// the claims and entities files are byte for byte those of a run that keeps
// every entity (a graph output asked for), with no spool left behind.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "support/files.h"
#include "support/test_support.h"

namespace {

using quotegraph_test::read_text_file;

}  // namespace

TEST_CASE("extract without a graph writes the same entities as with one", "[cli][entities]") {
  quotegraph_test::TempDir dir("quotegraph_memory_test");
  std::filesystem::create_directories(dir.path / "tmp");
  const std::string cli = std::string("TMPDIR='") + dir.file("tmp") + "' '" + QUOTEGRAPH_CLI_PATH +
                          "' extract '" + QUOTEGRAPH_SEEDS_DIR + "' '" + QUOTEGRAPH_TEST_DATA_DIR + "/dev' -q ";
  const std::string lean = cli + "--claims '" + dir.file("c1.jsonl") + "' --entities '" + dir.file("e1.jsonl") + "'";
  const std::string full = cli + "--claims '" + dir.file("c2.jsonl") + "' --entities '" + dir.file("e2.jsonl") +
                           "' --graphml '" + dir.file("g.graphml") + "'";
  REQUIRE(std::system((lean + " 2>/dev/null").c_str()) == 0);
  REQUIRE(std::system((full + " 2>/dev/null").c_str()) == 0);
  const std::string entities = read_text_file(dir.file("e1.jsonl"));
  CHECK(entities.find("\"id\"") != std::string::npos);
  CHECK(entities == read_text_file(dir.file("e2.jsonl")));
  CHECK(read_text_file(dir.file("c1.jsonl")) == read_text_file(dir.file("c2.jsonl")));
  CHECK(std::filesystem::is_empty(dir.path / "tmp"));
}

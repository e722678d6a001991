// Tests for lexicon/tsv.h, the one reader of the data files.
#include <fstream>
#include <string>

#include "catch.hpp"
#include "quotegraph/lexicon/tsv.h"
#include "support/files.h"
#include "support/test_support.h"

TEST_CASE("read_tsv skips comments and blanks and keeps line numbers", "[tsv][unit]") {
  quotegraph_test::TempDir dir("quotegraph_tsv_test");
  quotegraph_test::write_text_file(dir.file("a.tsv"), "\xEF\xBB\xBFverbe\t que \r\n# note\n  \t\n  # indented note\nx\ty|z\n");
  quotegraph::Diagnostics diags;
  auto lines = quotegraph::read_tsv(dir.file("a.tsv"), diags);
  REQUIRE(lines);
  CHECK(diags.empty());
  REQUIRE(lines->size() == 2);
  CHECK((*lines)[0].number == 1);
  CHECK((*lines)[0].text == "verbe\t que ");
  CHECK((*lines)[0].fields == std::vector<std::string>{"verbe", "que"});
  CHECK((*lines)[1].number == 5);
  CHECK((*lines)[1].fields == std::vector<std::string>{"x", "y|z"});
  CHECK(quotegraph::split_fields((*lines)[1].fields[1], '|') == std::vector<std::string>{"y", "z"});
}

TEST_CASE("read_tsv reports a line that is not UTF-8 and keeps the others", "[tsv][bad-input]") {
  quotegraph_test::TempDir dir("quotegraph_tsv_test");
  quotegraph_test::write_text_file(dir.file("b.tsv"), "ok\t1\nbad\xFF\t2\nok\t3\n");
  quotegraph::Diagnostics diags;
  auto lines = quotegraph::read_tsv(dir.file("b.tsv"), diags);
  REQUIRE(lines);
  CHECK(lines->size() == 2);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].offset == 2);
  CHECK(std::string(diags.items()[0].offset_unit) == "line");
  CHECK(quotegraph::format_diagnostic(diags.items()[0]).find("\\xFF") != std::string::npos);
}

TEST_CASE("read_tsv gives nullopt for a file that cannot be opened", "[tsv][bad-input]") {
  quotegraph::Diagnostics diags;
  CHECK_FALSE(quotegraph::read_tsv("/nonexistent/quotegraph/x.tsv", diags));
}

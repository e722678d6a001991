// Tests for the progress line of `quotegraph extract`: its text for known
// and unknown totals (fixed figures, no clock), the erasing and redrawing
// around messages, silence when disabled, and, through a pseudo-terminal
// (`script`), the real command's line with its warnings on lines of their own.
#include "progress_line.h"

#include <filesystem>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "support/cli_run.h"

using quotegraph::cli::format_progress;
using quotegraph::cli::group_digits;
using quotegraph::cli::ProgressLine;

TEST_CASE("progress text: percentage, rate, claims and time left", "[progress][unit]") {
  CHECK(group_digits(0) == "0");
  CHECK(group_digits(999) == "999");
  CHECK(group_digits(1234567) == "1,234,567");
  CHECK(format_progress(1234, 51600, 42, 100, 4.0) == " 42% | 1,234 docs | 309 docs/s | 51,600 claims | 0:06 left");
  CHECK(format_progress(10, 3, 50, 100, 3600.0) == " 50% | 10 docs | 0 docs/s | 3 claims | 1:00:00 left");
  CHECK(format_progress(10, 3, 100, 100, 2.0) == "100% | 10 docs | 5 docs/s | 3 claims");
  // Standard input: no total, so no percentage and no time left.
  CHECK(format_progress(7, 2, 500, 0, 1.0) == "7 docs | 7 docs/s | 2 claims");
  CHECK(format_progress(0, 0, 0, 100, 0.0) == "  0% | 0 docs | 0 claims");
}

TEST_CASE("the progress line is erased before a message and redrawn after", "[progress][unit]") {
  std::ostringstream out;
  ProgressLine line(out, true);
  line.update(1, 2, 10, 100, true);
  const std::string first = out.str();
  REQUIRE(first.rfind("\r 10% | 1 docs", 0) == 0);
  out.str("");
  line.clear();
  // Carriage return, spaces over the whole line, carriage return.
  CHECK(out.str() == "\r" + std::string(first.size() - 1, ' ') + "\r");
  out.str("");
  line.clear();  // nothing shown: nothing to erase
  CHECK(out.str().empty());
  line.redraw();
  CHECK(out.str().rfind("\r 10% | 1 docs", 0) == 0);
  out.str("");
  line.finish();
  CHECK(out.str().back() == '\n');
}

TEST_CASE("a disabled progress line writes nothing", "[progress][unit]") {
  std::ostringstream out;
  ProgressLine line(out, false);
  line.update(1, 2, 10, 100, true);
  line.clear();
  line.redraw();
  line.finish();
  CHECK(out.str().empty());
}

TEST_CASE("extract on a terminal: progress line, warnings on lines of their own", "[progress][cli]") {
  using namespace quotegraph_test;
  if (!has_program("script")) {
    WARN("skipped: no script program to make a pseudo-terminal");
    return;
  }
  TempDir dir("quotegraph_progress_test");
  std::filesystem::create_directories(dir.path / "corpus");
  // 25 documents (a progress line needs more than 20), one with a warning.
  for (int i = 0; i < 25; ++i)
    write_text_file(dir.file("corpus/d" + std::to_string(100 + i) + ".txt"),
                    i == 12 ? "Il a dit « oui sans fermer.\n" : "« Non », a déclaré le ministre.\n");
  CliResult r = run_shell(dir, "script -qec " + shell_quote(shell_quote(QUOTEGRAPH_CLI_PATH) + " extract corpus --claims c.jsonl") +
                                   " /dev/null");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("100% | 25 docs") != std::string::npos);
  CHECK(r.out.find("docs/s") != std::string::npos);
  // The warning starts a line: after a newline, or after the erased line.
  const std::size_t warning = r.out.find("corpus/d112.txt:");
  REQUIRE(warning != std::string::npos);
  REQUIRE(warning > 0);
  CHECK((r.out[warning - 1] == '\r' || r.out[warning - 1] == '\n'));
  // The summary comes after the finished line.
  CHECK(r.out.find("quotegraph: 25/25 documents") != std::string::npos);
}

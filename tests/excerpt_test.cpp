// Tests for text/excerpt.h: escaping input bytes for a terminal, cutting
// excerpts, and code point offsets as 1-based lines and columns.
#include <string>
#include <vector>

#include "catch.hpp"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

using quotegraph::cut_excerpt;
using quotegraph::escape_controls;
using quotegraph::positions_of;

TEST_CASE("escape_controls shows control characters and bad bytes as escapes", "[excerpt][bad-input]") {
  auto [bytes, shown] = GENERATE(table<std::string, std::string>({
      {"a\tb", "a\\x09b"},
      {std::string("nul\0end", 7), "nul\\x00end"},
      {"bad\xFF", "bad\\xFF"},
      {"trunc\xC3", "trunc\\xC3"},
      {"overlong\xC0\xAF", "overlong\\xC0\\xAF"},
      {"surrogate\xED\xA0\x80", "surrogate\\xED\\xA0\\x80"},
      {"del\x7F", "del\\x7F"},
      {"c1\xC2\x85", "c1\\u0085"},
      {"«\xE2\x80\xAF" "déclaré\xE2\x80\xAF»", "«\xE2\x80\xAF" "déclaré\xE2\x80\xAF»"},
  }));
  CHECK(escape_controls(bytes) == shown);
}

TEST_CASE("escape_controls output is valid UTF-8 with no control byte", "[excerpt][bad-input]") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  const std::string shown = escape_controls(all);
  CHECK(quotegraph::decode_utf8(shown));
  for (unsigned char c : shown) CHECK((c >= 0x20 && c != 0x7F));
}

TEST_CASE("cut_excerpt cuts on a code point boundary and marks the cut", "[excerpt][unit]") {
  CHECK(cut_excerpt(std::string_view("court"), 80) == "court");
  // "é" is two bytes: a cut after 2 bytes would split it.
  CHECK(cut_excerpt(std::string_view("aé b"), 2) == "a\xE2\x80\xA6");
  CHECK(cut_excerpt(std::string_view("aé b"), 3) == "aé\xE2\x80\xA6");
  const std::u32string text = U"« Nous partirons », a-t-il dit.";
  CHECK(cut_excerpt(text, 2, 5) == "Nous \xE2\x80\xA6");
  CHECK(cut_excerpt(text, 20, 100) == "a-t-il dit.");
  CHECK(cut_excerpt(text, 500, 10).empty());
}

TEST_CASE("positions_of gives 1-based lines and code point columns", "[excerpt][unit]") {
  const std::string text = "ab\nçé\r\nxyz";
  // Code points: a b \n ç é \r \n x y z
  auto at = positions_of(text, {0, 4, 7, 9, 3, 99}, false);
  REQUIRE(at.size() == 6);
  CHECK((at[0].line == 1 && at[0].column == 1));
  CHECK((at[1].line == 2 && at[1].column == 2));
  CHECK((at[2].line == 3 && at[2].column == 1));
  CHECK((at[3].line == 3 && at[3].column == 3));
  CHECK((at[4].line == 2 && at[4].column == 1));
  CHECK((at[5].line == 3 && at[5].column == 4));  // past the end: after the last character
  // Byte offsets: the invalid byte of "é\n\xFF" is at byte 3, line 2 column 1.
  auto bytes = positions_of("\xC3\xA9\n\xFF", {3}, true);
  CHECK((bytes[0].line == 2 && bytes[0].column == 1));
}

TEST_CASE("locate_diagnostics fills line and column for one document", "[excerpt][unit]") {
  quotegraph::Diagnostics diags;
  diags.warning(quotegraph::DiagCode::kUnbalancedQuote, "a.txt", 5, "unbalanced");
  diags.warning(quotegraph::DiagCode::kUnbalancedQuote, "other.txt", 5, "elsewhere");
  diags.error(quotegraph::DiagCode::kBadData, "a.txt", 2, "a line", {}, "line");
  quotegraph::locate_diagnostics(diags, 0, "a.txt", "ab\ncdef");
  CHECK((diags.items()[0].line == 2 && diags.items()[0].column == 3));
  CHECK(diags.items()[1].line == 0);
  CHECK(diags.items()[2].line == 0);
  CHECK(quotegraph::format_diagnostic(diags.items()[0]) == "a.txt:2:3: warning: unbalanced");
}

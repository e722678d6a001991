// Tests of status.h: the diagnostics list and its one-line rendering.
#include "quotegraph/status.h"

#include <string>

#include "catch.hpp"

using quotegraph::DiagCode;
using quotegraph::Diagnostics;
using quotegraph::format_diagnostic;

TEST_CASE("format_diagnostic writes file:offset: severity: message «excerpt»", "[status][unit]") {
  Diagnostics diags;
  diags.error(DiagCode::kInvalidUtf8, "bad.txt", 3, "invalid UTF-8 byte 0x80", "abc", "byte");
  diags.warning(DiagCode::kUnbalancedQuote, "a.txt", 12, "opening quotation mark without a closing one", "« texte");
  REQUIRE(diags.items().size() == 2);
  CHECK(format_diagnostic(diags.items()[0]) == "bad.txt:3 (byte): error: invalid UTF-8 byte 0x80 «abc»");
  CHECK(format_diagnostic(diags.items()[1]) ==
        "a.txt:12: warning: opening quotation mark without a closing one «« texte»");
  CHECK(diags.has_errors());
}

TEST_CASE("format_diagnostic keeps one line whatever the excerpt holds", "[status][bad-input]") {
  Diagnostics diags;
  diags.error(DiagCode::kBadData, "words.tsv", 7, "expected class<TAB>word", std::string("a\nb\tc\0d", 7), "line");
  std::string line = format_diagnostic(diags.items()[0]);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find("\\x0A") != std::string::npos);
  CHECK(line.find("\\x09") != std::string::npos);
  CHECK(line.find("\\x00") != std::string::npos);
  CHECK(line.rfind("words.tsv:7 (line): error: ", 0) == 0);
}

TEST_CASE("Diagnostics: warnings alone are no error and lists append", "[status][unit]") {
  Diagnostics a, b;
  a.warning(DiagCode::kStrayQuote, "x.txt", 1, "closing quotation mark without an opening one");
  CHECK_FALSE(a.has_errors());
  b.error(DiagCode::kIoError, "y.txt", 0, "cannot read file");
  a.append(b);
  CHECK(a.items().size() == 2);
  CHECK(a.has_errors());
  a.clear();
  CHECK(a.empty());
}

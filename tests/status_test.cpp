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

TEST_CASE("Status: ok by default, an error carries file, offset and message", "[status][unit]") {
  const quotegraph::Status ok;
  CHECK(ok.ok());
  CHECK(ok.message().empty());
  CHECK(ok.to_string() == "ok");
  quotegraph::Diagnostics diags;
  ok.report(diags);
  CHECK(diags.empty());

  const auto bad = quotegraph::Status::error(quotegraph::DiagCode::kIoError, "data/words.tsv", 0,
                                             "cannot open word list", {}, "line");
  REQUIRE_FALSE(bad);
  CHECK(bad.diagnostic().file == "data/words.tsv");
  CHECK(bad.message() == "cannot open word list");
  CHECK(bad.to_string() == "data/words.tsv:0 (line): error: cannot open word list");
  bad.report(diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags.items()[0].code == quotegraph::DiagCode::kIoError);
}

TEST_CASE("Result: a value or the Status that says why there is none", "[status][unit]") {
  quotegraph::Result<std::string> value(std::string("déclaré"));
  REQUIRE(value);
  CHECK(*value == "déclaré");
  CHECK(value->size() == 9);  // bytes: é is two
  CHECK(value.status().ok());
  quotegraph::Result<std::string> missing(
      quotegraph::Status::error(quotegraph::DiagCode::kBadData, "x.tsv", 3, "bad", "a\tb", "line"));
  REQUIRE_FALSE(missing);
  CHECK(missing.status().diagnostic().offset == 3);
  CHECK(missing.status().diagnostic().excerpt == "a\tb");
}

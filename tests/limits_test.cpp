// Tests for the limits of one document (pipeline.h Limits, quote_detector.h
// QuoteLimits): each is enforced with a diagnostic naming the document, and
// the defaults leave ordinary articles alone.
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "catch.hpp"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/text/text.h"
#include "support/test_support.h"

using quotegraph::DiagCode;
using quotegraph::Diagnostics;
using quotegraph::Limits;

namespace {

// A private pipeline: limits are per Pipeline and tests must not change the
// shared one.
quotegraph::Pipeline& limited_pipeline() {
  static quotegraph::Result<quotegraph::Pipeline> p = [] {
    Diagnostics diags;
    return quotegraph::Pipeline::create(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  }();
  REQUIRE(p);
  return *p;
}

// Runs `text` through the private pipeline under `limits`, then gives the
// pipeline its default limits back.
quotegraph::DocumentResult process_with(const Limits& limits, const std::string& name,
                                        const std::string& text, Diagnostics& diags) {
  auto& p = limited_pipeline();
  p.set_limits(limits);
  auto r = p.process(name, text, diags);
  p.set_limits(Limits{});
  return r;
}

std::size_t count(const Diagnostics& diags, DiagCode code) {
  std::size_t n = 0;
  for (const auto& d : diags.items()) n += d.code == code;
  return n;
}

const std::string kArticle =
    "Le ministre a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Nous partirons \xC2\xBB.\n";

}  // namespace

TEST_CASE("a document over max_document_bytes is skipped with an error", "[limits][bad-input]") {
  Limits limits;
  limits.max_document_bytes = 16;
  Diagnostics diags;
  auto r = process_with(limits, "big.txt", kArticle, diags);
  CHECK_FALSE(r.ok);
  REQUIRE(count(diags, DiagCode::kLimit) == 1);
  CHECK(diags.items()[0].file == "big.txt");
  CHECK(diags.items()[0].message.find("larger than the limit of 16 bytes") != std::string::npos);
}

TEST_CASE("a paragraph over max_paragraph_chars skips the document", "[limits][bad-input]") {
  Limits limits;
  limits.max_paragraph_chars = 20;
  Diagnostics diags;
  auto r = process_with(limits, "para.txt", "Court.\n\n" + kArticle, diags);
  CHECK_FALSE(r.ok);
  REQUIRE(count(diags, DiagCode::kLimit) == 1);
  CHECK(diags.has_errors());
  // Located: the long paragraph starts on line 3.
  CHECK(diags.items()[0].line == 3);

  // Lines that the segmenter joins into one long paragraph (a line of 60 or
  // more characters that does not end a sentence is a soft wrap) are caught
  // after segmentation.
  limits.max_paragraph_chars = 100;
  Diagnostics joined;
  const std::string wrapped =
      "le ministre des Affaires \xC3\xA9trang\xC3\xA8res a affirm\xC3\xA9 devant les d\xC3\xA9put\xC3\xA9s que\n"
      "la France ne partira pas de la r\xC3\xA9gion avant la fin de la crise.\n";
  auto j = process_with(limits, "joined.txt", wrapped, joined);
  CHECK_FALSE(j.ok);
  REQUIRE(count(joined, DiagCode::kLimit) == 1);
  CHECK(joined.items()[0].message.rfind("paragraph of ", 0) == 0);
}

TEST_CASE("a quotation over max_quote_chars is dropped with a warning", "[limits][bad-input]") {
  Diagnostics plain;
  auto before = limited_pipeline().process("q.txt", kArticle, plain);
  REQUIRE(before.ok);
  REQUIRE_FALSE(before.claims.empty());
  Limits limits;
  limits.quotes.max_quote_chars = 5;  // "Nous partirons" is 14
  Diagnostics diags;
  auto r = process_with(limits, "q.txt", kArticle, diags);
  CHECK(r.ok);
  CHECK(count(diags, DiagCode::kLimit) == 1);
  for (const auto& c : r.claims) CHECK(c.kind != quotegraph::ClaimKind::kDirect);
}

TEST_CASE("quotation marks nested past max_depth warn once and the run ends", "[limits][bad-input]") {
  std::string nested = "Il a dit : ";
  for (int i = 0; i < 500; ++i) nested += "\xC2\xAB a ";
  nested += "b";
  for (int i = 0; i < 500; ++i) nested += " \xC2\xBB";
  nested += ".\n";
  Diagnostics diags;
  auto r = limited_pipeline().process("nested.txt", nested, diags);
  CHECK(r.ok);
  CHECK(count(diags, DiagCode::kLimit) == 1);
}

TEST_CASE("the default limits leave the seed articles alone", "[limits][unit]") {
  const Limits defaults;
  CHECK(defaults.max_document_bytes == 64u * 1024 * 1024);
  CHECK(defaults.max_paragraph_chars == 1000000);
  CHECK(defaults.quotes.max_quote_chars == 100000);
  CHECK(defaults.quotes.max_depth == 16);
}

TEST_CASE("NUL bytes in a document give one warning and the text is analysed", "[limits][bad-input]") {
  std::string bytes = kArticle;
  bytes.insert(3, std::string("\0\0\x01", 3));
  Diagnostics diags;
  auto r = limited_pipeline().process("nul.txt", bytes, diags);
  CHECK(r.ok);
  REQUIRE(count(diags, DiagCode::kControlCharacter) == 1);
  CHECK(diags.items()[0].message.find("3 control characters (first U+0000)") != std::string::npos);
  CHECK((diags.items()[0].line == 1 && diags.items()[0].column == 4));
}

TEST_CASE("find_data_dir: QUOTEGRAPH_DATA, then beside the binary, then the source tree",
          "[limits][unit]") {
  quotegraph_test::TempDir dir("quotegraph_datadir_test");
  std::filesystem::create_directories(dir.path / "bin");
  std::filesystem::create_directories(dir.path / "share/quotegraph/data");
  const std::string exe = (dir.path / "bin/quotegraph").string();
  // Without lexicons beside the binary, the source tree's data is used.
  CHECK(quotegraph::find_data_dir(exe, nullptr) == QUOTEGRAPH_SOURCE_DATA_DIR);
  std::ofstream((dir.path / "share/quotegraph/data/speech_verbs.tsv").string()) << "x\n";
  CHECK(quotegraph::find_data_dir(exe, nullptr) == (dir.path / "bin/../share/quotegraph/data").string());
  CHECK(quotegraph::find_data_dir(exe, "") == (dir.path / "bin/../share/quotegraph/data").string());
  CHECK(quotegraph::find_data_dir(exe, "/elsewhere") == "/elsewhere");
}

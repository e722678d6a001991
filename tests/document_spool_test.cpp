// Tests for document_spool.h: a document result survives the spool's
// encoding field by field (seeds and dev set), damaged bytes are refused
// rather than read, and the replay order depends only on which documents
// were added, never on the order they were added in.
#include "quotegraph/pipeline/document_spool.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/document_results.h"

using quotegraph::DocumentResult;
using quotegraph::DocumentSpool;

namespace {

// Replays `spool` and returns "name:claims" per document in replay order.
std::vector<std::string> replay_names(DocumentSpool& spool) {
  std::vector<std::string> seen;
  REQUIRE(spool.replay([&](quotegraph::SpooledDocument& d) {
    seen.push_back(d.name + ":" + std::to_string(d.result.claims.size()) + (d.meta.date.empty() ? "" : ":" + d.meta.date));
  }));
  return seen;
}

DocumentResult with_claims(std::size_t n) {
  DocumentResult r;
  r.ok = true;
  r.claims.resize(n);
  r.speaker_entity.assign(n, -1);
  r.target_entities.assign(n, {});
  return r;
}

}  // namespace

TEST_CASE("document results survive the spool encoding", "[document_spool]") {
  const auto articles = quotegraph_test::analysed_articles();
  REQUIRE(articles.size() >= 10);
  std::size_t claims = 0;
  for (const auto& [name, result] : articles) {
    DocumentResult back;
    REQUIRE(quotegraph::decode_document_result(quotegraph::encode_document_result(result), back));
    INFO(name);
    CHECK(quotegraph_test::first_difference(result, back) == "");
    claims += result.claims.size();
  }
  CHECK(claims > 50);
}

TEST_CASE("damaged spool records are refused", "[document_spool][bad-input]") {
  const auto articles = quotegraph_test::analysed_articles();
  const std::string bytes = quotegraph::encode_document_result(articles.front().second);
  DocumentResult out;
  // Every truncation, and a trailing byte too many.
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
    INFO(cut);
    CHECK_FALSE(quotegraph::decode_document_result(bytes.substr(0, cut), out));
  }
  CHECK_FALSE(quotegraph::decode_document_result(bytes + "x", out));
  // A count far beyond what the bytes can hold is refused before allocating.
  std::string huge = bytes;
  huge[1] = huge[2] = huge[3] = huge[4] = '\xff';
  CHECK_FALSE(quotegraph::decode_document_result(huge, out));
}

TEST_CASE("the spool replays documents in one order whatever the order they came in", "[document_spool]") {
  const std::string tmp = std::filesystem::temp_directory_path().string();
  DocumentSpool forward(tmp), backward(tmp);
  REQUIRE(forward.ok());
  REQUIRE(backward.ok());
  // "b.txt" twice with different contents: equal names go by content.
  const std::vector<std::pair<std::string, std::size_t>> docs = {
      {"c.txt", 1}, {"a.txt", 2}, {"b.txt", 3}, {"b.txt", 4}, {"A.txt", 0}};
  for (const auto& [name, n] : docs) REQUIRE(forward.add(name, with_claims(n)));
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) REQUIRE(backward.add(it->first, with_claims(it->second)));
  CHECK(forward.size() == 5);
  const auto order = replay_names(forward);
  CHECK(order == replay_names(backward));
  REQUIRE(order.size() == 5);
  CHECK(order[0] == "A.txt:0");  // bytewise: capitals first
  CHECK(order[1] == "a.txt:2");
  CHECK(order[4] == "c.txt:1");
  // A spool can be replayed again.
  CHECK(replay_names(forward) == order);
}

TEST_CASE("a spool holds more documents than it reserved room for", "[document_spool]") {
  DocumentSpool spool(std::filesystem::temp_directory_path().string());
  REQUIRE(spool.ok());
  spool.reserve(2, 5);
  for (const char* name : {"c.txt", "a.txt", "b.txt"}) REQUIRE(spool.add(name, with_claims(1)));
  CHECK(spool.size() == 3);
  const auto order = replay_names(spool);
  REQUIRE(order.size() == 3);
  CHECK(order[0] == "a.txt:1");
  CHECK(order[2] == "c.txt:1");
}

TEST_CASE("a spool in a folder that does not exist says why", "[document_spool][bad-input]") {
  DocumentSpool spool("/nonexistent/quotegraph/folder");
  CHECK_FALSE(spool.ok());
  CHECK(spool.status().message().find("/nonexistent/quotegraph/folder") != std::string::npos);
  CHECK_FALSE(spool.add("a.txt", with_claims(1)));
}

TEST_CASE("the spool keeps each document's metadata, text and length", "[document_spool]") {
  DocumentSpool spool(std::filesystem::temp_directory_path().string());
  quotegraph::DocumentMeta meta;
  meta.date = "2024-03-12";
  meta.url = "https://example.org/a";
  REQUIRE(spool.add("b", with_claims(1), meta, "Le « texte »", 12));
  REQUIRE(spool.add("a", with_claims(2), {}, {}, 5000000000ull));
  std::vector<std::string> seen;
  REQUIRE(spool.replay([&](quotegraph::SpooledDocument& d) {
    seen.push_back(d.name + "|" + d.meta.date + "|" + d.meta.url + "|" + d.meta.source + "|" + d.text + "|" +
                   std::to_string(d.length));
  }));
  CHECK(seen == std::vector<std::string>{"a|||||5000000000", "b|2024-03-12|https://example.org/a||Le « texte »|12"});
}

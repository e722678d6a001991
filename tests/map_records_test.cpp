// Tests for map_records.h: the records `quotegraph map` writes give back
// every document field by field (seeds and dev set), records of one
// document are announced and contiguous, and bad lines (not JSON, unknown
// record, index out of range, a record of another document, a document cut
// short) are reported with their line and drop only their document.
#include "quotegraph/export/map_records.h"

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/document_results.h"

using quotegraph::Diagnostics;
using quotegraph::MappedDocument;
using quotegraph::MapRecordReader;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Feeds `lines` to a reader; returns the documents completed.
std::vector<MappedDocument> read_all(const std::vector<std::string>& lines, Diagnostics& diags) {
  MapRecordReader reader;
  std::vector<MappedDocument> docs;
  MappedDocument doc;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (reader.feed(lines[i], "shard", i + 1, doc, diags)) docs.push_back(std::move(doc));
  }
  reader.finish("shard", lines.size(), diags);
  return docs;
}

}  // namespace

TEST_CASE("map records give every document back field by field", "[map_records]") {
  const auto articles = quotegraph_test::analysed_articles();
  std::string records;
  for (const auto& [name, result] : articles) quotegraph::append_map_records(records, name, result);
  Diagnostics diags;
  const auto docs = read_all(lines_of(records), diags);
  CHECK(diags.empty());
  REQUIRE(docs.size() == articles.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    INFO(articles[i].first);
    CHECK(docs[i].name == articles[i].first);
    CHECK(quotegraph_test::first_difference(articles[i].second, docs[i].result) == "");
  }
}

TEST_CASE("map records are JSON objects with their document and record type", "[map_records]") {
  const auto articles = quotegraph_test::analysed_articles();
  const auto& [name, result] = articles.front();
  std::string records;
  quotegraph::append_map_records(records, name, result);
  const auto lines = lines_of(records);
  REQUIRE(lines.size() == 1 + result.entities.size() + result.claims.size());
  const auto head = nlohmann::json::parse(lines.front());
  CHECK(head["record"] == "document");
  CHECK(head["claims"] == result.claims.size());
  CHECK(head["entities"] == result.entities.size());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto j = nlohmann::json::parse(lines[i]);
    CHECK(j["document"] == name);
    CHECK(j["record"] == (i <= result.entities.size() ? "entity" : "claim"));
    // No ids: nothing in a map record depends on another document.
    CHECK_FALSE(j.contains("id"));
    if (j["record"] == "claim") CHECK(j["speaker_id"].is_null());
  }
}

TEST_CASE("bad map records are reported and drop only their document", "[map_records][bad-input]") {
  const std::string good_a =
      R"({"record":"document","document":"a","claims":0,"entities":1})" "\n"
      R"({"record":"entity","document":"a","index":0,"name":"Dmitri Peskov","type":"person","given_name":"Dmitri","surname":"Peskov","gender":"m","mentions":["Dmitri Peskov","il"]})";
  const std::string good_c = R"({"record":"document","document":"c","claims":0,"entities":0})";
  auto [bad, message] = GENERATE(table<std::string, std::string>({
      {"not json", "not a JSON object"},
      {R"({"record":"document","document":"b","claims":-1,"entities":0})", "\"claims\""},
      {R"({"record":"document","document":"b","claims":99999999,"entities":0})", "more than"},
      {R"({"record":"page","document":"b"})", "unknown \"record\""},
      {R"({"record":"document","document":"b","claims":0,"entities":1})" "\n"
       R"({"record":"entity","document":"b","index":3,"name":"X"})", "\"index\" 3"},
      {R"({"record":"document","document":"b","claims":0,"entities":2})" "\n"
       R"({"record":"entity","document":"b","index":0,"name":"X"})", "incomplete"},
      {R"({"record":"document","document":"b","claims":0,"entities":1})" "\n"
       R"({"record":"entity","document":"z","index":0,"name":"X"})", "outside"},
      {R"({"record":"document","document":"b","claims":0,"entities":1})" "\n"
       R"({"record":"entity","document":"b","index":0,"name":"X","type":"planet"})", "unknown \"type\""},
      {R"({"record":"document","document":"b","claims":1,"entities":0})" "\n"
       R"({"record":"claim","document":"b","index":0,"start":5,"end":2,"kind":"direct"})", "before"},
      {R"({"record":"document","document":"b","claims":1,"entities":0})" "\n"
       R"({"record":"claim","document":"b","index":0,"start":0,"end":2,"kind":"direct","speaker":"X","speaker_entity":0})",
       "\"speaker_entity\""},
  }));
  Diagnostics diags;
  auto lines = lines_of(good_a + "\n" + bad + "\n" + good_c);
  const auto docs = read_all(lines, diags);
  INFO(bad);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].name == "a");
  CHECK(docs[0].result.entities.at(0).surname == "Peskov");
  CHECK(docs[0].result.entities.at(0).gender == 'm');
  CHECK(docs[1].name == "c");
  REQUIRE(diags.has_errors());
  CHECK(diags.items().front().file == "shard");
  CHECK(diags.items().front().message.find(message) != std::string::npos);
}

TEST_CASE("map records read back with a trailing tab or CR, as Hadoop Streaming and Windows write them", "[map_records]") {
  const auto articles = quotegraph_test::analysed_articles();
  std::string records;
  quotegraph::append_map_records(records, articles.front().first, articles.front().second);
  std::vector<std::string> lines = lines_of(records);
  // Streaming's text output puts a tab after a key with an empty value.
  for (std::size_t i = 0; i < lines.size(); ++i) lines[i] += i % 2 ? "\t" : "\r";
  Diagnostics diags;
  const auto docs = read_all(lines, diags);
  CHECK(diags.empty());
  REQUIRE(docs.size() == 1);
  CHECK(quotegraph_test::first_difference(articles.front().second, docs.front().result) == "");
}

TEST_CASE("map records carry the document's metadata", "[map_records]") {
  const auto articles = quotegraph_test::analysed_articles();
  quotegraph::DocumentMeta meta;
  meta.date = "2024-03-12T08:30:00+01:00";
  meta.source = "Le Monde";
  meta.title = "Titre « entre guillemets »";
  std::string records;
  quotegraph::append_map_records(records, "lemonde-17", articles.front().second, meta, 2345);
  const auto head = nlohmann::json::parse(lines_of(records).front());
  CHECK(head["date"] == meta.date);
  CHECK_FALSE(head.contains("url"));  // only the keys the document gives
  Diagnostics diags;
  const auto docs = read_all(lines_of(records), diags);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].name == "lemonde-17");
  CHECK(docs[0].meta.date == meta.date);
  CHECK(docs[0].meta.source == meta.source);
  CHECK(docs[0].meta.url.empty());
  CHECK(docs[0].meta.title == meta.title);
  CHECK(docs[0].length == 2345);
}

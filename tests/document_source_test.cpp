// Tests for DocumentSource: text files and JSONL documents read one at a
// time in input order, metadata kept, bad lines reported with file and line
// without stopping the others, ISO dates recognised.
#include <filesystem>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/cli_run.h"
#include "quotegraph/structure/document_source.h"

using namespace quotegraph;
using quotegraph_test::TempDir;
using quotegraph_test::write_text_file;

namespace {

std::vector<SourceDocument> read_all(DocumentSource& source, Diagnostics& diags) {
  std::vector<SourceDocument> docs;
  SourceDocument d;
  while (source.next(d, diags)) docs.push_back(d);
  return docs;
}

}  // namespace

TEST_CASE("is_iso_date accepts calendar dates and date-times only", "[document_source][bad-input]") {
  auto [text, ok] = GENERATE(table<std::string, bool>({{"2024-03-12", true},
                                                       {"2024-03-12T08:30:00+01:00", true},
                                                       {"2024-02-29", true},
                                                       {"2023-02-29", false},
                                                       {"2024-13-01", false},
                                                       {"2024-04-31", false},
                                                       {"12/03/2024", false},
                                                       {"2024-3-12", false},
                                                       {"2024-03-12x", false},
                                                       {"", false}}));
  INFO(text);
  CHECK(is_iso_date(text) == ok);
  DocumentMeta meta;
  meta.date = text;
  CHECK(meta.day() == (ok ? text.substr(0, 10) : std::string()));
}

TEST_CASE("a JSONL line gives id, text and metadata", "[document_source][unit]") {
  SourceDocument doc;
  std::string error;
  std::vector<std::string> warnings;
  REQUIRE(parse_document_line(
      R"({"id":"a1","text":"« Non », a-t-il dit.","date":"2024-03-12","source":"AFP","url":"https://x.fr/1","title":"Titre","extra":1})",
      doc, error, warnings));
  CHECK(doc.name == "a1");
  CHECK(doc.bytes == "« Non », a-t-il dit.");
  CHECK(doc.meta.date == "2024-03-12");
  CHECK(doc.meta.source == "AFP");
  CHECK(doc.meta.url == "https://x.fr/1");
  CHECK(doc.meta.title == "Titre");
  CHECK(warnings.empty());

  // A numeric id is written as its JSON text; metadata is optional.
  REQUIRE(parse_document_line(R"({"id":42,"text":"Bonjour."})", doc, error, warnings));
  CHECK(doc.name == "42");
  CHECK(doc.meta.empty());
}

TEST_CASE("bad JSONL lines say what is wrong", "[document_source][bad-input]") {
  auto [line, message] = GENERATE(table<std::string, std::string>({
      {R"({"id":"a","text":)", "not a JSON document line"},
      {R"(["a","b"])", "a document must be a JSON object, got array"},
      {R"({"id":"a"})", "missing \"text\""},
      {R"({"id":"a","text":12})", "\"text\" must be a string, got number"},
      {R"({"text":"Bonjour."})", "missing \"id\""},
      {R"({"id":"","text":"Bonjour."})", "\"id\" must be a non-empty string or a number, got \"\""},
      {R"({"id":["x"],"text":"Bonjour."})", "\"id\" must be a non-empty string or a number, got array"},
  }));
  SourceDocument doc;
  std::string error;
  std::vector<std::string> warnings;
  INFO(line);
  CHECK_FALSE(parse_document_line(line, doc, error, warnings));
  CHECK(error == message);
}

TEST_CASE("bad metadata is a warning and the document is kept", "[document_source][bad-input]") {
  SourceDocument doc;
  std::string error;
  std::vector<std::string> warnings;
  REQUIRE(parse_document_line(R"({"id":"a","text":"Oui.","date":"12/03/2024","source":["x"]})", doc,
                              error, warnings));
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("\"source\" must be a string") != std::string::npos);
  CHECK(warnings[1].find("not ISO 8601") != std::string::npos);
  CHECK(doc.meta.date == "12/03/2024");
  CHECK(doc.meta.day().empty());
  CHECK(doc.meta.source.empty());
}

TEST_CASE("a source reads text files and JSONL files in order, reporting bad lines", "[document_source][bad-input]") {
  TempDir dir("quotegraph_source_test");
  std::filesystem::create_directories(dir.path / "corpus" / "sub");
  write_text_file(dir.file("corpus/b.txt"), "Texte B.");
  write_text_file(dir.file("corpus/sub/a.jsonl"),
                  "\xEF\xBB\xBF{\"id\":\"j1\",\"text\":\"Un.\",\"date\":\"2024-01-02\"}\r\n"
                  "\n"
                  "{\"id\":\"j2\"}\n"
                  "{\"id\":\"j3\",\"text\":\"Trois.\"}\n");
  write_text_file(dir.file("corpus/notes.md"), "ignored");
  Diagnostics diags;
  DocumentSource source({dir.file("corpus"), dir.file("missing.txt")}, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].file == dir.file("missing.txt"));
  CHECK(source.files().size() == 2);
  CHECK(source.has_jsonl());
  CHECK(source.bytes_total() > 0);
  diags.clear();

  std::vector<SourceDocument> docs = read_all(source, diags);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].name == "b.txt");
  CHECK(docs[0].origin == dir.file("corpus/b.txt"));
  CHECK(docs[0].bytes == "Texte B.");
  CHECK(docs[1].name == "j1");
  CHECK(docs[1].bytes == "Un.");
  CHECK(docs[1].meta.day() == "2024-01-02");
  CHECK(docs[1].origin == dir.file("corpus/sub/a.jsonl") + ":1");
  CHECK(docs[2].name == "j3");
  CHECK(docs[2].origin == dir.file("corpus/sub/a.jsonl") + ":4");
  CHECK(docs[2].meta.empty());
  // The line without text is reported with its file and line number.
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.severity == Severity::kError);
  CHECK(d.file == dir.file("corpus/sub/a.jsonl"));
  CHECK(d.offset == 3);
  CHECK(std::string(d.offset_unit) == "line");
  CHECK(d.message == "missing \"text\"");
  CHECK(source.bytes_read() == source.bytes_total());
}

TEST_CASE("a JSONL file that holds no documents is skipped with one error", "[document_source][bad-input]") {
  TempDir dir("quotegraph_source_test");
  std::string claims;
  for (int i = 0; i < 50; ++i) claims += "{\"document\":\"a.txt\",\"start\":0,\"end\":3}\n";
  write_text_file(dir.file("claims.jsonl"), claims);
  Diagnostics diags;
  DocumentSource source({dir.file("claims.jsonl")}, diags);
  std::vector<SourceDocument> docs = read_all(source, diags);
  CHECK(docs.empty());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.find("not a JSONL documents file") != std::string::npos);
}

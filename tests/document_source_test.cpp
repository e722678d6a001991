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
  std::vector<std::string> warnings;
  Result<SourceDocument> parsed = parse_document_line(
      R"({"id":"a1","text":"« Non », a-t-il dit.","date":"2024-03-12","source":"AFP","url":"https://x.fr/1","title":"Titre","extra":1})",
      warnings);
  REQUIRE(parsed);
  SourceDocument doc = *parsed;
  CHECK(doc.name == "a1");
  CHECK(doc.bytes == "« Non », a-t-il dit.");
  CHECK(doc.meta.date == "2024-03-12");
  CHECK(doc.meta.source == "AFP");
  CHECK(doc.meta.url == "https://x.fr/1");
  CHECK(doc.meta.title == "Titre");
  CHECK(warnings.empty());

  // A numeric id is written as its JSON text; metadata is optional.
  parsed = parse_document_line(R"({"id":42,"text":"Bonjour."})", warnings);
  REQUIRE(parsed);
  CHECK(parsed->name == "42");
  CHECK(parsed->meta.empty());
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
  std::vector<std::string> warnings;
  INFO(line);
  const Result<SourceDocument> parsed = parse_document_line(line, warnings);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.status().message() == message);
  CHECK(parsed.status().diagnostic().code == DiagCode::kBadData);
}

TEST_CASE("bad metadata is a warning and the document is kept", "[document_source][bad-input]") {
  std::vector<std::string> warnings;
  const Result<SourceDocument> parsed =
      parse_document_line(R"({"id":"a","text":"Oui.","date":"12/03/2024","source":["x"]})", warnings);
  REQUIRE(parsed);
  const SourceDocument& doc = *parsed;
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
  CHECK(source.file_count() == 2);
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

TEST_CASE("text documents are named by their path under the folder argument", "[document_source][unit]") {
  TempDir dir("quotegraph_source_test");
  std::filesystem::create_directories(dir.path / "a" / "sub");
  write_text_file(dir.file("a/x.txt"), "X.");
  write_text_file(dir.file("a/sub/y.txt"), "Y.");
  Diagnostics diags;
  // With and without a trailing slash on the folder.
  for (const std::string& folder : {dir.file("a"), dir.file("a") + "/"}) {
    INFO(folder);
    DocumentSource source({folder}, diags);
    std::vector<SourceDocument> docs = read_all(source, diags);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].name == "sub/y.txt");
    CHECK(docs[0].line == 0);
    CHECK(docs[1].name == "x.txt");
  }
  CHECK(diags.empty());
}

TEST_CASE("a source counts its files and the bytes of their names", "[document_source][unit]") {
  TempDir dir("quotegraph_source_test");
  std::filesystem::create_directories(dir.path / "a" / "sub");
  write_text_file(dir.file("a/x.txt"), "X.");
  write_text_file(dir.file("a/sub/y.txt"), "Y.");
  write_text_file(dir.file("a/z.jsonl"), "{\"id\": \"z1\", \"text\": \"Z.\"}\n");
  Diagnostics diags;
  DocumentSource source({dir.file("a"), dir.file("a/x.txt")}, diags);
  CHECK(source.file_count() == 4);
  // "sub/y.txt" and "a/x.txt" twice (the same file: no collision, both
  // named "x.txt"); the JSONL file's documents are named by their ids.
  CHECK(source.name_bytes() == std::string("sub/y.txt").size() + 2 * std::string("x.txt").size());
  std::vector<SourceDocument> docs = read_all(source, diags);
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].name == "sub/y.txt");
  CHECK(docs[1].name == "x.txt");
  CHECK(docs[2].name == "z1");
  CHECK(docs[3].name == "x.txt");
  CHECK(diags.empty());
}

TEST_CASE("a source says whether its documents come in ascending name order", "[document_source][unit]") {
  TempDir dir("quotegraph_source_test");
  std::filesystem::create_directories(dir.path / "a" / "sub");
  for (const char* file : {"a/x.txt", "a/sub/y.txt", "a/w.txt"}) write_text_file(dir.file(file), "Texte.");
  write_text_file(dir.file("z.jsonl"), "{\"id\": \"z1\", \"text\": \"Z.\"}\n");
  Diagnostics diags;
  // "sub/y.txt", "w.txt", "x.txt": sorted paths give ascending names.
  CHECK(DocumentSource({dir.file("a")}, diags).names_ascending());
  CHECK(DocumentSource({dir.file("a/w.txt"), dir.file("a/x.txt")}, diags).names_ascending());
  CHECK_FALSE(DocumentSource({dir.file("a/x.txt"), dir.file("a/w.txt")}, diags).names_ascending());
  // One file twice: one name twice, which the canonical order breaks by content.
  CHECK_FALSE(DocumentSource({dir.file("a/w.txt"), dir.file("a/w.txt")}, diags).names_ascending());
  // JSONL documents are named by ids known only once read.
  CHECK_FALSE(DocumentSource({dir.file("z.jsonl")}, diags).names_ascending());
  CHECK(diags.empty());
}

TEST_CASE("name_documents renames only names shared by different files", "[document_source][unit]") {
  TempDir dir("quotegraph_source_test");
  std::filesystem::create_directories(dir.path / "a");
  std::filesystem::create_directories(dir.path / "b");
  write_text_file(dir.file("a/x.txt"), "A.");
  write_text_file(dir.file("b/x.txt"), "B.");
  write_text_file(dir.file("b/z.txt"), "Z.");
  std::vector<NamedInput> inputs = {{dir.file("a/x.txt"), "x.txt"},
                                    {dir.file("b/x.txt"), "x.txt"},
                                    {dir.file("b/z.txt"), "z.txt"},
                                    {"-", "stdin"}};
  name_documents(inputs);
  CHECK(inputs[0].name == "a/x.txt");
  CHECK(inputs[1].name == "b/x.txt");
  CHECK(inputs[2].name == "z.txt");
  CHECK(inputs[3].name == "stdin");

  // The same file twice is no collision: it keeps its name.
  std::vector<NamedInput> twice = {{dir.file("a/x.txt"), "x.txt"},
                                   {dir.file("b/z.txt"), "z.txt"},
                                   {dir.path.string() + "/a/../a/x.txt", "x.txt"}};
  name_documents(twice);
  CHECK(twice[0].name == "x.txt");
  CHECK(twice[2].name == "x.txt");

  // Through DocumentSource: a file argument and a folder both giving x.txt.
  Diagnostics diags;
  DocumentSource source({dir.file("a/x.txt"), dir.file("b")}, diags);
  std::vector<SourceDocument> docs = read_all(source, diags);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].name == "a/x.txt");
  CHECK(docs[1].name == "b/x.txt");
  CHECK(docs[2].name == "z.txt");
  CHECK(source.skipped() == 0);
}

TEST_CASE("missing paths and folders without documents are errors and counted", "[document_source][bad-input]") {
  TempDir dir("quotegraph_source_test");
  std::filesystem::create_directories(dir.path / "empty" / "deeper");
  write_text_file(dir.file("empty/deeper/notes.md"), "not a document");
  write_text_file(dir.file("good.txt"), "Bon.");
  Diagnostics diags;
  DocumentSource source({dir.file("missing.txt"), dir.file("empty"), dir.file("good.txt")}, diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].file == dir.file("missing.txt"));
  CHECK(diags.items()[0].message == "cannot open: No such file or directory");
  CHECK(diags.items()[1].file == dir.file("empty"));
  CHECK(diags.items()[1].message == "no .txt or .jsonl file in this folder or below it");
  CHECK(source.skipped() == 2);
  std::vector<SourceDocument> docs = read_all(source, diags);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].name == "good.txt");
}

TEST_CASE("a text file over max_document_bytes is refused from its size", "[document_source][bad-input]") {
  TempDir dir("quotegraph_source_test");
  write_text_file(dir.file("big.txt"), std::string(100, 'a'));
  write_text_file(dir.file("small.txt"), "Petit.");
  SourceOptions options;
  options.max_document_bytes = 50;
  Diagnostics diags;
  DocumentSource source({dir.file("big.txt"), dir.file("small.txt")}, diags, options);
  std::vector<SourceDocument> docs = read_all(source, diags);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].name == "small.txt");
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.severity == Severity::kError);
  CHECK(d.code == DiagCode::kLimit);
  CHECK(d.file == dir.file("big.txt"));
  CHECK(d.message == "document of 100 bytes is larger than the limit of 50 bytes: skipped");
  CHECK(source.skipped() == 1);
}

TEST_CASE("a JSONL line over max_document_bytes is skipped, the next lines read", "[document_source][bad-input]") {
  TempDir dir("quotegraph_source_test");
  // Longer than the 64 KB read buffer, so the line is read in pieces.
  const std::string long_text(200000, 'x');
  write_text_file(dir.file("c.jsonl"), "{\"id\":\"a\",\"text\":\"Un.\"}\n"
                                       "{\"id\":\"long\",\"text\":\"" + long_text + "\"}\n"
                                       "{\"id\":\"c\",\"text\":\"Trois.\"}");
  SourceOptions options;
  options.max_document_bytes = 1000;
  Diagnostics diags;
  DocumentSource source({dir.file("c.jsonl")}, diags, options);
  std::vector<SourceDocument> docs = read_all(source, diags);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].name == "a");
  CHECK(docs[0].line == 1);
  CHECK(docs[1].name == "c");
  CHECK(docs[1].bytes == "Trois.");
  CHECK(docs[1].line == 3);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == DiagCode::kLimit);
  CHECK(diags.items()[0].offset == 2);
  CHECK(diags.items()[0].message ==
        "document line of " + std::to_string(long_text.size() + 23) +
            " bytes is larger than the limit of 1000 bytes: skipped");
  CHECK(diags.items()[0].excerpt.size() < 100);
  CHECK(source.skipped() == 1);
  CHECK(source.bytes_read() == source.bytes_total());

  // The same line under the default limit is read whole.
  Diagnostics ok_diags;
  DocumentSource whole({dir.file("c.jsonl")}, ok_diags);
  std::vector<SourceDocument> all = read_all(whole, ok_diags);
  REQUIRE(all.size() == 3);
  CHECK(all[1].bytes == long_text);
  CHECK(ok_diags.empty());
}

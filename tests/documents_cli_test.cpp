// End-to-end tests of `quotegraph extract` on JSONL documents: the claims
// of a JSONL corpus equal those of the same articles as text files, with
// the document's id as `document` and its metadata appended; entities get
// first and last dates; bad lines name the file and line and the other
// documents are still processed.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/cli_run.h"

using nlohmann::json;
using namespace quotegraph_test;

namespace {

const char* const kSeeds[] = {"000_df129b15e3c6ff2f.txt", "001_ab11b79b7fea1e46.txt",
                              "002_6c5dc483d47dce09.txt", "003_6fe3999efee659f4.txt",
                              "004_8aa3c75c1f166608.txt"};

}  // namespace

TEST_CASE("extract: JSONL documents give the claims of the same texts, with metadata", "[cli][documents]") {
  TempDir dir("quotegraph_documents_test");
  write_text_file(dir.file("corpus.jsonl"), seed_corpus_jsonl(true));
  std::string txt_args;
  for (const char* s : kSeeds) txt_args += " " + shell_quote(seed_path(s));

  CliResult from_txt = run_quotegraph(dir, "extract" + txt_args + " --claims txt.jsonl --entities txt.entities.jsonl");
  REQUIRE(from_txt.status == 0);
  CliResult from_jsonl = run_quotegraph(
      dir, "extract corpus.jsonl --claims jsonl.jsonl --entities jsonl.entities.jsonl --graphml g.graphml");
  INFO(from_jsonl.err);
  REQUIRE(from_jsonl.status == 0);

  std::vector<json> a = parse_json_lines(read_text_file(dir.file("txt.jsonl")));
  std::vector<json> b = parse_json_lines(read_text_file(dir.file("jsonl.jsonl")));
  REQUIRE(a.size() == b.size());
  REQUIRE(!a.empty());
  std::size_t dated = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string file = a[i]["document"].get<std::string>();
    const std::string id = b[i]["document"].get<std::string>();
    CHECK(id == std::string("seed-") + file[2]);
    for (const char* key : {"start", "end", "text", "kind", "speaker", "speaker_id", "cue", "relation",
                            "targets", "target_ids"}) {
      INFO(key);
      CHECK(a[i][key] == b[i][key]);
    }
    CHECK_FALSE(a[i].contains("date"));
    CHECK_FALSE(a[i].contains("source"));
    CHECK(b[i]["source"] == (file[2] % 2 ? "Journal B" : "Agence A"));
    CHECK(b[i]["title"] == std::string("Article ") + file[2]);
    if (b[i].contains("date")) ++dated;
    else CHECK(id == "seed-0");  // the undated article
  }
  CHECK(dated > 0);
  CHECK(dated < b.size());

  // The metadata keys come after the documented ones, in order.
  const std::string first_line = read_text_file(dir.file("jsonl.jsonl")).substr(0, 100000);
  const std::string line = first_line.substr(0, first_line.find('\n'));
  CHECK(line.find("\"target_mentions\"") < line.find("\"source\""));
  CHECK(line.find("\"source\"") < line.find("\"url\""));
  CHECK(line.find("\"url\"") < line.find("\"title\""));

  // Entities: first and last dates from the dated documents only.
  std::vector<json> entities = parse_json_lines(read_text_file(dir.file("jsonl.entities.jsonl")));
  std::size_t with_dates = 0;
  for (const json& e : entities) {
    if (!e.contains("first_date")) continue;
    ++with_dates;
    CHECK(e["first_date"].get<std::string>() <= e["last_date"].get<std::string>());
    CHECK(e["first_date"].get<std::string>() >= "2024-03-02");
    CHECK(e["last_date"].get<std::string>() <= "2024-03-05");
  }
  CHECK(with_dates > 0);
  for (const json& e : parse_json_lines(read_text_file(dir.file("txt.entities.jsonl"))))
    CHECK_FALSE(e.contains("first_date"));

  // The graph carries the dates too.
  CHECK(read_text_file(dir.file("g.graphml")).find("2024-03-03") != std::string::npos);
}

TEST_CASE("extract: a bad JSONL line is reported with file and line, the rest processed", "[cli][documents][bad-input]") {
  TempDir dir("quotegraph_documents_test");
  write_text_file(dir.file("corpus.jsonl"),
                  "{\"id\":\"ok1\",\"text\":\"« Nous ne céderons pas », a déclaré le ministre.\"}\n"
                  "{\"id\":\"broken\",\"text\":\n"
                  "{\"id\":\"ok2\",\"text\":\"Le président a affirmé que la réforme serait votée.\",\"date\":\"hier\"}\n");
  CliResult r = run_quotegraph(dir, "extract corpus.jsonl --claims -");
  CHECK(r.status == 1);
  CHECK(r.err.find("corpus.jsonl:2 (line): error: not a JSON document line") != std::string::npos);
  CHECK(r.err.find("corpus.jsonl:3 (line): warning: \"date\" \"hier\" is not ISO 8601") != std::string::npos);
  std::vector<json> claims = parse_json_lines(r.out);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0]["document"] == "ok1");
  CHECK(claims[1]["document"] == "ok2");
  CHECK(claims[1]["date"] == "hier");
}

TEST_CASE("extract: --stdin-jsonl reads JSONL documents from standard input", "[cli][documents]") {
  TempDir dir("quotegraph_documents_test");
  write_text_file(dir.file("in.jsonl"),
                  "{\"id\":\"s1\",\"text\":\"« Non », a répondu la ministre.\",\"date\":\"2024-05-01\"}\n");
  CliResult r = run_shell(dir, "cat in.jsonl | " + shell_quote(QUOTEGRAPH_CLI_PATH) +
                                   " extract - --stdin-jsonl --claims -");
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::vector<json> claims = parse_json_lines(r.out);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0]["document"] == "s1");
  CHECK(claims[0]["date"] == "2024-05-01");
}

TEST_CASE("extract: diagnostics in a JSONL document give its line and the offset in its text",
          "[cli][documents][bad-input]") {
  TempDir dir("quotegraph_documents_test");
  // The unbalanced « is at code point 19 of the second document's text,
  // whose own second line would make LINE:COLUMN look like the file's.
  write_text_file(dir.file("corpus.jsonl"),
                  "{\"id\":\"ok1\",\"text\":\"« Nous ne céderons pas », a déclaré le ministre.\"}\n"
                  "{\"id\":\"open\",\"text\":\"Titre.\\nLe ministre « a dit qu'il partirait.\"}\n"
                  "not json\n");
  CliResult r = run_quotegraph(dir, "extract corpus.jsonl --claims out.jsonl -q");
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("corpus.jsonl:2:19: warning: opening quotation mark") != std::string::npos);
  CHECK(r.err.find("corpus.jsonl:3 (line): error: not a JSON document line") != std::string::npos);
  // The bad line counts as a failed input in the summary.
  CHECK(r.err.find("quotegraph: 1 of 3 inputs failed, 2 documents read") != std::string::npos);
}

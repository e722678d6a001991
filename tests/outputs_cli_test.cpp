// End-to-end tests of the outputs people open, run through the command
// line: GraphML and GEXF whose node ids are the entity ids of
// entities.jsonl, graph views, the SVG of a large corpus, the SQLite
// database queried for counts equal to the claims file, and the HTML reader
// opened in headless Chromium (its highlighted claims in the DOM equal the
// claims file; a screenshot is taken).
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "catch.hpp"
#include "support/cli_run.h"
#include "support/sqlite_query.h"

using nlohmann::json;
using namespace quotegraph_test;

namespace {

struct Corpus {
  TempDir dir{"quotegraph_outputs_test"};
  Corpus() { write_text_file(dir.file("corpus.jsonl"), seed_corpus_jsonl()); }
};

std::set<std::string> entity_ids(const std::string& entities_jsonl) {
  std::set<std::string> ids;
  for (const json& e : parse_json_lines(entities_jsonl)) ids.insert(e["id"].get<std::string>());
  return ids;
}


std::string chromium_command(const TempDir& dir) {
  return "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
         shell_quote(dir.file("chromium-profile"));
}

}  // namespace

TEST_CASE("extract: GraphML and GEXF node ids are the entity ids of entities.jsonl", "[cli][graph]") {
  Corpus c;
  CliResult r = run_quotegraph(c.dir, "extract corpus.jsonl --claims c.jsonl --entities e.jsonl --graphml g.graphml --gexf g.gexf");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::set<std::string> ids = entity_ids(read_text_file(c.dir.file("e.jsonl")));
  const std::vector<json> claims = parse_json_lines(read_text_file(c.dir.file("c.jsonl")));
  std::set<std::string> used;  // entity ids the claims name
  for (const json& cl : claims) {
    if (cl["speaker_id"].is_string()) used.insert(cl["speaker_id"].get<std::string>());
    for (const json& t : cl["target_ids"]) if (t.is_string()) used.insert(t.get<std::string>());
  }
  REQUIRE_FALSE(used.empty());

  for (const char* file : {"g.graphml", "g.gexf"}) {
    INFO(file);
    pugi::xml_document doc;
    REQUIRE(doc.load_file(c.dir.file(file).c_str()));
    const bool gexf = std::string(file) == "g.gexf";
    pugi::xml_node graph = gexf ? doc.child("gexf").child("graph").child("nodes") : doc.child("graphml").child("graph");
    std::set<std::string> entity_nodes;
    std::size_t claim_nodes = 0;
    for (pugi::xml_node n : graph.children("node")) {
      const std::string id = n.attribute("id").value();
      if (id.rfind("claim:", 0) == 0) {
        ++claim_nodes;
        continue;
      }
      CHECK((ids.count(id) == 1 || id.rfind("name:", 0) == 0));
      entity_nodes.insert(id);
    }
    CHECK(claim_nodes == claims.size());
    for (const std::string& id : used) CHECK(entity_nodes.count(id) == 1);
  }
}

TEST_CASE("extract: view options narrow every graph output", "[cli][graph]") {
  Corpus c;
  CliResult r = run_quotegraph(c.dir,
                               "extract corpus.jsonl --graphml g.graphml --gexf g.gexf --dot g.dot --graph actors "
                               "--relation accuses criticises --top 5 --speaker Personne-Inconnue");
  CHECK(r.status == 0);
  CHECK(r.err.find("--speaker \"Personne-Inconnue\" matches no entity") != std::string::npos);
  // Only the unknown speaker was asked for: nothing matches.
  pugi::xml_document doc;
  REQUIRE(doc.load_file(c.dir.file("g.graphml").c_str()));
  CHECK_FALSE(doc.child("graphml").child("graph").child("node"));

  r = run_quotegraph(c.dir, "extract corpus.jsonl --graphml g.graphml --graph actors --relation accuses criticises --top 5");
  REQUIRE(r.status == 0);
  REQUIRE(doc.load_file(c.dir.file("g.graphml").c_str()));
  std::size_t nodes = 0, edges = 0;
  for (pugi::xml_node n : doc.child("graphml").child("graph").children("node")) {
    ++nodes;
    CHECK(std::string(n.attribute("id").value()).rfind("claim:", 0) == std::string::npos);
  }
  for (pugi::xml_node e : doc.child("graphml").child("graph").children("edge")) {
    ++edges;
    for (pugi::xml_node d : e.children("data"))
      if (std::string(d.attribute("key").value()) == "e_relation")
        CHECK((std::string(d.text().get()) == "accuses" || std::string(d.text().get()) == "criticises"));
  }
  CHECK(nodes > 0);
  CHECK(nodes <= 5);
  CHECK(edges > 0);

  // A bad layer or relation is a usage error.
  CHECK(run_quotegraph(c.dir, "extract corpus.jsonl --graphml g.graphml --graph everything").status == 2);
  CHECK(run_quotegraph(c.dir, "extract corpus.jsonl --graphml g.graphml --relation praises").status == 2);
}

TEST_CASE("extract: --svg of a large corpus draws the actor network and says so", "[cli][graph]") {
  TempDir dir("quotegraph_outputs_test");
  std::string big;
  for (int copy = 0; copy < 4; ++copy) {
    for (const json& d : parse_json_lines(seed_corpus_jsonl())) {
      json doc = d;
      doc["id"] = d["id"].get<std::string>() + "-" + std::to_string(copy);
      big += doc.dump() + "\n";
    }
  }
  write_text_file(dir.file("big.jsonl"), big);
  CliResult r = run_quotegraph(dir, "extract big.jsonl --svg g.svg --dot g.dot");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("g.svg: note: more than 300 claims and entities to draw: drew the actor network") != std::string::npos);
  const std::string svg = read_text_file(dir.file("g.svg"));
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Legend") != std::string::npos);
  // The DOT file still holds every claim.
  CHECK(read_text_file(dir.file("g.dot")).find("claim:seed-1-3:") != std::string::npos);
  // -q silences the note.
  r = run_quotegraph(dir, "extract big.jsonl --svg g.svg -q");
  CHECK(r.err.find("note:") == std::string::npos);
}

TEST_CASE("extract: the SQLite database holds what the claims file holds", "[cli][sqlite]") {
  Corpus c;
  CliResult r = run_quotegraph(c.dir, "extract corpus.jsonl --claims c.jsonl --entities e.jsonl --sqlite db.sqlite");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string db = c.dir.file("db.sqlite");
  const std::vector<json> claims = parse_json_lines(read_text_file(c.dir.file("c.jsonl")));
  CHECK(query(db, "SELECT COUNT(*) FROM claims") == std::vector<std::string>{std::to_string(claims.size())});
  CHECK(query(db, "SELECT COUNT(*) FROM documents") == std::vector<std::string>{"5"});
  CHECK(query(db, "SELECT COUNT(*) FROM entities") ==
        std::vector<std::string>{std::to_string(parse_json_lines(read_text_file(c.dir.file("e.jsonl"))).size())});
  CHECK(query(db, "PRAGMA foreign_key_check").empty());

  std::map<std::string, int> per_speaker, per_day, targets;
  std::vector<std::string> texts;
  for (const json& cl : claims) {
    if (cl["speaker_id"].is_string()) ++per_speaker[cl["speaker_id"].get<std::string>()];
    ++per_day[cl["date"].get<std::string>()];
    targets["all"] += static_cast<int>(cl["targets"].size());
    texts.push_back(cl["document"].get<std::string>() + "|" + std::to_string(cl["start"].get<int>()) + "|" +
                    cl["text"].get<std::string>() + "|" + (cl["speaker"].is_string() ? cl["speaker"].get<std::string>() : "NULL"));
  }
  std::vector<std::string> expected;
  for (const auto& [id, n] : per_speaker) expected.push_back(id + "|" + std::to_string(n));
  CHECK(query(db, "SELECT speaker_id, COUNT(*) FROM claims WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY speaker_id") == expected);
  expected.clear();
  for (const auto& [day, n] : per_day) expected.push_back(day + "|" + std::to_string(n));
  CHECK(query(db, "SELECT d.day, COUNT(*) FROM claims c JOIN documents d ON d.id = c.document_id GROUP BY d.day ORDER BY d.day") == expected);
  CHECK(query(db, "SELECT COUNT(*) FROM targets") == std::vector<std::string>{std::to_string(targets["all"])});
  CHECK(query(db, "SELECT document, start, text, COALESCE(speaker, 'NULL') FROM claim_view ORDER BY id") == texts);
  // Written under a temporary name, renamed: nothing else is left.
  for (const auto& e : std::filesystem::directory_iterator(c.dir.path))
    CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
  // An existing database is replaced whole by the next run.
  REQUIRE(run_quotegraph(c.dir, "extract corpus.jsonl --sqlite db.sqlite --relation accuses").status == 0);
  CHECK(query(db, "SELECT COUNT(*) FROM claims") == std::vector<std::string>{std::to_string(claims.size())});
}

TEST_CASE("extract: --html pages hold the claims, checked in headless Chromium", "[cli][html][interop]") {
  Corpus c;
  CliResult r = run_quotegraph(c.dir, "extract corpus.jsonl --claims c.jsonl --html site");
  INFO(r.err);
  REQUIRE(r.status == 0);
  REQUIRE(std::filesystem::exists(c.dir.file("site/index.html")));
  const std::vector<json> claims = parse_json_lines(read_text_file(c.dir.file("c.jsonl")));
  std::map<std::string, std::vector<json>> by_doc;
  for (const json& cl : claims) by_doc[cl["document"].get<std::string>()].push_back(cl);
  REQUIRE(by_doc.count("seed-2") == 1);
  const std::string page = c.dir.file("site/articles/000002-seed-2.html");
  REQUIRE(std::filesystem::exists(page));

  // Without a browser, the page as written is read instead (an HTML parser
  // of Python's standard library), so the check still runs.
  std::string dom = page;
  const bool browser = has_program("chromium");
  if (browser) {
    CliResult dump = run_shell(c.dir, chromium_command(c.dir) + " --dump-dom " + shell_quote("file://" + page) + " > dom.html");
    REQUIRE(dump.status == 0);
    dom = c.dir.file("dom.html");
    CHECK(read_text_file(dom).find("data-claim=\"0\"") != std::string::npos);
  } else {
    WARN("chromium not installed: the page is checked without a browser");
  }
  CliResult read = run_shell(c.dir, "python3 " + shell_quote(std::string(QUOTEGRAPH_TESTS_DIR) + "/support/html_claims.py") + " " + shell_quote(dom));
  REQUIRE(read.status == 0);
  const json shown = json::parse(read.out);
  const std::vector<json>& expected = by_doc["seed-2"];
  REQUIRE(shown["claims"].size() == expected.size());
  CHECK(shown["side"] == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("claim " << i);
    const json& s = shown["claims"][std::to_string(i)];
    CHECK(s["text"] == expected[i]["text"]);
    CHECK(s["kind"] == expected[i]["kind"]);
    CHECK(s["relation"] == expected[i]["relation"]);
    CHECK(s["speaker"] == (expected[i]["speaker"].is_string() ? expected[i]["speaker"] : json("")));
  }
  if (browser) {
    CliResult shot = run_shell(c.dir, chromium_command(c.dir) + " --window-size=1400,1000 --screenshot=" +
                                          shell_quote(c.dir.file("page.png")) + " " + shell_quote("file://" + page));
    CHECK(shot.status == 0);
    CHECK(std::filesystem::exists(c.dir.file("page.png")));
    if (std::filesystem::exists(c.dir.file("page.png"))) CHECK(std::filesystem::file_size(c.dir.file("page.png")) > 20000);
  }
}

TEST_CASE("extract: --html never replaces a folder that is not a site", "[cli][html][bad-input]") {
  Corpus c;
  std::filesystem::create_directories(c.dir.path / "notes");
  write_text_file(c.dir.file("notes/todo.txt"), "mine");
  CliResult r = run_quotegraph(c.dir, "extract corpus.jsonl --html notes");
  CHECK(r.status == 1);
  CHECK(r.err.find("notes: error: cannot write output: exists and is not an earlier quotegraph HTML folder") != std::string::npos);
  CHECK(read_text_file(c.dir.file("notes/todo.txt")) == "mine");
  for (const auto& e : std::filesystem::directory_iterator(c.dir.path))
    CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
  // An earlier site is replaced.
  REQUIRE(run_quotegraph(c.dir, "extract corpus.jsonl --html site").status == 0);
  REQUIRE(run_quotegraph(c.dir, "extract corpus.jsonl --html site").status == 0);
  CHECK(std::filesystem::exists(c.dir.file("site/index.html")));
}

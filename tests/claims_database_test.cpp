// Tests for the SQLite claims database, queried through SQLite itself:
// rows per table, foreign keys that hold, unresolved entities kept by name,
// the claim_view, an unfinished database left empty, an existing file
// refused, and the README's three queries.
#include "quotegraph/export/claims_database.h"

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/cli_run.h"
#include "support/sqlite_query.h"
#include "support/graph_fixture.h"
#include "support/lexicons.h"

namespace {

using namespace quotegraph;
using quotegraph_test::TempDir;
using quotegraph_test::query;

}  // namespace

TEST_CASE("the claims database holds documents, claims, targets, mentions and entities", "[claims_database][unit]") {
  TempDir dir("quotegraph_db_test");
  const std::string path = dir.file("claims.sqlite");
  EntityRegistry registry{quotegraph_test::shared_words()};
  EntityRef peskov = quotegraph_test::resolved(registry, "Dmitri Peskov", EntityType::kPerson);
  peskov.mention = Mention{0, 6, "Peskov"};
  EntityRef ukraine = quotegraph_test::resolved(registry, "Ukraine", EntityType::kCountry);
  ukraine.mention = Mention{20, 24, "Kiev"};
  EntityRef nobody = quotegraph_test::unresolved("un diplomate");
  registry.note_date(peskov.id, "2024-03-01");

  auto db = std::make_unique<Result<ClaimsDatabase>>(ClaimsDatabase::create(path));
  REQUIRE(*db);
  DocumentMeta monday = quotegraph_test::dated("2024-03-01T10:00:00Z");
  monday.title = "Lundi";
  REQUIRE((*db)->add_document("a", monday, 100,
                              {quotegraph_test::make_claim(peskov, {ukraine}, Relation::kAccuses, "Kiev ment."),
                               quotegraph_test::make_claim(peskov, {ukraine}, Relation::kAccuses, "Kiev triche.")}));
  REQUIRE((*db)->add_document("b", quotegraph_test::dated("2024-03-02"), 50,
                              {quotegraph_test::make_claim(nobody, {ukraine}, Relation::kWarns, "Attention.")}));
  REQUIRE((*db)->finish(registry));
  db.reset();  // closes the database

  CHECK(query(path, "SELECT COUNT(*) FROM documents") == std::vector<std::string>{"2"});
  CHECK(query(path, "SELECT COUNT(*) FROM claims") == std::vector<std::string>{"3"});
  CHECK(query(path, "SELECT COUNT(*) FROM targets") == std::vector<std::string>{"3"});
  CHECK(query(path, "SELECT COUNT(*) FROM entities") == std::vector<std::string>{"2"});
  CHECK(query(path, "SELECT name, day, title, length FROM documents ORDER BY id") ==
        std::vector<std::string>{"a|2024-03-01|Lundi|100", "b|2024-03-02|NULL|50"});
  CHECK(query(path, "PRAGMA foreign_key_check").empty());
  CHECK(query(path, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
  // The unresolved speaker keeps its name; claim_view gives every speaker.
  CHECK(query(path, "SELECT speaker, text FROM claim_view ORDER BY id") ==
        std::vector<std::string>{"Dmitri Peskov|Kiev ment.", "Dmitri Peskov|Kiev triche.", "un diplomate|Attention."});
  CHECK(query(path, "SELECT m.text, m.start, m.end FROM claims c JOIN mentions m ON m.id = c.speaker_mention_id LIMIT 1") ==
        std::vector<std::string>{"Peskov|0|6"});
  CHECK(query(path, "SELECT first_date FROM entities WHERE id = '" + peskov.id + "'") ==
        std::vector<std::string>{"2024-03-01"});

  // The README's queries.
  CHECK(query(path,
              "SELECT d.date, c.relation, c.text FROM claims c JOIN documents d ON d.id = c.document_id "
              "JOIN entities e ON e.id = c.speaker_id WHERE e.name = 'Dmitri Peskov' ORDER BY d.date, c.start") ==
        std::vector<std::string>{"2024-03-01T10:00:00Z|accuses|Kiev ment.", "2024-03-01T10:00:00Z|accuses|Kiev triche."});
  CHECK(query(path,
              "SELECT s.name, t.name, c.relation, COUNT(*) AS n FROM claims c JOIN targets tg ON tg.claim_id = c.id "
              "JOIN entities s ON s.id = c.speaker_id JOIN entities t ON t.id = tg.entity_id "
              "GROUP BY s.id, t.id, c.relation ORDER BY n DESC LIMIT 10") ==
        std::vector<std::string>{"Dmitri Peskov|Ukraine|accuses|2"});
  CHECK(query(path,
              "SELECT d.day, COUNT(*) FROM claims c JOIN documents d ON d.id = c.document_id "
              "WHERE d.day IS NOT NULL GROUP BY d.day ORDER BY d.day") ==
        std::vector<std::string>{"2024-03-01|2", "2024-03-02|1"});
}

TEST_CASE("an unfinished claims database holds nothing", "[claims_database][bad-input]") {
  TempDir dir("quotegraph_db_test");
  const std::string path = dir.file("claims.sqlite");
  {
    auto db = ClaimsDatabase::create(path);
    REQUIRE(db);
    REQUIRE(db->add_document("a", {}, 10, {quotegraph_test::make_claim(std::nullopt, {}, Relation::kStates)}));
  }  // destroyed without finish(): rolled back
  CHECK(query(path, "SELECT COUNT(*) FROM claims") == std::vector<std::string>{"0"});
  CHECK(query(path, "SELECT COUNT(*) FROM documents") == std::vector<std::string>{"0"});
}

TEST_CASE("a claims database is never written over an existing file", "[claims_database][bad-input]") {
  TempDir dir("quotegraph_db_test");
  const std::string path = dir.file("taken.sqlite");
  quotegraph_test::write_text_file(path, "not ours");
  const auto db = ClaimsDatabase::create(path);
  REQUIRE_FALSE(db);
  CHECK(db.status().message().find("already exists") != std::string::npos);
  CHECK(db.status().diagnostic().file == path);
  CHECK(quotegraph_test::read_text_file(path) == "not ours");
}

// Tests for the gazetteer: the real data files of data/ load cleanly and
// cover the world (every state, its capital, its nationality adjective);
// lookups ignore case, accents, hyphens and a leading article; bad lines
// and missing files are reported, never thrown.
#include "quotegraph/lexicon/gazetteer.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/lexicons.h"

namespace fs = std::filesystem;
using quotegraph::DiagCode;
using quotegraph::Diagnostics;
using quotegraph::EntityType;
using quotegraph::Gazetteer;
using quotegraph::State;

namespace {

using quotegraph_test::source_gazetteer;

std::string state_of(const State* s) { return s ? s->name : "<none>"; }

// The data lines of a TSV file, split on tabs (the test's own reader, so
// that coverage is checked independently of the loader).
std::vector<std::vector<std::string>> tsv_rows(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

// A fresh directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "quotegraph_gazetteer_XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(path / name, std::ios::binary);
    out << text;
  }
};

// Minimal valid files for the bad-input tests.
const char* kStates =
    "# name\ttype\tgender\tnumber\taliases\n"
    "Russie\tcountry\tf\ts\tFédération de Russie\n"
    "États-Unis\tcountry\tm\tp\tUSA\n";
const char* kSeats = "Moscou\tRussie\tcapital\nKremlin\tRussie\tseat\n";
const char* kNationalities = "russe\tRussie\naméricain\tÉtats-Unis\n";
const char* kRoles = "porte-parole\tperson\te\ts\nm.\ttitle\tm\ts\n";

void write_valid(const TempDir& dir) {
  dir.write("states.tsv", kStates);
  dir.write("seats.tsv", kSeats);
  dir.write("nationalities.tsv", kNationalities);
  dir.write("roles.tsv", kRoles);
}

}  // namespace

TEST_CASE("entity type names round-trip", "[gazetteer][unit]") {
  for (EntityType t : {EntityType::kUnknown, EntityType::kPerson, EntityType::kOrganization,
                       EntityType::kCountry, EntityType::kGroup}) {
    auto parsed = quotegraph::parse_entity_type(quotegraph::entity_type_name(t));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == t);
  }
  CHECK(std::string(quotegraph::entity_type_name(EntityType::kOrganization)) == "organization");
  CHECK_FALSE(quotegraph::parse_entity_type("organisation").has_value());
  CHECK_FALSE(quotegraph::parse_entity_type("").has_value());
}

TEST_CASE("the real data files load without any diagnostic", "[gazetteer][unit]") {
  Diagnostics diags;
  auto g = Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, quotegraph_test::shared_words(), diags);
  REQUIRE(g.ok());
  for (const auto& d : diags.items()) INFO(quotegraph::format_diagnostic(d));
  CHECK(diags.empty());
}

TEST_CASE("plurals of speaking nouns are found by their singular", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  // -s and -x on the first word; -aux of a noun in -al; a compound that
  // agrees in every word; a compound whose first word does not vary.
  for (const char* plural : {"voisins", "neveux", "tribunaux", "hôpitaux", "sages-femmes", "aides-soignants",
                             "casques bleus", "sous-traitants", "contre-manifestants", "protestataires"})
    CHECK(g.speaking_noun(plural));
  for (const char* other : {"crises", "cases", "vallées", "simplistes", "travaux"}) CHECK_FALSE(g.speaking_noun(other));
  // Keys of several words pass speaking_noun's test of their last word
  // (after a space or an apostrophe) when the plural or the article they
  // carry leads to a known key, and fail it when no known key ends so.
  for (const char* compound : {"demandeurs d'asile", "l'assistante sociale", "les casques bleus"})
    CHECK(g.speaking_noun(compound));
  for (const char* other : {"demandeur de pain", "voisin du dessus", "sages paroles"}) CHECK_FALSE(g.speaking_noun(other));
}

TEST_CASE("feminines of offices are derived, not listed (lexicon29)", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  // Masculine person roles of roles.tsv whose feminine is not listed.
  for (const char* feminine : {"gouverneure", "gouverneuse", "défenseuse"}) {
    const quotegraph::Role* r = g.role(feminine);
    REQUIRE(r != nullptr);
    CHECK(r->gender == 'f');
    CHECK(r->type == quotegraph::EntityType::kPerson);
  }
  // A listed line keeps its own entry (cheffe is listed).
  REQUIRE(g.role("cheffe") != nullptr);
  CHECK(g.role("cheffe")->noun == "cheffe");
  // Speaking nouns of person, of speaking_nouns.tsv and professions.tsv,
  // in the feminine, its plural and after an article.
  for (const char* noun : {"charpentière", "adjudante", "régisseuse", "coordinatrices", "la coordinatrice"})
    CHECK(g.speaking_noun(noun));
  // médecine and marine are no feminines of médecin, marin; a device of
  // the -teur class and a participle noun of time are left out.
  for (const char* other : {"médecine", "compteur", "passé", "matrice"}) CHECK_FALSE(g.speaking_noun(other));
}

TEST_CASE("an office prefix leaves the office (lexicon29)", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  for (const char* noun : {"ex-ministre", "co-président", "vice-cheffe", "l'ex-trésorier"}) {
    CHECK(g.role(noun) != nullptr);
    CHECK(g.speaking_noun(noun));
  }
  CHECK(g.speaking_noun("ex-compagne"));
  // The prefix alone, or before a word that is no office, names no one.
  for (const char* other : {"ex", "co", "ex-voto", "co-working"}) CHECK_FALSE(g.speaking_noun(other));
}

TEST_CASE("capitals and seats of power stand for their state", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  auto [name, state] = GENERATE(table<std::string, std::string>({
      {"moscou", "Russie"},
      {"Moscou", "Russie"},
      {"le kremlin", "Russie"},
      {"kremlin", "Russie"},
      {"washington", "États-Unis"},
      {"la maison-blanche", "États-Unis"},
      {"maison-blanche", "États-Unis"},
      {"maison blanche", "États-Unis"},
      {"le pentagone", "États-Unis"},
      {"bakou", "Azerbaïdjan"},
      {"erevan", "Arménie"},
      {"yerevan", "Arménie"},
      {"bruxelles", "Union européenne"},
      {"pékin", "Chine"},
      {"pekin", "Chine"},
      {"beijing", "Chine"},
      {"l'élysée", "France"},
      {"l\xE2\x80\x99\xC3\x89lys\xC3\xA9""e", "France"},  // l’Élysée, unfolded
      {"elysee", "France"},
      {"le quai d'orsay", "France"},
      {"kiev", "Ukraine"},
      {"kyiv", "Ukraine"},
      {"downing street", "Royaume-Uni"},
      {"le caire", "Égypte"},
      {"caire", "Égypte"},
      {"jérusalem", "Israël"},
      {"pyongyang", "Corée du Nord"},
  }));
  INFO(name);
  CHECK(state_of(g.seat(name)) == state);
}

TEST_CASE("the tokens that may open a state or seat name", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  // The first token of every name found, with or without its article,
  // folded or not, split where the tokenizer splits.
  for (const char* token : {"russie", "corée", "coree", "états", "etats-unis", "maison", "la", "l'", "le",
                            "l'élysée", "l\xE2\x80\x99", "quai", "downing", "union", "kremlin", "pékin"}) {
    INFO(token);
    CHECK(g.may_open_state_or_seat(token));
  }
  for (const char* token : {"ministre", "déclaré", "xyzzy", "lundi"}) {
    INFO(token);
    CHECK_FALSE(g.may_open_state_or_seat(token));
  }
}

TEST_CASE("states and organisations by any of their names", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  auto [name, state] = GENERATE(table<std::string, std::string>({
      {"russie", "Russie"},
      {"la russie", "Russie"},
      {"fédération de russie", "Russie"},
      {"etats-unis", "États-Unis"},
      {"les états-unis", "États-Unis"},
      {"etats unis", "États-Unis"},
      {"usa", "États-Unis"},
      {"rpdc", "Corée du Nord"},
      {"république populaire démocratique de corée", "Corée du Nord"},
      {"corée du nord", "Corée du Nord"},
      {"ue", "Union européenne"},
      {"l'union européenne", "Union européenne"},
      {"l'otan", "OTAN"},
      {"nations unies", "ONU"},
      {"les nations unies", "ONU"},
      {"azerbaidjan", "Azerbaïdjan"},
      {"l'azerbaïdjan", "Azerbaïdjan"},
      {"rdc", "République démocratique du Congo"},
      {"cour pénale internationale", "Cour pénale internationale"},
      {"cpi", "Cour pénale internationale"},
  }));
  INFO(name);
  CHECK(state_of(g.state(name)) == state);
}

TEST_CASE("state attributes: type, gender, number", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  const State* us = g.state("états-unis");
  REQUIRE(us);
  CHECK(us->type == EntityType::kCountry);
  CHECK(us->gender == 'm');
  CHECK(us->plural);
  const State* russia = g.state("russie");
  REQUIRE(russia);
  CHECK(russia->gender == 'f');
  CHECK_FALSE(russia->plural);
  const State* eu = g.state("ue");
  REQUIRE(eu);
  CHECK(eu->type == EntityType::kOrganization);
  // Ordinary words are not states, and acronyms that are words stay out.
  CHECK(g.state("atlantide") == nullptr);
  CHECK(g.state("eau") == nullptr);
  CHECK(g.state("un") == nullptr);
  CHECK(g.state("") == nullptr);
  CHECK(g.state("la") == nullptr);
  // Seats are not states and states are not seats.
  CHECK(g.state("kremlin") == nullptr);
  CHECK(g.seat("russie") == nullptr);
}

TEST_CASE("nationality adjectives in every gender and number", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  auto [adjective, state] = GENERATE(table<std::string, std::string>({
      {"azéri", "Azerbaïdjan"},
      {"azérie", "Azerbaïdjan"},
      {"azéries", "Azerbaïdjan"},
      {"azerbaïdjanaise", "Azerbaïdjan"},
      {"russe", "Russie"},
      {"russes", "Russie"},
      {"américaine", "États-Unis"},
      {"américains", "États-Unis"},
      {"nord-coréen", "Corée du Nord"},
      {"nord-coréennes", "Corée du Nord"},
      {"sud-coréenne", "Corée du Sud"},
      {"arménienne", "Arménie"},
      {"français", "France"},
      {"françaises", "France"},
      {"britannique", "Royaume-Uni"},
      {"grecque", "Grèce"},
      {"turques", "Turquie"},
      {"européenne", "Union européenne"},
      {"onusiens", "ONU"},
      {"ukrainiens", "Ukraine"},
      {"israélienne", "Israël"},
  }));
  INFO(adjective);
  CHECK(state_of(g.nationality(adjective)) == state);
}

TEST_CASE("nationality rejects non-adjectives", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  CHECK(g.nationality("chat") == nullptr);
  CHECK(g.nationality("russie") == nullptr);
  // Irregular adjectives get only their listed forms: no "grece" from "grec".
  CHECK(g.nationality("grece") == nullptr);
}

TEST_CASE("role nouns with their entity type, gender and number", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  const quotegraph::Role* spokes = g.role("porte-parole");
  REQUIRE(spokes);
  CHECK(spokes->type == EntityType::kPerson);
  CHECK(spokes->gender == '?');
  CHECK(g.role("la porte-parole") == spokes);

  const quotegraph::Role* amb = g.role("ambassadrice");
  REQUIRE(amb);
  CHECK(amb->type == EntityType::kPerson);
  CHECK(amb->gender == 'f');
  CHECK(amb->noun == "ambassadrice");

  const quotegraph::Role* ministry = g.role("ministère");
  REQUIRE(ministry);
  CHECK(ministry->type == EntityType::kOrganization);
  CHECK(g.role("ministere") == ministry);

  const quotegraph::Role* protesters = g.role("manifestants");
  REQUIRE(protesters);
  CHECK(protesters->type == EntityType::kGroup);
  CHECK(protesters->plural);
  CHECK(g.role("les manifestants") == protesters);

  const quotegraph::Role* pm = g.role("premier-ministre");
  REQUIRE(pm);
  CHECK(pm->noun == "premier ministre");
  CHECK(pm->gender == 'm');
  REQUIRE(g.role("première ministre"));
  CHECK(g.role("première ministre")->gender == 'f');

  REQUIRE(g.role("autorités"));
  CHECK(g.role("autorités")->type == EntityType::kGroup);
  REQUIRE(g.role("diplomatie"));
  CHECK(g.role("diplomatie")->type == EntityType::kOrganization);
  CHECK(g.role("président")->gender == 'm');
  CHECK(g.role("présidente")->gender == 'f');

  // Courtesy titles are titles, not roles; unknown nouns are nothing.
  CHECK(g.role("m.") == nullptr);
  CHECK(g.role("table") == nullptr);
}

TEST_CASE("courtesy titles and their gender", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  auto [title, gender] = GENERATE(table<std::string, char>({
      {"m.", 'm'}, {"m", 'm'}, {"M.", 'm'}, {"mm.", 'm'}, {"mme", 'f'}, {"mlle", 'f'},
      {"me", '?'}, {"dr", '?'}, {"pr", '?'}, {"mgr", 'm'}, {"madame", 'f'},
  }));
  INFO(title);
  auto got = g.courtesy_title(title);
  REQUIRE(got.has_value());
  CHECK(*got == gender);
}

TEST_CASE("courtesy_title rejects other words", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  CHECK_FALSE(g.courtesy_title("président").has_value());
  CHECK_FALSE(g.courtesy_title("").has_value());
  CHECK_FALSE(g.courtesy_title("moscou").has_value());
}

TEST_CASE("the data covers the world", "[gazetteer][unit]") {
  const Gazetteer& g = source_gazetteer();
  const std::string dir = QUOTEGRAPH_SOURCE_DATA_DIR;

  std::set<std::string> countries;
  for (const auto& row : tsv_rows(dir + "/states.tsv")) {
    REQUIRE(row.size() >= 4);
    INFO(row[0]);
    CHECK(state_of(g.state(row[0])) == row[0]);
    if (row[1] == "country") countries.insert(row[0]);
  }
  CHECK(countries.size() >= 190);

  // Every seat names a state of states.tsv and is found under its name.
  std::set<std::string> capitals, states_with_capital;
  for (const auto& row : tsv_rows(dir + "/seats.tsv")) {
    REQUIRE(row.size() == 3);
    INFO(row[0]);
    REQUIRE(g.state(row[1]) != nullptr);
    CHECK(state_of(g.seat(row[0])) == row[1]);
    if (row[2] == "capital") {
      capitals.insert(row[0]);
      states_with_capital.insert(row[1]);
    }
  }
  CHECK(capitals.size() >= 190);
  CHECK(states_with_capital.size() >= 190);

  // Every country has at least one nationality adjective.
  std::set<std::string> with_adjective;
  for (const auto& row : tsv_rows(dir + "/nationalities.tsv")) {
    REQUIRE(row.size() >= 2);
    INFO(row[0]);
    CHECK(state_of(g.nationality(row[0])) == row[1]);
    with_adjective.insert(row[1]);
  }
  for (const std::string& c : countries) {
    INFO(c);
    CHECK(with_adjective.count(c) == 1);
  }

  std::size_t roles = 0;
  for (const auto& row : tsv_rows(dir + "/roles.tsv")) {
    REQUIRE((row.size() == 4 || row.size() == 5));  // the fifth: a person role's family
    if (row[1] == "title") continue;
    INFO(row[0]);
    CHECK(g.role(row[0]) != nullptr);
    ++roles;
  }
  CHECK(roles >= 150);
}

TEST_CASE("a malformed line is reported with file and line, and skipped",
          "[gazetteer][bad-input]") {
  // Each case breaks one line of one file; the other files stay valid.
  auto [file, text, line] = GENERATE(table<std::string, std::string, std::size_t>({
      {"states.tsv", std::string(kStates) + "Chine\tcountry\tx\ts\n", 4},
      {"states.tsv", std::string(kStates) + "Chine\tplanet\tf\ts\n", 4},
      {"states.tsv", std::string(kStates) + "Chine country f s\n", 4},
      {"states.tsv", std::string(kStates) + "\nChine\tcountry\tf\tq\n", 5},
      {"states.tsv", std::string(kStates) + "Chine\xC3\tcountry\tf\ts\n", 4},
      {"states.tsv", std::string(kStates) + "Russie\tcountry\tf\ts\n", 4},
      {"seats.tsv", "Moscou\tRussie\tcapital\nAtlantis\tAtlantide\tcapital\n", 2},
      {"seats.tsv", "Moscou\tRussie\tcapital\nKremlin\tRussie\tpalace\n", 2},
      {"nationalities.tsv", "russe\tRussie\nmartien\tMars\n", 2},
      {"nationalities.tsv", "russe\n", 1},
      {"roles.tsv", "porte-parole\tperson\te\ts\nministre\tperson\tx\ts\n", 2},
      {"roles.tsv", "porte-parole\tperson\te\ts\nministre\tanimal\te\ts\n", 2},
      {"roles.tsv", "porte-parole\tperson\te\ts\n\tperson\te\ts\n", 2},
  }));
  TempDir dir;
  write_valid(dir);
  dir.write(file, text);
  Diagnostics diags;
  auto g = Gazetteer::load(dir.path.string(), quotegraph_test::shared_words(), diags);
  REQUIRE(g.ok());  // a bad line never stops the load
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  INFO(quotegraph::format_diagnostic(d));
  CHECK(d.code == DiagCode::kBadData);
  CHECK(d.severity == quotegraph::Severity::kError);
  CHECK(d.file == (dir.path / file).string());
  CHECK(d.offset == line);
  CHECK(std::string(d.offset_unit) == "line");
  CHECK_FALSE(d.excerpt.empty());
  // The good lines around the bad one are kept.
  CHECK(state_of(g->state("russie")) == "Russie");
}

TEST_CASE("the first line of a clash wins and the clash is a warning",
          "[gazetteer][bad-input]") {
  TempDir dir;
  write_valid(dir);
  dir.write("seats.tsv", "Moscou\tRussie\tcapital\nmoscou\tÉtats-Unis\tcapital\n");
  Diagnostics diags;
  auto g = Gazetteer::load(dir.path.string(), quotegraph_test::shared_words(), diags);
  REQUIRE(g.ok());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == DiagCode::kBadData);
  CHECK(diags.items()[0].severity == quotegraph::Severity::kWarning);
  CHECK(diags.items()[0].offset == 2);
  CHECK(state_of(g->seat("moscou")) == "Russie");
}

TEST_CASE("valid minimal files give a working gazetteer", "[gazetteer][unit]") {
  TempDir dir;
  write_valid(dir);
  dir.write("states.tsv", std::string("\xEF\xBB\xBF") + kStates);  // a BOM is tolerated
  dir.write("seats.tsv", "Moscou\tRussie\tcapital\r\nLe Kremlin\tRussie\tseat\r\n");  // CRLF
  Diagnostics diags;
  auto g = Gazetteer::load(dir.path.string() + "/", quotegraph_test::shared_words(), diags);
  REQUIRE(g.ok());
  CHECK(diags.empty());
  CHECK(state_of(g->seat("kremlin")) == "Russie");
  CHECK(state_of(g->seat("le kremlin")) == "Russie");
  CHECK(state_of(g->nationality("américaines")) == "États-Unis");
  CHECK(state_of(g->state("russie")) == "Russie");

  // Moving keeps every pointer valid.
  const State* before = g->state("usa");
  Gazetteer moved = std::move(*g);
  CHECK(moved.state("usa") == before);
}

TEST_CASE("missing files give an error Status that names every missing file",
          "[gazetteer][bad-input]") {
  SECTION("empty directory") {
    TempDir dir;
    Diagnostics diags;
    auto g = Gazetteer::load(dir.path.string(), quotegraph_test::shared_words(), diags);
    REQUIRE_FALSE(g.ok());
    CHECK(diags.empty());  // the error is the Status's
    const auto& d = g.status().diagnostic();
    CHECK(d.code == DiagCode::kIoError);
    CHECK(d.file == (dir.path / "states.tsv").string());
    for (const char* other : {"seats.tsv", "nationalities.tsv", "roles.tsv"})
      CHECK(d.message.find((dir.path / other).string()) != std::string::npos);
  }
  SECTION("one file missing") {
    TempDir dir;
    write_valid(dir);
    fs::remove(dir.path / "roles.tsv");
    Diagnostics diags;
    auto g = Gazetteer::load(dir.path.string(), quotegraph_test::shared_words(), diags);
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().diagnostic().file == (dir.path / "roles.tsv").string());
    CHECK(g.status().message() == "cannot open gazetteer file");
  }
  SECTION("directory that does not exist") {
    Diagnostics diags;
    auto g = Gazetteer::load("/nonexistent/quotegraph/data", quotegraph_test::shared_words(), diags);
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().diagnostic().severity == quotegraph::Severity::kError);
  }
}

// Tests for the entity registry: the phonetic name key (which spellings
// meet, which must not), given-name compatibility, and the registry's
// merging rules, ids, canonical names, aliases and documents, plus names
// made of nothing, of control characters or of a megabyte of letters.
#include "quotegraph/entities/entities.h"

#include <string>
#include <tuple>

#include "catch.hpp"
#include "support/lexicons.h"

using quotegraph::DocEntity;
using quotegraph::Entity;
using quotegraph::EntityRegistry;
using quotegraph::EntityType;
using quotegraph::given_names_compatible;
using quotegraph::name_key;

namespace {

DocEntity person(std::string given, std::string surname, std::string state = {},
                 char gender = '?') {
  DocEntity e;
  e.type = EntityType::kPerson;
  e.given_name = given;
  e.surname = surname;
  e.name = given.empty() ? surname : given + " " + surname;
  e.state = std::move(state);
  e.gender = gender;
  return e;
}

DocEntity unsplit(std::string name, EntityType type = EntityType::kPerson, std::string role = {}) {
  DocEntity e;
  e.type = type;
  e.name = std::move(name);
  e.role = std::move(role);
  return e;
}

int alias_count(const Entity& e, const std::string& alias) {
  for (const auto& [form, count] : e.aliases) {
    if (form == alias) return count;
  }
  return 0;
}

}  // namespace

TEST_CASE("name_key joins transliteration variants", "[entities][unit]") {
  auto [a, b] = GENERATE(table<std::string, std::string>({
      {"Pachinian", "Pashinyan"},
      {"Pachinyan", "Pashinyan"},
      {"Пашинян", "Pachinian"},
      {"Aliev", "Aliyev"},
      {"Алиев", "Aliev"},
      {"Yuri", "Iouri"},
      {"Юрий", "Youri"},
      {"Poutine", "Putin"},
      {"Путин", "Poutine"},
      {"Erdogan", "Erdoğan"},
      {"Zelensky", "Zelenski"},
      {"Zelenskyy", "Zelensky"},
      {"Зеленский", "Zelensky"},
      {"Smirnoff", "Smirnov"},
      {"Djeyhoun", "Jeyhun"},
      {"Khrouchtchev", "Khrushchev"},
      {"Chevtchenko", "Shevchenko"},
      {"Sergueï", "Sergey"},
      {"Alexeï", "Aleksei"},
      {"Mohammed", "Mohamed"},
      {"Le Graët", "Le Graet"},
      {"Jean-Marc", "Jean Marc"},
      {"HOLLANDE", "Hollande"},
  }));
  CAPTURE(a, b);
  CHECK(name_key(a) == name_key(b));
  CHECK_FALSE(name_key(a).empty());
}

TEST_CASE("name_key keeps different names apart", "[entities][unit]") {
  auto [a, b] = GENERATE(table<std::string, std::string>({
      {"Macron", "Micron"},
      {"Kim", "Kin"},
      {"Peskov", "Pesko"},
      {"Lavrov", "Lavrova"},
      {"Kim Jong-un", "Kim Yong-bok"},
      {"Jean", "Jeanne"},
      {"Yvon", "Yvonne"},
      {"Dupont", "Dupond"},
      {"Aliev", "Alieva"},
      {"Blinken", "Blinker"},
  }));
  CAPTURE(a, b);
  CHECK(name_key(a) != name_key(b));
}

TEST_CASE("given names: empty, equal keys and initials", "[entities][unit]") {
  auto [a, b, compatible] = GENERATE(table<std::string, std::string, bool>({
      {"", "Jean", true},
      {"Jean", "", true},
      {"Dmitri", "Dmitry", true},
      {"Iouri", "Yuri", true},
      {"J.", "Jean", true},
      {"J", "Jean", true},
      {"j.", "Jean", true},
      {"É.", "Élisabeth", true},
      {"Y.", "Iouri", true},
      {"Ch.", "Charles", true},
      {"J.-D.", "Jean-Dominique", true},
      {"Jean-D.", "Jean-Dominique", true},
      {"J.", "Jean-Dominique", true},
      {"J.", "Marie", false},
      {"J.-D.", "Jean", false},
      {"Jean", "Jean-Dominique", false},
      {"Jean", "Marie", false},
      {"Michel", "Michèle", false},
      {"Martin", "Martine", false},
      {"Jean-Marc", "Jean Marc", true},
      {"Jong-un", "Yong-bok", false},
  }));
  CAPTURE(a, b);
  CHECK(given_names_compatible(a, b) == compatible);
  CHECK(given_names_compatible(b, a) == compatible);
}

TEST_CASE("registry merges spelling variants of one person", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string id1 = registry.add(person("Nikol", "Pashinyan"), "a.txt");
  const std::string id2 = registry.add(person("Nikol", "Pachinian"), "b.txt");
  const std::string id3 = registry.add(person("", "Pachinyan"), "c.txt");
  CHECK(id1 == "nikol-pashinyan");
  CHECK(id2 == id1);
  CHECK(id3 == id1);
  REQUIRE(registry.entities().size() == 1);
  const Entity* e = registry.find(id1);
  REQUIRE(e != nullptr);
  CHECK(e->type == EntityType::kPerson);
  CHECK(e->documents == std::vector<std::string_view>{"a.txt", "b.txt", "c.txt"});
  // Both full forms seen once: the first seen stays canonical.
  CHECK(e->name == "Nikol Pashinyan");
}

TEST_CASE("registry: Aliyev and a bare Aliev are one person", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string id = registry.add(person("Ilham", "Aliyev"), "a");
  CHECK(registry.add(unsplit("Aliev"), "b") == id);
  CHECK(registry.entities().size() == 1);
}

TEST_CASE("registry keeps different given names apart", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string jean = registry.add(person("Jean", "Dupont"), "a");
  const std::string marie = registry.add(person("Marie", "Dupont"), "b");
  CHECK(jean != marie);
  CHECK(jean == "jean-dupont");
  CHECK(marie == "marie-dupont");
  // An initial goes to the person it can abbreviate.
  CHECK(registry.add(person("M.", "Dupont"), "c") == marie);
  CHECK(registry.add(person("J.", "Dupont"), "c") == jean);
  // A bare surname goes to the most frequent compatible person: Jean has
  // now three mentions, Marie two.
  registry.add(person("Jean", "Dupont"), "d");
  CHECK(registry.add(unsplit("Dupont"), "e") == jean);
  // A third given name is a third person.
  CHECK(registry.add(person("Paul", "Dupont"), "f") == "paul-dupont");
  CHECK(registry.entities().size() == 3);
}

TEST_CASE("registry: a surname-only person learns its given name", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string id = registry.add(unsplit("Dupont"), "a");
  CHECK(id == "dupont");
  CHECK(registry.add(person("Jean", "Dupont"), "b") == id);
  // Now Jean Dupont: Marie Dupont is someone else.
  CHECK(registry.add(person("Marie", "Dupont"), "c") != id);
  const Entity* e = registry.find(id);
  REQUIRE(e != nullptr);
  CHECK(e->id == "dupont");  // ids never change
  CHECK(e->name == "Jean Dupont");  // the fullest form wins
}

TEST_CASE("registry: canonical name prefers fullness, then frequency", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string id = registry.add(person("J.", "Dupont"), "a");
  CHECK(registry.find(id)->name == "J. Dupont");
  registry.add(person("", "Dupont"), "b");
  CHECK(registry.find(id)->name == "J. Dupont");
  registry.add(person("Jean", "Dupond"), "c");  // not the same key: apart
  registry.add(person("Jean", "Dupont"), "d");
  CHECK(registry.find(id)->name == "Jean Dupont");
  // A full variant seen more often takes over.
  registry.add(person("Jéan", "Dupont"), "e");
  registry.add(person("Jéan", "Dupont"), "f");
  CHECK(registry.find(id)->name == "Jéan Dupont");
  CHECK(registry.find(id)->id == "j-dupont");
}

TEST_CASE("registry: Korean names keyed whole when unsplit", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string jong = registry.add(unsplit("Kim Jong-un"), "a");
  const std::string yong = registry.add(unsplit("Kim Yong-bok"), "a");
  CHECK(jong != yong);
  CHECK(jong == "kim-jong-un");
  // The split form, in either order, meets the unsplit one.
  DocEntity split = unsplit("Kim Jong-un");
  split.given_name = "Jong-un";
  split.surname = "Kim";
  CHECK(registry.add(split, "b") == jong);
  // Split persons with the same surname and different given names differ.
  DocEntity other = unsplit("Kim Yo-jong");
  other.given_name = "Yo-jong";
  other.surname = "Kim";
  const std::string yo = registry.add(other, "c");
  CHECK(yo != jong);
  CHECK(yo != yong);
}

TEST_CASE("registry: states and genders that disagree keep persons apart", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string russian = registry.add(person("", "Ivanov", "Russie"), "a");
  const std::string french = registry.add(person("", "Ivanov", "France"), "b");
  CHECK(russian != french);
  // No state: compatible with either; the first created wins the tie.
  CHECK(registry.add(person("", "Ivanov"), "c") == russian);
  CHECK(registry.add(person("", "Ivanov", "France"), "d") == french);
  CHECK(registry.find(french)->state == "France");

  const std::string him = registry.add(person("", "Martin", "", 'm'), "a");
  const std::string her = registry.add(person("", "Martin", "", 'f'), "b");
  CHECK(him != her);
  CHECK(registry.find(her)->gender == 'f');
}

TEST_CASE("registry: role-only persons stay in their document", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string a1 = registry.add(unsplit("un ministre", EntityType::kPerson, "ministre"), "a");
  const std::string a2 = registry.add(unsplit("un ministre", EntityType::kPerson, "ministre"), "a");
  const std::string b1 = registry.add(unsplit("un ministre", EntityType::kPerson, "ministre"), "b");
  CHECK(a1 == a2);
  CHECK(a1 != b1);
  CHECK(a1 == "un-ministre");
  CHECK(b1 == "un-ministre-2");
  const std::string spokesman = registry.add(
      unsplit("Le porte-parole du département d'État américain", EntityType::kPerson,
              "porte-parole"),
      "a");
  CHECK(spokesman == "le-porte-parole-du-departement-detat-americain");
  CHECK(registry.add(unsplit("une source au sein de l'exécutif"), "b") !=
        registry.add(unsplit("une source au sein de l'exécutif"), "c"));
  // But "Le Pen" is a name, not "le" + a description.
  const std::string le_pen = registry.add(unsplit("Le Pen"), "a");
  CHECK(registry.add(unsplit("Le Pen"), "b") == le_pen);
  CHECK(registry.find(a1)->documents == std::vector<std::string_view>{"a"});
}

TEST_CASE("registry: countries and organisations merge on accent-free names", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string us = registry.add(unsplit("États-Unis", EntityType::kCountry), "a");
  CHECK(us == "etats-unis");
  CHECK(registry.add(unsplit("Etats-Unis", EntityType::kCountry), "b") == us);
  CHECK(registry.add(unsplit("ÉTATS-UNIS", EntityType::kCountry), "c") == us);
  CHECK(registry.add(unsplit("Russie", EntityType::kCountry), "a") == "russie");
  CHECK(registry.add(unsplit("Fédération de Russie", EntityType::kCountry), "a") != "russie");
  const std::string eu = registry.add(unsplit("Union européenne", EntityType::kOrganization), "a");
  CHECK(registry.add(unsplit("union europeenne", EntityType::kOrganization), "d") == eu);
  const Entity* e = registry.find(us);
  REQUIRE(e != nullptr);
  CHECK(e->name == "États-Unis");  // all equally frequent: the first seen
  CHECK(e->documents.size() == 3);
  // Groups meet only within one state.
  DocEntity ru = unsplit("les séparatistes", EntityType::kGroup);
  ru.state = "Russie";
  DocEntity ua = ru;
  ua.state = "Ukraine";
  const std::string g1 = registry.add(ru, "a");
  CHECK(registry.add(ru, "b") == g1);
  CHECK(registry.add(ua, "c") != g1);
}

TEST_CASE("registry: aliases counted, documents unique, claims counted", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  DocEntity e = person("Dmitri", "Peskov", "Russie", 'm');
  e.role = "porte-parole du Kremlin";
  e.aliases = {"Dmitri Peskov", "M. Peskov", "M. Peskov"};
  const std::string id = registry.add(e, "a");
  DocEntity again = person("Dmitry", "Peskov");
  again.aliases = {"Dmitry Peskov", "M. Peskov"};
  CHECK(registry.add(again, "b") == id);
  CHECK(registry.add(person("", "Peskov"), "a") == id);  // no aliases: its name once
  const Entity* p = registry.find(id);
  REQUIRE(p != nullptr);
  CHECK(alias_count(*p, "M. Peskov") == 3);
  CHECK(alias_count(*p, "Dmitri Peskov") == 1);
  CHECK(alias_count(*p, "Dmitry Peskov") == 1);
  CHECK(alias_count(*p, "Peskov") == 1);
  CHECK(p->documents == std::vector<std::string_view>{"a", "b"});
  CHECK(p->role == "porte-parole du Kremlin");
  CHECK(p->state == "Russie");
  CHECK(p->gender == 'm');

  registry.count_claim(id, true);
  registry.count_claim(id, true);
  registry.count_claim(id, false);
  registry.count_claim("nobody", true);  // ignored
  CHECK(p->claims_said == 2);
  CHECK(p->claims_targeted == 1);
  CHECK(registry.find("nobody") == nullptr);
}

TEST_CASE("registry: missing role, state and gender are filled in later", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string id = registry.add(person("Sergueï", "Lavrov"), "a");
  DocEntity more = person("Sergey", "Lavrov", "Russie", 'm');
  more.role = "ministre des Affaires étrangères";
  CHECK(registry.add(more, "b") == id);
  DocEntity other_role = person("", "Lavrov");
  other_role.role = "chef de la diplomatie";
  registry.add(other_role, "c");
  const Entity* e = registry.find(id);
  REQUIRE(e != nullptr);
  CHECK(e->state == "Russie");
  CHECK(e->gender == 'm');
  CHECK(e->role == "ministre des Affaires étrangères");  // the first kept
}

TEST_CASE("registry: ids stay stable and entities keep creation order", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string a = registry.add(unsplit("Russie", EntityType::kCountry), "d1");
  const std::string b = registry.add(person("Vladimir", "Poutine"), "d1");
  const std::string c = registry.add(unsplit("Ukraine", EntityType::kCountry), "d1");
  const Entity* before = registry.find(b);
  for (int i = 0; i < 50; ++i) {
    registry.add(person("", "Putin"), "d" + std::to_string(i));
    registry.add(unsplit("Org " + std::to_string(i), EntityType::kOrganization), "x");
  }
  CHECK(registry.find(b) == before);  // pointers survive growth
  CHECK(registry.add(person("Vladimir", "Putin"), "z") == b);
  auto all = registry.entities();
  REQUIRE(all.size() == 53);
  CHECK(all[0]->id == a);
  CHECK(all[1]->id == b);
  CHECK(all[2]->id == c);
  CHECK(all[1]->documents.size() == 51);
  // Two different people whose names slug alike get suffixed ids.
  const std::string x1 = registry.add(person("Jean", "Martin", "France"), "a");
  const std::string x2 = registry.add(person("Jean", "Martin", "Canada"), "a");
  CHECK(x1 == "jean-martin");
  CHECK(x2 == "jean-martin-2");
}

TEST_CASE("registry survives a move", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  const std::string id = registry.add(unsplit("Russie", EntityType::kCountry), "a");
  EntityRegistry moved = std::move(registry);
  REQUIRE(moved.find(id) != nullptr);
  CHECK(moved.add(unsplit("Russie", EntityType::kCountry), "b") == id);
}

TEST_CASE("name_key of empty and punctuation-only names is empty", "[entities][bad-input]") {
  auto name = GENERATE(as<std::string>{}, "", " ", "!!!", "-- . --", std::string("\0\0", 2),
                       "\x01\x02\x7f", "\xC3", "\xFF\xFE");
  CAPTURE(name);
  CHECK(name_key(name).empty());
  CHECK(given_names_compatible(name, "Jean"));
}

TEST_CASE("name_key ignores control characters and NUL bytes", "[entities][bad-input]") {
  CHECK(name_key(std::string("Pach\0inian", 10)) == name_key("Pach inian"));
  CHECK(name_key("Pachi\xC2\xADnian") == name_key("Pachinian"));  // soft hyphen
  CHECK(name_key("Pachinian\x07") == name_key("Pachinian"));
  CHECK(name_key("Pa\xFFshinyan").find("Sinian") != std::string::npos);
}

TEST_CASE("registry gives no id to names that name nothing", "[entities][bad-input]") {
  auto name = GENERATE(as<std::string>{}, "", "   ", "!!!", "«»", std::string(3, '\0'),
                       "\x01\x1f", "\xC3\x28", "\xE2\x80\x8B");
  CAPTURE(name);
  EntityRegistry registry{quotegraph_test::shared_words()};
  for (EntityType type : {EntityType::kPerson, EntityType::kCountry, EntityType::kGroup,
                          EntityType::kUnknown}) {
    DocEntity e = unsplit(name, type);
    e.surname = name;
    e.given_name = name;
    CHECK(registry.add(e, "doc").empty());
  }
  CHECK(registry.entities().empty());
}

TEST_CASE("registry cleans control characters out of names and aliases", "[entities][bad-input]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  DocEntity e = person("Nikol", std::string("Pachi\0nian\n", 11));
  e.name = std::string("Nikol\t Pachi\0nian\r\n", 19);
  e.aliases = {std::string("\0", 1), "Pachinian\x01"};
  const std::string id = registry.add(e, "a");
  REQUIRE_FALSE(id.empty());
  const Entity* p = registry.find(id);
  REQUIRE(p != nullptr);
  CHECK(p->name.find('\0') == std::string::npos);
  CHECK(p->name.find('\n') == std::string::npos);
  CHECK(p->name == "Nikol Pachi nian");
  CHECK(alias_count(*p, "Pachinian") == 1);
  CHECK(p->aliases.size() == 1);  // the NUL-only alias names nothing
  // The NUL splits the word but the key joins words: it still meets.
  CHECK(registry.add(person("Nikol", "Pashinyan"), "b") == id);
  // Invalid UTF-8 does not crash and gives some id.
  CHECK_FALSE(registry.add(unsplit("Erdo\xC4\x9F\xFF" "an"), "c").empty());
}

TEST_CASE("registry handles very long names", "[entities][bad-input]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  std::string huge;  // one capitalised word of a megabyte
  while (huge.size() < (1u << 20)) huge += "Abcdefgh";
  const std::string id = registry.add(unsplit(huge), "a");
  REQUIRE_FALSE(id.empty());
  CHECK(id.size() <= 64);
  const Entity* e = registry.find(id);
  REQUIRE(e != nullptr);
  CHECK(e->name.size() <= 256);
  CHECK(registry.add(unsplit(huge), "b") == id);
  std::string words;
  for (int i = 0; i < 10000; ++i) words += "Jean-Dominique ";
  const std::string id2 = registry.add(person(words, "Dupont"), "a");
  CHECK_FALSE(id2.empty());
  CHECK(id2.size() <= 64);
  CHECK(id2.back() != '-');
  CHECK(name_key(huge).size() <= 256);
}

TEST_CASE("registry handles names in uncased and unknown scripts", "[entities][bad-input]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  // Korean: not a lower-case description, keyed whole.
  const std::string kim = registry.add(unsplit("김정은"), "a");
  CHECK_FALSE(kim.empty());
  CHECK(registry.add(unsplit("김정은"), "b") == kim);
  // A surname of emoji-free symbols only is no surname: the name decides.
  DocEntity e = unsplit("Pachinian");
  e.surname = "***";
  CHECK(registry.add(e, "c") == registry.add(unsplit("Pashinyan"), "d"));
}

TEST_CASE("entities of one document share its name, which outlives their document", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  std::string document = "a.txt";
  const std::string peskov = registry.add(person("Dmitri", "Peskov"), document);
  const std::string russia = registry.add(unsplit("Russie", EntityType::kCountry), document);
  document = "b.txt";  // the caller's string may change or go: the registry keeps its own
  registry.add(person("Dmitri", "Peskov"), document);
  const Entity* p = registry.find(peskov);
  const Entity* r = registry.find(russia);
  REQUIRE(p != nullptr);
  REQUIRE(r != nullptr);
  CHECK(p->documents == std::vector<std::string_view>{"a.txt", "b.txt"});
  REQUIRE(r->documents.size() == 1);
  CHECK(r->documents[0] == "a.txt");
  CHECK(r->documents[0].data() == p->documents[0].data());  // one copy of the name
}

// Documents usually come in canonical order, where an entity's list only
// grows at its end; out of order, a document seen before is still listed once.
TEST_CASE("a document that comes back out of order is listed once", "[entities][unit]") {
  EntityRegistry registry{quotegraph_test::shared_words()};
  std::string id;
  for (int k = 0; k < 300; ++k) {
    for (const char* document : {"b.txt", "a.txt", "b.txt", "c.txt", "a.txt"})
      id = registry.add(person("Dmitri", "Peskov"), document);
    registry.add(person("Jean", "Dupont"), "d" + std::to_string(k) + ".txt");  // enough names to grow the table
  }
  const Entity* p = registry.find(id);
  REQUIRE(p != nullptr);
  CHECK(p->documents == std::vector<std::string_view>{"b.txt", "a.txt", "c.txt"});
  CHECK(registry.find(registry.add(person("Jean", "Dupont"), "d7.txt"))->documents.size() == 300);
}

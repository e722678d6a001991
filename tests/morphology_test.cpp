// Tests for morphology.h: the conjugation rules, family by family, checked
// against the forms a grammar gives; unknown endings rejected; and, when
// Hunspell is available, every form generated for the speech-verb lexicon
// checked against the French dictionary.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "catch.hpp"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/lexicon/morphology.h"

#if defined(QUOTEGRAPH_HAVE_HUNSPELL)
#include <hunspell/hunspell.hxx>
#endif

using quotegraph::Conjugation;

namespace {

// infinitive, past participle (ms), present participle, présent 3s and 3p,
// imparfait 3s, passé simple 3s and 3p, futur 3s.
using Row = std::tuple<std::string, std::string, std::string, std::string, std::string,
                       std::string, std::string, std::string, std::string>;

// The conjugator of the repository's data/irregular_verbs.tsv, loaded once.
const quotegraph::Conjugator& conjugator() {
  static const quotegraph::Conjugator kConjugator = [] {
    quotegraph::Diagnostics diags;
    auto c = quotegraph::Conjugator::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
    REQUIRE(c);
    REQUIRE(diags.empty());
    return *c;
  }();
  return kConjugator;
}

// The rows of tests/data/principal_forms.tsv (see its header).
std::vector<Row> principal_forms() {
  std::ifstream in(QUOTEGRAPH_TEST_DATA_DIR "/principal_forms.tsv");
  REQUIRE(in);
  std::vector<Row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t begin = 0;
    for (std::size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1)
      f.push_back(line.substr(begin, tab - begin));
    f.push_back(line.substr(begin));
    REQUIRE(f.size() == 9);
    rows.emplace_back(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
  }
  REQUIRE(rows.size() > 50);
  return rows;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("conjugate: principal forms of each family", "[morphology][unit]") {
  const Row row = GENERATE(from_range(principal_forms()));
  const auto& [inf, pp, ppr, pres3s, pres3p, imp3s, ps3s, ps3p, fut3s] = row;
  CAPTURE(inf);
  Conjugation c;
  REQUIRE(conjugator().conjugate(inf, c));
  CHECK(c.infinitive == inf);
  REQUIRE(c.past_participles.size() == 4);
  CHECK(c.past_participles[0] == pp);
  CHECK(c.present_participle == ppr);
  // The header promises the third persons of the present first.
  REQUIRE_FALSE(c.finite_singular.empty());
  REQUIRE_FALSE(c.finite_plural.empty());
  CHECK(c.finite_singular[0] == pres3s);
  CHECK(c.finite_plural[0] == pres3p);
  CHECK(contains(c.finite_singular, imp3s));
  CHECK(contains(c.finite_singular, ps3s));
  CHECK(contains(c.finite_plural, ps3p));
  CHECK(contains(c.finite_singular, fut3s));
  // The conditional is the future stem with the imperfect endings.
  const std::string fut_stem = fut3s.substr(0, fut3s.size() - 1);
  CHECK(contains(c.finite_singular, fut_stem + "ait"));
  CHECK(contains(c.finite_plural, fut_stem + "aient"));
  // No form appears twice in a list.
  for (const auto* list : {&c.finite_singular, &c.finite_plural}) {
    std::vector<std::string> sorted = *list;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  }
}

TEST_CASE("conjugate: participles agree in gender and number", "[morphology][unit]") {
  auto [inf, ms, fs, mp, fp] = GENERATE(table<std::string, std::string, std::string, std::string,
                                              std::string>({
      {"déclarer", "déclaré", "déclarée", "déclarés", "déclarées"},
      {"dire", "dit", "dite", "dits", "dites"},
      {"mettre", "mis", "mise", "mis", "mises"},
      {"inclure", "inclus", "incluse", "inclus", "incluses"},
      {"ouvrir", "ouvert", "ouverte", "ouverts", "ouvertes"},
      {"avertir", "averti", "avertie", "avertis", "averties"},
      {"soutenir", "soutenu", "soutenue", "soutenus", "soutenues"},
      {"craindre", "craint", "crainte", "craints", "craintes"},
  }));
  Conjugation c;
  REQUIRE(conjugator().conjugate(inf, c));
  CHECK(c.past_participles == std::vector<std::string>{ms, fs, mp, fp});
}

TEST_CASE("conjugate: first and second persons and spelling variants", "[morphology][unit]") {
  Conjugation c;
  REQUIRE(conjugator().conjugate("dire", c));
  CHECK(contains(c.finite_plural, "dites"));
  CHECK(contains(c.finite_plural, "disons"));
  CHECK(contains(c.finite_singular, "dis"));
  REQUIRE(conjugator().conjugate("contredire", c));
  CHECK(contains(c.finite_plural, "contredisez"));
  CHECK_FALSE(contains(c.finite_plural, "contredites"));
  REQUIRE(conjugator().conjugate("lancer", c));
  CHECK(contains(c.finite_plural, "lançons"));
  CHECK(contains(c.finite_plural, "lancions"));  // no cedilla before i
  CHECK(contains(c.finite_plural, "lançâmes"));
  REQUIRE(conjugator().conjugate("juger", c));
  CHECK(contains(c.finite_plural, "jugeons"));
  CHECK(contains(c.finite_plural, "jugiez"));
  REQUIRE(conjugator().conjugate("payer", c));  // -ayer keeps y or takes i
  CHECK(contains(c.finite_singular, "paie"));
  CHECK(contains(c.finite_singular, "paye"));
  CHECK(contains(c.finite_singular, "payera"));
  REQUIRE(conjugator().conjugate("reconnaître", c));  // 1990 spelling without circumflex
  CHECK(contains(c.finite_singular, "reconnaît"));
  CHECK(contains(c.finite_singular, "reconnait"));
  REQUIRE(conjugator().conjugate("répéter", c));
  CHECK(contains(c.finite_singular, "répétera"));
  CHECK(contains(c.finite_singular, "répètera"));
  CHECK(contains(c.finite_singular, "répétais"));
  CHECK(contains(c.finite_plural, "répétons"));
  REQUIRE(conjugator().conjugate("appeler", c));
  CHECK(contains(c.finite_plural, "appelons"));  // no doubling before a sounded e
  CHECK(contains(c.finite_plural, "appellerons"));
  REQUIRE(conjugator().conjugate("soutenir", c));
  CHECK(contains(c.finite_plural, "soutînmes"));
}

TEST_CASE("conjugate rejects endings it does not know", "[morphology][bad-input]") {
  const std::string bad = GENERATE(as<std::string>{}, "xyz", "", "er", "aller", "devoir",
                                   "naître", "boire", "maudire", "Déclarer", "déclarer que",
                                   "d\xC3", "haïr", "fuir");
  CAPTURE(bad);
  Conjugation c;
  c.infinitive = "stale";
  c.finite_singular = {"stale"};
  CHECK_FALSE(conjugator().conjugate(bad, c));
  CHECK(c.infinitive.empty());
  CHECK(c.past_participles.empty());
  CHECK(c.present_participle.empty());
  CHECK(c.finite_singular.empty());
  CHECK(c.finite_plural.empty());
}

#if defined(QUOTEGRAPH_HAVE_HUNSPELL) && defined(QUOTEGRAPH_SOURCE_DATA_DIR)

namespace {

// The 1990 spelling of a form, when Hunspell's "classique" dictionary only
// has the traditional one: è for é in the future of espérer (espèrera) and
// no circumflex in connaître (reconnait). Returns the traditional spellings
// to try.
std::vector<std::string> traditional_spellings(const std::string& form) {
  std::vector<std::string> out;
  const std::string grave = "è", acute = "é", plain_i = "ai", circ_i = "aî";
  for (std::size_t p = form.find(grave); p != std::string::npos; p = form.find(grave, p + 1))
    out.push_back(form.substr(0, p) + acute + form.substr(p + grave.size()));
  for (std::size_t p = form.find(plain_i); p != std::string::npos; p = form.find(plain_i, p + 1))
    out.push_back(form.substr(0, p) + circ_i + form.substr(p + plain_i.size()));
  return out;
}

}  // namespace

TEST_CASE("every lexicon form is a French word for Hunspell", "[morphology][hunspell]") {
  quotegraph::Diagnostics diags;
  auto lex = quotegraph::Lexicon::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(lex);
  Hunspell speller("/usr/share/hunspell/fr_FR.aff", "/usr/share/hunspell/fr_FR.dic");
  REQUIRE(speller.spell(std::string("déclarèrent")));  // the dictionary did load
  // Verbs the dictionary lacks: the ü spelling of arguer, and twitter
  // (only tweeter is listed).
  const std::vector<std::string> kMissingVerbs = {"argüer", "twitter"};
  std::vector<std::string> failures;
  std::size_t checked = 0, variants = 0, agreements = 0;
  for (const auto& entry : lex->entries()) {
    if (contains(kMissingVerbs, entry.verb)) continue;
    Conjugation c;
    REQUIRE(conjugator().conjugate(entry.verb, c));
    std::vector<std::string> forms = {c.infinitive, c.present_participle};
    forms.insert(forms.end(), c.past_participles.begin(), c.past_participles.end());
    forms.insert(forms.end(), c.finite_singular.begin(), c.finite_singular.end());
    forms.insert(forms.end(), c.finite_plural.begin(), c.finite_plural.end());
    for (const std::string& f : forms) {
      ++checked;
      if (speller.spell(f)) continue;
      // An intransitive verb's participle does not agree (ils ont insisté):
      // the dictionary lists no feminine or plural, the rule makes them.
      const bool agreed = f != c.past_participles[0] && contains(c.past_participles, f);
      if (agreed && speller.spell(c.past_participles[0])) {
        ++agreements;
        continue;
      }
      bool is_variant = false;
      for (const std::string& t : traditional_spellings(f))
        if (speller.spell(t) && contains(forms, t)) is_variant = true;
      if (is_variant) {
        ++variants;
        continue;
      }
      failures.push_back(f + " (" + entry.lemma + ")");
    }
  }
  std::string report;
  for (const std::string& f : failures) report += f + "; ";
  INFO("checked " << checked << " forms, " << variants << " 1990 variants, " << agreements
                  << " non-agreeing participles; rejected: " << report);
  CHECK(checked > 5000);
  CHECK(failures.empty());
}

#endif

TEST_CASE("a malformed irregular verb row is reported and skipped", "[morphology][bad-input]") {
  auto [name, bad_row, message_part] = GENERATE(table<std::string, std::string, std::string>({
      {"columns", "dire\t*", "expected ending"},
      {"paradigm", "dire\t*\tstrange", "unknown paradigm"},
      {"persons", "dire\t*\tforms\tdis,dis\tdis\td\ti\tdir\tdisant\tdit", "six persons"},
      {"past", "dire\t*\tforms\tdis,dis,dit,disons,dites,disent\tdis\td\to\tdir\tdisant\tdit",
       "simple-past kind"},
  }));
  CAPTURE(name);
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("quotegraph_morphology_test_" + name);
  fs::create_directories(dir);
  std::ofstream(dir / "irregular_verbs.tsv", std::ios::binary)
      << "# comment\n" << bad_row << "\nrire\t*\tforms\tris,ris,rit,rions,riez,rient\tri\tr\ti\trir\triant\tri\n";
  quotegraph::Diagnostics diags;
  auto c = quotegraph::Conjugator::load(dir.string(), diags);
  REQUIRE(c);
  CHECK(c->size() == 1);  // the good row kept
  Conjugation conj;
  CHECK(c->conjugate("sourire", conj));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == quotegraph::DiagCode::kBadData);
  CHECK(diags.items()[0].offset == 2);
  CHECK(diags.items()[0].message.find(message_part) != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a missing irregular verb table gives an error Status", "[morphology][bad-input]") {
  quotegraph::Diagnostics diags;
  auto c = quotegraph::Conjugator::load("/nonexistent/quotegraph/data", diags);
  REQUIRE_FALSE(c);
  CHECK(diags.empty());
  CHECK(c.status().diagnostic().code == quotegraph::DiagCode::kIoError);
}

// Tests of word_classes.h: the closed-class word lists, the infinitives
// read from hunspell-fr, and the gazetteer look-up cache.
#include "quotegraph/lexicon/word_classes.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "catch.hpp"
#include "support/test_support.h"

using quotegraph::Diagnostics;

TEST_CASE("WordClasses reads the closed-class words", "[word_classes][unit]") {
  const quotegraph::WordClasses* words = &quotegraph_test::shared_words();
  using W = quotegraph::WordClasses;
  // Table of (word, class, expected): one word may sit in several classes.
  const std::vector<std::tuple<std::string, std::uint64_t, bool>> rows = {
      {"le", W::kDet, true},        {"sur", W::kPrep, true},    {"a", W::kAux, true},
      {"mardi", W::kTime, true},    {"hier", W::kTime, true},   {"lorsque", W::kCut, true},
      {"nos", W::kPoss, true},      {"chiffres", W::kNoSource, true},
      {"ministre", W::kDet, false}, {"le", W::kAux, false},     {"déclaré", W::kAdv, false},
      {"von", W::kParticle, true},  {"le", W::kCapParticle, true}, {"ministre", W::kNotVerb, true},
      {"lors", W::kCircumstance, true}, {"premier ministre", W::kLeader, true},
      {"numéro un", W::kGenericLeader, true}, {"cette", W::kFeminine, true},
      {"cet", W::kMasculine, true}, {"certaines", W::kPlural, true}, {"vice", W::kRolePrefix, true},
      {"vice", W::kOrdinal, false}, {"l'", W::kArticle, true},  {"de", W::kParticle, false},
  };
  for (const auto& [word, bits, expected] : rows) {
    INFO(word << " class bits " << bits);
    CHECK(words->has(word, bits) == expected);
  }
  quotegraph::Gender g = '?';
  bool plural = true;
  REQUIRE(words->subject("elle", g, plural));
  CHECK(g == 'f');
  CHECK_FALSE(plural);
  REQUIRE(words->subject("ils", g, plural));
  CHECK(plural);
  CHECK_FALSE(words->subject("ministre", g, plural));
}

TEST_CASE("WordClasses: a missing file gives an error Status", "[word_classes][bad-input]") {
  Diagnostics diags;
  auto words = quotegraph::WordClasses::load("/nonexistent/quotegraph-data", diags);
  REQUIRE_FALSE(words);
  CHECK(words.status().diagnostic().code == quotegraph::DiagCode::kIoError);
}

TEST_CASE("WordClasses: several-word adverbs and infinitives", "[word_classes][unit]") {
  Diagnostics diags;
  auto words = quotegraph::WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(words);
  CHECK(words->phrase("par la suite"));
  CHECK(words->phrase("d' ailleurs"));
  CHECK_FALSE(words->phrase("par la"));
  // The tokens that can open a several-word adverb or source marker.
  CHECK((words->opens("par") & quotegraph::WordClasses::kOpensPhrase));
  CHECK((words->opens("par la") & quotegraph::WordClasses::kOpensPhrase));
  CHECK((words->opens("d'") & quotegraph::WordClasses::kOpensPhrase));
  CHECK((words->opens("aux") & quotegraph::WordClasses::kOpensMarker));
  CHECK_FALSE((words->opens("suite") & quotegraph::WordClasses::kOpensPhrase));
  CHECK(words->opens("ministre") == 0);
  // The first words of several-word keys of the second set (byline:
  // propos recueillis): the second word opens nothing.
  CHECK((words->extra_opened_by("propos") & quotegraph::WordClasses::kByline));
  CHECK_FALSE((words->extra_opened_by("recueillis") & quotegraph::WordClasses::kByline));
  CHECK(words->extra_opened_by("xqzwv") == 0);
  // Infinitives come from hunspell-fr's dictionary when it is installed.
  quotegraph::WordClasses with_dic = *words;
  if (with_dic.load_infinitives("/usr/share/hunspell/fr_FR.dic")) {
    CHECK(with_dic.infinitive("protéger"));
    CHECK(with_dic.infinitive("être"));
    CHECK_FALSE(with_dic.infinitive("cidre"));
    CHECK_FALSE(with_dic.infinitive("ministre"));
  } else {
    WARN("hunspell-fr not installed: the infinitive list is not tested");
  }
  CHECK_FALSE(with_dic.load_infinitives("/nonexistent/fr.dic"));
}

TEST_CASE("WordClasses: a malformed line is reported with its number", "[word_classes][bad-input]") {
  quotegraph_test::TempDir dir("quotegraph_words_test");
  {
    std::ofstream out(dir.file("words.tsv"));
    out << "# comment\ndet\tle\nnot a line\nnoclass\tmot\n";
  }
  Diagnostics diags;
  auto words = quotegraph::WordClasses::load(dir.path.string(), diags);
  REQUIRE(words);
  CHECK(words->has("le", quotegraph::WordClasses::kDet));
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].offset == 3);
  CHECK(std::string(diags.items()[0].offset_unit) == "line");
  CHECK(diags.items()[1].offset == 4);
}

TEST_CASE("GazetteerCache answers like the gazetteer", "[word_classes][unit]") {
  Diagnostics diags;
  auto gaz = quotegraph::Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, quotegraph_test::shared_words(), diags);
  REQUIRE(gaz);
  quotegraph::GazetteerCache cache(*gaz);
  for (const char* name : {"moscou", "russie", "le kremlin", "paris", "inconnu"}) {
    INFO(name);
    const quotegraph::State* direct = gaz->state(name);
    if (!direct) direct = gaz->seat(name);
    CHECK(cache.state_or_seat(name) == direct);
    CHECK(cache.state_or_seat(name) == direct);  // and again, from the cache
  }
  CHECK(cache.role("porte-parole") == gaz->role("porte-parole"));
  CHECK(cache.nationality("russe") == gaz->nationality("russe"));
  CHECK(cache.courtesy_title("mme") == gaz->courtesy_title("mme"));
}

TEST_CASE("every class of words.tsv is documented in its header", "[word_classes][unit]") {
  std::ifstream in(std::string(QUOTEGRAPH_SOURCE_DATA_DIR) + "/words.tsv");
  REQUIRE(in);
  std::string header, line;
  std::vector<std::string> classes;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      header += line + "\n";
      continue;
    }
    std::string cls = line.substr(0, line.find('\t'));
    if (cls.rfind("subj:", 0) == 0) cls = "subj:G:N";
    if (std::find(classes.begin(), classes.end(), cls) == classes.end()) classes.push_back(cls);
  }
  CHECK(classes.size() >= 30);
  for (const std::string& cls : classes) {
    INFO(cls);
    // Listed as "#   class " or in a list of classes ("feminine, masculine").
    const bool documented = header.find("#   " + cls + " ") != std::string::npos ||
                            header.find(" " + cls + ",") != std::string::npos ||
                            header.find(", " + cls + "\n") != std::string::npos;
    CHECK(documented);
  }
}

TEST_CASE("WordClasses reads the attribution stage's second-set classes", "[word_classes][unit]") {
  const quotegraph::WordClasses* words = &quotegraph_test::shared_words();
  using W = quotegraph::WordClasses;
  // Table of (word, class, expected): each anchor in its class and no other
  // word of the same role slipping in.
  const std::vector<std::tuple<std::string, std::uint64_t, bool>> rows = {
      {"qu'", W::kQueForm, true},          {"quoi", W::kQueForm, false},
      {"d'", W::kDeForm, true},            {"des", W::kDeForm, true},      {"à", W::kDeForm, false},
      {"aux", W::kAuForm, true},           {"à", W::kAuForm, false},       {"à", W::kAForm, true},
      {"n'", W::kNeForm, true},            {"s'", W::kSeForm, true},       {"se", W::kNeForm, false},
      {"eux", W::kStressedMasculine, true}, {"elle", W::kStressedMasculine, false},
      {"eux", W::kStressedPlural, true},   {"lui", W::kStressedPlural, false},
      {"seraient", W::kPassiveEtre, true}, {"fut", W::kPassiveEtre, false},
      {"démentant", W::kContradicting, true}, {"madame", W::kVocativeTitle, true},
      {"l'", W::kDefiniteArticle, false},  {"on", W::kOwnOpinionSubject, true},
  };
  for (const auto& [word, bits, expected] : rows) {
    INFO(word << " extra class bits " << bits);
    CHECK(words->has_extra(word, bits) == expected);
  }
  // The two sets are apart: an Extra bit read as a first-set bit is another class.
  CHECK_FALSE(words->has_extra("que", W::kDeForm));
}

TEST_CASE("WordClasses reads the attribution stage's third set (grammar anchors)", "[word_classes][unit]") {
  const quotegraph::WordClasses* words = &quotegraph_test::shared_words();
  using W = quotegraph::WordClasses;
  // Table of (word, class, expected): each anchor in its class, a word of
  // the same role that the rule leaves out kept out.
  const std::vector<std::tuple<std::string, std::uint64_t, bool>> rows = {
      {"quant", W::kQuantWord, true},          {"été", W::kPassiveParticiple, true},
      {"étant", W::kPassiveParticiple, true},  {"étant", W::kEteWord, false},
      {"avoir", W::kAuxInfinitive, true},      {"être", W::kAuxInfinitive, true},
      {"dont", W::kRelativePronoun, true},     {"qu'", W::kRelativePronoun, false},
      {"non", W::kAnswerWord, true},           {"au", W::kTopicPrep, true},
      {"aux", W::kTopicPrep, false},           {"ce", W::kCueTimeDeterminer, true},
      {"cette", W::kCueTimeDeterminer, false}, {"cette", W::kTimeDeterminer, true},
      {"déclarer", W::kAttributeVerb, true},   {"apprendre", W::kAskedSourceVerb, true},
  };
  for (const auto& [word, bits, expected] : rows) {
    INFO(word << " grammar class bits " << bits);
    CHECK(words->has_grammar(word, bits) == expected);
  }
  CHECK(words->grammar("ce") == (W::kCeWord | W::kTimeDeterminer | W::kCueTimeDeterminer | W::kReferencesNoOne));
  CHECK(words->grammar("mot") == 0);
  // The three sets are apart: "que" is in the first set's notnpword and the
  // second's queform, and in the third set only a relative pronoun.
  CHECK(words->grammar("que") == W::kRelativePronoun);
  CHECK(words->has_extra("que", W::kQueForm));
}

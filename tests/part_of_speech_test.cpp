// Tests for part_of_speech.h: hunspell-fr morphology fields read as readings.
#include <thread>
#include <utility>

#include "catch.hpp"
#include "quotegraph/syntax/part_of_speech.h"

using namespace quotegraph;

TEST_CASE("morphology fields give readings", "[syntax][part_of_speech]") {
  PosSet past = readings_from_morphology(" st:déclarer po:v1__tnq__a po:ppas po:adj po:1jsg is:mas is:sg");
  CHECK((past & kPosPastParticiple) != 0);
  CHECK((past & kPosAdjective) != 0);
  CHECK((past & kPosNoun) == 0);
  CHECK(readings_from_morphology(" st:ailleurs po:adv") == kPosAdverb);
  CHECK((readings_from_morphology(" st:or po:mg po:cjco") & kPosCoordination) != 0);
  CHECK((readings_from_morphology(" st:Lyon po:npr is:epi is:inv") & kPosPlace) != 0);
  CHECK((readings_from_morphology(" st:Dupont po:patr is:epi is:inv") & kPosSurname) != 0);
  CHECK((readings_from_morphology(" st:elle po:mg po:propersuj po:properobj") & kPosSubjectPronoun) != 0);
  CHECK(readings_from_morphology(" st:x is:mas") == 0);
}

TEST_CASE("a noun reading carries its gender, an epicene noun none", "[syntax][part_of_speech]") {
  const PosSet aunt = readings_from_morphology(" st:tante po:nom is:fem is:sg");
  CHECK((aunt & kPosFeminineNoun) != 0);
  CHECK((aunt & kPosMasculineNoun) == 0);
  CHECK((readings_from_morphology(" st:employeur po:nom is:mas is:sg") & kPosMasculineNoun) != 0);
  CHECK((readings_from_morphology(" st:juge po:nom is:epi is:sg") & (kPosFeminineNoun | kPosMasculineNoun)) == 0);
  // The gender of a participle or an adjective is no noun's.
  CHECK((readings_from_morphology(" st:déclarer po:v1__tnq__a po:ppas po:adj is:fem is:sg") & kPosFeminineNoun) == 0);
}

TEST_CASE("the French dictionary knows inflected forms", "[syntax][part_of_speech]") {
  auto lexicon = PosLexicon::open_default();
  if (!lexicon) {
    WARN("hunspell-fr is not installed: dictionary readings not tested");
    return;
  }
  CHECK((lexicon->readings("fustigée") & kPosPastParticiple) != 0);
  CHECK((lexicon->readings("ajoutant") & kPosPresentParticiple) != 0);
  CHECK((lexicon->readings("procureure") & kPosNoun) != 0);
  CHECK((lexicon->readings("Banque") & kPosNoun) != 0);
  CHECK(lexicon->readings("ailleurs") == kPosAdverb);
  CHECK(lexicon->readings("zxqwv") == kPosUnknown);
  CHECK(lexicon->readings("") == kPosUnknown);
  // Remembered: the same answer the second time.
  CHECK(lexicon->readings("fustigée") == lexicon->readings("fustigée"));
}

TEST_CASE("negative, interrogative and locution words have readings", "[syntax][part_of_speech]") {
  CHECK(readings_from_morphology(" st:ne po:mg po:negadv po:preverb") == (kPosAdverb | kPosPreverbalNegation));
  CHECK(readings_from_morphology(" st:pas po:mg po:negadv") == kPosAdverb);
  CHECK(readings_from_morphology(" st:comment po:mg po:advint") == kPosAdverb);
  CHECK(readings_from_morphology(" st:hélas po:interj") == kPosAdverb);
  CHECK(readings_from_morphology(" st:auprès po:mg po:loc.prep") == 0);
  CHECK(locution_readings_from_morphology(" st:auprès po:mg po:loc.prep") == kPosPreposition);
  CHECK(locution_readings_from_morphology(" st:parce po:mg po:loc.cj") == kPosSubordination);
  auto lexicon = PosLexicon::open_default();
  if (!lexicon) return;
  CHECK(lexicon->readings("jamais") == kPosAdverb);
  CHECK(lexicon->readings("auprès") == kPosPreposition);
  CHECK(lexicon->readings("parce") == kPosSubordination);
  // A word of its own keeps its readings: face is a noun, not « face à ».
  CHECK((lexicon->readings("face") & kPosPreposition) == 0);
}

TEST_CASE("an unknown form reads as a variant spelling the dictionary knows", "[syntax][part_of_speech]") {
  auto lexicon = PosLexicon::open_default();
  if (!lexicon) return;
  // The 1990 spelling without the circumflex of i and u; oe for œ; a verb
  // and its clitic, a noun and là, a prefix and its word.
  const std::pair<const char*, PosSet> variants[] = {
      {"connait", kPosFiniteVerb}, {"apparait", kPosFiniteVerb}, {"entraineuse", kPosNoun},
      {"coeur", kPosNoun},         {"avez-vous", kPosFiniteVerb}, {"pensai-je", kPosFiniteVerb},
      {"moment-là", kPosNoun},     {"semi-confinement", kPosNoun}};
  for (const auto& [form, reading] : variants) {
    INFO(form);
    CHECK((lexicon->readings(form) & reading) != 0);
  }
  CHECK(lexicon->readings("48e") == kPosNumber);
  // Names keep no reading they do not have: no circumflex on capitals.
  CHECK(lexicon->readings("Blinken") == kPosUnknown);
  CHECK(lexicon->readings("zxqwu-vous") == kPosUnknown);
}

TEST_CASE("a dictionary that cannot be read gives no lexicon", "[syntax][part_of_speech][bad-input]") {
  CHECK(PosLexicon::open("/nonexistent/fr.aff", "/nonexistent/fr.dic") == nullptr);
}

TEST_CASE("a shared lexicon reads like its source from other threads", "[syntax][part_of_speech]") {
  auto lexicon = PosLexicon::open_default();
  if (!lexicon) {
    WARN("hunspell-fr is not installed: sharing not tested");
    return;
  }
  auto shared = lexicon->share();
  REQUIRE(shared != nullptr);
  const char* forms[] = {"fustigée", "ajoutant", "Banque", "ailleurs", "xqzwv", ""};
  PosSet from_thread[6] = {};
  std::thread other([&] {
    for (int i = 0; i < 6; ++i) from_thread[i] = shared->readings(forms[i]);
  });
  other.join();
  for (int i = 0; i < 6; ++i) {
    INFO(forms[i]);
    CHECK(from_thread[i] == lexicon->readings(forms[i]));
  }
}

TEST_CASE("a form is analysed once for every lexicon that shares the dictionary", "[syntax][part_of_speech]") {
  auto lexicon = PosLexicon::open_default();
  if (!lexicon) {
    WARN("hunspell-fr is not installed: the shared cache not tested");
    return;
  }
  auto shared = lexicon->share();
  REQUIRE(shared != nullptr);
  const PosSet first = lexicon->readings("réclamait");
  const std::size_t analysed = lexicon->dictionary_analyses();
  CHECK(analysed >= 1);
  PosSet from_thread = 0;
  std::thread other([&] { from_thread = shared->readings("réclamait"); });
  other.join();
  CHECK(from_thread == first);
  CHECK(shared->dictionary_analyses() == analysed);
  // A form neither has met is analysed once, whichever asks.
  CHECK(shared->readings("fustigeaient") == lexicon->readings("fustigeaient"));
  CHECK(lexicon->dictionary_analyses() == analysed + 1);
}

// Tests for dialogue_verbs.h: the real data/dialogue_verbs.tsv loads with
// the incise verbs of speech_verbs.tsv, the finite forms and participles a
// narrator's incise uses are known (dit, fit, s'écria, pensai, murmurait,
// répondu), words that are no verb of saying are not, and a bad or missing
// file is reported instead of thrown.
#include "quotegraph/lexicon/dialogue_verbs.h"

#include <fstream>
#include <string>

#include "catch.hpp"
#include "support/lexicons.h"
#include "support/test_support.h"

using quotegraph::DiagCode;
using quotegraph::Diagnostics;
using quotegraph::DialogueVerbs;
using quotegraph::Lexicon;

namespace {

using quotegraph_test::source_lexicon;

const DialogueVerbs& real_verbs() {
  static Diagnostics diags;
  static quotegraph::Result<DialogueVerbs> verbs = DialogueVerbs::load(QUOTEGRAPH_SOURCE_DATA_DIR, source_lexicon(), diags);
  REQUIRE(verbs);
  REQUIRE(diags.empty());
  return *verbs;
}

}  // namespace

TEST_CASE("the dialogue verb list loads with the incise verbs of the lexicon", "[dialogue_verbs][unit]") {
  const DialogueVerbs& v = real_verbs();
  // More verbs than the file lists: the speech verbs with an incise frame join them.
  CHECK(v.verb_count() > 150);
  // From dialogue_verbs.tsv: faire, crier, balbutier, songer, s'exclamer.
  for (const char* form : {"fit", "fait", "cria", "criait", "balbutia", "songea", "exclama", "ricana", "reprit"})
    CHECK(v.finite(form));
  // From speech_verbs.tsv (incise frame): dire, répondre, s'écrier, penser, murmurer.
  for (const char* form : {"dit", "disait", "répondit", "répliqua", "écria", "pensa", "murmurait", "demanda"})
    CHECK(v.finite(form));
  // First persons of the past, for pensai-je, répondis-je.
  for (const char* form : {"pensai", "répondis", "dis", "murmurai"}) CHECK(v.finite(form));
  // Past participles for compound incises: a dit Paul, avait-elle murmuré.
  for (const char* form : {"dit", "répondu", "murmuré", "écriée", "fait"}) CHECK(v.participle(form));
}

TEST_CASE("words that are no verb of saying are not dialogue verbs", "[dialogue_verbs][unit]") {
  const DialogueVerbs& v = real_verbs();
  for (const char* form : {"mange", "était", "partit", "le", "la", "Dit", "", "dit-il", "porte"})
    CHECK_FALSE(v.finite(form));
  CHECK_FALSE(v.participle("mangé"));
}

TEST_CASE("a dialogue verb that cannot be conjugated is reported with its line", "[dialogue_verbs][bad-input]") {
  quotegraph_test::TempDir dir("quotegraph_dialogue_verbs");
  std::ofstream(dir.file("dialogue_verbs.tsv"), std::ios::binary)
      << "# comment\n\ncrier\nxyz\nse récrier\nfaire semblant\n";
  Diagnostics diags;
  auto verbs = DialogueVerbs::load(dir.path.string(), source_lexicon(), diags);
  REQUIRE(verbs);
  CHECK(verbs->finite("cria"));
  CHECK(verbs->finite("récria"));
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].code == DiagCode::kBadData);
  CHECK(diags.items()[0].offset == 4);  // xyz
  CHECK(diags.items()[1].offset == 6);  // two words
  CHECK(diags.items()[0].excerpt == "xyz");
}

TEST_CASE("a missing dialogue verb list is an error and no throw", "[dialogue_verbs][bad-input]") {
  Diagnostics diags;
  auto verbs = DialogueVerbs::load("/nonexistent/quotegraph-data", source_lexicon(), diags);
  REQUIRE_FALSE(verbs);
  CHECK(diags.empty());
  CHECK(verbs.status().diagnostic().code == DiagCode::kIoError);
}

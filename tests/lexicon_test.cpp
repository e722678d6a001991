// Tests for lexicon.h: the real data/speech_verbs.tsv loads, cue forms
// resolve to the right entries and readings, and malformed or missing data
// files are reported instead of thrown.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "catch.hpp"
#include "support/lexicons.h"
#include "quotegraph/lexicon/lexicon.h"

using quotegraph::CueEntry;
using quotegraph::CueForm;
using quotegraph::DiagCode;
using quotegraph::Diagnostics;
using quotegraph::Lexicon;
using quotegraph::Relation;
using quotegraph::TargetSlot;
using quotegraph::VerbForm;

namespace {

using quotegraph_test::source_lexicon;

// The reading of `word` that belongs to `lemma` with form `kind`, or null.
const CueForm* reading(const Lexicon& lex, const std::string& word, const std::string& lemma,
                       VerbForm kind) {
  for (const CueForm& f : lex.forms(word))
    if (f.entry->lemma == lemma && f.form == kind) return &f;
  return nullptr;
}

// A fresh directory under the system temp dir holding one speech_verbs.tsv
// and the repository's other lexicon files.
std::string temp_data_dir(const std::string& name, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("quotegraph_lexicon_test_" + name);
  fs::create_directories(dir);
  std::ofstream(dir / "speech_verbs.tsv", std::ios::binary) << content;
  // The conjugation of the heads needs the irregular verbs of the repository.
  for (const char* file : {"irregular_verbs.tsv", "source_markers.tsv"})
    fs::copy_file(fs::path(QUOTEGRAPH_SOURCE_DATA_DIR) / file, dir / file, fs::copy_options::overwrite_existing);
  return dir.string();
}

}  // namespace

TEST_CASE("relation names round-trip", "[lexicon][unit]") {
  for (Relation r : {Relation::kStates, Relation::kAccuses, Relation::kCriticises,
                     Relation::kCallsOn, Relation::kWarns, Relation::kSupports,
                     Relation::kDenies, Relation::kThanks, Relation::kRespondsTo}) {
    CHECK(quotegraph::parse_relation(quotegraph::relation_name(r)) == r);
  }
  CHECK(std::string(quotegraph::relation_name(Relation::kCallsOn)) == "calls_on");
  CHECK_FALSE(quotegraph::parse_relation("praises"));
  CHECK_FALSE(quotegraph::parse_relation(""));
}

TEST_CASE("the real lexicon loads with its entries and forms", "[lexicon][unit]") {
  const Lexicon& lex = source_lexicon();
  CHECK(lex.entries().size() >= 150);
  CHECK(lex.form_count() > 5000);
  // Every entry has a head verb and at least one frame.
  for (const CueEntry& e : lex.entries()) {
    CAPTURE(e.lemma);
    CHECK_FALSE(e.verb.empty());
    CHECK(e.frames != 0);
  }
  // The infinitive and a finite form of every head verb are indexed.
  for (const CueEntry& e : lex.entries()) CHECK_FALSE(lex.forms(e.verb).empty());
}

TEST_CASE("lemmas split into pronoun, head and tail", "[lexicon][unit]") {
  const Lexicon& lex = source_lexicon();
  auto find = [&](const std::string& lemma) -> const CueEntry* {
    for (const CueEntry& e : lex.entries())
      if (e.lemma == lemma) return &e;
    return nullptr;
  };
  const CueEntry* prendre = find("s'en prendre à");
  REQUIRE(prendre);
  CHECK(prendre->pronominal);
  CHECK(prendre->verb == "prendre");
  CHECK(prendre->tail == std::vector<std::string>{"à"});
  CHECK(prendre->target == TargetSlot::kIndirect);
  CHECK(prendre->relation == Relation::kCriticises);

  const CueEntry* garde = find("mettre en garde");
  REQUIRE(garde);
  CHECK_FALSE(garde->pronominal);
  CHECK(garde->verb == "mettre");
  CHECK(garde->tail == std::vector<std::string>{"en", "garde"});
  CHECK(garde->relation == Relation::kWarns);

  const CueEntry* part = find("faire part de");
  REQUIRE(part);
  CHECK(part->verb == "faire");
  CHECK(part->tail == std::vector<std::string>{"part", "de"});

  const CueEntry* engager = find("s'engager");
  REQUIRE(engager);
  CHECK(engager->pronominal);
  CHECK(engager->verb == "engager");
  CHECK(engager->tail.empty());

  const CueEntry* dire = find("se dire");
  REQUIRE(dire);
  CHECK(dire->pronominal);
  CHECK(dire->verb == "dire");

  const CueEntry* declarer = find("déclarer");
  REQUIRE(declarer);
  CHECK((declarer->frames & quotegraph::kFrameIncise) != 0);
  CHECK((declarer->frames & quotegraph::kFrameQue) != 0);
  CHECK((declarer->frames & quotegraph::kFrameIntro) != 0);
  CHECK(declarer->target == TargetSlot::kNone);

  const CueEntry* condamner = find("condamner");
  REQUIRE(condamner);
  CHECK((condamner->frames & quotegraph::kFrameAct) != 0);
  CHECK(condamner->target == TargetSlot::kObject);
}

TEST_CASE("cue forms resolve to their readings", "[lexicon][unit]") {
  const Lexicon& lex = source_lexicon();

  // « … », a-t-il déclaré: the participle.
  const CueForm* declare = reading(lex, "déclaré", "déclarer", VerbForm::kPastParticiple);
  REQUIRE(declare);
  CHECK_FALSE(declare->plural);
  const CueForm* declarees = reading(lex, "déclarées", "déclarer", VerbForm::kPastParticiple);
  REQUIRE(declarees);
  CHECK(declarees->plural);

  const CueForm* declarent = reading(lex, "déclarent", "déclarer", VerbForm::kFinite);
  REQUIRE(declarent);
  CHECK(declarent->plural);
  const CueForm* declare3s = reading(lex, "déclare", "déclarer", VerbForm::kFinite);
  REQUIRE(declare3s);
  CHECK_FALSE(declare3s->plural);
  CHECK(reading(lex, "déclarer", "déclarer", VerbForm::kInfinitive));

  // "mis" is the head of mettre en garde; the tail is checked by the caller.
  const CueForm* mis = reading(lex, "mis", "mettre en garde", VerbForm::kPastParticiple);
  REQUIRE(mis);
  CHECK(mis->entry->verb == "mettre");
  CHECK(mis->entry->tail == std::vector<std::string>{"en", "garde"});
  // Longer locutions come first among the readings of one form.
  const auto& mis_readings = lex.forms("mis");
  for (std::size_t i = 1; i < mis_readings.size(); ++i)
    CHECK(mis_readings[i - 1].entry->tail.size() >= mis_readings[i].entry->tail.size());

  const CueForm* accusant = reading(lex, "accusant", "accuser", VerbForm::kPresentParticiple);
  REQUIRE(accusant);
  CHECK(accusant->entry->target == TargetSlot::kObject);
  CHECK(accusant->entry->relation == Relation::kAccuses);

  // Irregular and spelling-changed forms.
  CHECK(reading(lex, "avertit", "avertir", VerbForm::kFinite));
  CHECK(reading(lex, "martèle", "marteler", VerbForm::kFinite));
  CHECK(reading(lex, "suggère", "suggérer", VerbForm::kFinite));
  CHECK(reading(lex, "dément", "démentir", VerbForm::kFinite));
  CHECK(reading(lex, "soutient", "soutenir", VerbForm::kFinite));
  CHECK(reading(lex, "reconnaît", "reconnaître", VerbForm::kFinite));
  CHECK(reading(lex, "reconnait", "reconnaître", VerbForm::kFinite));
  CHECK(reading(lex, "reconnaitre", "reconnaître", VerbForm::kInfinitive));
  CHECK(reading(lex, "enchaine", "enchaîner", VerbForm::kFinite));
  CHECK(reading(lex, "lançant", "lancer", VerbForm::kPresentParticiple));
  CHECK(reading(lex, "fait", "faire valoir", VerbForm::kFinite));
  CHECK(reading(lex, "fait", "faire valoir", VerbForm::kPastParticiple));
  // "dit" is both a participle and a finite form.
  CHECK(reading(lex, "dit", "dire", VerbForm::kPastParticiple));
  CHECK(reading(lex, "dit", "dire", VerbForm::kFinite));

  // Not cue forms.
  CHECK(lex.forms("maison").empty());
  CHECK(lex.forms("").empty());
  CHECK(lex.forms("Déclaré").empty());  // callers give folded words
}

TEST_CASE("source markers are listed", "[lexicon][unit]") {
  const Lexicon& lex = source_lexicon();
  const auto& markers = lex.source_markers();
  auto has = [&](std::vector<std::string> words, bool check) {
    return std::any_of(markers.begin(), markers.end(), [&](const quotegraph::SourceMarker& m) {
      return m.words == words && m.needs_speaker_check == check;
    });
  };
  CHECK(has({"selon"}, false));
  CHECK(has({"d'", "après"}, false));
  CHECK(has({"pour"}, true));
}

TEST_CASE("a malformed lexicon line is reported and skipped", "[lexicon][bad-input]") {
  auto [name, bad_line, message_part] = GENERATE(table<std::string, std::string, std::string>({
      {"columns", "affirmer\tque,incise\tnone", "4 tab-separated columns"},
      {"frame", "affirmer\tque,whisper\tnone\tstates", "unknown frame"},
      {"target", "affirmer\tque\tsubject\tstates", "unknown target"},
      {"relation", "affirmer\tque\tnone\tpraises", "unknown relation"},
      {"verb", "xyzzy\tque\tnone\tstates", "cannot conjugate"},
      {"noframe", "affirmer\t\tnone\tstates", "no frame"},
      {"utf8", "affirm\xC3\tque\tnone\tstates", "UTF-8"},
  }));
  CAPTURE(name);
  const std::string content = "# header comment\n\ndéclarer\tque,incise\tnone\tstates\n" +
                              bad_line + "\naccuser\tde,object\tobject\taccuses\n";
  const std::string dir = temp_data_dir(name, content);
  Diagnostics diags;
  auto lex = Lexicon::load(dir, diags);
  REQUIRE(lex);
  CHECK(lex->entries().size() == 2);  // the bad line is skipped, the others kept
  CHECK_FALSE(lex->forms("accusé").empty());
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.code == DiagCode::kBadData);
  CHECK(d.offset == 4);
  CHECK(std::string(d.offset_unit) == "line");
  CHECK(d.file.find("speech_verbs.tsv") != std::string::npos);
  CHECK(d.message.find(message_part) != std::string::npos);
  CHECK(d.excerpt == bad_line);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a missing or empty lexicon gives nullopt", "[lexicon][bad-input]") {
  Diagnostics diags;
  auto missing = Lexicon::load("/nonexistent/quotegraph/data", diags);
  REQUIRE_FALSE(missing);
  CHECK(missing.status().diagnostic().code == DiagCode::kIoError);
  CHECK(missing.status().diagnostic().file.find("speech_verbs.tsv") != std::string::npos);

  const std::string dir = temp_data_dir("empty", "# only a comment\n\nfoo\tbar\n");
  Diagnostics diags2;
  auto empty = Lexicon::load(dir, diags2);
  REQUIRE_FALSE(empty);
  CHECK(empty.status().diagnostic().code == DiagCode::kBadData);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a missing source marker list is an error naming it", "[lexicon][bad-input]") {
  const std::string dir = temp_data_dir("no_markers", "dire\tque\tnone\tstates\n");
  std::filesystem::remove(std::filesystem::path(dir) / "source_markers.tsv");
  Diagnostics diags;
  auto lex = Lexicon::load(dir, diags);
  REQUIRE_FALSE(lex);
  CHECK(lex.status().diagnostic().code == DiagCode::kIoError);
  CHECK(lex.status().diagnostic().file == dir + "/source_markers.tsv");
  CHECK(lex.status().message().find("source marker") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a moved-from lexicon answers empty", "[lexicon][unit]") {
  Diagnostics diags;
  const std::string dir = temp_data_dir("moved", "dire\tque\tnone\tstates\n");
  auto lex = Lexicon::load(dir, diags);
  REQUIRE(lex);
  CHECK_FALSE(lex->forms("dit").empty());
  Lexicon other = std::move(*lex);
  CHECK_FALSE(other.forms("dit").empty());
  CHECK(lex->forms("dit").empty());  // NOLINT(bugprone-use-after-move): guarded
  CHECK(lex->entries().empty());
  std::filesystem::remove_all(dir);
}

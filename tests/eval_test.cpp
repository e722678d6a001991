// Tests for the gold loader and the evaluator: the name, pairing, strict
// trimming and target rules of docs/GOLD_FORMAT.md on small hand-made
// documents; gold validation on broken files; a perfect system scoring 1.0;
// the regression floors of tests/data/eval_floors.json; agreement with the
// independent scorer scripts/score_gold.py on perturbed claims; and the
// `eval` and `gold-draft` commands end to end.
#include "quotegraph/eval/evaluator.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/files.h"
#include "support/test_support.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/eval/gold.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/text/text.h"

#if defined(QUOTEGRAPH_CATCH3)
using Catch::Approx;
#endif

namespace fs = std::filesystem;
using nlohmann::json;
using quotegraph::Claim;
using quotegraph::ClaimKind;
using quotegraph::Diagnostics;
using quotegraph::EntityRef;
using quotegraph::EntityType;
using quotegraph::EvalCounts;
using quotegraph::EvalError;
using quotegraph::EvalReport;
using quotegraph::GoldDocument;
using quotegraph::GoldEntity;
using quotegraph::GoldQuote;

namespace {

using quotegraph_test::read_text_file;
using quotegraph_test::write_text_file;

const char* const kFigureKeys[] = {
    "detection_p",   "detection_r",   "detection_f1",   "strict_p",  "strict_r",
    "strict_f1",     "speaker_accuracy", "attribution_p", "attribution_r",
    "attribution_f1", "target_p",     "target_r",       "target_f1"};

// A scratch directory for this file's tests.
struct TempDir : quotegraph_test::TempDir {
  TempDir() : quotegraph_test::TempDir("quotegraph_eval_test") {}
};

// Runs a shell command and returns its exit status (-1 when it did not exit).
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// The document every small test uses: entities of a Russia-USA-Ukraine
// dispatch, text made to measure by each test.
GoldDocument small_doc(std::u32string text) {
  GoldDocument d;
  d.name = "t.txt";
  d.text = std::move(text);
  d.entities = {
      {"peskov", "Dmitri Peskov", EntityType::kPerson, {"Peskov", "M. Peskov", "porte-parole du Kremlin"}},
      {"russia", "Russie", EntityType::kCountry, {"la Russie", "Moscou", "Kremlin"}},
      {"usa", "États-Unis", EntityType::kCountry, {"Washington", "les États-Unis"}},
      {"ukraine", "Ukraine", EntityType::kCountry, {"l'Ukraine", "Kiev", "Kyiv"}},
      {"ue", "UE", EntityType::kOrganization, {"Union européenne"}},
  };
  return d;
}

// A filler text long enough for any span the pairing tests use.
std::u32string filler(std::size_t n) {
  std::u32string t;
  for (std::size_t i = 0; i < n; ++i) t.push_back(U'a' + static_cast<char32_t>(i % 26));
  return t;
}

GoldQuote gold_quote(const GoldDocument& d, std::uint32_t start, std::uint32_t end,
                     std::optional<std::string> speaker, std::vector<std::string> targets = {},
                     std::vector<std::string> also = {}, ClaimKind kind = ClaimKind::kDirect) {
  GoldQuote q;
  q.kind = kind;
  q.start = start;
  q.end = end;
  q.text = quotegraph::to_utf8(std::u32string_view(d.text).substr(start, end - start));
  q.speaker = std::move(speaker);
  q.speaker_also = std::move(also);
  q.targets = std::move(targets);
  return q;
}

Claim claim(std::uint32_t begin, std::uint32_t end, std::optional<std::string> speaker,
            std::vector<std::string> targets = {}, ClaimKind kind = ClaimKind::kDirect,
            std::string document = "t.txt") {
  Claim c;
  c.document = std::move(document);
  c.begin = begin;
  c.end = end;
  c.kind = kind;
  if (speaker) {
    EntityRef r;
    r.name = *speaker;
    c.speaker = r;
  }
  for (auto& t : targets) {
    EntityRef r;
    r.name = std::move(t);
    c.targets.push_back(std::move(r));
  }
  return c;
}

EvalReport eval_one(const GoldDocument& d, const std::vector<Claim>& claims) {
  return quotegraph::evaluate({d}, claims);
}

std::uint32_t find(const std::u32string& text, const std::u32string& what) {
  const auto p = text.find(what);
  REQUIRE(p != std::u32string::npos);
  return static_cast<std::uint32_t>(p);
}

}  // namespace

// ---------------------------------------------------------------- names

TEST_CASE("normalize_name follows the name rules of GOLD_FORMAT.md", "[evaluator][unit]") {
  auto [name, expected] = GENERATE(table<std::string, std::string>({
      // The two examples of the format.
      {"M. Peskov", "peskov"},
      {"l'ambassadeur de Russie aux États-Unis", "ambassadeur de russie aux etats-unis"},
      {"\xC2\xAB M. Peskov \xC2\xBB", "peskov"},
      // Typographic apostrophes separate words like the straight one.
      {"l\xE2\x80\x99" "ambassadeur", "ambassadeur"},
      {"l\xCA\xBC" "Ukraine", "ukraine"},
      // Articles and titles are dropped only at the start, all of them.
      {"Le Kremlin", "kremlin"},
      {"Mme la ministre", "ministre"},
      {"le ministre de la Défense", "ministre de la defense"},
      // Hyphens join only between two letters or digits; U+2011 counts.
      {"Jean-Dominique Senard", "jean-dominique senard"},
      {"ÉTATS\xE2\x80\x91UNIS", "etats-unis"},
      {"anti- corruption", "anti corruption"},
      {"-Moscou-", "moscou"},
      {"Covid-19", "covid-19"},
      // NFKD (full-width letters, ligatures) and full case folding.
      {"\xEF\xBC\xB0\xEF\xBD\x85\xEF\xBD\x93\xEF\xBD\x8B\xEF\xBD\x8F\xEF\xBD\x96", "peskov"},
      {"Straße", "strasse"},
      {"\xEF\xAC\x81" "nances", "finances"},
      {"  Moscou\xC2\xA0,  ", "moscou"},
      // Nothing left.
      {"M.", ""},
      {"", ""},
      {"« … »", ""},
  }));
  CAPTURE(name);
  CHECK(quotegraph::normalize_name(name) == expected);
}

TEST_CASE("resolve_name: exact forms first, else the longest contained alias",
          "[evaluator][unit]") {
  GoldDocument d = small_doc(filler(10));
  using V = std::vector<std::string>;
  // Exact, through any alias or the name.
  CHECK(quotegraph::resolve_name("M. Peskov", d) == V{"peskov"});
  CHECK(quotegraph::resolve_name("Dmitri PESKOV", d) == V{"peskov"});
  CHECK(quotegraph::resolve_name("les Etats-Unis", d) == V{"usa"});
  CHECK(quotegraph::resolve_name("UE", d) == V{"ue"});
  // Containment: "porte-parole du kremlin" (23 code points) beats "kremlin".
  CHECK(quotegraph::resolve_name("le porte-parole du Kremlin, Dmitri Peskov", d) == V{"peskov"});
  CHECK(quotegraph::resolve_name("le président du Kremlin", d) == V{"russia"});
  // Aliases shorter than 4 code points never match by containment.
  CHECK(quotegraph::resolve_name("Bruxelles et l'UE", d).empty());
  // Whole words only: "moscou" is not inside "moscovites", "kiev" not in "kievien".
  CHECK(quotegraph::resolve_name("les Moscovites", d).empty());
  CHECK(quotegraph::resolve_name("le gouvernement kievien", d).empty());
  // The longest contained alias wins: "washington" (10) over "moscou" (6).
  CHECK(quotegraph::resolve_name("Moscou et Washington", d) == V{"usa"});
  // Equally long aliases ("kremlin", "ukraine"): both entities.
  CHECK(quotegraph::resolve_name("le Kremlin et l'Ukraine", d) == V{"russia", "ukraine"});
  // A hyphenated word is one word: "unis" does not stand alone in it.
  d.entities.push_back({"unis", "Unis", EntityType::kGroup, {}});
  CHECK(quotegraph::resolve_name("le gouvernement des États-Unis", d) == V{"usa"});
  CHECK(quotegraph::resolve_name("les pays unis", d) == V{"unis"});
  // A form shared by two entities resolves to both, in entity order.
  d.entities.push_back({"kremlin-admin", "administration présidentielle", EntityType::kOrganization,
                        {"Kremlin"}});
  CHECK(quotegraph::resolve_name("le Kremlin", d) == V{"russia", "kremlin-admin"});
  // No name, no entity.
  CHECK(quotegraph::resolve_name("M.", d).empty());
  CHECK(quotegraph::resolve_name("Poutine", d).empty());
}

// ---------------------------------------------------------------- pairing

TEST_CASE("lenient pairs need an overlap of half the shorter span", "[evaluator][unit]") {
  GoldDocument d = small_doc(filler(100));
  d.quotes = {gold_quote(d, 0, 20, "peskov")};
  auto [begin, end, matched] = GENERATE(table<std::uint32_t, std::uint32_t, std::size_t>({
      {10, 40, 1},   // overlap 10 = half of 20
      {11, 40, 0},   // overlap 9
      {5, 15, 1},    // inside
      {0, 100, 1},   // covers the shorter span wholly
      {0, 40, 1},    // overlap 20 = half of 40
      {20, 40, 0},   // touching is no overlap
      {10, 10, 0},   // empty span
  }));
  CAPTURE(begin, end);
  const EvalReport r = eval_one(d, {claim(begin, end, "Peskov")});
  CHECK(r.total.system == 1);
  CHECK(r.total.matched == matched);
  CHECK(r.total.speaker_right == matched);
}

TEST_CASE("pairing is one to one, largest overlap over union first", "[evaluator][unit]") {
  GoldDocument d = small_doc(filler(100));
  SECTION("a quote nested in another") {
    d.quotes = {gold_quote(d, 0, 10, "peskov"), gold_quote(d, 0, 40, "russia")};
    // [0,38) pairs leniently with both; 38/40 beats 10/38.
    const EvalReport r = eval_one(d, {claim(0, 38, "Moscou")});
    CHECK(r.total.matched == 1);
    CHECK(r.total.speaker_right == 1);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].type == EvalError::Type::kMissed);
    CHECK(r.errors[0].gold_start == 0);
    CHECK(r.errors[0].gold_end == 10);
  }
  SECTION("not first come, first served") {
    d.quotes = {gold_quote(d, 0, 20, "peskov")};
    const EvalReport r = eval_one(d, {claim(0, 15, "Peskov"), claim(0, 20, "Peskov")});
    CHECK(r.total.matched == 1);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].type == EvalError::Type::kSpurious);
    CHECK(r.errors[0].system_end == 15);
  }
  SECTION("one system quote never pairs twice") {
    d.quotes = {gold_quote(d, 0, 20, "peskov"), gold_quote(d, 0, 20, "russia")};
    const EvalReport r = eval_one(d, {claim(0, 20, "Peskov")});
    CHECK(r.total.matched == 1);
    CHECK(r.total.gold == 2);
  }
}

TEST_CASE("among equal pairs, the one with the right speaker goes first", "[evaluator][unit]") {
  // Moscou et Washington se sont accusés de …: one quote per speaker, same span.
  GoldDocument d = small_doc(filler(100));
  d.quotes = {gold_quote(d, 10, 40, "usa"), gold_quote(d, 10, 40, "russia")};
  // In file order the first system quote would meet the first gold quote
  // with the wrong speaker; the tie-break must pair them crosswise.
  const EvalReport r = eval_one(d, {claim(10, 40, "Moscou"), claim(10, 40, "Washington")});
  CHECK(r.total.matched == 2);
  CHECK(r.total.speaker_right == 2);
  CHECK(r.errors.empty());
  // Overlap over union still comes before the speaker: a wrong speaker on
  // the exact span beats a right one on a looser span.
  GoldDocument single = small_doc(filler(100));
  single.quotes = {gold_quote(single, 10, 40, "usa")};
  const EvalReport r2 = eval_one(single, {claim(10, 38, "Washington"), claim(10, 40, "Moscou")});
  CHECK(r2.total.matched == 1);
  CHECK(r2.total.speaker_right == 0);
  REQUIRE(r2.errors.size() == 2);
  CHECK(r2.errors[0].type == EvalError::Type::kWrongSpeaker);
  CHECK(r2.errors[0].system_end == 40);
  CHECK(r2.errors[1].type == EvalError::Type::kSpurious);
}

TEST_CASE("strict pairs compare spans trimmed of spaces, quotes and punctuation",
          "[evaluator][unit]") {
  const std::u32string text =
      U"Il a dit : « Nous refusons tout ! » Puis il est parti (« — Non… »).";
  GoldDocument d = small_doc(text);
  const std::uint32_t s = find(text, U"Nous refusons tout !");
  d.quotes = {gold_quote(d, s, s + 20, "peskov")};
  auto [span, strict] = GENERATE(table<std::u32string, bool>({
      {U"Nous refusons tout !", true},
      {U"« Nous refusons tout ! »", true},
      {U": « Nous refusons tout", true},
      {U"Nous refusons tout ! » Puis", false},
      {U"Nous refusons", false},
  }));
  const std::uint32_t b = find(text, span);
  CAPTURE(quotegraph::to_utf8(span));
  const EvalReport r = eval_one(d, {claim(b, b + static_cast<std::uint32_t>(span.size()), "Peskov")});
  CHECK(r.total.matched == 1);
  CHECK(r.total.strict_matched == (strict ? 1u : 0u));
}

TEST_CASE("strict trimming uses every character of the list", "[evaluator][unit]") {
  // Gold "Non" inside a run of every trimmed character: the span with the
  // whole run equals "Non" once trimmed.
  const std::u32string run = U" \u00A0«»\"“”„‘’'.,;:!?…()[]-–—";
  const std::u32string text = U"x" + run + U"Non" + run + U"y";
  GoldDocument d = small_doc(text);
  const std::uint32_t s = find(text, U"Non");
  d.quotes = {gold_quote(d, s, s + 3, std::nullopt)};
  const auto wide_end = static_cast<std::uint32_t>(text.size() - 1);
  const EvalReport r = eval_one(d, {claim(1, wide_end, std::nullopt)});
  CHECK(r.total.strict_matched == 1);
  CHECK(r.total.matched == 1);
  // Cut inside the gold text ("No"): not equal once trimmed.
  const EvalReport r2 = eval_one(d, {claim(1, wide_end - static_cast<std::uint32_t>(run.size()) - 1,
                                           std::nullopt)});
  CHECK(r2.total.strict_matched == 0);
}

// ---------------------------------------------------------------- speakers, targets

TEST_CASE("speaker rules: none for none, speaker_also accepted, names resolved",
          "[evaluator][unit]") {
  GoldDocument d = small_doc(filler(100));
  d.quotes = {gold_quote(d, 0, 10, std::nullopt), gold_quote(d, 20, 30, "peskov", {}, {"russia"})};
  auto [first, second, right] =
      GENERATE(table<std::optional<std::string>, std::optional<std::string>, std::size_t>({
          {std::nullopt, "M. Peskov", 2},
          {std::string("M."), "le Kremlin", 2},  // "M." names no one
          {std::string("Peskov"), "Poutine", 0},
          {std::nullopt, std::nullopt, 1},
          {std::nullopt, "le porte-parole du Kremlin Dmitri Peskov", 2},
      }));
  const EvalReport r = eval_one(d, {claim(0, 10, first), claim(20, 30, second)});
  CHECK(r.total.matched == 2);
  CHECK(r.total.speaker_right == right);
}

TEST_CASE("targets: hits, distinct false positives, misses and unpaired quotes",
          "[evaluator][unit]") {
  GoldDocument d = small_doc(filler(200));
  d.quotes = {gold_quote(d, 0, 20, "peskov", {"usa", "ukraine"}),
              gold_quote(d, 50, 70, "peskov", {"russia"})};
  const std::vector<Claim> claims = {
      // Paired with the first: Washington and les États-Unis find usa once;
      // Moscou (russia) and la Chine (unknown) are two false positives;
      // "M." names nothing; ukraine is missed.
      claim(0, 20, "Peskov", {"Washington", "Moscou", "la Chine", "les États-Unis", "M."}),
      // Unpaired: three names of one entity are one false positive.
      claim(100, 120, "Peskov", {"Kiev", "Kyiv", "l'Ukraine"}),
  };
  // The second gold quote is unpaired: russia is missed.
  const EvalReport r = eval_one(d, claims);
  CHECK(r.total.target_tp == 1);
  CHECK(r.total.target_fp == 3);
  CHECK(r.total.target_fn == 2);
  const auto f = quotegraph::eval_figures(r.total);
  CHECK(f.target_p == Approx(0.25));
  CHECK(f.target_r == Approx(1.0 / 3));
  CHECK(f.target_f1 == Approx(2 * 0.25 / 3 / (0.25 + 1.0 / 3)));
}

TEST_CASE("acts and claims of documents without gold are not scored", "[evaluator][unit]") {
  GoldDocument d = small_doc(filler(100));
  d.quotes = {gold_quote(d, 0, 20, "peskov", {}, {}, ClaimKind::kIndirect)};
  const EvalReport r = eval_one(d, {claim(0, 20, "Peskov", {}, ClaimKind::kAct),
                                    claim(0, 20, "Peskov", {}, ClaimKind::kDirect, "other.txt"),
                                    claim(0, 20, "Peskov", {}, ClaimKind::kDirect, "out/t.txt")});
  CHECK(r.act_claims == 1);
  CHECK(r.claims_without_gold == 1);
  CHECK(r.documents_without_gold == std::vector<std::string>{"other.txt"});
  CHECK(r.total.system == 1);  // the directory part of "out/t.txt" is ignored
  CHECK(r.total.matched == 1);
  // Recall by kind uses the gold kind, precision the system kind.
  REQUIRE(r.by_kind.count("indirect") == 1);
  REQUIRE(r.by_kind.count("direct") == 1);
  CHECK(r.by_kind.at("indirect").matched == 1);
  CHECK(r.by_kind.at("indirect").system == 0);
  CHECK(r.by_kind.at("direct").system_matched == 1);
  CHECK(r.by_kind.count("mixed") == 0);
}

TEST_CASE("figures from counts, zero denominators included", "[evaluator][unit]") {
  EvalCounts c;
  c.gold = 4;
  c.system = 5;
  c.matched = 3;
  c.strict_matched = 2;
  c.speaker_right = 2;
  c.target_tp = 1;
  c.target_fp = 1;
  c.target_fn = 3;
  auto f = quotegraph::eval_figures(c);
  CHECK(f.detection_p == Approx(0.6));
  CHECK(f.detection_r == Approx(0.75));
  CHECK(f.detection_f1 == Approx(2 * 0.6 * 0.75 / 1.35));
  CHECK(f.strict_p == Approx(0.4));
  CHECK(f.strict_r == Approx(0.5));
  CHECK(f.speaker_accuracy == Approx(2.0 / 3));
  CHECK(f.attribution_p == Approx(0.4));
  CHECK(f.attribution_r == Approx(0.5));
  CHECK(f.target_p == Approx(0.5));
  CHECK(f.target_r == Approx(0.25));
  // Nothing to find and nothing found: perfect.
  f = quotegraph::eval_figures(EvalCounts{});
  CHECK(f.detection_f1 == 1.0);
  CHECK(f.speaker_accuracy == 1.0);
  CHECK(f.target_f1 == 1.0);
  // Something to find and nothing found: zero, not a division by zero.
  EvalCounts missed;
  missed.gold = 2;
  f = quotegraph::eval_figures(missed);
  CHECK(f.detection_p == 0.0);
  CHECK(f.detection_r == 0.0);
  CHECK(f.detection_f1 == 0.0);
  CHECK(f.speaker_accuracy == 0.0);
}

TEST_CASE("eval_errors names document, offsets, text and both speakers", "[evaluator][unit]") {
  const std::u32string text = U"Moscou a dit : « Non. » Washington a répondu : « Oui. » Fin.";
  GoldDocument d = small_doc(text);
  const std::uint32_t non = find(text, U"Non."), oui = find(text, U"Oui.");
  d.quotes = {gold_quote(d, non, non + 4, "russia"), gold_quote(d, oui, oui + 4, "usa")};
  const std::uint32_t fin = find(text, U"Fin.");
  const EvalReport r = eval_one(d, {claim(non, non + 4, "Washington"), claim(fin, fin + 3, "M. Peskov")});
  const std::string lines = quotegraph::eval_errors(r);
  CAPTURE(lines);
  CHECK(lines.find("t.txt:" + std::to_string(non) + "-" + std::to_string(non + 4) +
                   ": wrong speaker direct") != std::string::npos);
  CHECK(lines.find("gold speaker: russia (Russie); system speaker: Washington (resolves to usa)") !=
        std::string::npos);
  CHECK(lines.find("t.txt:" + std::to_string(oui) + "-" + std::to_string(oui + 4) +
                   ": missed direct \xC2\xAB" "Oui.\xC2\xBB; gold speaker: usa (États-Unis)") !=
        std::string::npos);
  CHECK(lines.find(": spurious direct \xC2\xAB" "Fin\xC2\xBB; system speaker: M. Peskov (resolves to peskov)") !=
        std::string::npos);
  const json j = json::parse(quotegraph::eval_to_json(r, true));
  REQUIRE(j.at("errors").size() == 3);
  CHECK(j.at("errors")[0].at("type") == "wrong_speaker");
}

// ---------------------------------------------------------------- gold files

namespace {

// A valid gold file for kGoldText, with $-placeholders a test case replaces.
const std::string kGoldText = "Moscou a dit : \xC2\xAB Nous refusons. \xC2\xBB Fin.";
// « Nous refusons. » : the content starts at code point 17 and is 14 long.
const std::string kGoldTemplate = R"({
 "document": "g.txt",
 "entities": [
  {"id": "russia", "name": "Russie", "type": "$TYPE", "aliases": ["Moscou"]},
  {"id": "usa", "name": "États-Unis", "type": "country", "aliases": []}
 ],
 "quotes": [
  {"kind": "$KIND", "start": $START, "end": $END, "text": "$TEXT",
   "speaker": $SPEAKER, "speaker_also": [$ALSO], "cue": "a dit", "targets": [$TARGETS]}
 ]
})";

std::string gold_json(std::vector<std::pair<std::string, std::string>> replacements) {
  std::vector<std::pair<std::string, std::string>> all = {
      {"$TYPE", "country"}, {"$KIND", "direct"}, {"$START", "17"},     {"$END", "31"},
      {"$TEXT", "Nous refusons."}, {"$SPEAKER", "\"russia\""}, {"$ALSO", ""}, {"$TARGETS", "\"usa\""}};
  for (auto& [key, value] : replacements)
    for (auto& p : all)
      if (p.first == key) p.second = value;
  std::string s = kGoldTemplate;
  for (const auto& [key, value] : all) s.replace(s.find(key), key.size(), value);
  return s;
}

}  // namespace

TEST_CASE("a valid gold file loads with every field", "[gold][unit]") {
  TempDir dir;
  write_text_file(dir.file("g.gold.json"), gold_json({}));
  const auto text = quotegraph::decode_utf8(kGoldText);
  REQUIRE(text);
  Diagnostics diags;
  auto gold = quotegraph::load_gold(dir.file("g.gold.json"), text.text(), diags);
  CAPTURE(diags.items().size());
  REQUIRE(gold);
  CHECK(diags.empty());
  CHECK(gold->name == "g.txt");
  REQUIRE(gold->entities.size() == 2);
  CHECK(gold->entities[0].type == EntityType::kCountry);
  REQUIRE(gold->quotes.size() == 1);
  const GoldQuote& q = gold->quotes[0];
  CHECK(q.start == 17);
  CHECK(q.end == 31);
  CHECK(q.text == "Nous refusons.");
  CHECK(q.speaker == std::optional<std::string>("russia"));
  CHECK(q.cue == std::optional<std::string>("a dit"));
  CHECK(q.targets == std::vector<std::string>{"usa"});
  // Written back and read again, it is the same annotation.
  Diagnostics again;
  auto reread = quotegraph::parse_gold(quotegraph::gold_to_json(*gold), "rewritten", "g.txt",
                                       text.text(), again);
  REQUIRE(reread);
  CHECK(reread->quotes.size() == 1);
  CHECK(reread->quotes[0].text == q.text);
  CHECK(reread->entities[1].name == "États-Unis");
}

TEST_CASE("gold validation names the file, the quote and the problem", "[gold][bad-input]") {
  auto [description, replacements, expected] = GENERATE(table<std::string,
      std::vector<std::pair<std::string, std::string>>, std::string>({
      {"text differs", {{"$TEXT", "Nous refusions."}},
       ": error: quote 1 (17-31): text does not match the document at these offsets: gold "
       "\xC2\xAB" "Nous refusions.\xC2\xBB, document \xC2\xAB" "Nous refusons.\xC2\xBB"},
      {"offsets in bytes", {{"$START", "18"}, {"$END", "32"}},
       ": error: quote 1 (18-32): text does not match the document at these offsets: gold "
       "\xC2\xAB" "Nous refusons.\xC2\xBB, document \xC2\xAB" "ous refusons. \xC2\xBB (the gold text is at 17-31)"},
      {"end out of range", {{"$END", "999"}},
       ": error: quote 1 (17-999): offsets out of range: the document has 38 code points"},
      {"empty span", {{"$END", "17"}}, ": error: quote 1 (17-17): empty span"},
      {"reversed span", {{"$START", "31"}, {"$END", "17"}}, ": error: quote 1 (31-17): start after end"},
      {"negative offset", {{"$START", "-1"}},
       ": error: quote 1 (-1-31): field \"start\" must be a non-negative integer"},
      {"offset as string", {{"$START", "\"17\""}},
       ": error: quote 1 (?-31): field \"start\" must be a non-negative integer"},
      {"unknown speaker", {{"$SPEAKER", "\"kremlin\""}},
       ": error: quote 1 (17-31): unknown entity id \"kremlin\" in speaker"},
      {"unknown speaker_also", {{"$ALSO", "\"moscou\""}},
       ": error: quote 1 (17-31): unknown entity id \"moscou\" in speaker_also"},
      {"unknown target", {{"$TARGETS", "\"usa\", \"ukraine\""}},
       ": error: quote 1 (17-31): unknown entity id \"ukraine\" in targets"},
      {"unknown kind", {{"$KIND", "act"}},
       ": error: quote 1 (17-31): unknown kind \"act\" (expected direct, mixed or indirect)"},
      {"unknown type", {{"$TYPE", "city"}},
       ": error: entity 1 (russia): unknown type \"city\""},
      {"speaker not a string", {{"$SPEAKER", "42"}},
       ": error: quote 1 (17-31): field \"speaker\" must be a string or null, not a number 42"},
      {"target not a string", {{"$TARGETS", "null"}},
       ": error: quote 1 (17-31): field \"targets\" holds null null where a string is expected"},
  }));
  CAPTURE(description);
  TempDir dir;
  const std::string path = dir.file("g.gold.json");
  write_text_file(path, gold_json(replacements));
  const auto text = quotegraph::decode_utf8(kGoldText);
  Diagnostics diags;
  CHECK_FALSE(quotegraph::load_gold(path, text.text(), diags));
  REQUIRE(diags.has_errors());
  std::string all;
  for (const auto& d : diags.items()) {
    CHECK(d.code == quotegraph::DiagCode::kBadGold);
    all += quotegraph::format_gold_diagnostic(d) + "\n";
  }
  CAPTURE(all);
  CHECK(all.find(path + expected) != std::string::npos);
}

TEST_CASE("gold validation: missing fields, duplicates, wrong document", "[gold][bad-input]") {
  const auto text = quotegraph::decode_utf8(kGoldText);
  auto [description, edit, expected] = GENERATE(table<std::string, std::string, std::string>({
      {"no cue", "\"cue\": \"a dit\", ", "quote 1 (17-31): missing field \"cue\""},
      {"no speaker_also", "\"speaker_also\": [], ", "quote 1 (17-31): missing field \"speaker_also\""},
      {"no aliases", ", \"aliases\": []", "entity 2 (usa): missing field \"aliases\""},
      {"no quotes", ",\n \"quotes\": [\n  {\"kind\": \"direct\", \"start\": 17, \"end\": 31, \"text\": "
                    "\"Nous refusons.\",\n   \"speaker\": \"russia\", \"speaker_also\": [], \"cue\": "
                    "\"a dit\", \"targets\": [\"usa\"]}\n ]",
       "missing field \"quotes\""},
  }));
  CAPTURE(description);
  std::string json_text = gold_json({});
  const auto at = json_text.find(edit);
  REQUIRE(at != std::string::npos);
  json_text.erase(at, edit.size());
  Diagnostics diags;
  CHECK_FALSE(quotegraph::parse_gold(json_text, "g.gold.json", "g.txt", text.text(), diags));
  REQUIRE(!diags.empty());
  std::string all;
  for (const auto& d : diags.items()) all += quotegraph::format_gold_diagnostic(d) + "\n";
  CAPTURE(all);
  CHECK(all.find("g.gold.json: error: " + expected) != std::string::npos);

  Diagnostics dup;
  std::string twice = gold_json({});
  twice.replace(twice.find("\"id\": \"usa\""), 11, "\"id\": \"russia\"");
  CHECK_FALSE(quotegraph::parse_gold(twice, "g.gold.json", "g.txt", text.text(), dup));
  REQUIRE(!dup.empty());
  CHECK(dup.items()[0].message.find("duplicate entity id \"russia\"") != std::string::npos);

  Diagnostics misnamed;
  CHECK_FALSE(quotegraph::parse_gold(gold_json({}), "h.gold.json", "h.txt", text.text(), misnamed));
  REQUIRE(!misnamed.empty());
  CHECK(misnamed.items()[0].message ==
        "field \"document\" gives \"g.txt\" but this gold file belongs to \"h.txt\"");
}

TEST_CASE("bad JSON in a gold file is reported with its line", "[gold][bad-input]") {
  auto [json_text, line] = GENERATE(table<std::string, std::size_t>({
      {"{\n \"document\": \"g.txt\",\n \"entities\": [\n  {\"id\": \"x\",}\n ]\n}", 4},
      {"{\n \"document\": \"g.txt\"\n \"entities\": []\n}", 3},
      {"{\n \"document\": \"g.txt\",\n", 3},
      {"", 1},
      {"{\"document\": \"g\xFF.txt\"}", 1},
  }));
  TempDir dir;
  const std::string path = dir.file("g.gold.json");
  write_text_file(path, json_text);
  Diagnostics diags;
  CHECK_FALSE(quotegraph::load_gold(path, U"Texte.", diags));
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.offset == line);
  CHECK(std::string(d.offset_unit) == "line");
  const std::string formatted = quotegraph::format_gold_diagnostic(d);
  CAPTURE(formatted);
  CHECK(formatted.rfind(path + ":" + std::to_string(line) + ": error: bad JSON at line " +
                            std::to_string(line) + ", column ",
                        0) == 0);
}

TEST_CASE("load_gold_dir keeps the good documents and reports the bad ones",
          "[gold][bad-input]") {
  TempDir dir;
  write_text_file(dir.file("g.txt"), kGoldText);
  write_text_file(dir.file("g.gold.json"), gold_json({}));
  std::string other = gold_json({{"$TEXT", "Nous refusions."}});
  other.replace(other.find("g.txt"), 5, "h.txt");
  write_text_file(dir.file("h.txt"), kGoldText);
  write_text_file(dir.file("h.gold.json"), other);
  std::string lonely = gold_json({});
  lonely.replace(lonely.find("g.txt"), 5, "i.txt");
  write_text_file(dir.file("i.gold.json"), lonely);  // no i.txt
  write_text_file(dir.file("j.txt"), "caf\xC3");
  write_text_file(dir.file("j.gold.json"), "{}");
  Diagnostics diags;
  const auto docs = quotegraph::load_gold_dir(dir.path.string(), diags);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].name == "g.txt");
  std::string all;
  for (const auto& d : diags.items()) all += quotegraph::format_gold_diagnostic(d) + "\n";
  CAPTURE(all);
  CHECK(all.find(dir.file("h.gold.json") + ": error: quote 1 (17-31): text does not match") !=
        std::string::npos);
  CHECK(all.find(dir.file("i.gold.json") + ": error: cannot read the document") != std::string::npos);
  CHECK(all.find(dir.file("j.txt") + ":3 (byte): error: invalid UTF-8") != std::string::npos);

  TempDir empty;
  Diagnostics none;
  CHECK(quotegraph::load_gold_dir(empty.path.string(), none).empty());
  CHECK(none.has_errors());
}

TEST_CASE("gold_draft makes a gold file that validates", "[gold][unit]") {
  const std::u32string text = U"Le Kremlin a dit : « Non. » Selon Washington, tout va bien.";
  std::vector<Claim> claims;
  Claim c = claim(find(text, U"Non."), find(text, U"Non.") + 4, "Kremlin", {"États-Unis"});
  c.speaker->id = "russie";
  c.speaker->mention.text = "Le Kremlin";
  c.targets[0].mention.text = "Washington";
  c.cue = "a dit";
  claims.push_back(c);
  Claim past_end = claim(find(text, U"tout"), 500, "Washington", {}, ClaimKind::kIndirect);
  past_end.speaker->type = EntityType::kCountry;
  claims.push_back(past_end);
  claims.push_back(claim(0, 10, "Kremlin", {}, ClaimKind::kAct));  // acts are not quotes
  const GoldDocument draft = quotegraph::gold_draft("d.txt", text, claims);
  REQUIRE(draft.quotes.size() == 2);
  CHECK(draft.quotes[0].speaker == std::optional<std::string>("russie"));
  CHECK(draft.quotes[0].targets == std::vector<std::string>{"etats-unis"});
  CHECK(draft.quotes[0].cue == std::optional<std::string>("a dit"));
  CHECK(draft.quotes[1].end == text.size());  // clamped to the text
  CHECK_FALSE(draft.quotes[1].cue);
  REQUIRE(draft.entities.size() == 3);
  CHECK(draft.entities[0].aliases == std::vector<std::string>{"Le Kremlin"});
  CHECK(draft.entities[0].type == EntityType::kOrganization);  // unknown written as organization
  CHECK(draft.entities[2].id == "washington");
  CHECK(draft.entities[2].type == EntityType::kCountry);
  Diagnostics diags;
  auto reread = quotegraph::parse_gold(quotegraph::gold_to_json(draft), "d.gold.json", "d.txt",
                                       text, diags);
  CHECK(diags.empty());
  REQUIRE(reread);
  CHECK(reread->quotes.size() == 2);
  CHECK(quotegraph::slugify("Dmitri Peskov") == "dmitri-peskov");
  CHECK(quotegraph::slugify("  l'Élysée ") == "l-elysee");
  CHECK(quotegraph::slugify("« »") == "entity");
}

// ---------------------------------------------------------------- whole sets

namespace {

struct GoldSet {
  const char* label;
  std::string dir;
};

std::vector<GoldSet> gold_sets() {
  return {{"seeds", QUOTEGRAPH_SEEDS_DIR}, {"dev", std::string(QUOTEGRAPH_TEST_DATA_DIR) + "/dev"}};
}

std::vector<GoldDocument> load_set(const std::string& dir) {
  Diagnostics diags;
  auto docs = quotegraph::load_gold_dir(dir, diags);
  std::string all;
  for (const auto& d : diags.items()) all += quotegraph::format_gold_diagnostic(d) + "\n";
  CAPTURE(dir, all);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(!docs.empty());
  return docs;
}

// Checks `value` against `floor` for every figure `floor` lists (objects
// nest, as recall_by_kind does).
void check_floors(const json& value, const json& floor, const std::string& where) {
  for (auto it = floor.begin(); it != floor.end(); ++it) {
    const std::string key = where + it.key();
    CAPTURE(key);
    REQUIRE(value.contains(it.key()));
    if (it->is_object()) {
      check_floors(value.at(it.key()), *it, key + ".");
    } else {
      REQUIRE(it->is_number());
      const double got = value.at(it.key()).get<double>(), min = it->get<double>();
      CAPTURE(got, min);
      CHECK(got >= min);
    }
  }
}

}  // namespace

TEST_CASE("a perfect system scores 1.0 on every figure", "[evaluator]") {
  for (const auto& set : gold_sets()) {
    CAPTURE(set.label);
    const auto docs = load_set(set.dir);
    std::vector<Claim> claims;
    for (const auto& d : docs)
      for (auto& c : quotegraph::gold_to_claims(d)) claims.push_back(std::move(c));
    const EvalReport r = quotegraph::evaluate(docs, claims);
    const json j = json::parse(quotegraph::eval_to_json(r));
    for (const char* key : kFigureKeys) {
      CAPTURE(key);
      CHECK(j.at(key).get<double>() == 1.0);
    }
    CHECK(j.at("gold").get<std::size_t>() == claims.size());
    CHECK(j.at("target_tp").get<std::size_t>() > 0);
    REQUIRE(j.at("recall_by_kind").size() >= 2);
    for (const auto& [kind, recall] : j.at("recall_by_kind").items()) {
      CAPTURE(kind);
      CHECK(recall.get<double>() == 1.0);
    }
    for (const auto& doc : j.at("documents")) CHECK(doc.at("attribution_f1").get<double>() == 1.0);
  }
}

TEST_CASE("the extractor stays above the floors of eval_floors.json", "[evaluator][regression]") {
  std::ifstream in(std::string(QUOTEGRAPH_TEST_DATA_DIR) + "/eval_floors.json");
  REQUIRE(in);
  const json floors = json::parse(in);
  for (const auto& set : gold_sets()) {
    CAPTURE(set.label);
    REQUIRE(floors.contains(set.label));
    const json& floor = floors.at(set.label);
    // Every figure has a floor, so none can silently escape the guard.
    for (const char* key : kFigureKeys) {
      CAPTURE(key);
      CHECK(floor.contains(key));
    }
    const auto docs = load_set(set.dir);
    Diagnostics diags;
    const auto claims = quotegraph::extract_gold_claims(docs, quotegraph::default_data_dir(), diags);
    REQUIRE(claims);
    const json report = json::parse(quotegraph::eval_to_json(quotegraph::evaluate(docs, *claims)));
    INFO(report.dump(1));
    check_floors(report, floor, "");
  }
}

// ---------------------------------------------------------------- independent scorer

namespace {

// A deterministic imitation of a fallible system: spans shifted, widened or
// cut, speakers wrong, missing or named by an alias, targets dropped, added
// or renamed, quotes dropped, spurious quotes, plus acts and a claim of a
// document without gold.
std::vector<Claim> perturbed_claims(const std::vector<GoldDocument>& docs, std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::vector<Claim> out;
  for (const auto& d : docs) {
    const auto size = static_cast<std::uint32_t>(d.text.size());
    auto any_name = [&]() -> std::string {
      const GoldEntity& e = d.entities[pick(d.entities.size())];
      if (e.aliases.empty() || pick(3) == 0) return e.name;
      return e.aliases[pick(e.aliases.size())];
    };
    for (Claim c : quotegraph::gold_to_claims(d)) {
      const std::uint32_t len = c.end - c.begin;
      switch (pick(10)) {
        case 0: continue;  // missed
        case 1: {          // shifted
          const std::uint32_t delta = 1 + static_cast<std::uint32_t>(pick(std::max<std::uint32_t>(len, 2)));
          c.begin = std::min(c.begin + delta, size);
          c.end = std::min(c.end + delta, size);
          break;
        }
        case 2: c.speaker = EntityRef{"", any_name(), EntityType::kUnknown, {}}; break;  // perhaps wrong
        case 3: c.speaker.reset(); break;
        case 4:  // right, through an alias and a title
          if (c.speaker) c.speaker->name = "M. " + c.speaker->name;
          break;
        case 5:  // targets changed
          if (!c.targets.empty()) c.targets.erase(c.targets.begin());
          c.targets.push_back(EntityRef{"", any_name(), EntityType::kUnknown, {}});
          c.targets.push_back(EntityRef{"", "le Groland", EntityType::kUnknown, {}});
          break;
        case 6:  // widened by the quotation marks
          c.begin = c.begin >= 2 ? c.begin - 2 : 0;
          c.end = std::min(c.end + 2, size);
          break;
        case 7:  // cut to two thirds
          c.end = c.begin + std::max<std::uint32_t>(1, len * 2 / 3);
          break;
        default: break;
      }
      if (!c.speaker && pick(4) == 0) c.speaker = EntityRef{"", any_name(), EntityType::kUnknown, {}};
      c.text = quotegraph::to_utf8(std::u32string_view(d.text).substr(c.begin, c.end - c.begin));
      out.push_back(std::move(c));
      if (pick(4) == 0) {  // spurious
        const std::uint32_t l = 5 + static_cast<std::uint32_t>(pick(80));
        const std::uint32_t b = static_cast<std::uint32_t>(pick(size > l ? size - l : 1));
        Claim s;
        s.document = d.name;
        s.begin = b;
        s.end = std::min(b + l, size);
        s.kind = static_cast<ClaimKind>(pick(3));
        s.text = quotegraph::to_utf8(std::u32string_view(d.text).substr(s.begin, s.end - s.begin));
        if (pick(3) != 0) s.speaker = EntityRef{"", any_name(), EntityType::kUnknown, {}};
        for (std::size_t t = pick(3); t > 0; --t)
          s.targets.push_back(EntityRef{"", any_name(), EntityType::kUnknown, {}});
        out.push_back(std::move(s));
      }
    }
    out.push_back(claim(0, 5, "Moscou", {}, ClaimKind::kAct, d.name));
  }
  out.push_back(claim(0, 5, "Moscou", {}, ClaimKind::kDirect, "sans-gold.txt"));
  return out;
}

// Every number of `a` (the C++ report) must be within 0.005 of the same
// place in `b` (the Python one), and both must have the same keys.
void compare_reports(const json& a, const json& b, const std::string& where) {
  CAPTURE(where);
  if (a.is_object()) {
    REQUIRE(b.is_object());
    for (auto it = a.begin(); it != a.end(); ++it) {
      CAPTURE(it.key());
      REQUIRE(b.contains(it.key()));
      compare_reports(*it, b.at(it.key()), where + "." + it.key());
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
      CAPTURE(it.key());
      CHECK(a.contains(it.key()));
    }
  } else if (a.is_array()) {
    REQUIRE(b.is_array());
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
      compare_reports(a[i], b[i], where + "[" + std::to_string(i) + "]");
  } else if (a.is_number()) {
    REQUIRE(b.is_number());
    CHECK(std::fabs(a.get<double>() - b.get<double>()) <= 0.005);
  } else {
    CHECK(a == b);
  }
}

}  // namespace

TEST_CASE("eval agrees with the independent scorer scripts/score_gold.py",
          "[evaluator][cross-check]") {
  for (const auto& set : gold_sets()) {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
      CAPTURE(set.label, seed);
      const auto docs = load_set(set.dir);
      TempDir tmp;
      const std::string claims_path = tmp.file("claims.jsonl");
      {
        std::ofstream out(claims_path, std::ios::binary);
        for (const Claim& c : perturbed_claims(docs, seed)) out << quotegraph::claim_to_json(c) << '\n';
      }
      // Scored from the file, as `quotegraph eval --claims` does.
      std::ifstream in(claims_path, std::ios::binary);
      Diagnostics diags;
      const auto claims = quotegraph::read_claims(in, claims_path, diags);
      REQUIRE(diags.empty());
      const json ours = json::parse(quotegraph::eval_to_json(quotegraph::evaluate(docs, claims)));

      const std::string out_path = tmp.file("python.json"), err_path = tmp.file("python.err");
      const std::string command = "/usr/bin/python3 " +
                                  quoted(std::string(QUOTEGRAPH_SCRIPTS_DIR) + "/score_gold.py") +
                                  " --gold " + quoted(set.dir) + " --claims " + quoted(claims_path) +
                                  " --json > " + quoted(out_path) + " 2> " + quoted(err_path);
      const int status = run(command);
      INFO(read_text_file(err_path));
      REQUIRE(status == 0);
      const json theirs = json::parse(read_text_file(out_path));
      compare_reports(ours, theirs, "");
      // The perturbation must actually hurt, or the comparison proves little.
      CHECK(ours.at("detection_f1").get<double>() < 1.0);
      CHECK(ours.at("strict_f1").get<double>() < ours.at("detection_f1").get<double>());
      CHECK(ours.at("speaker_accuracy").get<double>() < 1.0);
      CHECK(ours.at("target_f1").get<double>() < 1.0);
      CHECK(ours.at("act_claims").get<std::size_t>() == docs.size());
      CHECK(ours.at("claims_without_gold").get<std::size_t>() == 1);
    }
  }
}

// ---------------------------------------------------------------- command line

#if defined(QUOTEGRAPH_CLI_PATH)

TEST_CASE("quotegraph eval: exit 1 and a located message for bad gold", "[cli][bad-input]") {
  TempDir dir;
  write_text_file(dir.file("g.txt"), kGoldText);
  write_text_file(dir.file("g.gold.json"), gold_json({{"$TARGETS", "\"ukraine\""}}));
  write_text_file(dir.file("h.txt"), kGoldText);
  std::string good = gold_json({});
  good.replace(good.find("g.txt"), 5, "h.txt");
  write_text_file(dir.file("h.gold.json"), good);
  // Perfect claims for h.txt: the good document is still scored.
  write_text_file(dir.file("claims.jsonl"),
             "{\"document\": \"h.txt\", \"start\": 17, \"end\": 31, \"kind\": \"direct\", "
             "\"speaker\": \"Moscou\", \"targets\": [\"États-Unis\"]}\n");
  const int status = run(quoted(QUOTEGRAPH_CLI_PATH) + " eval --json --gold " + quoted(dir.path.string()) +
                     " --claims " + quoted(dir.file("claims.jsonl")) + " > " +
                     quoted(dir.file("out")) + " 2> " + quoted(dir.file("err")));
  const std::string err = read_text_file(dir.file("err"));
  CAPTURE(err);
  CHECK(status == 1);
  CHECK(err.find(dir.file("g.gold.json") + ": error: quote 1 (17-31): unknown entity id \"ukraine\" in targets") !=
        std::string::npos);
  const json out = json::parse(read_text_file(dir.file("out")));
  CHECK(out.at("gold").get<int>() == 1);
  CHECK(out.at("attribution_f1").get<double>() == 1.0);
  CHECK(out.at("target_f1").get<double>() == 1.0);
}

TEST_CASE("quotegraph gold-draft writes a valid draft and keeps existing files",
          "[cli][bad-input]") {
  TempDir dir;
  fs::copy_file(std::string(QUOTEGRAPH_SEEDS_DIR) + "/000_df129b15e3c6ff2f.txt", dir.file("a.txt"));
  const std::string cli = quoted(QUOTEGRAPH_CLI_PATH) + " gold-draft ";
  const std::string quiet = " > " + quoted(dir.file("out")) + " 2> " + quoted(dir.file("err"));
  REQUIRE(run(cli + quoted(dir.file("a.txt")) + quiet) == 0);
  const std::string draft = read_text_file(dir.file("a.gold.json"));
  Diagnostics diags;
  auto text = quotegraph::decode_utf8(read_text_file(dir.file("a.txt")));
  REQUIRE(quotegraph::load_gold(dir.file("a.gold.json"), text.text(), diags));
  CHECK_FALSE(diags.has_errors());
  // No overwrite without --force, and the file is untouched.
  write_text_file(dir.file("a.gold.json"), "hand-corrected");
  CHECK(run(cli + quoted(dir.file("a.txt")) + quiet) == 1);
  CHECK(read_text_file(dir.file("err")).find("already exists") != std::string::npos);
  CHECK(read_text_file(dir.file("a.gold.json")) == "hand-corrected");
  CHECK(run(cli + "--force " + quoted(dir.file("a.txt")) + quiet) == 0);
  CHECK(read_text_file(dir.file("a.gold.json")) == draft);
  // No temporary file left behind.
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path)) files += entry.is_regular_file();
  CHECK(files == 4);  // a.txt, a.gold.json, out, err
}

#endif

// Tests for attributor.h: the Attributor on its own (mentions and claims
// well formed, a few constructions checked by hand) and the hand-written
// cases of tests/data/attribution_cases.jsonl, one French construction per
// case. Over those cases the test measures, per construction, how many
// expected claims are found (detection recall) and how many of the found
// ones have the right speaker (speaker accuracy), prints the figures and
// fails when one drops below its floor in tests/data/attribution_floors.json.
// Near misses (texts that look like reported speech but are not) must give
// no claim of kind direct, mixed or indirect, except the known failures the
// floors file lists by id.
#include "quotegraph/attribution/attributor.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/extraction.h"
#include "support/test_support.h"
#include "quotegraph/eval/evaluator.h"
#include "quotegraph/eval/gold.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/text/text.h"

using nlohmann::json;
using quotegraph::Claim;
using quotegraph::ClaimKind;
using quotegraph::Diagnostics;
using quotegraph::Pipeline;

namespace {

using quotegraph_test::extract_claims;
const auto& read_json = quotegraph_test::read_json_file;

const Pipeline& pipeline() { return quotegraph_test::shared_pipeline(); }


std::u32string u32(const std::string& s) {
  auto r = quotegraph::decode_utf8(s);
  REQUIRE(r);
  return r.text();
}


struct ExpectedClaim {
  ClaimKind kind = ClaimKind::kDirect;
  std::uint32_t begin = 0, end = 0;
  std::string speaker;  // "" when the text names no source
  bool strict = false;  // the span must be the expected one (strict pair), not only overlap it
};

struct Case {
  std::string id, construction;
  std::u32string text;
  std::vector<ExpectedClaim> claims;
  quotegraph::GoldDocument gold;  // the case's speakers as entities, for resolve_name
};

// Reads the cases of a JSONL file in the format of attribution_cases.jsonl;
// a claim may list "speaker_aliases", other names of its speaker (an
// organisation's acronym) that count as right too. "strict": true on a case
// or on one of its claims asks for the exact span (a strict pair of
// GOLD_FORMAT.md): cases about content bounds, which a lenient pair would
// pass whatever the bounds.
std::vector<Case> load_cases(const std::string& path = QUOTEGRAPH_TEST_DATA_DIR "/attribution_cases.jsonl") {
  std::vector<Case> cases;
  std::ifstream in(path);
  REQUIRE(in.good());
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    INFO(path << " line " << line_no);
    json j = json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    Case c;
    c.id = j.at("id").get<std::string>();
    c.construction = j.at("construction").get<std::string>();
    c.text = u32(j.at("text").get<std::string>());
    c.gold.name = c.id;
    c.gold.text = c.text;
    std::set<std::string> entity_ids;
    std::size_t search_from = 0;
    for (const json& jc : j.at("claims")) {
      ExpectedClaim e;
      auto kind = quotegraph::parse_claim_kind(jc.at("kind").get<std::string>());
      REQUIRE(kind);
      e.kind = *kind;
      std::u32string content = u32(jc.at("content").get<std::string>());
      // Claims sharing a span (several speakers) find the same content;
      // otherwise the next occurrence after the previous claim is taken.
      std::size_t at = c.text.find(content, search_from);
      if (at == std::u32string::npos) at = c.text.find(content);
      INFO(c.id << ": content not in text: " << jc.at("content").get<std::string>());
      REQUIRE(at != std::u32string::npos);
      e.begin = static_cast<std::uint32_t>(at);
      e.end = static_cast<std::uint32_t>(at + content.size());
      if (jc.contains("speaker") && jc["speaker"].is_string()) e.speaker = jc["speaker"].get<std::string>();
      e.strict = j.value("strict", false) || jc.value("strict", false);
      if (!e.speaker.empty() && entity_ids.insert(e.speaker).second) {
        quotegraph::GoldEntity ge;
        ge.id = e.speaker;
        ge.name = e.speaker;
        if (jc.contains("speaker_aliases")) ge.aliases = jc["speaker_aliases"].get<std::vector<std::string>>();
        c.gold.entities.push_back(ge);
      }
      c.claims.push_back(e);
    }
    cases.push_back(std::move(c));
  }
  REQUIRE_FALSE(cases.empty());
  return cases;
}

bool is_reported_speech(ClaimKind k) { return k != ClaimKind::kAct; }

// Lenient pair of GOLD_FORMAT.md: the overlap covers at least half of the
// shorter span.
bool lenient_pair(std::uint32_t b1, std::uint32_t e1, std::uint32_t b2, std::uint32_t e2) {
  if (e1 <= b1 || e2 <= b2) return false;
  std::uint32_t lo = std::max(b1, b2), hi = std::min(e1, e2);
  if (hi <= lo) return false;
  std::uint32_t shorter = std::min(e1 - b1, e2 - b2);
  return 2 * (hi - lo) >= shorter;
}

// Strict pair of GOLD_FORMAT.md: the spans of `text` are equal once white
// space and the quotation marks and punctuation it lists are trimmed at
// both ends.
bool strict_pair(const std::u32string& text, std::uint32_t b1, std::uint32_t e1, std::uint32_t b2, std::uint32_t e2) {
  static const std::u32string kTrimmed = U"«»\"“”„‘’'.,;:!?…()[]-–—";
  auto trim = [&](std::uint32_t& b, std::uint32_t& e) {
    auto edge = [&](char32_t c) { return quotegraph::is_space(c) || kTrimmed.find(c) != std::u32string::npos; };
    while (b < e && edge(text[b])) ++b;
    while (e > b && edge(text[e - 1])) --e;
  };
  trim(b1, e1);
  trim(b2, e2);
  return b1 < e1 && b1 == b2 && e1 == e2;
}

bool speaker_right(const ExpectedClaim& e, const Claim& c, const quotegraph::GoldDocument& gold) {
  const std::string name = c.speaker ? c.speaker->name : std::string();
  if (e.speaker.empty()) return quotegraph::normalize_name(name).empty();
  auto ids = quotegraph::resolve_name(name, gold);
  return std::find(ids.begin(), ids.end(), e.speaker) != ids.end();
}

struct Tally {
  int expected = 0, detected = 0, speaker_right = 0;
  double recall() const { return expected ? double(detected) / expected : 1.0; }
  double speaker_accuracy() const { return detected ? double(speaker_right) / detected : 1.0; }
  Tally& operator+=(const Tally& other) {
    expected += other.expected;
    detected += other.detected;
    speaker_right += other.speaker_right;
    return *this;
  }
};

// Pairs each expected claim with at most one system claim of the same
// family (act with act, reported speech with reported speech), preferring
// one with the right speaker; counts into `t`. Returns the ids of expected
// claims missed, for the report.
void score_case(const Case& c, const std::vector<Claim>& claims, Tally& t, std::vector<std::string>& misses) {
  std::vector<bool> used(claims.size(), false);
  for (std::size_t k = 0; k < c.claims.size(); ++k) {
    const ExpectedClaim& e = c.claims[k];
    ++t.expected;
    int best = -1;
    bool best_right = false;
    for (std::size_t s = 0; s < claims.size(); ++s) {
      if (used[s] || is_reported_speech(claims[s].kind) != is_reported_speech(e.kind)) continue;
      if (!lenient_pair(e.begin, e.end, claims[s].begin, claims[s].end)) continue;
      if (e.strict && !strict_pair(c.text, e.begin, e.end, claims[s].begin, claims[s].end)) continue;
      bool right = speaker_right(e, claims[s], c.gold);
      if (best < 0 || (right && !best_right)) {
        best = static_cast<int>(s);
        best_right = right;
      }
    }
    if (best < 0) {
      misses.push_back(c.id + "#" + std::to_string(k) + " (missed)");
      continue;
    }
    used[best] = true;
    ++t.detected;
    if (best_right) {
      ++t.speaker_right;
    } else {
      const Claim& s = claims[best];
      misses.push_back(c.id + "#" + std::to_string(k) + " (speaker " +
                       (s.speaker ? "\"" + s.speaker->name + "\"" : std::string("none")) + ", expected \"" +
                       e.speaker + "\")");
    }
  }
}

}  // namespace

TEST_CASE("Attributor output is well formed on an article-like text", "[attributor][unit]") {
  Diagnostics diags;
  auto lexicon = quotegraph::Lexicon::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  auto words = quotegraph::WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(words);
  auto gazetteer = quotegraph::Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, *words, diags);
  REQUIRE(lexicon);
  REQUIRE(gazetteer);
  quotegraph::Document doc;
  doc.name = "a.txt";
  doc.text =
      U"Le porte-parole du Kremlin, Dmitri Peskov, a accusé mardi Washington de "
      U"« jeter de l'huile sur le feu ». « Nous ne resterons pas les bras croisés », "
      U"a-t-il ajouté. Selon le ministère russe des Affaires étrangères, les sanctions "
      U"sont illégales.";
  quotegraph::Segmenter(*words).segment(doc);
  auto quotes = quotegraph::detect_quotes(doc, diags);
  quotegraph::Attributor attributor(*lexicon, *gazetteer, *words);
  quotegraph::Attribution a = attributor.attribute(doc, quotes);

  REQUIRE_FALSE(a.claims.empty());
  for (std::size_t i = 0; i < a.claims.size(); ++i) {
    const auto& c = a.claims[i];
    CHECK(c.begin < c.end);
    CHECK(c.end <= doc.text.size());
    if (i > 0) CHECK(a.claims[i - 1].begin <= c.begin);
    CHECK(c.speaker < static_cast<int>(a.mentions.size()));
    for (int t : c.targets) {
      CHECK(t >= 0);
      CHECK(t < static_cast<int>(a.mentions.size()));
    }
  }
  for (const auto& m : a.mentions) {
    CHECK(m.begin < m.end);
    REQUIRE(m.end <= doc.text.size());
    CHECK(m.text == quotegraph::to_utf8(doc.slice(m.begin, m.end)));
    CHECK(m.antecedent < static_cast<int>(a.mentions.size()));
  }
  // The second quote is a direct quote, said by Peskov through "a-t-il".
  const auto second = doc.text.find(U"Nous ne resterons");
  bool found = false;
  for (const auto& c : a.claims) {
    if (c.kind != ClaimKind::kDirect || c.begin != second) continue;
    found = true;
    CHECK(c.cue == "a-t-il ajouté");
    REQUIRE(c.speaker >= 0);
    int m = c.speaker;
    while (a.mentions[m].antecedent >= 0 && a.mentions[m].name.empty()) m = a.mentions[m].antecedent;
    CHECK(a.mentions[m].name == "Dmitri Peskov");
  }
  CHECK(found);
}

TEST_CASE("degenerate texts give well-formed results", "[attributor][bad-input]") {
  // Fragments of reported speech with parts missing: whatever is found must
  // stay inside the text, and the text with no speech gives nothing.
  for (const char* text : {"La neige est tombée sur Lyon.", "« »", "« Non »", "« « » » , a-t-il",
                           "a-t-il dit.", "Selon", "Selon lui", ", a déclaré", "« Oui », a déclaré",
                           // A quotation opening its sentence, never closed, at the document's end.
                           "Paul Roy parle.\n\n« Tout va bien et le reste suit"}) {
    INFO(text);
    Diagnostics diags;
    const std::u32string t = u32(text);
    auto r = pipeline().process_text("x.txt", t, diags);
    REQUIRE(r.ok);
    REQUIRE(r.speaker_entity.size() == r.claims.size());
    REQUIRE(r.target_entities.size() == r.claims.size());
    for (std::size_t i = 0; i < r.claims.size(); ++i) {
      const Claim& c = r.claims[i];
      CHECK(c.begin < c.end);
      CHECK(c.end <= t.size());
      CHECK(c.text == quotegraph::to_utf8(std::u32string_view(t).substr(c.begin, c.end - c.begin)));
      CHECK(r.speaker_entity[i] < static_cast<int>(r.entities.size()));
      CHECK(c.targets.size() == r.target_entities[i].size());
    }
    if (std::string(text).find("neige") != std::string::npos) CHECK(r.claims.empty());
  }
}

TEST_CASE("attribution cases stay above their per-construction floors", "[attributor][regression]") {
  const std::vector<Case> cases = load_cases();
  const json floors = read_json(QUOTEGRAPH_TEST_DATA_DIR "/attribution_floors.json");
  REQUIRE(floors.contains("constructions"));

  std::map<std::string, Tally> by_construction;
  Tally total;
  std::vector<std::string> misses;
  for (const Case& c : cases) {
    if (c.claims.empty()) continue;  // near misses: tested below
    std::vector<Claim> claims = extract_claims(c.id, c.text);
    Tally t;
    score_case(c, claims, t, misses);
    by_construction[c.construction] += t;
    total += t;
  }

  std::ostringstream report;
  report.setf(std::ios::fixed);
  report.precision(3);
  report << "construction                    expected  recall  speaker\n";
  for (const auto& [name, t] : by_construction) {
    report << name << std::string(name.size() < 32 ? 32 - name.size() : 1, ' ') << t.expected << "\t  "
           << t.recall() << "   " << t.speaker_accuracy() << '\n';
  }
  report << "all" << std::string(29, ' ') << total.expected << "\t  " << total.recall() << "   "
         << total.speaker_accuracy() << '\n';
  for (const auto& m : misses) report << "  " << m << '\n';
  WARN(report.str());

  // Every construction with expected claims must have a floor, so a new
  // construction in the cases file is not silently unguarded.
  for (const auto& [name, t] : by_construction) {
    INFO("construction " << name << " (recall " << t.recall() << ", speaker accuracy "
                         << t.speaker_accuracy() << ")");
    REQUIRE(floors["constructions"].contains(name));
    const json& f = floors["constructions"][name];
    CHECK(t.recall() >= f.at("recall").get<double>());
    CHECK(t.speaker_accuracy() >= f.at("speaker_accuracy").get<double>());
  }
  if (floors.contains("all")) {
    CHECK(total.recall() >= floors["all"].at("recall").get<double>());
    CHECK(total.speaker_accuracy() >= floors["all"].at("speaker_accuracy").get<double>());
  }
}

TEST_CASE("near misses give no reported speech", "[attributor][regression]") {
  const std::vector<Case> cases = load_cases();
  const json floors = read_json(QUOTEGRAPH_TEST_DATA_DIR "/attribution_floors.json");
  std::set<std::string> known;
  if (floors.contains("near_miss_known_failures")) {
    for (const auto& id : floors["near_miss_known_failures"]) known.insert(id.get<std::string>());
  }
  int near_misses = 0, firing = 0;
  for (const Case& c : cases) {
    if (c.construction != "near_miss") continue;
    REQUIRE(c.claims.empty());
    ++near_misses;
    std::vector<Claim> claims = extract_claims(c.id, c.text);
    std::string fired;  // the offending claims, for the failure message
    for (const Claim& cl : claims) {
      if (is_reported_speech(cl.kind)) {
        fired += std::string("\n  ") + quotegraph::claim_kind_name(cl.kind) + " \"" + cl.text + "\" cue \"" +
                 cl.cue + "\"";
      }
    }
    INFO(c.id << ": " << quotegraph::to_utf8(c.text) << fired);
    if (known.count(c.id)) {
      if (fired.empty()) WARN(c.id << " no longer fires: remove it from near_miss_known_failures");
      ++firing;
      continue;
    }
    CHECK(fired.empty());
  }
  CHECK(near_misses > 0);
  // The known failures must name real near-miss cases.
  for (const auto& id : known) {
    INFO("unknown near-miss id in attribution_floors.json: " << id);
    CHECK(std::any_of(cases.begin(), cases.end(),
                      [&](const Case& c) { return c.id == id && c.construction == "near_miss"; }));
  }
  WARN(near_misses << " near misses, " << firing << " listed as known failures");
}

TEST_CASE("challenge sets keep their right speakers", "[attributor][regression]") {
  // Every tests/data/challenge/*.jsonl (see its README) must keep at least
  // the number of right speakers its floor in challenge/floors.json gives
  // (what main got when the floor was set), so that a change that loses
  // one of them fails; a file with no floor fails too.
  const std::string dir = QUOTEGRAPH_TEST_DATA_DIR "/challenge";
  const json floors = read_json(dir + "/floors.json");
  int files = 0;
  for (const auto& [path, name] : quotegraph_test::challenge_files(dir)) {
    ++files;
    Tally t;
    std::vector<std::string> misses;
    for (const Case& c : load_cases(path)) score_case(c, extract_claims(c.id, c.text), t, misses);
    std::ostringstream report;
    report << name << ": " << t.speaker_right << " right speakers of " << t.expected << '\n';
    for (const auto& m : misses) report << "  " << m << '\n';
    WARN(report.str());
    INFO(report.str());
    REQUIRE(floors.contains(name));
    CHECK(t.speaker_right >= floors[name].get<int>());
  }
  CHECK(files > 0);
}

TEST_CASE("a paragraph in the first person is no speaker's when the narration says je", "[attributor][regression]") {
  // quotations_without_marks: a first-person paragraph without marks goes
  // on with the quotation closing the paragraph before, except in a text
  // whose narration says je, and never after indirect speech.
  struct Row {
    std::u32string text, narrator;
  };
  const Row rows[] = {
      {U"Je suis arrivé à Kiev un matin de mars.\n\n« La ville tient bon », m'a dit le maire, Vitali Petrenko.\n\n"
       U"Je suis reparti le soir même vers Lviv.",
       U"Je suis reparti le soir même vers Lviv."},
      {U"Le maire a assuré que la piscine rouvrirait en juin.\n\nJe ne sais pas si les travaux seront finis.",
       U"Je ne sais pas si les travaux seront finis."},
  };
  for (const Row& row : rows) {
    INFO(quotegraph::to_utf8(row.text));
    const auto at = static_cast<std::uint32_t>(row.text.find(row.narrator));
    for (const Claim& c : extract_claims("x.txt", row.text)) CHECK((c.end <= at || c.begin >= at + row.narrator.size()));
  }
}

TEST_CASE("the title Me before a name says no je", "[attributor][regression]") {
  // quotations_without_marks: Me (Maître) before a name is no first-person
  // clitic, so a narration paragraph naming a lawyer after a quotation is
  // no quotation without marks of its speaker (analyst25 A5).
  const std::u32string text =
      U"Le maire souligne : « Vous comprenez l'importance de cette lettre ? C'est la première fois. »\n\n"
      U"Elle acquiesce. L'avocat de la famille, Me Paul Roy, rappelle qu'il plaide depuis dix ans.";
  const auto at = static_cast<std::uint32_t>(text.find(U"Elle acquiesce"));
  const auto quoted = static_cast<std::uint32_t>(text.find(U"Vous comprenez"));
  const std::vector<Claim> claims = extract_claims("x.txt", text);
  // The first paragraph's quotation is a claim: an extraction that finds
  // nothing would pass the check below.
  REQUIRE(std::any_of(claims.begin(), claims.end(), [&](const Claim& c) { return c.begin <= quoted && quoted < c.end; }));
  for (const Claim& c : claims) CHECK(c.begin != at);
}

TEST_CASE("a fragment ending the clause an incise reports spans that clause", "[attributor][regression]") {
  // GOLD_FORMAT: a fragment inside a reported clause gives the whole
  // clause. Before the incise (« … », a déclaré X) the clause starts after
  // the last comma or colon, past a connector; a fragment opening on que
  // leaves que out.
  auto [text, span] = GENERATE(table<std::u32string, std::u32string>({
      {U"Le maire de Saint-Flour a reçu la directrice. La maternité « doit rester ouverte toute l'année », "
       U"a déclaré Frédéric Roux.",
       U"La maternité « doit rester ouverte toute l'année"},
      {U"Faute de crédits, le chantier du pont « ne reprendra pas avant l'automne », a prévenu l'architecte "
       U"Hélène Vidal.",
       U"le chantier du pont « ne reprendra pas avant l'automne"},
      {U"Mais la saison « sera la meilleure depuis dix ans », assure le guide Paul Rey.",
       U"la saison « sera la meilleure depuis dix ans"},
      {U"L'entraîneur Marc Diallo a regretté « qu'aucun joueur n'ait tenté sa chance » samedi.",
       U"aucun joueur n'ait tenté sa chance"},
  }));
  INFO(quotegraph::to_utf8(text));
  const auto at = static_cast<std::uint32_t>(text.find(span));
  const auto end = static_cast<std::uint32_t>(at + span.size());
  const std::vector<Claim> claims = extract_claims("x.txt", text);
  CHECK(std::any_of(claims.begin(), claims.end(), [at, end](const Claim& c) {
    return c.kind == ClaimKind::kMixed && c.begin == at && c.end == end;
  }));
}

TEST_CASE("on and a verb of opinion inside a quotation report no one else", "[attributor][regression]") {
  // « On estime que … » in a quotation is the speaker's own view, as
  // « nous estimons » is (analyst26 W7); « on dit que … » tells hearsay and
  // keeps its nested claim.
  auto [text, nested] = GENERATE(table<std::u32string, bool>({
      {U"« On estime que la bibliothèque doit ouvrir le dimanche », a expliqué la conservatrice Hélène Brun.", false},
      {U"« On considère que le stade est trop petit », a déclaré le président du club, Marc Vidal.", false},
      {U"« Au conseil, on juge que la ville doit aider le théâtre », a dit le comédien Paul Arnaud.", false},
      {U"« On dit que le port va fermer l'hiver prochain », a confié le pêcheur Yann Le Goff.", true},
  }));
  INFO(quotegraph::to_utf8(text));
  const std::vector<Claim> claims = extract_claims("x.txt", text);
  const auto indirect = std::count_if(claims.begin(), claims.end(),
                                      [](const Claim& c) { return c.kind == ClaimKind::kIndirect; });
  CHECK(indirect == (nested ? 1 : 0));
}

TEST_CASE("vol. and etc. before a quotation end the sentence", "[attributor][regression]") {
  // vol, no, p, env are abbreviations only before a number; etc. closes a
  // list: before a quotation that opens with a capital their full stop ends
  // the sentence, and the quotation with its incise is a direct quote.
  const std::u32string text = GENERATE(as<std::u32string>{},
      U"Le cambrioleur est jugé pour vol. « Je n'ai rien pris », a affirmé le prévenu Marc Petit.",
      U"Le marché vend des fruits, du fromage, etc. « Les prix ont doublé », a assuré la commerçante Anne Morel.");
  INFO(quotegraph::to_utf8(text));
  const std::vector<Claim> claims = extract_claims("x.txt", text);
  REQUIRE(claims.size() == 1);
  CHECK(claims.front().kind == ClaimKind::kDirect);
}

// Tests for dialogue.h: dialogue turns opened by dashes with their pieces
// and incises (exact spans), narration after an incise, « » after the dash
// and over several paragraphs, quotations cut by an incise, interviews (Q/R
// labels, names before a colon, dashes, « Propos recueillis par »), the
// lists and captions of news articles that must give no turn, and
// degenerate input. The last test runs the whole extractor on the dialogue
// and interview cases of tests/data/attribution_cases.jsonl and checks
// every field each expected claim holds: span, kind, speaker, cue,
// relation and targets.
#include "quotegraph/quotes/dialogue.h"

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/test_support.h"
#include "quotegraph/eval/evaluator.h"
#include "quotegraph/eval/gold.h"
#include "quotegraph/text/text.h"

using quotegraph::Diagnostics;
using quotegraph::Document;
using quotegraph::Turn;
using quotegraph::TurnKind;

namespace {

std::u32string u32(const std::string& s) {
  auto r = quotegraph::decode_utf8(s);
  REQUIRE(r);
  return r.text();
}

struct Lexicons {
  std::optional<quotegraph::Lexicon> lexicon;
  std::optional<quotegraph::WordClasses> words;
  std::optional<quotegraph::DialogueVerbs> verbs;
};

const Lexicons& lexicons() {
  static Lexicons l = [] {
    Lexicons x;
    Diagnostics diags;
    auto lexicon = quotegraph::Lexicon::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
    auto words = quotegraph::WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
    REQUIRE(lexicon);
    REQUIRE(words);
    x.lexicon = std::move(*lexicon);
    x.words = std::move(*words);
    auto verbs = quotegraph::DialogueVerbs::load(QUOTEGRAPH_SOURCE_DATA_DIR, *x.lexicon, diags);
    REQUIRE(verbs);
    x.verbs = std::move(*verbs);
    return x;
  }();
  return l;
}

struct Detected {
  Document doc;
  std::vector<Turn> turns;
  std::string text(const quotegraph::TextSpan& s) const { return quotegraph::to_utf8(doc.slice(s.begin, s.end)); }
  std::vector<std::string> pieces(std::size_t t) const {
    std::vector<std::string> out;
    for (const auto& p : turns.at(t).pieces) out.push_back(text(p));
    return out;
  }
  std::string tokens(std::uint32_t b, std::uint32_t e) const {
    return quotegraph::to_utf8(doc.slice(doc.tokens[b].begin, doc.tokens[e - 1].end));
  }
};

Detected detect(const std::string& text) {
  Detected d;
  d.doc.name = "d.txt";
  d.doc.text = u32(text);
  quotegraph::Segmenter(*lexicons().words).segment(d.doc);
  Diagnostics diags;
  const auto quotes = quotegraph::detect_quotes(d.doc, diags);
  d.turns = quotegraph::detect_dialogue(d.doc, quotes, *lexicons().verbs, *lexicons().words);
  return d;
}

using Pieces = std::vector<std::string>;

}  // namespace

TEST_CASE("dash lines are turns cut by their incises", "[dialogue][unit]") {
  Detected d = detect(
      "La pluie tombait.\n\n— Non, dit-il, jamais.\n\n— Entrez ! cria la concierge du troisième.\n\n"
      "— Peut-être, pensai-je.");
  REQUIRE(d.turns.size() == 3);
  for (const Turn& t : d.turns) CHECK(t.kind == TurnKind::kDialogue);
  CHECK(d.pieces(0) == Pieces{"Non", "jamais."});
  REQUIRE(d.turns[0].incises.size() == 1);
  const auto& inc = d.turns[0].incises[0];
  CHECK(d.text(inc.span) == "dit-il");
  CHECK(d.tokens(inc.cue_begin, inc.cue_end) == "dit-il");
  CHECK(d.tokens(inc.subject_begin, inc.subject_end) == "-il");
  CHECK_FALSE(inc.first_person);
  // After ! the incise needs no comma; its subject is a noun phrase.
  CHECK(d.pieces(1) == Pieces{"Entrez !"});
  const auto& cria = d.turns[1].incises.at(0);
  CHECK(d.tokens(cria.cue_begin, cria.cue_end) == "cria");
  CHECK(d.tokens(cria.subject_begin, cria.subject_end) == "la concierge du troisième");
  // The narrator.
  CHECK(d.pieces(2) == Pieces{"Peut-être"});
  CHECK(d.turns[2].incises.at(0).first_person);
}

TEST_CASE("incises with clitics and compound tenses and adjuncts", "[dialogue][unit]") {
  Detected d = detect(
      "— Vous êtes sûr ? lui demanda Mme Arnaud.\n\n— Certain, a répondu le docteur Blanc.\n\n"
      "— Oui, dit avec chaleur la bonne Pauline, toujours.\n\n— Tant pis, fit le petit.");
  REQUIRE(d.turns.size() == 4);
  const auto& a = d.turns[0].incises.at(0);
  CHECK(d.tokens(a.cue_begin, a.cue_end) == "lui demanda");
  CHECK(d.tokens(a.subject_begin, a.subject_end) == "Mme Arnaud");
  const auto& b = d.turns[1].incises.at(0);
  CHECK(d.tokens(b.cue_begin, b.cue_end) == "a répondu");
  CHECK(d.tokens(b.subject_begin, b.subject_end) == "le docteur Blanc");
  CHECK(d.pieces(2) == Pieces{"Oui", "toujours."});
  CHECK(d.tokens(d.turns[2].incises.at(0).subject_begin, d.turns[2].incises.at(0).subject_end) == "la bonne Pauline");
  CHECK(d.pieces(3) == Pieces{"Tant pis"});
}

TEST_CASE("narration after an incise is no speech", "[dialogue][unit]") {
  Detected d = detect(
      "— Fermez la porte ! cria Mme Roux, qui détestait les courants d'air.\n\n"
      "— Elle est là, disait-il, en montrant le bout de sa langue. Puis il rougissait.\n\n"
      "— Vous ressemblez à votre mère, lui dis-je. C'était un compliment.\n\n"
      "— Madame, répondit la servante. Vous vouliez donc aller à Lyon ?\n\n"
      "— Elle est heureuse, pensa-t-elle … heureuse et contente.");
  REQUIRE(d.turns.size() == 5);
  CHECK(d.pieces(0) == Pieces{"Fermez la porte !"});
  CHECK(d.pieces(1) == Pieces{"Elle est là"});
  CHECK(d.pieces(2) == Pieces{"Vous ressemblez à votre mère"});
  // A second-person sentence after the full stop is speech again.
  CHECK(d.pieces(3) == Pieces{"Madame", "Vous vouliez donc aller à Lyon ?"});
  // An ellipsis is a pause, not the end of the turn.
  CHECK(d.pieces(4) == Pieces{"Elle est heureuse", "heureuse et contente."});
}

TEST_CASE("guillemets after the dash and asides in parentheses and soft-wrapped lines", "[dialogue][unit]") {
  Detected d = detect(
      "— « Nous partirons à l'aube », annonça le colonel, « et sans bagages. »\n\n"
      "— Vous pourrez le demander à maman (comme si elle avait besoin de se justifier !) ; d'habitude, je "
      "ne me coiffe pas ainsi, dit-elle.\n"
      "— Je ne sais pas, dit le garçon, si nous avons le temps de finir ce\n"
      "travail avant ce soir.");
  REQUIRE(d.turns.size() == 3);
  CHECK(d.pieces(0) == Pieces{"Nous partirons à l'aube", "et sans bagages."});
  CHECK(d.pieces(1) == Pieces{"Vous pourrez le demander à maman", "d'habitude, je ne me coiffe pas ainsi"});
  // A line with no dash continues the turn above it (a soft wrap).
  CHECK(d.pieces(2) == Pieces{"Je ne sais pas", "si nous avons le temps de finir ce\ntravail avant ce soir."});
}

TEST_CASE("a turn in guillemets over several paragraphs gives one turn per paragraph", "[dialogue][unit]") {
  Detected d = detect(
      "Il alluma sa pipe.\n\n— « Un soir, nous étions au large, raconta-t-il.\n\n« La brume était épaisse.\n\n"
      "« Alors nous avons entendu la cloche. »\n\nPersonne ne répondit.");
  REQUIRE(d.turns.size() == 3);
  CHECK(d.pieces(0) == Pieces{"Un soir, nous étions au large"});
  CHECK_FALSE(d.turns[0].continues);
  CHECK(d.pieces(1) == Pieces{"La brume était épaisse."});
  CHECK(d.turns[1].continues);
  CHECK(d.pieces(2) == Pieces{"Alors nous avons entendu la cloche."});
  CHECK(d.turns[2].continues);
}

TEST_CASE("a quotation in guillemets cut by an incise gives two pieces", "[dialogue][unit]") {
  Detected d = detect(
      "Elle observait le baromètre. « Le vent tourne, murmura-t-elle, nous arriverons demain. » "
      "Le port était loin. « Rien ne presse », dit le mousse.");
  REQUIRE(d.turns.size() == 1);
  CHECK(d.turns[0].kind == TurnKind::kQuotation);
  CHECK(d.pieces(0) == Pieces{"Le vent tourne", "nous arriverons demain."});
  CHECK(d.text(d.turns[0].line) == "Le vent tourne, murmura-t-elle, nous arriverons demain.");
}

TEST_CASE("interviews with Q and R labels", "[dialogue][unit]") {
  Detected d = detect(
      "La directrice répond à nos questions.\n\nQ : Combien de spectateurs attendez-vous ?\n\n"
      "R : Quatre cent mille.\n\nEt sur dix jours.\n\nQuestion : Les prix augmentent-ils ?\n\nRéponse : Non.");
  REQUIRE(d.turns.size() == 5);
  CHECK(d.turns[0].kind == TurnKind::kQuestion);
  CHECK(d.pieces(0) == Pieces{"Combien de spectateurs attendez-vous ?"});
  CHECK(d.turns[1].kind == TurnKind::kAnswer);
  CHECK(d.pieces(1) == Pieces{"Quatre cent mille."});
  // A paragraph after an answer goes on with it.
  CHECK(d.turns[2].kind == TurnKind::kAnswer);
  CHECK(d.turns[2].continues);
  CHECK(d.turns[3].kind == TurnKind::kQuestion);
  CHECK(d.turns[4].kind == TurnKind::kAnswer);
  CHECK(d.pieces(4) == Pieces{"Non."});
}

TEST_CASE("interviews with names before a colon or dashes or a byline", "[dialogue][unit]") {
  Detected names = detect(
      "Le Journal : Pourquoi revenir ?\n\nAntoine Keller : Pour cuisiner.\n\nLe Journal : Quand ouvrez-vous ?\n\n"
      "Antoine Keller : En mai.");
  REQUIRE(names.turns.size() == 4);
  CHECK(names.turns[0].kind == TurnKind::kQuestion);
  CHECK(names.turns[1].kind == TurnKind::kAnswer);
  CHECK(names.text(names.turns[1].label) == "Antoine Keller");
  CHECK(names.pieces(3) == Pieces{"En mai."});

  Detected dashes = detect(
      "Entretien avec Nadia Berthier.\n\n— Qu'avez-vous ressenti ?\n\n— Une immense fatigue.\n\n"
      "— Repartirez-vous ?\n\n— Oui.");
  REQUIRE(dashes.turns.size() == 4);
  CHECK(dashes.turns[0].kind == TurnKind::kQuestion);
  CHECK(dashes.turns[1].kind == TurnKind::kAnswer);
  CHECK(dashes.turns[3].kind == TurnKind::kAnswer);
  CHECK(dashes.turns[1].label.empty());

  Detected byline = detect(
      "Le maire défend son projet.\n\nPourquoi une piscine ?\n\nL'ancienne fuit.\n\nCombien coûtera-t-elle ?\n\n"
      "Huit millions.\n\nPropos recueillis par Claire Jaouen");
  REQUIRE(byline.turns.size() == 4);
  CHECK(byline.turns[0].kind == TurnKind::kQuestion);
  CHECK(byline.pieces(1) == Pieces{"L'ancienne fuit."});
  CHECK(byline.turns[3].kind == TurnKind::kAnswer);
  CHECK(byline.pieces(3) == Pieces{"Huit millions."});
}

TEST_CASE("lists and captions and questions of news articles give no turn", "[dialogue][unit]") {
  for (const char* text : {
           "Le gouvernement présente trois mesures :\n\n— Une aide de 300 euros.\n\n— Le gel des loyers.",
           "Le plan prévoit :\n– la rénovation de l'école ;\n– 120 logements ;\n– une piste cyclable.",
           "Photo : Jean Morvan\n\nLa foire s'est ouverte.\n\nSource : office du tourisme",
           "Faut-il rouvrir la ligne ? Les élus sont partagés.\n\nLe conseil votera lundi.",
           "— Lire aussi : la réforme des retraites\n\nLe Sénat a voté.",
           "Propos recueillis par Anne Roy\n\nQue faire ? La question reste ouverte.\n\nLe débat continue.",
       }) {
    INFO(text);
    CHECK(detect(text).turns.empty());
  }
}

TEST_CASE("degenerate dialogue input gives well-formed turns", "[dialogue][bad-input]") {
  for (const char* text : {"", "—", "— ", "--", "— ,", "— « »", "— Oui, dit", "— Oui, dit-il", "Q :", "R : ",
                           "— A ! dit-il !", "« , dit-il, »", "— (", "— Non (oui", "\n\n— \n\n— X"}) {
    INFO(text);
    Detected d = detect(text);
    for (const Turn& t : d.turns) {
      CHECK(t.line.begin <= t.line.end);
      CHECK(t.line.end <= d.doc.text.size());
      for (const auto& p : t.pieces) {
        CHECK(p.begin < p.end);
        CHECK(p.end <= d.doc.text.size());
      }
      for (const auto& i : t.incises) {
        CHECK(i.cue_begin < i.cue_end);
        CHECK(i.cue_end <= d.doc.tokens.size());
        CHECK(i.subject_end <= d.doc.tokens.size());
      }
    }
  }
  Detected one = detect("— Oui, dit-il");
  REQUIRE(one.turns.size() == 1);
  CHECK(one.pieces(0) == Pieces{"Oui"});
}

TEST_CASE("the one spoken to answers and nobody calls himself by name", "[dialogue][unit]") {
  // A name called in a turn (Voyons, Julien, …) or the one an incise
  // speaks to (demanda Paul à Jeanne) answers the next turn that has no
  // incise; a turn that calls a name is not that person's; celui-ci,
  // celle-ci is the one spoken to last; a first-person narrator is the one
  // the others call by a name no one else answers to. Each row: the text and the
  // speaker's name of its last turn.
  auto [text, speaker] = GENERATE(table<std::string, std::string>({
       {"Madame Roche entra dans la cuisine.\n\n— Où est le pain ? demanda-t-elle.\n\n— Voyons, Julien, qui l'a mangé ?\n\n— Pas moi, je le jure.\n",
        "Julien"},
       {"Le capitaine Morel descendit du navire.\n\n— Tout est prêt ? cria-t-il.\n\n— Allons Pierrot, hisse la voile !\n\n— Tout de suite, capitaine.\n",
        "Pierrot"},
       {"Lucie et Gabriel marchaient vers le village.\n\n— Il pleut, dit Lucie.\n\n— Tant pis, répondit Gabriel.\n\n— Écoute, Lucie, je rentre.\n",
        "Gabriel"},
       {"La gare était déserte.\n\n— Le train part à midi, dit Hélène.\n\n— Je le sais, répondit Marc.\n\n— Dépêche-toi donc, Hélène !\n",
        "Marc"},
       {"Le soleil se couchait.\n\n— Tu as faim ? demanda Paul à Jeanne.\n\n— Non, pas du tout.\n",
        "Jeanne"},
       {"La pendule sonna.\n\n— Quelle heure est-il ? dit le notaire à Marcel.\n\n— Bientôt six heures.\n",
        "Marcel"},
       {"Jeanne et Louise cousaient près du feu.\n\n— Tu viendras au bal ? demanda Jeanne à Louise.\n\n— Peut-être, répondit celle-ci.\n",
        "Louise"},
       {"M. Durand et M. Lebrun se promenaient sur le quai.\n\n— Vous avez lu la lettre ? demanda M. Durand à M. Lebrun.\n\n— Pas encore, répondit celui-ci.\n",
        "Lebrun"},
       // The narrator is named by the name the others call the narrator by.
       {"Je rentrai tard ce soir-là. Ma tante m'attendait.\n\n— Te voilà enfin, Lucie ! s'écria-t-elle.\n\n— Pardon, ma tante, répondis-je.\n\n— Allons, Lucie, va te coucher.\n\n— Bonne nuit, dis-je.\n",
        "Lucie"},
       {"Le maître d'école me regarda sévèrement.\n\n— Encore en retard, Julien ? demanda-t-il.\n\n— Le chemin était long, murmurai-je.\n\n— Assieds-toi, Julien, et tais-toi.\n\n— Oui, monsieur, dis-je.\n",
        "Julien"},
       // "Il me dit :" ¶ — … : the narrator answers.
       {"Le facteur s'arrêta devant la grille.\n\n— Vous voilà, Lucie ! cria-t-il.\n\n— Bonjour, Lucie, dit sa femme.\n\nPuis il me dit :\n\n— Une lettre pour vous.\n\n— Merci bien.\n",
        "Lucie"},
       {"Mme Arnaud ouvrit la porte.\n\n— Entrez, Paul, dit-elle.\n\n— Asseyez-vous, Paul, ajouta son mari.\n\nLe vieux notaire me demanda alors :\n\n— Vous avez fait bon voyage ?\n\n— Excellent, merci.\n",
        "Paul"}}));
  Diagnostics diags;
  auto r = quotegraph_test::shared_pipeline().process_text("d.txt", u32(text), diags);
  REQUIRE(r.ok);
  quotegraph::EntityRegistry registry{quotegraph_test::shared_words()};
  quotegraph::resolve_entities(r, "d.txt", registry);
  INFO(text);
  const quotegraph::Claim* last = nullptr;  // the last turn's claim
  for (const auto& c : r.claims)
    if (c.kind != quotegraph::ClaimKind::kAct && (!last || c.begin > last->begin)) last = &c;
  REQUIRE(last);
  INFO(last->text);
  REQUIRE(last->speaker);
  INFO("speaker: " << last->speaker->name);
  CHECK(last->speaker->name.find(speaker) != std::string::npos);
}

TEST_CASE("dialogue and interview cases: every field of every claim", "[dialogue][regression]") {
  // The cases of attribution_cases.jsonl whose construction is dialogue or
  // interview, extracted one by one; each expected claim must be found with
  // the same span (after trimming as strict matching does), kind, speaker,
  // cue, relation and targets, and nothing else of reported speech.
  using nlohmann::json;
  std::ifstream in(QUOTEGRAPH_TEST_DATA_DIR "/attribution_cases.jsonl");
  REQUIRE(in.good());
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json j = json::parse(line);
    const std::string construction = j.at("construction");
    if (construction.rfind("dialogue_", 0) != 0 && construction != "interview") continue;
    ++cases;
    const std::string id = j.at("id");
    const std::u32string text = u32(j.at("text"));
    Diagnostics diags;
    auto r = quotegraph_test::shared_pipeline().process_text(id, text, diags);
    REQUIRE(r.ok);
    quotegraph::EntityRegistry registry{quotegraph_test::shared_words()};
    quotegraph::resolve_entities(r, id, registry);
    std::vector<quotegraph::Claim> speech;
    for (const auto& c : r.claims)
      if (c.kind != quotegraph::ClaimKind::kAct) speech.push_back(c);
    INFO(id);
    REQUIRE(speech.size() == j.at("claims").size());
    std::size_t from = 0;
    for (std::size_t k = 0; k < speech.size(); ++k) {
      const json& e = j["claims"][k];
      const quotegraph::Claim& c = speech[k];
      const std::u32string content = u32(e.at("content"));
      std::size_t at = text.find(content, from);
      REQUIRE(at != std::u32string::npos);
      from = at + 1;
      INFO("claim " << k << ": " << c.text);
      CHECK(c.begin == at);
      CHECK(c.end == at + content.size());
      CHECK(quotegraph::claim_kind_name(c.kind) == e.at("kind").get<std::string>());
      CHECK(c.cue == (e.at("cue").is_null() ? std::string() : e.at("cue").get<std::string>()));
      CHECK(quotegraph::relation_name(c.relation) == e.at("relation").get<std::string>());
      CHECK(c.targets.size() == e.at("targets").size());
      if (e.at("speaker").is_null()) {
        CHECK_FALSE(c.speaker);
      } else {
        quotegraph::GoldDocument gold;
        quotegraph::GoldEntity ge;
        ge.id = ge.name = e.at("speaker").get<std::string>();
        gold.entities.push_back(ge);
        REQUIRE(c.speaker);
        INFO("speaker " << c.speaker->name);
        const auto ids = quotegraph::resolve_name(c.speaker->name, gold);
        CHECK(ids.size() == 1);
      }
    }
  }
  CHECK(cases >= 15);
}

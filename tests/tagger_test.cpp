// Tests for tagger.h: one part of speech per token in context, and which
// heads can name a speaker. Sentences written for these tests.
#include <map>
#include <string>
#include <utility>

#include "catch.hpp"
#include "quotegraph/syntax/tagger.h"
#include "quotegraph/text/text.h"

using namespace quotegraph;

namespace {

struct Tagged {
  Document doc;
  std::vector<TokenTags> tags;
  const TokenTags& tags_of(const std::string& word) const {
    for (std::size_t i = 0; i < doc.tokens.size(); ++i)
      if (to_utf8(doc.slice(doc.tokens[i].begin, doc.tokens[i].end)) == word) return tags[i];
    FAIL("no token " << word);
    return tags.front();
  }
  PosSet pos_of(const std::string& word) const { return tags_of(word).pos; }
};

Tagged tag(const std::string& text) {
  static Diagnostics diags;
  static auto words = WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  static auto lexicon = PosLexicon::open_default();
  REQUIRE(words);
  static Segmenter segmenter(*words);
  Tagged t;
  t.doc.name = "t.txt";
  t.doc.text = decode_utf8(text).text();
  segmenter.segment(t.doc);
  t.tags = tag_document(t.doc, *words, lexicon.get());
  // The overload that takes the classes already looked up tags alike.
  std::vector<std::uint64_t> classes(t.doc.tokens.size(), 0);
  for (std::size_t i = 0; i < classes.size(); ++i) classes[i] = words->classes(t.doc.tokens[i].lower);
  const std::vector<TokenTags> again = tag_document(t.doc, classes, lexicon.get());
  for (std::size_t i = 0; i < classes.size(); ++i) {
    CHECK(again[i].readings == t.tags[i].readings);
    CHECK(again[i].pos == t.tags[i].pos);
  }
  // And the one that also takes the ids of the folded forms (one per kind
  // and folded text, as index_tokens gives them).
  std::map<std::pair<TokenKind, std::string>, std::uint32_t> ids;
  std::vector<std::uint32_t> form_of(t.doc.tokens.size());
  for (std::size_t i = 0; i < form_of.size(); ++i) {
    const Token& token = t.doc.tokens[i];
    form_of[i] = ids.emplace(std::make_pair(token.kind, token.lower), static_cast<std::uint32_t>(ids.size()))
                     .first->second;
  }
  const std::vector<TokenTags> by_form = tag_document(t.doc, classes, form_of, ids.size(), lexicon.get());
  for (std::size_t i = 0; i < classes.size(); ++i) {
    CHECK(by_form[i].readings == t.tags[i].readings);
    CHECK(by_form[i].pos == t.tags[i].pos);
  }
  // And the one that keeps the readings by form for the next documents:
  // alike the first time, and again with the readings it kept.
  std::vector<PosSet> kept;
  for (int pass = 0; pass < 2; ++pass) {
    const std::vector<TokenTags> kept_tags = tag_document(t.doc, classes, form_of, ids.size(), kept, lexicon.get());
    CHECK(kept.size() == 2 * ids.size());  // as folded and with a capital
    for (std::size_t i = 0; i < classes.size(); ++i) {
      CHECK(kept_tags[i].readings == t.tags[i].readings);
      CHECK(kept_tags[i].pos == t.tags[i].pos);
    }
  }
  return t;
}

}  // namespace

TEST_CASE("tags follow French word order", "[syntax][tagger]") {
  Tagged t = tag("Or, la directrice de l'école a d'ailleurs affirmé que la critique était injuste.");
  CHECK(t.pos_of("Or") == kPosCoordination);
  CHECK(t.pos_of("directrice") == kPosNoun);
  CHECK(t.pos_of("ailleurs") == kPosAdverb);
  CHECK(t.pos_of("affirmé") == kPosPastParticiple);
  CHECK(t.pos_of("critique") == kPosNoun);  // after a determiner
  Tagged u = tag("Mais il critique le budget, souligne mardi la Banque.");
  CHECK(u.pos_of("Mais") == kPosCoordination);
  CHECK(u.pos_of("critique") == kPosFiniteVerb);  // after a subject pronoun
  CHECK(u.pos_of("mardi") == kPosTime);
  CHECK((u.pos_of("Banque") & (kPosNoun | kPosProperNoun)) != 0);
}

TEST_CASE("auxiliaries, negation and adverbs are read by their neighbours", "[syntax][tagger]") {
  // A relative où is the pronoun, not the interrogative adverb.
  Tagged t = tag("La ville où il habite est calme.");
  CHECK(t.pos_of("où") == kPosPronoun);
  // Between ne and its verb: clitics, the verb, then pas.
  Tagged u = tag("Le boulanger ne le fait pas souvent, car il ne veut pas en parler.");
  CHECK(u.pos_of("le") == kPosPronoun);
  CHECK(u.pos_of("fait") == kPosFiniteVerb);
  CHECK(u.pos_of("pas") == kPosAdverb);
  CHECK(u.pos_of("car") == kPosCoordination);
  // After a verb, a form that is also an adverb is the adverb; after a
  // determiner, a coordination that is also a noun is the noun.
  Tagged v = tag("Les joueurs ont bien mérité leur victoire, le car les attend.");
  CHECK(v.pos_of("bien") == kPosAdverb);
  CHECK(v.pos_of("car") == kPosNoun);
  // A possessive after a relative pronoun stays a determiner.
  Tagged w = tag("La maison dont son frère a hérité est vendue.");
  CHECK(w.pos_of("son") == kPosDeterminer);
  CHECK(w.pos_of("frère") == kPosNoun);
}

TEST_CASE("speaker heads are nouns, names and pronouns", "[syntax][tagger]") {
  CHECK(can_head_speaker(TokenTags{kPosNoun, kPosNoun}, false));
  CHECK(can_head_speaker(TokenTags{kPosProperNoun | kPosSurname, kPosProperNoun}, false));
  CHECK(can_head_speaker(TokenTags{kPosPronoun, kPosPronoun}, false));
  CHECK_FALSE(can_head_speaker(TokenTags{kPosAdverb, kPosAdverb}, false));
  CHECK_FALSE(can_head_speaker(TokenTags{kPosCoordination | kPosNoun, kPosCoordination}, false));
  CHECK_FALSE(can_head_speaker(TokenTags{kPosTime | kPosNoun, kPosTime}, false));
  CHECK_FALSE(can_head_speaker(TokenTags{kPosPastParticiple | kPosAdjective, kPosPastParticiple}, false));
  // A town alone is no speaker; a capital standing for its state is.
  CHECK_FALSE(can_head_speaker(TokenTags{kPosProperNoun | kPosPlace, kPosProperNoun}, false));
  CHECK(can_head_speaker(TokenTags{kPosProperNoun | kPosPlace, kPosProperNoun}, true));
}

TEST_CASE("a form written in capitals or with a typographic apostrophe is read as written", "[syntax][tagger]") {
  // Each tag() call checks that the overload by form ids tags every token
  // as the others do; here the same folded forms come written three ways.
  Tagged t = tag("Aujourd’hui, l’été commence : ÉTÉ ou été, la Banque et la banque ferment.");
  CHECK((t.tags_of("Banque").readings & kPosProperNoun) != 0);
  CHECK((t.tags_of("banque").readings & kPosProperNoun) == 0);
  CHECK(t.pos_of("banque") == kPosNoun);
  // A capital of Latin-1 or ASCII then folded letters: read as written
  // once per form, the second time from what the first kept.
  Tagged u = tag("État et état : l’État paie et Dupont aussi, dupont non, puis Dupont.");
  CHECK((u.tags_of("Dupont").readings & kPosProperNoun) != 0);
}

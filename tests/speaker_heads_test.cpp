// Every speaker the extractor gives, over every corpus in the repository,
// is headed by a noun, a name or a pronoun: never by an adverb (« a
// d'ailleurs affirmé » giving "ailleurs"), a coordination (Or, Mais), a
// preposition, a verb form, a time word or a place that stands for no state;
// and none ends on a preposition or an article.
#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "support/files.h"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/syntax/tagger.h"
#include "quotegraph/text/text.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace quotegraph;

namespace {

using quotegraph_test::read_text_file;

// Index of the head word of [begin, end): the first word after
// determiners and numerals; tokens.size() when there is none. A word of
// quantity before de is a determiner too (« Beaucoup de détenus », « peu
// d'élus »: words.tsv quantityword, as the attribution reads it).
std::size_t head_of(const Document& doc, const std::vector<TokenTags>& tags, const WordClasses& words,
                    std::uint32_t begin, std::uint32_t end) {
  std::size_t k = doc.token_at(begin);
  auto quantity = [&](std::size_t i) {
    if (i + 1 >= doc.tokens.size() || !words.has_grammar(doc.tokens[i].lower, WordClasses::kQuantityWord))
      return false;
    const std::string_view next = doc.tokens[i + 1].lower;
    return next == "de" || next == "d'" || next == "des" || next == "du";
  };
  while (k < doc.tokens.size() && doc.tokens[k].begin < end &&
         (doc.tokens[k].kind != TokenKind::kWord || (tags[k].pos & (kPosDeterminer | kPosNumber)) || quantity(k)))
    ++k;
  return k < doc.tokens.size() && doc.tokens[k].begin < end ? k : doc.tokens.size();
}

// Whether token `k` is the first word of its sentence (quotation marks and
// dashes before it do not count).
bool opens_sentence(const Document& doc, std::size_t k) {
  const auto after = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), k,
                                      [](std::size_t t, const Sentence& s) { return t < s.token_begin; });
  if (after == doc.sentences.begin()) return true;
  for (std::size_t j = std::prev(after)->token_begin; j < k; ++j)
    if (doc.tokens[j].kind == TokenKind::kWord) return false;
  return true;
}

}  // namespace

TEST_CASE("no speaker is headed by an adverb, conjunction, preposition, verb, date or place",
          "[syntax][speakers][corpus]") {
  Diagnostics diags;
  auto words = WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(words);
  auto gazetteer = Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, *words, diags);
  REQUIRE(gazetteer);
  auto lexicon = PosLexicon::open_default();
  if (!lexicon) {
    WARN("hunspell-fr is not installed: speaker heads not checked");
    return;
  }
  Segmenter segmenter(*words);
  const fs::path roots[] = {QUOTEGRAPH_SEEDS_DIR, QUOTEGRAPH_TEST_DATA_DIR "/dev",
                            QUOTEGRAPH_TEST_DATA_DIR "/corpus/tune", QUOTEGRAPH_TEST_DATA_DIR "/corpus/test"};
  std::size_t documents = 0, speakers = 0;
  for (const fs::path& root : roots) {
    for (const auto& entry : fs::directory_iterator(root)) {
      if (entry.path().extension() != ".txt") continue;
      ++documents;
      const std::string bytes = read_text_file(entry.path());
      Diagnostics doc_diags;
      DocumentResult result =
          quotegraph_test::shared_pipeline().process(entry.path().filename().string(), bytes, doc_diags);
      Document doc;
      doc.text = decode_utf8(bytes).text();
      segmenter.segment(doc);
      const std::vector<TokenTags> tags = tag_document(doc, *words, lexicon.get());
      for (const Claim& c : result.claims) {
        if (!c.speaker || c.speaker->mention.text.empty()) continue;
        ++speakers;
        const Mention& m = c.speaker->mention;
        const std::size_t head = head_of(doc, tags, *words, m.begin, m.end);
        if (head == doc.tokens.size()) continue;  // a title alone, a standalone determiner
        INFO(entry.path().filename().string() << ": speaker \"" << m.text << "\" of claim at " << c.begin);
        PosSet pos = tags[head].pos;
        // A capitalised given name inside a sentence is a name whatever else
        // its letters spell: « Pierre » is also a form of pierrer, « René »
        // of renier. At the start of a sentence every word has a capital, so
        // there the verb reading still counts.
        if ((pos & kPosGivenName) && is_upper(doc.text[doc.tokens[head].begin]) && !opens_sentence(doc, head))
          pos &= ~(kPosFiniteVerb | kPosInfinitive | kPosPresentParticiple | kPosPastParticiple);
        CHECK((pos & (kPosAdverb | kPosCoordination | kPosSubordination | kPosPreposition | kPosTime |
                      kPosFiniteVerb | kPosInfinitive | kPosPresentParticiple)) == 0);
        // Nor does a speaker end on a preposition or an article, elided or
        // not (« de Maine-et-Loire et de la Sarthe d' », cut out of a
        // complement; Run::well_formed_phrase): the last word of several.
        std::size_t last = head;
        for (std::size_t k = head; k < doc.tokens.size() && doc.tokens[k].begin < m.end; ++k)
          if (doc.tokens[k].kind == TokenKind::kWord) last = k;
        if (last > head) {
          const bool other_reading = (tags[last].readings & (kPosAdjective | kPosNoun | kPosVerb)) != 0;
          CHECK((other_reading || doc.tokens[last].capitalized || (tags[last].pos & (kPosPreposition | kPosDeterminer)) == 0 ||
                 words->has(fold(doc.slice(doc.tokens[last].begin, doc.tokens[last].end)), WordClasses::kStandalone)));
        }
        // A place alone only when it stands for a state (Moscou, Washington),
        // or an acronym in capitals that the dictionary also lists as a place
        // (l'AFP, EDF): an organisation (lexprobe21 of stop 21).
        if ((tags[head].readings & kPosPlace) && !doc.tokens[head].all_caps &&
            !(tags[head].readings & (kPosGivenName | kPosSurname | kPosNoun))) {
          const std::string folded = fold(doc.slice(doc.tokens[head].begin, doc.tokens[head].end));
          CHECK((gazetteer->state(folded) != nullptr || gazetteer->seat(folded) != nullptr));
        }
      }
    }
  }
  CHECK(documents >= 70);
  CHECK(speakers >= 400);
}

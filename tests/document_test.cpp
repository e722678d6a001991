// Tests for document.h: paragraphs (blank lines, one-line-per-paragraph
// files, soft-wrapped lines), sentences (abbreviations such as M. and Mme,
// a closing » after a space, a missing space after a full stop) and French
// tokens (elisions, inverted subject pronouns, inner hyphens and
// apostrophes), all checked by exact code point offsets.
#include "quotegraph/structure/document.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/test_support.h"
#include "quotegraph/text/text.h"

using quotegraph::Document;
using quotegraph::Segmenter;
using quotegraph::TokenKind;

namespace {

Document segmented(const std::u32string& text) {
  Document doc;
  doc.name = "test.txt";
  doc.text = text;
  Segmenter segmenter(quotegraph_test::shared_words());
  segmenter.segment(doc);
  return doc;
}

std::string paragraph_text(const Document& doc, std::size_t i) {
  return quotegraph::to_utf8(doc.slice(doc.paragraphs[i].begin, doc.paragraphs[i].end));
}

// The sentence's text without the white space a sentence break may leave
// at its end.
std::string sentence_text(const Document& doc, std::size_t i) {
  std::u32string_view s = doc.slice(doc.sentences[i].begin, doc.sentences[i].end);
  while (!s.empty() && quotegraph::is_space(s.back())) s.remove_suffix(1);
  return quotegraph::to_utf8(s);
}

std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) out.push_back(sentence_text(doc, i));
  return out;
}

// Folded token forms, with a '~' prefix on clitic tokens so the kind is
// visible in the comparison.
std::vector<std::string> token_forms(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens) out.push_back((t.kind == TokenKind::kClitic ? "~" : "") + std::string(t.lower));
  return out;
}

// A line long enough (over 60 code points) not to be taken for a headline.
const std::u32string kLongA =
    U"Le ministre des Affaires étrangères a reçu mardi son homologue arménien à Paris.";
const std::u32string kLongB =
    U"Les deux responsables ont évoqué la situation humanitaire dans le Haut-Karabakh.";

}  // namespace

TEST_CASE("paragraphs are split on blank lines", "[document][unit]") {
  const std::u32string text = U"Premier paragraphe court.\n\nDeuxième paragraphe.\n \t\nTroisième.\n";
  Document doc = segmented(text);
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.paragraphs[0].begin == 0);
  CHECK(doc.paragraphs[0].end == 25);
  CHECK(paragraph_text(doc, 0) == "Premier paragraphe court.");
  CHECK(doc.paragraphs[1].begin == 27);
  CHECK(paragraph_text(doc, 1) == "Deuxième paragraphe.");
  CHECK(paragraph_text(doc, 2) == "Troisième.");
  // Every sentence points back at its paragraph, in order.
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    for (auto s = doc.paragraphs[p].sentence_begin; s < doc.paragraphs[p].sentence_end; ++s) {
      CHECK(doc.sentences[s].paragraph == p);
    }
  }
}

TEST_CASE("CRLF blank lines separate paragraphs and CR is kept in the text", "[document][unit]") {
  const std::u32string text = U"Premier paragraphe.\r\n\r\nSecond paragraphe.\r\n";
  Document doc = segmented(text);
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(paragraph_text(doc, 0) == "Premier paragraphe.");
  CHECK(doc.paragraphs[1].begin == 23);
  CHECK(paragraph_text(doc, 1) == "Second paragraphe.");
  CHECK(doc.text.size() == text.size());
}

TEST_CASE("single-newline files: a line ending with a full stop is a paragraph", "[document][unit]") {
  const std::u32string text = kLongA + U"\n" + kLongB + U"\n";
  Document doc = segmented(text);
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.paragraphs[0].begin == 0);
  CHECK(doc.paragraphs[0].end == kLongA.size());
  CHECK(doc.paragraphs[1].begin == kLongA.size() + 1);
  CHECK(paragraph_text(doc, 1) == quotegraph::to_utf8(kLongB));
}

TEST_CASE("soft-wrapped lines are joined into one paragraph and one sentence", "[document][unit]") {
  // Wrapped at about 70 columns in the middle of a sentence.
  const std::u32string text =
      U"Le porte-parole du gouvernement a indiqué mardi que les discussions avec\n"
      U"les syndicats reprendraient dès la semaine prochaine à Matignon.\n\n"
      U"Fin.";
  Document doc = segmented(text);
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(doc.paragraphs[0].begin == 0);
  CHECK(paragraph_text(doc, 0).find("avec\nles syndicats") != std::string::npos);
  REQUIRE(doc.paragraphs[0].sentence_end - doc.paragraphs[0].sentence_begin == 1);
  CHECK(sentence_text(doc, 0).rfind("Le porte-parole", 0) == 0);
  CHECK(sentence_text(doc, 0).find("Matignon.") != std::string::npos);
}

TEST_CASE("a line ending on a web address or an @handle is finished, not a soft wrap", "[document][unit]") {
  // Web copies paste an embed's link or a handle after a quotation: the
  // next line is a paragraph of its own, however long the line is.
  for (const char32_t* tail : {U"https://exemple.fr/article/12345", U"@VilleDeLyon", U"www.exemple.fr"}) {
    const std::u32string text = std::u32string(U"La présidente du club confirme que les supporters sont très remontés ") + tail +
                                U"\nPour l'entraîneur, la sanction de la ligue est une injustice totale.";
    Document doc = segmented(text);
    CHECK(doc.paragraphs.size() == 2);
  }
  // A long line that ends on a plain word is still joined to the next.
  const std::u32string wrapped =
      U"La présidente du club confirme que les supporters sont très remontés contre\n"
      U"la sanction de la ligue.";
  CHECK(segmented(wrapped).paragraphs.size() == 1);
}

TEST_CASE("titles and initials do not end a sentence", "[document][unit]") {
  const std::u32string text =
      U"Le porte-parole du Kremlin, M. Peskov, a démenti ces informations. "
      U"Mme Dupont a réagi dans la soirée. "
      U"Le Dr Martin a confirmé le diagnostic. "
      U"Selon Mme. Durand et J. Dupuis, rien n'est décidé.";
  Document doc = segmented(text);
  CHECK(sentence_texts(doc) == std::vector<std::string>{
                                   "Le porte-parole du Kremlin, M. Peskov, a démenti ces informations.",
                                   "Mme Dupont a réagi dans la soirée.",
                                   "Le Dr Martin a confirmé le diagnostic.",
                                   "Selon Mme. Durand et J. Dupuis, rien n'est décidé."});
}

TEST_CASE("a closing » after a space stays with its sentence", "[document][unit]") {
  const std::u32string text =
      U"Il a déclaré : « Nous refusons cette décision. » Le ministre a ensuite quitté la salle.";
  Document doc = segmented(text);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(sentence_text(doc, 0) == "Il a déclaré : « Nous refusons cette décision. »");
  CHECK(doc.text[doc.sentences[1].begin] == U'L');
  // With a no-break space before the closer too.
  Document nbsp = segmented(U"« C'est inacceptable.\u00A0» Le ministre est parti.");
  REQUIRE(nbsp.sentences.size() == 2);
  CHECK(sentence_text(nbsp, 0) == "« C'est inacceptable.\u00A0»");
}

TEST_CASE("a missing space after a full stop still ends the sentence", "[document][unit]") {
  const std::u32string text =
      U"Pyongyang a tiré un missile balistique mardi (APC).Selon la KCNA, le tir a réussi.";
  Document doc = segmented(text);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(sentence_text(doc, 0) == "Pyongyang a tiré un missile balistique mardi (APC).");
  CHECK(doc.sentences[1].begin == text.find(U"Selon"));
  CHECK(sentence_text(doc, 1) == "Selon la KCNA, le tir a réussi.");
  // Not after an abbreviation or an initial.
  Document abbr = segmented(U"Il a rencontré M.Dupont hier soir.");
  CHECK(abbr.sentences.size() == 1);
}

TEST_CASE("an ellipsis before a capital ends the sentence, outside a quotation", "[document][unit]") {
  const std::u32string text =
      U"La voisine raconte avoir entendu crier dans l'escalier\u2026 La policière explique qu'elle a mal entendu.";
  Document doc = segmented(text);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(sentence_text(doc, 0) == "La voisine raconte avoir entendu crier dans l'escalier\u2026");
  CHECK(doc.sentences[1].begin == text.find(U"La policière"));
  // Three full stops alike.
  Document dots = segmented(U"Le four s'est éteint... Le boulanger a tout perdu.");
  CHECK(dots.sentences.size() == 2);
  // Not inside a quotation, nor before a lower-case word.
  Document quoted = segmented(U"« Je ne sais pas\u2026 Peut-être demain », dit-il.");
  CHECK(quoted.sentences.size() == 1);
  Document lower = segmented(U"Il hésite\u2026 puis il signe.");
  CHECK(lower.sentences.size() == 1);
}

TEST_CASE("tokens split elisions and inverted subject pronouns", "[document][unit]") {
  const std::vector<std::pair<std::u32string, std::vector<std::string>>> rows = {
      {U"l'Arménie", {"l'", "arménie"}},
      {U"L’Arménie", {"l'", "arménie"}},
      {U"a-t-il", {"a", "~il"}},
      {U"déclare-t-elle", {"déclare", "~elle"}},
      {U"affirment-ils", {"affirment", "~ils"}},
      {U"estime-t-on", {"estime", "~on"}},
      {U"aujourd'hui", {"aujourd'hui"}},
      {U"Haut-Karabakh", {"haut-karabakh"}},
      {U"porte-parole", {"porte-parole"}},
      {U"qu'il", {"qu'", "il"}},
      {U"jusqu'à", {"jusqu'", "à"}},
      {U"d'après", {"d'", "après"}},
      {U"« Non », a-t-il dit.", {"«", "non", "»", ",", "a", "~il", "dit", "."}},
  };
  for (const auto& [text, forms] : rows) {
    INFO(quotegraph::to_utf8(text));
    CHECK(token_forms(segmented(text)) == forms);
  }
}

TEST_CASE("token offsets, kinds and capitalisation", "[document][unit]") {
  //                    0123456789012345678901234567
  Document doc = segmented(U"L'ONU a-t-elle dit « 120 » ?");
  REQUIRE(doc.tokens.size() == 9);
  const auto& t = doc.tokens;
  CHECK(t[0].begin == 0);
  CHECK(t[0].end == 2);
  CHECK(t[0].lower == "l'");
  CHECK(t[1].begin == 2);
  CHECK(t[1].end == 5);
  CHECK(t[1].lower == "onu");
  CHECK(t[1].capitalized);
  CHECK(t[1].all_caps);
  CHECK(t[2].lower == "a");
  CHECK_FALSE(t[2].capitalized);
  CHECK(t[3].kind == TokenKind::kClitic);
  CHECK(t[3].begin == 7);
  CHECK(t[3].end == 14);
  CHECK(t[4].lower == "dit");
  CHECK(t[5].kind == TokenKind::kQuoteMark);
  CHECK(t[5].begin == 19);
  CHECK(t[6].kind == TokenKind::kNumber);
  CHECK(t[6].begin == 21);
  CHECK(t[6].end == 24);
  CHECK(t[7].kind == TokenKind::kQuoteMark);
  CHECK(t[8].kind == TokenKind::kPunct);
  CHECK(t[8].begin == 27);
  CHECK(doc.token_at(8) == 3);
  CHECK(doc.sentence_at(5) == 0);
}

TEST_CASE("sentence token ranges cover every token once", "[document][unit]") {
  const std::u32string text = kLongA + U" " + kLongB + U"\n\n« Oui », a-t-il répondu.";
  Document doc = segmented(text);
  REQUIRE(doc.sentences.size() >= 3);
  std::uint32_t next = 0;
  for (const auto& s : doc.sentences) {
    CHECK(s.token_begin == next);
    CHECK(s.token_end > s.token_begin);
    for (auto k = s.token_begin; k < s.token_end; ++k) {
      CHECK(doc.tokens[k].begin >= s.begin);
      CHECK(doc.tokens[k].end <= s.end);
    }
    next = s.token_end;
  }
  CHECK(next == doc.tokens.size());
}

TEST_CASE("empty and blank texts give no paragraph", "[document][bad-input]") {
  for (const std::u32string& text : {std::u32string(), std::u32string(U" \n\t\r\n\u00A0\n"),
                                     std::u32string(U"\uFEFF")}) {
    Document doc = segmented(text);
    CHECK(doc.paragraphs.empty());
    CHECK(doc.sentences.empty());
    CHECK(doc.tokens.empty());
    CHECK(doc.sentence_at(3) == 0);
  }
}

TEST_CASE("NUL and control characters do not shift offsets", "[document][bad-input]") {
  const std::u32string text = std::u32string(U"Le maire") + char32_t(0) + U" a démenti." + char32_t(1) + U" Il est parti.";
  Document doc = segmented(text);
  REQUIRE_FALSE(doc.tokens.empty());
  for (const auto& t : doc.tokens) {
    REQUIRE(t.end <= text.size());
    CHECK(t.lower == quotegraph::fold(doc.slice(t.begin, t.end)));
  }
  // "démenti" sits right where the text has it.
  const auto pos = text.find(U"démenti");
  bool found = false;
  for (const auto& t : doc.tokens) found = found || (t.begin == pos && t.lower == "démenti");
  CHECK(found);
}

TEST_CASE("tokens share the id of their folded form, and copies keep viewing it", "[document][unit]") {
  Document doc = segmented(U"Le maire l’a dit, a-t-il ajouté. LE MAIRE l'a dit, il l’a dit.");
  const Document copy = doc;
  doc = Document();  // the original's forms may go: the copy shares them
  REQUIRE(copy.forms);
  std::map<std::string, std::uint32_t> ids;
  for (const quotegraph::Token& t : copy.tokens) {
    // "-t-il" is the form "il"; every other token its folded text.
    if (t.kind != TokenKind::kClitic) CHECK(t.lower == quotegraph::fold(copy.slice(t.begin, t.end)));
    CHECK(copy.forms->text(t.form) == t.lower);
    // One id per folded text, whatever the case or the apostrophe.
    CHECK(ids.emplace(std::string(t.lower), t.form).first->second == t.form);
  }
  CHECK(ids.size() == copy.forms->size());
  CHECK(ids.count("l'") == 1);
  CHECK(ids.count("le") == 1);
}

TEST_CASE("a segmenter is reusable and movable", "[document][unit]") {
  Segmenter a(quotegraph_test::shared_words());
  Segmenter b(std::move(a));
  Document d1;
  d1.text = U"Première phrase. Deuxième phrase.";
  b.segment(d1);
  Document d2;
  d2.text = U"Une seule.";
  b.segment(d2);
  CHECK(d1.sentences.size() == 2);
  CHECK(d2.sentences.size() == 1);
  // Segmenting again replaces, not appends.
  b.segment(d1);
  CHECK(d1.sentences.size() == 2);
  CHECK(d1.paragraphs.size() == 1);
}

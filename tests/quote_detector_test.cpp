// Tests for quote_detector.h: every quotation mark family and spacing
// convention French news uses, with the exact code point offsets of the
// marks and of the content (marks and the spaces inside them excluded);
// nesting; quotes running over paragraphs; and the malformed cases
// (unbalanced, stray, mismatched marks) with their diagnostics.
#include "quotegraph/quotes/quote_detector.h"

#include <string>
#include <vector>

#include "catch.hpp"
#include "support/test_support.h"
#include "quotegraph/text/text.h"

using quotegraph::DiagCode;
using quotegraph::Diagnostics;
using quotegraph::Document;
using quotegraph::Quote;
using quotegraph::Severity;

namespace {

struct Detected {
  Document doc;
  std::vector<Quote> quotes;
  Diagnostics diags;

  std::u32string content(std::size_t i) const {
    return std::u32string(doc.slice(quotes.at(i).begin, quotes.at(i).end));
  }
  std::size_t count(DiagCode code) const {
    std::size_t n = 0;
    for (const auto& d : diags.items()) n += d.code == code;
    return n;
  }
};

Detected detect(const std::u32string& text) {
  Detected r;
  r.doc.name = "q.txt";
  r.doc.text = text;
  quotegraph::Segmenter segmenter(quotegraph_test::shared_words());
  segmenter.segment(r.doc);
  r.quotes = quotegraph::detect_quotes(r.doc, r.diags);
  return r;
}

}  // namespace

TEST_CASE("guillemets with every spacing convention", "[quote_detector][unit]") {
  struct Row {
    std::u32string text;
    std::uint32_t open, begin, end, close;
    const char* what;
  };
  // "Il a dit " is 9 code points, so « is at 9 in every row.
  const std::vector<Row> rows = {
      {U"Il a dit « Nous partirons » hier.", 9, 11, 25, 26, "ordinary spaces"},
      {U"Il a dit «\u00A0Nous partirons\u00A0» hier.", 9, 11, 25, 26, "no-break spaces U+00A0"},
      {U"Il a dit «\u202FNous partirons\u202F» hier.", 9, 11, 25, 26, "narrow no-break spaces U+202F"},
      {U"Il a dit «Nous partirons» hier.", 9, 10, 24, 24, "no spaces"},
      {U"Il a dit «  Nous partirons \u00A0» hier.", 9, 12, 26, 28, "several spaces"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    Detected d = detect(row.text);
    REQUIRE(d.quotes.size() == 1);
    const Quote& q = d.quotes[0];
    CHECK(q.open == row.open);
    CHECK(q.begin == row.begin);
    CHECK(q.end == row.end);
    CHECK(q.close == row.close);
    CHECK(d.content(0) == U"Nous partirons");
    CHECK(q.balanced);
    CHECK(q.depth == 0);
    CHECK(q.paragraph == 0);
    CHECK(q.last_paragraph == 0);
    CHECK(d.diags.empty());
  }
}

TEST_CASE("curly, low-high and straight double quotes", "[quote_detector][unit]") {
  struct Row {
    std::u32string text;
    std::u32string content;
    std::uint32_t open, close;
  };
  const std::vector<Row> rows = {
      {U"Il a dit “Nous partirons” hier.", U"Nous partirons", 9, 24},
      {U"Il a dit “ Nous partirons ” hier.", U"Nous partirons", 9, 26},
      {U"Il a dit \"Nous partirons\" hier.", U"Nous partirons", 9, 24},
      {U"Il a dit \"Nous partirons.\" Puis il est parti.", U"Nous partirons.", 9, 25},
      // Look-alikes typed or converted for " (″ ʺ ＂) and for “ (‟).
      {U"Il a dit ″Nous partirons″ hier.", U"Nous partirons", 9, 24},
      {U"Il a dit ″ Nous partirons ″ hier.", U"Nous partirons", 9, 26},
      {U"Il a dit ʺNous partirons.ʺ Puis il est parti.", U"Nous partirons.", 9, 25},
      {U"Il a dit ＂Nous partirons＂ hier.", U"Nous partirons", 9, 24},
      {U"Il a dit ‟Nous partirons” hier.", U"Nous partirons", 9, 24},
  };
  for (const auto& row : rows) {
    INFO(quotegraph::to_utf8(row.text));
    Detected d = detect(row.text);
    REQUIRE(d.quotes.size() == 1);
    CHECK(d.quotes[0].open == row.open);
    CHECK(d.quotes[0].close == row.close);
    CHECK(d.content(0) == row.content);
    CHECK(d.quotes[0].balanced);
    CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
    CHECK(d.count(DiagCode::kStrayQuote) == 0);
  }
}

TEST_CASE("a double prime after a digit is a unit sign, not a quote", "[quote_detector][unit]") {
  // Race times and angles: « 9″58 », « 45°30′15″ »; the quotation beside them is still found.
  Detected d = detect(U"Il a couru en 9″58 et son rival en 9″63. « Je suis content », a-t-il dit.");
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.content(0) == U"Je suis content");
  CHECK(d.count(DiagCode::kStrayQuote) == 0);
  CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
  Detected angle = detect(U"Le navire croisait par 45°30′15″ de latitude nord, selon la marine.");
  CHECK(angle.quotes.empty());
  CHECK(angle.count(DiagCode::kStrayQuote) == 0);
  // Typed for " after a word it still opens and closes.
  Detected typed = detect(U"Il a dit ″Nous partirons″ après 3 heures.");
  REQUIRE(typed.quotes.size() == 1);
  CHECK(typed.content(0) == U"Nous partirons");
  // After a digit it still closes a quotation typed with it.
  Detected budget = detect(U"Il a dit ″Le budget sera de 12″ hier. « Je suis content », a-t-il dit.");
  REQUIRE(budget.quotes.size() == 2);
  CHECK(budget.content(0) == U"Le budget sera de 12");
  CHECK(budget.content(1) == U"Je suis content");
  CHECK(budget.count(DiagCode::kUnbalancedQuote) == 0);
}

TEST_CASE("German-style „ “ quotes are one quote", "[quote_detector][unit]") {
  // quote_detector.h lists „ “ as a family: the “ closes the „.
  Detected d = detect(U"Il a dit „Nous partirons“ hier.");
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].open == 9);
  CHECK(d.quotes[0].close == 24);
  CHECK(d.content(0) == U"Nous partirons");
  CHECK(d.quotes[0].balanced);
  CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
}

TEST_CASE("several quotes in a paragraph come in text order", "[quote_detector][unit]") {
  Detected d = detect(U"« Oui », a-t-il dit, puis « non » et enfin \"peut-être\".");
  REQUIRE(d.quotes.size() == 3);
  CHECK(d.content(0) == U"Oui");
  CHECK(d.content(1) == U"non");
  CHECK(d.content(2) == U"peut-être");
  CHECK(d.quotes[0].open < d.quotes[1].open);
  CHECK(d.quotes[1].open < d.quotes[2].open);
  for (const auto& q : d.quotes) CHECK(q.depth == 0);
}

TEST_CASE("nested quotes get depth 1", "[quote_detector][unit]") {
  SECTION("“ ” inside « »") {
    Detected d = detect(U"« Il m'a dit “jamais” sans rire », raconte-t-elle.");
    REQUIRE(d.quotes.size() == 2);
    CHECK(d.quotes[0].depth == 0);
    CHECK(d.content(0) == U"Il m'a dit “jamais” sans rire");
    CHECK(d.quotes[1].depth == 1);
    CHECK(d.content(1) == U"jamais");
    CHECK(d.quotes[1].open > d.quotes[0].open);
    CHECK(d.quotes[1].close < d.quotes[0].close);
  }
  SECTION("« » inside « »") {
    Detected d = detect(U"« Le texte parle de « souveraineté » partout », a-t-il dit.");
    REQUIRE(d.quotes.size() == 2);
    CHECK(d.content(0) == U"Le texte parle de « souveraineté » partout");
    CHECK(d.quotes[0].depth == 0);
    CHECK(d.content(1) == U"souveraineté");
    CHECK(d.quotes[1].depth == 1);
    CHECK(d.diags.empty());
  }
}

TEST_CASE("a quote over two paragraphs reopened with « is one quote", "[quote_detector][unit]") {
  const std::u32string p1 = U"Le ministre a déclaré : « Nous ne céderons pas.";
  const std::u32string p2 = U"« Nous irons jusqu'au bout », a-t-il conclu.";
  Detected d = detect(p1 + U"\n\n" + p2);
  REQUIRE(d.doc.paragraphs.size() == 2);
  REQUIRE(d.quotes.size() == 1);
  const Quote& q = d.quotes[0];
  CHECK(q.open == 24);
  CHECK(q.begin == 26);
  CHECK(q.paragraph == 0);
  CHECK(q.last_paragraph == 1);
  CHECK(q.balanced);
  CHECK(d.content(0) == U"Nous ne céderons pas.\n\n« Nous irons jusqu'au bout");
  CHECK(d.doc.text[q.close] == U'»');
  CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
  CHECK(d.count(DiagCode::kStrayQuote) == 0);
}

TEST_CASE("an unclosed « ends at its paragraph with a warning", "[quote_detector][bad-input]") {
  const std::u32string p1 = U"Le ministre a déclaré : « Nous ne céderons pas.";
  const std::u32string p2 = U"Le porte-parole a ajouté : « Le dialogue reste ouvert ».";
  Detected d = detect(p1 + U"\n\n" + p2);
  REQUIRE(d.quotes.size() == 2);
  const Quote& q = d.quotes[0];
  CHECK_FALSE(q.balanced);
  CHECK(q.open == 24);
  CHECK(q.paragraph == 0);
  CHECK(q.last_paragraph == 0);
  CHECK(q.end == p1.size());
  CHECK(d.content(0) == U"Nous ne céderons pas.");
  // The next paragraph's quote is still found, balanced.
  CHECK(d.quotes[1].balanced);
  CHECK(d.quotes[1].paragraph == 1);
  CHECK(d.content(1) == U"Le dialogue reste ouvert");
  REQUIRE(d.count(DiagCode::kUnbalancedQuote) == 1);
  for (const auto& diag : d.diags.items()) {
    if (diag.code != DiagCode::kUnbalancedQuote) continue;
    CHECK(diag.severity == Severity::kWarning);
    CHECK(diag.offset == 24);
    CHECK(diag.file == "q.txt");
    CHECK(std::string(diag.offset_unit) == "char");
  }
  CHECK_FALSE(d.diags.has_errors());
}

TEST_CASE("a quote over three paragraphs with no mark at the breaks is one quote", "[quote_detector][unit]") {
  // « … ¶ … ¶ … »: the press's other way of running a quotation over
  // paragraphs, the one with no « reopening each.
  const std::u32string p1 = U"La procureure a requis : « Cet homme a puisé dans les caisses.";
  const std::u32string p2 = U"Il n'a jamais exprimé le moindre regret.";
  const std::u32string p3 = U"La peine doit être exemplaire », a-t-elle conclu.";
  Detected d = detect(p1 + U"\n\n" + p2 + U"\n\n" + p3);
  REQUIRE(d.doc.paragraphs.size() == 3);
  REQUIRE(d.quotes.size() == 1);
  const Quote& q = d.quotes[0];
  CHECK(q.paragraph == 0);
  CHECK(q.last_paragraph == 2);
  CHECK(q.balanced);
  CHECK(d.content(0) == U"Cet homme a puisé dans les caisses.\n\n" + p2 + U"\n\nLa peine doit être exemplaire");
  CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
  CHECK(d.count(DiagCode::kStrayQuote) == 0);
}

TEST_CASE("an unclosed « pairs with no » past a mark, a heading, a dash or three paragraphs",
          "[quote_detector][bad-input]") {
  const std::u32string open = U"L'opposition a dénoncé « un budget d'austérité.";
  const std::u32string prose = U"Le vote aura lieu mardi.";
  const std::u32string stray = U"Les débats reprendront jeudi » à l'Assemblée.";
  struct Miss {
    std::u32string text;
    std::size_t quotes;
  };
  const Miss misses[] = {
      // A quotation opened and closed between: the » two paragraphs on is another's.
      {open + U"\n\nLe ministre a répondu : « Nous protégeons les services. »\n\n" + stray, 2},
      // Another family's quotation between.
      {open + U"\n\nLe ministre a parlé d'un \"budget juste\".\n\n" + stray, 2},
      // An intertitle (no sentence end) and a dialogue turn are no continuation.
      {open + U"\n\nUne séance agitée\n\n" + stray, 1},
      {open + U"\n\n— Vous mentez, a crié un député.\n\n" + stray, 1},
      // The » four paragraphs on is too far.
      {open + U"\n\n" + prose + U"\n\n" + prose + U"\n\n" + prose + U"\n\n" + stray, 1},
      // Left open at the end of the article.
      {open + U"\n\n" + prose + U"\n\n" + prose, 1},
  };
  for (const Miss& m : misses) {
    INFO(quotegraph::to_utf8(m.text));
    Detected d = detect(m.text);
    REQUIRE(d.quotes.size() == m.quotes);
    CHECK(d.quotes[0].last_paragraph == 0);
    CHECK_FALSE(d.quotes[0].balanced);
    CHECK(d.content(0) == U"un budget d'austérité.");
    CHECK(d.count(DiagCode::kUnbalancedQuote) == 1);
  }
}

TEST_CASE("an unclosed quote at the end of the text is bounded", "[quote_detector][bad-input]") {
  for (const std::u32string& text :
       {std::u32string(U"Il a dit « et puis rien"), std::u32string(U"Il a dit “et puis rien"),
        std::u32string(U"Il a dit \"et puis rien")}) {
    INFO(quotegraph::to_utf8(text));
    Detected d = detect(text);
    REQUIRE(d.quotes.size() == 1);
    CHECK_FALSE(d.quotes[0].balanced);
    CHECK(d.quotes[0].end == text.size());
    CHECK(d.content(0) == U"et puis rien");
    CHECK(d.count(DiagCode::kUnbalancedQuote) == 1);
  }
}

TEST_CASE("a stray » gives a warning and no quote", "[quote_detector][bad-input]") {
  Detected d = detect(U"Le texte » n'a pas été signé. Il a dit « oui ».");
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.content(0) == U"oui");
  REQUIRE(d.count(DiagCode::kStrayQuote) == 1);
  CHECK(d.diags.items()[0].offset == 9);
  CHECK(d.diags.items()[0].severity == Severity::kWarning);
}

TEST_CASE("« closed by ” is one quote", "[quote_detector][bad-input]") {
  Detected d = detect(U"Il a dit « Nous partirons demain ” avant de raccrocher.");
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].open == 9);
  CHECK(d.content(0) == U"Nous partirons demain");
  CHECK(d.doc.text[d.quotes[0].close] == U'”');
  CHECK(d.quotes[0].balanced);
  CHECK(d.count(DiagCode::kStrayQuote) == 0);
  CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
}

TEST_CASE("« typed for a closing » before \", a-t-il dit\"", "[quote_detector][bad-input]") {
  const std::u32string text = U"« Nous resterons fermes « , a-t-il dit devant la presse.";
  Detected d = detect(text);
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].open == 0);
  CHECK(d.quotes[0].close == 24);
  CHECK(d.content(0) == U"Nous resterons fermes");
  CHECK(d.quotes[0].balanced);
  CHECK(d.count(DiagCode::kUnbalancedQuote) == 0);
}

TEST_CASE("quotes with no content and texts with no marks", "[quote_detector][bad-input]") {
  CHECK(detect(U"Aucune citation ici.").quotes.empty());
  CHECK(detect(U"").quotes.empty());
  // Empty content is not a quote.
  Detected empty = detect(U"Il a dit «  » puis s'est tu.");
  CHECK(empty.quotes.empty());
}

TEST_CASE("offsets stay exact after supplementary code points and NUL", "[quote_detector][bad-input]") {
  // U+1F600 counts one code point, NUL one as well.
  std::u32string text = U"😀 Il";
  text += char32_t(0);
  text += U" a dit « oui ».";
  Detected d = detect(text);
  REQUIRE(d.quotes.size() == 1);
  CHECK(d.quotes[0].open == 12);
  CHECK(d.quotes[0].begin == 14);
  CHECK(d.content(0) == U"oui");
}

namespace {
// A passage and the content of the quotation it must give.
struct Passage {
  std::u32string text, content;
};
}  // namespace

TEST_CASE("a closer with no opener before an incise opens at the clause start", "[quote_detector][bad-input]") {
  const Passage rows[] = {
      // After the sentence end before it, after a colon, from the paragraph start.
      {U"Le maire a visité le chantier. Les travaux avancent », a-t-il affirmé.", U"Les travaux avancent"},
      {U"L'entraîneur a réagi : Nous avons manqué de réalisme », a-t-il regretté.",
       U"Nous avons manqué de réalisme"},
      {U"La ligne rouvrira vendredi ”, selon la direction régionale.", U"La ligne rouvrira vendredi"},
      // After a quotation and a sentence end.
      {U"« Le stade est plein », dit-il. Nous sommes prêts », a-t-il ajouté.", U"Nous sommes prêts"},
  };
  for (const Passage& row : rows) {
    INFO(quotegraph::to_utf8(row.text));
    Detected d = detect(row.text);
    REQUIRE(d.quotes.size() >= 1);
    CHECK(d.content(d.quotes.size() - 1) == row.content);
    CHECK(d.quotes.back().balanced);
    CHECK(d.count(DiagCode::kStrayQuote) == 1);
  }
  // Not before a capital, a full stop or a word with no comma, nor after a
  // comma of the clause (what introduces the quotation is not known): a
  // stray mark.
  for (const std::u32string& text : {std::u32string(U"Le texte », Paris a voté."),
                                    std::u32string(U"Selon le maire, la ville paiera », a précisé la mairie."),
                                    std::u32string(U"Le vote a eu lieu ». Les élus sont partis."),
                                    std::u32string(U"Les débats reprendront jeudi » à l'Assemblée.")}) {
    INFO(quotegraph::to_utf8(text));
    Detected d = detect(text);
    CHECK(d.quotes.empty());
    CHECK(d.count(DiagCode::kStrayQuote) == 1);
  }
  Detected after_quote = detect(U"Le texte « sera voté » et les décrets suivront », dit-il.");
  REQUIRE(after_quote.quotes.size() == 1);
  CHECK(after_quote.content(0) == U"sera voté");
}

TEST_CASE("marks typed for both ends or with two characters pair by position", "[quote_detector][bad-input]") {
  const Passage rows[] = {
      {U"”Les urgences ne fermeront pas la nuit”, a promis la directrice.", U"Les urgences ne fermeront pas la nuit"},
      {U"“Nous allons porter plainte“, a réagi l'avocat de la famille.", U"Nous allons porter plainte"},
      {U"<< Le dialogue reste ouvert >>, a déclaré le ministre.", U"Le dialogue reste ouvert"},
      {U"« Le budget sera voté en mars »», a affirmé l'adjoint.", U"Le budget sera voté en mars"},
      {U"«« Nous avons été trahis », a dénoncé le porte-parole.", U"Nous avons été trahis"},
      {U"'Nous ne signerons pas cet accord', a lancé le délégué.", U"Nous ne signerons pas cet accord"},
      {U"Le délégué a lancé : ’C’est notre dernier mot’.", U"C’est notre dernier mot"},
  };
  for (const Passage& row : rows) {
    INFO(quotegraph::to_utf8(row.text));
    Detected d = detect(row.text);
    REQUIRE(d.quotes.size() == 1);
    CHECK(d.content(0) == row.content);
    CHECK(d.quotes[0].balanced);
    CHECK(d.diags.empty());
  }
  // »» after a quotation nested at its end closes both.
  Detected nested = detect(U"« Il a dit « non »», a-t-elle rapporté.");
  REQUIRE(nested.quotes.size() == 2);
  CHECK(nested.content(0) == U"Il a dit « non »");
  // Apostrophes of elision, a shift, an arrow and a lone << are no quotation.
  for (const std::u32string& text :
       {std::u32string(U"L'accord d'aujourd'hui n'est pas signé, l' entreprise l'a dit."),
        std::u32string(U"Il a dit l 'accord est signé' hier."), std::u32string(U"Il a dit 'oui ou l' autre."),
        std::u32string(U"Le registre x << 2 est décalé."),
        std::u32string(U"Le flux <<< entrant >>> est bloqué."), std::u32string(U"Les années '80 sont loin.")}) {
    INFO(quotegraph::to_utf8(text));
    CHECK(detect(text).quotes.empty());
  }
}

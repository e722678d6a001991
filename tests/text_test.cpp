// Tests for text.h: strict UTF-8 decoding (every malformed form rejected
// with the byte offset of the bad sequence), code point offsets that match
// Python's str indexes (BOM and CR kept), and the French character classes
// and folding the lexicons rely on.
#include "quotegraph/text/text.h"

#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

#include "catch.hpp"

using quotegraph::decode_utf8;

namespace {

// Decodes `s`, which the test knows to be valid, and fails the test otherwise.
std::u32string decoded(const std::string& s) {
  auto r = decode_utf8(s);
  REQUIRE(r);
  return r.text();
}

}  // namespace

TEST_CASE("decode rejects malformed UTF-8 at the offset of the bad sequence", "[text][bad-input]") {
  // The style guide's table plus one row per class of malformed input.
  using Row = std::tuple<std::string, std::size_t, const char*>;
  const std::vector<Row> rows = {
      {std::string("abc\x80"), 3, "lone continuation byte"},
      {std::string("\xC3"), 0, "truncated two-byte sequence at the end"},
      {std::string("ab\xE3\x81"), 2, "truncated three-byte sequence at the end"},
      {std::string("\xC0\xAF"), 0, "overlong form of '/'"},
      {std::string("x\xE0\x80\xAF"), 1, "overlong three-byte form"},
      {std::string("\xED\xA0\x80"), 0, "UTF-16 surrogate U+D800"},
      {std::string("ok \xED\xBF\xBF"), 3, "UTF-16 surrogate U+DFFF"},
      {std::string("\xF4\x90\x80\x80"), 0, "above U+10FFFF"},
      {std::string("\xF5\x80\x80\x80"), 0, "lead byte F5"},
      {std::string("\xFF"), 0, "byte FF"},
      {std::string("\xC3\xA9t\xC3("), 3, "é then a lead byte followed by ASCII"},
      {std::string("Mosc\xC3\xA9u \xE2\x80"), 8, "truncated « mark after valid text"},
  };
  for (const auto& [bytes, offset, what] : rows) {
    INFO(what);
    auto r = decode_utf8(bytes);
    REQUIRE_FALSE(r);
    CHECK(r.error().byte_offset == offset);
    CHECK_FALSE(r.error().message.empty());
  }
}

TEST_CASE("decode finds a bad sequence after runs of ASCII read eight bytes at a time", "[text][bad-input]") {
  // The decoder reads eight ASCII bytes at once and fills a buffer of 256
  // code points: a bad byte at each place of a run of eight, and past a
  // buffer's end, is still found at its own offset.
  for (std::size_t before = 0; before < 20; ++before) {
    for (const std::string& bad : {std::string("\x80"), std::string("\xC3"), std::string("\xC1\xBF"),
                                   std::string("\xC3("), std::string("\xE2\x80")}) {
      INFO(before);
      auto r = decode_utf8(std::string(before, 'a') + bad + "bcdefghijk");
      REQUIRE_FALSE(r);
      CHECK(r.error().byte_offset == before);
    }
  }
  const std::string long_text = std::string(300, 'a') + "\xC3\xA9" + std::string(300, 'b') + "\xFF";
  auto r = decode_utf8(long_text);
  REQUIRE_FALSE(r);
  CHECK(r.error().byte_offset == 602);
  const std::u32string expected = std::u32string(300, U'a') + U"é" + std::u32string(300, U'b');
  CHECK(decoded(long_text.substr(0, 602)) == expected);
}

TEST_CASE("decode accepts the extremes of valid UTF-8", "[text][unit]") {
  // U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
  const std::string bytes =
      "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
      "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
  const std::u32string expected = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF};
  CHECK(decoded(bytes) == expected);
  CHECK(quotegraph::to_utf8(expected) == bytes);
}

TEST_CASE("decode keeps a BOM as code point 0 and CR before LF", "[text][unit]") {
  std::u32string t = decoded("\xEF\xBB\xBFLe Kremlin\r\na d\xC3\xA9menti.\r\n");
  REQUIRE(t.size() == 25);
  CHECK(t[0] == 0xFEFF);
  CHECK(t[1] == U'L');
  CHECK(t[11] == U'\r');
  CHECK(t[12] == U'\n');
  CHECK(t.substr(13, 10) == U"a démenti.");
  CHECK(t[23] == U'\r');
  CHECK(t[24] == U'\n');
  CHECK(quotegraph::is_space(t[0]));
}

TEST_CASE("decode keeps NUL and control characters", "[text][bad-input]") {
  std::string bytes("a\0b\x01\x1F\x7F", 6);
  std::u32string t = decoded(bytes);
  REQUIRE(t.size() == 6);
  CHECK(t[1] == 0);
  CHECK(t[3] == 0x01);
  CHECK(t[5] == 0x7F);
  CHECK(quotegraph::to_utf8(t) == bytes);
}

TEST_CASE("decode of empty input is an empty text", "[text][bad-input]") {
  auto r = decode_utf8("");
  REQUIRE(r);
  CHECK(r.text().empty());
}

TEST_CASE("offsets count code points, as Python indexes a str", "[text][unit]") {
  // "é«x»": é is 2 bytes, « and » 2 bytes each, but one code point each.
  std::u32string t = decoded("\xC3\xA9\xC2\xABx\xC2\xBB");
  REQUIRE(t.size() == 4);
  CHECK(t[0] == U'é');
  CHECK(t[1] == U'«');
  CHECK(t[2] == U'x');
  CHECK(t[3] == U'»');

  // A supplementary code point (emoji, 4 bytes, 2 UTF-16 units) counts one.
  std::u32string e = decoded("a\xF0\x9F\x98\x80" "b");
  REQUIRE(e.size() == 3);
  CHECK(e[1] == 0x1F600);
  CHECK(e[2] == U'b');

  // « Bonjour » with U+00A0 inside the marks: the word starts at 2.
  std::u32string q = decoded("\xC2\xAB\xC2\xA0" "Bonjour\xC2\xA0\xC2\xBB");
  REQUIRE(q.size() == 11);
  CHECK(q.substr(2, 7) == U"Bonjour");
}

TEST_CASE("to_utf8 and decode_utf8 agree on long texts of every UTF-8 length", "[text][unit]") {
  // Longer than the 32 code points converted at a time, so that one, two,
  // three and four-byte sequences meet the chunk boundaries.
  std::u32string text;
  for (int i = 0; i < 50; ++i) text += U"aé€\U0001F600 ";
  const std::string bytes = quotegraph::to_utf8(text);
  CHECK(bytes.size() == 50 * (1 + 2 + 3 + 4 + 1));
  // utf8_equals answers as the comparison with to_utf8 would, past a
  // chunk boundary too.
  CHECK(quotegraph::utf8_equals(text, bytes));
  CHECK_FALSE(quotegraph::utf8_equals(text, bytes.substr(0, bytes.size() - 1)));
  CHECK_FALSE(quotegraph::utf8_equals(text.substr(0, text.size() - 1), bytes));
  std::string changed = bytes;
  changed[200] = 'x';
  CHECK_FALSE(quotegraph::utf8_equals(text, changed));
  CHECK(quotegraph::utf8_equals(U"", ""));
  CHECK_FALSE(quotegraph::utf8_equals(U"a", ""));
  auto r = decode_utf8(bytes);
  REQUIRE(r);
  CHECK(r.text() == text);
}

TEST_CASE("to_utf8 replaces invalid code points with U+FFFD", "[text][bad-input]") {
  std::u32string bad = {U'a', 0xD800, U'b', 0x110000};
  CHECK(quotegraph::to_utf8(bad) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(quotegraph::utf8_equals(bad, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD"));
  std::string out = "x";
  quotegraph::append_utf8(out, U'é');
  CHECK(out == "x\xC3\xA9");
}

TEST_CASE("is_space knows the French typographic spaces", "[text][unit]") {
  for (char32_t c : {U' ', U'\t', U'\r', U'\n', char32_t(0x00A0), char32_t(0x202F), char32_t(0x2009),
                     char32_t(0xFEFF)}) {
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    CHECK(quotegraph::is_space(c));
  }
  for (char32_t c : {U'a', U'«', U'»', U'-', U'\'', char32_t(0), U'.', U'é'}) {
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    CHECK_FALSE(quotegraph::is_space(c));
  }
}

TEST_CASE("character classes: letters, digits, case, apostrophes, hyphens", "[text][unit]") {
  CHECK(quotegraph::is_letter(U'é'));
  CHECK(quotegraph::is_letter(U'Ж'));
  CHECK(quotegraph::is_letter(U'7'));  // digits count as letters (see text.h)
  CHECK_FALSE(quotegraph::is_letter(U'«'));
  CHECK_FALSE(quotegraph::is_letter(U' '));
  CHECK(quotegraph::is_digit(U'3'));
  CHECK_FALSE(quotegraph::is_digit(U'x'));
  CHECK(quotegraph::is_upper(U'É'));
  CHECK_FALSE(quotegraph::is_upper(U'é'));
  CHECK(quotegraph::is_apostrophe(U'\''));
  CHECK(quotegraph::is_apostrophe(U'’'));
  CHECK(quotegraph::is_apostrophe(char32_t(0x02BC)));
  CHECK_FALSE(quotegraph::is_apostrophe(U'"'));
  CHECK(quotegraph::is_word_hyphen(U'-'));
  CHECK(quotegraph::is_word_hyphen(char32_t(0x2011)));
  CHECK_FALSE(quotegraph::is_word_hyphen(U'—'));
  // Two apostrophes for a double quote, not after a digit (1'45'') nor
  // between letters (a typo for one apostrophe).
  const std::u32string quoted = U"dit : '' Non '', 1'45'', l''homme";
  CHECK(quotegraph::is_double_apostrophe(quoted, 6, quoted.size()));
  CHECK(quotegraph::is_double_apostrophe(quoted, 13, quoted.size()));
  CHECK_FALSE(quotegraph::is_double_apostrophe(quoted, 21, quoted.size()));
  CHECK_FALSE(quotegraph::is_double_apostrophe(quoted, 26, quoted.size()));
  CHECK_FALSE(quotegraph::is_double_apostrophe(quoted, 6, 7));  // the second one past the end
}

TEST_CASE("fold lower-cases and unifies apostrophes and no-break spaces", "[text][unit]") {
  const std::vector<std::pair<std::u32string, std::string>> rows = {
      {U"Déclare-t-Il", "déclare-t-il"},
      {U"L’Élysée", "l'élysée"},
      {U"Aujourd\u02BChui", "aujourd'hui"},
      {U"MOSCOU", "moscou"},
      {U"a\u00A0déclaré\u202Fhier", "a déclaré hier"},
      {U"ÉTATS-UNIS", "états-unis"},
      {U"porte\u2011parole", "porte-parole"},
      {U"", ""},
      // Longer than the 32 code points folded at a time, with letters of
      // two and three bytes on both sides of the chunk's end.
      {U"La Procureure GÉNÉRALE a DÉCLARÉ hier à l’Élysée qu’un accord — « ÇA » — était prêt",
       "la procureure générale a déclaré hier à l'élysée qu'un accord — « ça » — était prêt"},
      {U"ÀÉÈÊËÎÏÔÙÛÜŸÇŒÆ ÀÉÈÊËÎÏÔÙÛÜŸÇŒÆ ÀÉÈÊËÎÏÔÙÛÜŸÇŒÆ", "àéèêëîïôùûüÿçœæ àéèêëîïôùûüÿçœæ àéèêëîïôùûüÿçœæ"},
  };
  for (const auto& [in, out] : rows) {
    INFO(out);
    CHECK(quotegraph::fold(in) == out);
    CHECK(quotegraph::fold_utf8(quotegraph::to_utf8(in)) == out);
  }
}

TEST_CASE("fold_changes counts what folding may change and the folding pass counts the same", "[text][unit]") {
  // (text, code points fold may write otherwise than as written)
  const std::vector<std::pair<std::u32string, std::size_t>> rows = {
      {U"déclaré", 0},
      {U"Dupont", 1},
      {U"État", 1},
      {U"MOSCOU", 6},
      {U"l’état", 1},            // the typographic apostrophe
      {U"a\u00A0b", 1},         // a no-break space
      {U"porte\u2011parole", 1},
      {U"œuvre", 1},             // past Latin-1: counted without asking ICU
      {U"×÷ßÿ", 0},              // Latin-1 that folding keeps
      {U"", 0},
      // Blocks of four ASCII code points and a tail, capitals in both.
      {U"abcDEFGhijkLmnop", 5},
      {U"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", 26},
      {U"aBcD\u00C9fGh", 4},
  };
  for (const auto& [in, count] : rows) {
    INFO(quotegraph::to_utf8(in));
    CHECK(quotegraph::fold_changes(in) == count);
    char buffer[4 * 64];
    std::size_t changed = 0;
    CHECK(quotegraph::fold_into_buffer(in, buffer, changed) == quotegraph::fold(in));
    CHECK(changed == count);
    // 0: the folded form is the text as written.
    if (count == 0) CHECK(quotegraph::fold(in) == quotegraph::to_utf8(in));
  }
}

TEST_CASE("strip_accents drops combining marks and lower-cases", "[text][unit]") {
  CHECK(quotegraph::strip_accents("États-Unis") == "etats-unis");
  CHECK(quotegraph::strip_accents("Erdoğan") == "erdogan");
  CHECK(quotegraph::strip_accents("Pachinian") == "pachinian");
  CHECK(quotegraph::strip_accents("Haut-Karabakh") == "haut-karabakh");
  CHECK(quotegraph::strip_accents("") == "");
}

TEST_CASE("strip_accents maps each code point on its own", "[text][unit]") {
  // "ß" sends the whole string through ICU; the fast path must give every
  // other letter as ICU does, so that the result for a word does not
  // depend on what follows it (Gazetteer::may_open_state_or_seat relies
  // on it).
  std::vector<char32_t> code_points = {0x2019, 0x02BC, 0x00A0, 0x202F, 0x2010, 0x2011};
  for (char32_t c = 1; c <= 0x17F; ++c) code_points.push_back(c);
  for (char32_t c : code_points) {
    const std::string alone = quotegraph::to_utf8(std::u32string(1, c));
    INFO(static_cast<unsigned>(c));
    CHECK(quotegraph::strip_accents(alone + "\xC3\x9F") ==
          quotegraph::strip_accents(alone) + quotegraph::strip_accents("\xC3\x9F"));
  }
}

TEST_CASE("fold and strip_accents survive NUL bytes and invalid UTF-8", "[text][bad-input]") {
  // Neither may throw or crash; the valid part must still come out folded.
  CHECK(quotegraph::fold(std::u32string(U"AB\0C", 4)) == std::string("ab\0c", 4));
  std::string stripped = quotegraph::strip_accents(std::string("\xC3\x89t\0\xC3", 5));
  CHECK(stripped.rfind("et", 0) == 0);
}

// Tests for word_table.h: an interned form gives the same answers as the
// lexicons it stands for (word classes, speech verb readings), the
// gazetteer answers through GazetteerCache stay those of the gazetteer,
// and the table stays within its bound over any number of forms.
#include "quotegraph/lexicon/word_table.h"

#include <string>

#include "catch.hpp"
#include "quotegraph/lexicon/word_classes.h"

using quotegraph::Diagnostics;
using quotegraph::WordTable;

namespace {

struct Lexicons {
  Diagnostics diags;
  quotegraph::Result<quotegraph::Lexicon> lexicon = quotegraph::Lexicon::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  quotegraph::Result<quotegraph::WordClasses> words = quotegraph::WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  quotegraph::Result<quotegraph::Gazetteer> gazetteer = quotegraph::Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, *words, diags);
};

}  // namespace

TEST_CASE("an interned word answers like the lexicons", "[word_table][unit]") {
  Lexicons l;
  REQUIRE(l.lexicon);
  REQUIRE(l.words);
  WordTable table(&*l.lexicon, &*l.words);
  for (const char* w : {"déclaré", "a", "le", "selon", "ministre", "accusant", "xyzzy", "", "qu'"}) {
    INFO(w);
    const quotegraph::WordInfo& info = table.find(w);
    CHECK(info.classes == l.words->classes(w));
    REQUIRE(info.forms != nullptr);
    CHECK(info.forms == &l.lexicon->forms(w));
  }
  CHECK(table.size() == 9);
  CHECK_FALSE(table.find("déclaré").forms->empty());
  CHECK(table.find("le").classes != 0);
  CHECK(table.size() == 9);  // found again, not added
}

TEST_CASE("a word table without lexicons gives no class and no reading", "[word_table][bad-input]") {
  WordTable table(nullptr, nullptr);
  const quotegraph::WordInfo& info = table.find("déclaré");
  CHECK(info.classes == 0);
  REQUIRE(info.forms != nullptr);
  CHECK(info.forms->empty());
}

TEST_CASE("a word table keeps every form apart and stays within its bound", "[word_table][unit]") {
  WordTable table(nullptr, nullptr, 1000);
  // Growing past the first slots keeps what was learnt of each form.
  for (int i = 0; i < 900; ++i) table.find("w" + std::to_string(i)).classes = static_cast<std::uint32_t>(i);
  CHECK(table.size() == 900);
  for (int i = 0; i < 900; i += 97) CHECK(table.find("w" + std::to_string(i)).classes == static_cast<std::uint32_t>(i));
  for (int i = 900; i < 5000; ++i) table.find("w" + std::to_string(i));
  CHECK(table.size() <= 1000);
  CHECK(table.find("w4999").classes == 0);
}

TEST_CASE("GazetteerCache with lexicons answers words and places alike", "[word_table][unit]") {
  Lexicons l;
  REQUIRE(l.lexicon);
  REQUIRE(l.words);
  REQUIRE(l.gazetteer);
  quotegraph::GazetteerCache cache(*l.gazetteer, &*l.lexicon, &*l.words);
  // Each gazetteer answer is kept on the interned word, beside its classes.
  CHECK(cache.role("porte-parole") == l.gazetteer->role("porte-parole"));
  CHECK(cache.word("porte-parole").classes == l.words->classes("porte-parole"));
  CHECK(cache.state_or_seat("moscou") == l.gazetteer->seat("moscou"));
  CHECK(cache.nationality("russe") == l.gazetteer->nationality("russe"));
  CHECK(cache.nationality("russe") != nullptr);
  CHECK(cache.courtesy_title("m.") == l.gazetteer->courtesy_title("m."));
  CHECK(cache.role("russe") == l.gazetteer->role("russe"));
}

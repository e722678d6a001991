// Tests for string_table.h: keys are found by view whatever their bytes,
// the values stay those added, and the table keeps every key apart across
// its growth and after clear().
#include "quotegraph/lexicon/string_table.h"

#include <string>

#include "catch.hpp"

using quotegraph::StringTable;

TEST_CASE("a string table finds what was added and nothing else", "[string_table][unit]") {
  StringTable<int> table;
  CHECK(table.find("déclaré") == nullptr);
  table.add("déclaré", 1);
  table.add("", 2);
  table.add(std::string("a\0b", 3), 3);
  REQUIRE(table.find("déclaré") != nullptr);
  CHECK(*table.find("déclaré") == 1);
  CHECK(*table.find("") == 2);
  CHECK(*table.find(std::string("a\0b", 3)) == 3);
  CHECK(table.find("a") == nullptr);
  CHECK(table.find("Déclaré") == nullptr);
  CHECK(table.size() == 3);
}

TEST_CASE("a string table keeps every key apart as it grows", "[string_table][unit]") {
  StringTable<std::size_t> table;
  for (std::size_t i = 0; i < 20000; ++i) table.add("mot" + std::to_string(i), i);
  CHECK(table.size() == 20000);
  for (std::size_t i = 0; i < 20000; i += 37) {
    const std::size_t* v = table.find("mot" + std::to_string(i));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  int made = 0;
  CHECK(table.find_or_add("mot5", [&] { ++made; return std::size_t{99}; }) == 5);
  CHECK(table.find_or_add("nouveau", [&] { ++made; return std::size_t{99}; }) == 99);
  CHECK(made == 1);
  table.clear();
  CHECK(table.size() == 0);
  CHECK(table.key_bytes() == 0);
  CHECK(table.find("mot5") == nullptr);
  table.add("mot5", 7);
  CHECK(*table.find("mot5") == 7);
}

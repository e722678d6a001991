// Test names with the characters that CTest or Catch2's test specs treat
// specially (`;` splits a CMake list, `,` separates specs, brackets are
// tags, `~` excludes, quotes and backslashes escape). Each case checks that
// it runs under its own full name; check_test_count.py, run by CTest,
// checks that every case listed by Catch2 is registered and run.
#include <string>

#include "catch.hpp"

namespace {

std::string running_name() { return Catch::getResultCapture().getCurrentTestName(); }

}  // namespace

TEST_CASE("a name with ; and , runs under CTest", "[catch-registration]") {
  CHECK(running_name() == "a name with ; and , runs under CTest");
}

TEST_CASE("~ a name with [brackets], \"quotes\" and a \\ backslash runs", "[catch-registration]") {
  CHECK(running_name() == "~ a name with [brackets], \"quotes\" and a \\ backslash runs");
}

TEST_CASE("#a name with # first, * inside and accents (é, «») runs", "[catch-registration]") {
  CHECK(running_name() == "#a name with # first, * inside and accents (é, «») runs");
}

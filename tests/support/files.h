// Whole-file reading and writing for the tests: the outputs of a run read
// back byte for byte, inputs written to a scratch folder. Header-only and
// free of the library, so tests built without it (the fuzz regressions)
// use it too.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "../catch.hpp"

namespace quotegraph_test {

// The bytes of the file at `path`; "" when it cannot be read (the caller
// checks what it expected to find).
inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `content` to `path`, replacing it; fails the test when it cannot.
inline void write_text_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

}  // namespace quotegraph_test

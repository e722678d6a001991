// Tests for RecordSpool, RecordWriter and RecordReader: records come back
// whole and in order (past the 1 MiB write buffer too), reading stops when
// asked and can be repeated, appending goes on after reading, and a reader
// refuses to read past the end of a record.
#include "quotegraph/graph/record_spool.h"

#include <string>
#include <vector>

#include "catch.hpp"

using quotegraph::RecordReader;
using quotegraph::RecordSpool;
using quotegraph::RecordWriter;

TEST_CASE("records come back whole and in order", "[record_spool][unit]") {
  RecordSpool spool;
  std::vector<std::string> written;
  for (int i = 0; i < 3000; ++i) {
    // Some records are empty, some larger than the buffer's remainder.
    std::string r = i % 100 == 0 ? std::string() : std::string(static_cast<std::size_t>(i) * 3, static_cast<char>('a' + i % 26));
    spool.append(r);
    written.push_back(r);
  }
  CHECK(spool.size() == 3000);
  std::vector<std::string> read;
  REQUIRE(spool.for_each([&](std::string_view r) { read.emplace_back(r); return true; }));
  CHECK(read == written);

  std::size_t seen = 0;
  REQUIRE(spool.for_each([&](std::string_view) { return ++seen < 5; }));
  CHECK(seen == 5);
  spool.append("last");
  std::string last;
  REQUIRE(spool.for_each([&](std::string_view r) { last = std::string(r); return true; }));
  CHECK(last == "last");
}

TEST_CASE("a moved spool keeps its records", "[record_spool][unit]") {
  RecordSpool a;
  a.append("one");
  RecordSpool b = std::move(a);
  b.append("two");
  std::vector<std::string> read;
  REQUIRE(b.for_each([&](std::string_view r) { read.emplace_back(r); return true; }));
  CHECK(read == std::vector<std::string>{"one", "two"});
}

TEST_CASE("writer and reader agree field by field", "[record_spool][unit]") {
  RecordWriter w;
  w.u32(7).i32(-1).str("Élysée").str("");
  RecordReader r(w.data());
  std::uint32_t u = 0;
  std::int32_t i = 0;
  std::string s, empty = "x";
  REQUIRE(r.u32(u));
  REQUIRE(r.i32(i));
  REQUIRE(r.str(s));
  REQUIRE(r.str(empty));
  CHECK(u == 7);
  CHECK(i == -1);
  CHECK(s == "Élysée");
  CHECK(empty.empty());
  CHECK(r.at_end());
  CHECK(r.ok());
}

TEST_CASE("a reader never reads past its record", "[record_spool][bad-input]") {
  RecordWriter w;
  w.str("abcdef");
  const std::string cut = w.data().substr(0, w.data().size() - 2);  // the string cut short
  RecordReader r(cut);
  std::string s;
  CHECK_FALSE(r.str(s));
  CHECK_FALSE(r.ok());
  std::uint32_t u = 0;
  CHECK_FALSE(r.u32(u));  // stays failed
  RecordReader tiny(std::string_view("\x01\x00", 2));
  CHECK_FALSE(tiny.u32(u));
}

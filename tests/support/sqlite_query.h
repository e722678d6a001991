// Reading back a SQLite database in the tests of the claims database and of
// the command line's --sqlite output.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "../catch.hpp"

namespace quotegraph_test {

// Rows of `sql` on the database at `path` (opened read-only), columns
// joined by '|', NULL written "NULL". Fails the test when the database
// cannot be opened or the statement cannot be prepared.
inline std::vector<std::string> query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i) row += '|';
      const unsigned char* v = sqlite3_column_text(stmt, i);
      row += v ? reinterpret_cast<const char*>(v) : "NULL";
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

}  // namespace quotegraph_test

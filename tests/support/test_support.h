// Helpers shared by the test files: a scratch directory removed at the end
// of a test, and one Pipeline per test executable (loading the lexicons is
// the slow part).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include <unistd.h>

#include "../catch.hpp"
#include "lexicons.h"
#include "quotegraph/pipeline/pipeline.h"

namespace quotegraph_test {

// A fresh directory under the system temporary folder, named after `prefix`,
// the process and a counter; removed with everything in it on destruction.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& prefix = "quotegraph_test") {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           (prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
};

// The pipeline over the source tree's data/, created once.
inline const quotegraph::Pipeline& shared_pipeline() {
  static std::optional<quotegraph::Pipeline> p = [] {
    quotegraph::Diagnostics diags;
    auto created = quotegraph::Pipeline::create(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
    if (!created) FAIL("cannot load the lexicons from " QUOTEGRAPH_SOURCE_DATA_DIR ": " << created.status().to_string());
    return std::optional<quotegraph::Pipeline>(std::move(*created));
  }();
  return *p;
}

}  // namespace quotegraph_test

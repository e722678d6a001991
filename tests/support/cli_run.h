// Helpers for tests that run the quotegraph command line as a separate
// process: shell quoting, a run in a scratch directory with both streams
// captured, file reading and writing, JSONL parsing. Used by the tests of
// the output formats (GEXF, HTML, SQLite, views, JSONL documents).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../catch.hpp"
#include "files.h"
#include "test_support.h"

namespace quotegraph_test {

// Quotes `s` for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

struct CliResult {
  int status = -1;  // exit status, or -1 when the process did not exit normally
  std::string out, err;
};

// Runs `command_line` (a pipeline may feed its own standard input) with
// /bin/sh in `dir`, TMPDIR set to `dir`/tmp (so spool files are visible to
// the test) and standard input from `stdin_path` (default /dev/null),
// capturing both streams into files that this function creates in `dir`
// and removes.
inline CliResult run_shell(const TempDir& dir, const std::string& command_line,
                           const std::string& stdin_path = "") {
  std::filesystem::create_directories(dir.path / "tmp");
  const std::string out = dir.file("cli.stdout"), err = dir.file("cli.stderr");
  const std::string cmd = "cd " + shell_quote(dir.path.string()) + " && export TMPDIR=" +
                          shell_quote(dir.file("tmp")) + " && ( " + command_line + " ) <" +
                          (stdin_path.empty() ? std::string("/dev/null") : shell_quote(stdin_path)) + " >" +
                          shell_quote(out) + " 2>" + shell_quote(err);
  const int rc = std::system(cmd.c_str());
  CliResult r;
  r.status = (rc != -1 && WIFEXITED(rc)) ? WEXITSTATUS(rc) : -1;
  r.out = read_text_file(out);
  r.err = read_text_file(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

// Runs the quotegraph binary with `args` (already shell-quoted where needed).
inline CliResult run_quotegraph(const TempDir& dir, const std::string& args) {
  return run_shell(dir, shell_quote(QUOTEGRAPH_CLI_PATH) + " " + args);
}

inline std::vector<nlohmann::json> parse_json_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    INFO("JSONL line: " << line);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    lines.push_back(std::move(j));
  }
  return lines;
}

inline bool has_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

inline std::string seed_path(const std::string& name) {
  return std::string(QUOTEGRAPH_SEEDS_DIR) + "/" + name;
}

// A small JSONL corpus made of the seed articles: each line
// {"id","text","date","source","url","title"}, dated one day apart from
// 2024-03-01 (the first article undated when `undated_first`).
inline std::string seed_corpus_jsonl(bool undated_first = false) {
  static const char* const kSeeds[] = {"000_df129b15e3c6ff2f.txt", "001_ab11b79b7fea1e46.txt",
                                       "002_6c5dc483d47dce09.txt", "003_6fe3999efee659f4.txt",
                                       "004_8aa3c75c1f166608.txt"};
  std::string out;
  int day = 1;
  for (const char* name : kSeeds) {
    nlohmann::ordered_json j;
    j["id"] = std::string("seed-") + name[2];
    j["text"] = read_text_file(seed_path(name));
    if (!(undated_first && day == 1)) j["date"] = "2024-03-0" + std::to_string(day);
    j["source"] = day % 2 ? "Agence A" : "Journal B";
    j["url"] = "https://example.org/" + std::to_string(day);
    j["title"] = std::string("Article ") + name[2];
    out += j.dump() + "\n";
    ++day;
  }
  return out;
}

}  // namespace quotegraph_test

// Subcommand registration for the quotegraph CLI: each function adds one
// subcommand to `app`; when it runs, its exit code is stored in `exit_code`
// (0 ok, 1 bad input, 2 usage).
#pragma once
#include <CLI/CLI.hpp>
namespace quotegraph::cli {
void register_extract(CLI::App& app, int& exit_code);
void register_eval(CLI::App& app, int& exit_code);
void register_gold_draft(CLI::App& app, int& exit_code);
void register_map(CLI::App& app, int& exit_code);
void register_merge(CLI::App& app, int& exit_code);
}

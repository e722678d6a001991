// quotegraph command line: a thin dispatcher over the subcommands
// (extract, eval, gold-draft, map, merge). Exit codes: 0 ok, 1 bad input, 2 usage.
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"quotegraph: who says what about whom in French news.\n"
               "Finds reported speech, attributes speakers and targets, and writes a claim graph."};
  app.set_version_flag("--version", std::string("quotegraph ") + QUOTEGRAPH_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  quotegraph::cli::register_extract(app, exit_code);
  quotegraph::cli::register_eval(app, exit_code);
  quotegraph::cli::register_gold_draft(app, exit_code);
  quotegraph::cli::register_map(app, exit_code);
  quotegraph::cli::register_merge(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}

// `quotegraph eval --gold DIR [--claims FILE] [--json] [--errors]`: scores
// claims against the gold annotations of DIR (docs/GOLD_FORMAT.md). Without
// --claims it runs the extractor over the gold documents itself. Figures go
// to stdout; every problem with the gold or the claims goes to stderr as a
// `file: error: …` line, and makes the exit status 1 while the valid
// documents are still scored.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/eval/evaluator.h"
#include "quotegraph/eval/gold.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/status.h"

namespace quotegraph::cli {

namespace {

struct EvalOptions {
  std::string gold_dir;
  std::string claims;  // "" to run the extractor, "-" for stdin
  bool json = false;
  bool errors = false;
};

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.items()) {
    std::cerr << (d.code == DiagCode::kBadGold ? format_gold_diagnostic(d) : format_diagnostic(d))
              << '\n';
  }
}

int run_eval(const EvalOptions& options) {
  Diagnostics diags;
  const std::vector<GoldDocument> gold = load_gold_dir(options.gold_dir, diags);
  print_diagnostics(diags);
  bool bad_input = diags.has_errors();
  if (gold.empty()) {
    std::cerr << options.gold_dir << ": error: no valid gold document to score against\n";
    return 1;
  }

  diags.clear();
  std::vector<Claim> claims;
  if (!options.claims.empty()) {
    if (options.claims == "-") {
      claims = read_claims(std::cin, "<stdin>", diags);
    } else {
      std::ifstream in(options.claims, std::ios::binary);
      if (!in) {
        std::cerr << options.claims << ": error: cannot read the claims file\n";
        return 1;
      }
      claims = read_claims(in, options.claims, diags);
    }
  } else {
    auto extracted = extract_gold_claims(gold, default_data_dir(), diags);
    if (!extracted) {
      print_diagnostics(diags);
      std::cerr << "quotegraph eval: error: the extractor could not load its data from "
                << default_data_dir() << '\n';
      return 1;
    }
    claims = std::move(*extracted);
  }
  print_diagnostics(diags);
  bad_input = bad_input || diags.has_errors();

  const EvalReport report = evaluate(gold, claims);
  if (report.claims_without_gold > 0) {
    std::string names;
    for (const auto& n : report.documents_without_gold) names += (names.empty() ? "" : ", ") + n;
    std::cerr << (options.claims.empty() ? std::string("quotegraph eval") : options.claims)
              << ": warning: " << report.claims_without_gold
              << " claims name documents without a gold file in " << options.gold_dir
              << " and are not scored: " << names << '\n';
  }
  if (options.json) {
    std::cout << eval_to_json(report, options.errors);
  } else {
    std::cout << eval_to_table(report);
    if (options.errors) {
      const std::string errors = eval_errors(report);
      std::cout << "\nmistakes:\n" << (errors.empty() ? "none\n" : errors);
    }
  }
  std::cout.flush();
  return bad_input ? 1 : 0;
}

}  // namespace

void register_eval(CLI::App& app, int& exit_code) {
  // The options live as long as the callback that reads them.
  auto options = std::make_shared<EvalOptions>();
  CLI::App* sub = app.add_subcommand(
      "eval", "Score claims against gold annotations (docs/GOLD_FORMAT.md)");
  sub->add_option("--gold", options->gold_dir,
                  "Directory of NAME.txt documents with their NAME.gold.json")
      ->required()
      ->check(CLI::ExistingDirectory);
  sub->add_option("--claims", options->claims,
                  "Claims JSONL to score ('-' for stdin); default: run the extractor over "
                  "the gold documents");
  sub->add_flag("--json", options->json,
                "Print one JSON object (figures, counts, recall_by_kind, documents)");
  sub->add_flag("--errors", options->errors,
                "List each missed quote, spurious quote, wrong speaker and wrong targets");
  sub->callback([options, &exit_code] { exit_code = run_eval(*options); });
}

}  // namespace quotegraph::cli

// `quotegraph merge`: the second step of a map/merge run. Reads any number
// of `quotegraph map` outputs (files or standard input, in any order, split
// any way), puts each document back together from its records, spools it,
// and hands the spool to write_corpus(), the very function that ends
// `extract`: the entity registry sees the documents in canonical order, so
// the outputs equal those of one `extract` over the same documents.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "corpus_run.h"
#include "quotegraph/export/map_records.h"

namespace quotegraph::cli {
namespace {

// Reads the map records of one input ("-" for stdin) into the document
// spool; false when the spool cannot be written (the run must stop), while
// bad input only marks the tally.
bool spool_input(const std::string& input, MapRecordReader& reader, DocumentSpool& documents, FeedTally& tally) {
  std::ifstream file;
  std::istream* in = &std::cin;
  const std::string source = input == "-" ? "stdin" : input;
  if (input != "-") {
    file.open(input, std::ios::binary);
    if (!file) {
      std::cerr << input << ": error: cannot read file\n";
      tally.bad_input = true;
      return true;
    }
    in = &file;
  }
  std::size_t line_number = 0;
  Diagnostics diags;
  MappedDocument doc;
  std::string line;
  while (std::getline(*in, line)) {
    ++line_number;
    const bool complete = reader.feed(line, source, line_number, doc, diags);
    for (const Diagnostic& d : diags.items()) print_diagnostic(d);
    if (diags.has_errors()) tally.bad_input = true;
    diags.clear();
    if (!complete) continue;
    ++tally.documents;
    if (!documents.add(doc.name, doc.result, doc.meta, {}, doc.length)) {
      print_diagnostic(documents.status().diagnostic());
      return false;
    }
    ++tally.documents_ok;
  }
  if (in->bad()) {
    std::cerr << source << ": error: read error after line " << line_number << '\n';
    tally.bad_input = true;
  }
  reader.finish(source, line_number, diags);
  for (const Diagnostic& d : diags.items()) print_diagnostic(d);
  if (diags.has_errors()) tally.bad_input = true;
  return true;
}

int run_merge(const ExtractOptions& opt) {
  if (!opt.site.html.empty()) {
    // The pages show each article's text, which map records do not carry.
    std::cerr << "quotegraph merge: --html needs the articles' text: run extract for the HTML reader\n";
    return 2;
  }
  Diagnostics setup;
  const std::optional<WordClasses> words =
      load_registry_words(opt.data_dir.empty() ? default_data_dir() : opt.data_dir, setup);
  for (const Diagnostic& d : setup.items()) print_diagnostic(d);
  if (!words) return 2;
  ExtractOptions o = opt;
  apply_default_outputs(o);
  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty()) inputs.push_back("-");

  DocumentSpool documents(std::filesystem::temp_directory_path().string());
  if (!documents.ok()) {
    print_diagnostic(documents.status().diagnostic());
    return 1;
  }
  FeedTally tally;
  MapRecordReader reader;
  for (const std::string& input : inputs) {
    if (!spool_input(input, reader, documents, tally)) return 1;
  }
  return write_corpus(o, *words, documents, tally);
}

}  // namespace

void register_merge(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand(
      "merge", "Merge `quotegraph map` outputs into the outputs of one extract run");
  sub->add_option("INPUT", opt->inputs, "Map output files (JSONL), or - for standard input (the default)");
  add_output_options(*sub, *opt);
  sub->add_option("--data", opt->data_dir,
                  "Folder of lexicons, whose words.tsv the entity registry reads (default: as extract; "
                  "see quotegraph extract --help)");
  sub->footer(
      "Inputs may come in any order and be split any way: the result equals one `extract` over the same\n"
      "documents. With no output option, writes output/claims.jsonl, output/graph.graphml and output/graph.dot.\n"
      "Exit status: 0 ok, 1 bad input (reported as file:line (line): error: ...), 2 usage.");
  sub->callback([opt, &exit_code] { exit_code = run_merge(*opt); });
}

}  // namespace quotegraph::cli

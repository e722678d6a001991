// `quotegraph map`: the per-record step of a map/merge run. Reads JSONL
// documents ({"id", "text", …} per line) from standard input or files and
// writes each document's map records (see map_records.h) on standard output
// as soon as it is analysed. Nothing is shared between documents or runs
// (no registry, no ids), so any split of a corpus over any number of
// processes or machines gives the same records; `quotegraph merge` then
// does the corpus-wide part. Fits Hadoop Streaming, Spark's RDD.pipe and
// `parallel --pipe`.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "document_lines.h"
#include "quotegraph/export/map_records.h"
#include "quotegraph/pipeline/pipeline.h"

namespace quotegraph::cli {
namespace {

constexpr std::size_t kMaxWarnings = 10;  // warnings printed per document, as extract
constexpr std::size_t kMaxExcerptBytes = 80;

struct MapOptions {
  std::vector<std::string> inputs;
  std::string data_dir;
};

void print(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

std::string excerpt_of(const std::string& line) {
  if (line.size() <= kMaxExcerptBytes) return line;
  std::size_t cut = kMaxExcerptBytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "\xE2\x80\xA6";  // …
}

int run_map(const MapOptions& opt) {
  Diagnostics setup;
  const std::string data_dir = opt.data_dir.empty() ? default_data_dir() : opt.data_dir;
  auto pipeline = Pipeline::create(data_dir, setup);
  for (const Diagnostic& d : setup.items()) print(d);
  if (!pipeline) {
    std::cerr << "quotegraph: cannot load the lexicons from " << data_dir
              << " (set --data or QUOTEGRAPH_DATA)\n";
    return 2;
  }
  std::vector<std::string> inputs = opt.inputs;
  if (inputs.empty()) inputs.push_back("-");

  bool bad_input = false;
  std::string line, records;
  for (const std::string& input : inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    const std::string source = input == "-" ? "stdin" : input;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        std::cerr << input << ": error: cannot read file\n";
        bad_input = true;
        continue;
      }
      in = &file;
    }
    std::size_t line_number = 0;
    while (std::getline(*in, line)) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      std::string error;
      auto doc = parse_document_line(line, error);
      if (!doc) {
        Diagnostics diags;
        diags.error(DiagCode::kIoError, source, line_number, "line " + std::to_string(line_number) + ": " + error,
                    excerpt_of(line), "line");
        print(diags.items().front());
        bad_input = true;
        continue;
      }
      Diagnostics diags;
      DocumentResult result = pipeline->process(doc->id, doc->text, diags);
      std::size_t warnings = 0;
      for (const Diagnostic& d : diags.items()) {
        if (d.severity == Severity::kWarning && ++warnings > kMaxWarnings) continue;
        print(d);
      }
      if (warnings > kMaxWarnings)
        std::cerr << doc->id << ": " << (warnings - kMaxWarnings) << " more warnings not shown\n";
      if (diags.has_errors()) bad_input = true;
      if (!result.ok) continue;
      records.clear();
      append_map_records(records, doc->id, result);
      if (std::fwrite(records.data(), 1, records.size(), stdout) != records.size()) {
        std::cerr << "quotegraph: cannot write standard output\n";
        return 1;
      }
    }
    if (in->bad()) {
      std::cerr << source << ": error: read error after line " << line_number << '\n';
      bad_input = true;
    }
  }
  if (std::fflush(stdout) != 0) {
    std::cerr << "quotegraph: cannot write standard output\n";
    return 1;
  }
  return bad_input ? 1 : 0;
}

}  // namespace

void register_map(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<MapOptions>();
  CLI::App* sub = app.add_subcommand(
      "map", "Analyse JSONL documents into per-document records for `quotegraph merge` (no shared state)");
  sub->add_option("INPUT", opt->inputs,
                  "JSONL document files ({\"id\", \"text\", ...} per line), or - for standard input (the default)");
  sub->add_option("--data", opt->data_dir, "Folder of lexicons and gazetteers (default: built-in)");
  sub->footer(
      "Writes map records on standard output, one JSON object per line: for each document a document\n"
      "record, its entities and its claims. Exit status: 0 ok, 1 bad input (reported, the other\n"
      "documents go on), 2 usage or missing lexicons.");
  sub->callback([opt, &exit_code] { exit_code = run_map(*opt); });
}

}  // namespace quotegraph::cli

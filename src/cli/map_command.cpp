// `quotegraph map`: the per-record step of a map/merge run. Reads JSONL
// documents ({"id", "text", …} per line) from standard input, or any input
// `extract` takes (through the same DocumentSource), and
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
#include "corpus_run.h"
#include "quotegraph/export/map_records.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/structure/document_source.h"
#include "quotegraph/text/text.h"

namespace quotegraph::cli {
namespace {

struct MapOptions {
  std::vector<std::string> inputs;
  std::string data_dir;
  Limits limits;
};


int run_map(const MapOptions& opt) {
  std::optional<Pipeline> pipeline =
      load_pipeline(opt.data_dir.empty() ? default_data_dir() : opt.data_dir, opt.limits);
  if (!pipeline) return 2;
  std::vector<std::string> inputs = opt.inputs;
  if (inputs.empty()) inputs.push_back("-");

  // The reader `extract` uses, so both name documents and read metadata
  // alike; standard input holds JSONL documents.
  Diagnostics diags;
  SourceOptions source_options;
  source_options.stdin_jsonl = true;
  source_options.max_document_bytes = opt.limits.max_document_bytes;
  DocumentSource source(inputs, diags, source_options);
  bool bad_input = diags.has_errors();
  for (const Diagnostic& d : diags.items()) print_diagnostic(d);

  SourceDocument doc;
  std::string records;
  for (;;) {
    diags.clear();
    const bool more = source.next(doc, diags);
    DocumentResult result;
    if (more) result = pipeline->process(doc.origin, doc.bytes, diags);
    print_document_diagnostics(diags, doc.origin);
    if (diags.has_errors()) bad_input = true;
    if (!more) break;
    if (!result.ok) continue;
    records.clear();
    append_map_records(records, doc.name, result, doc.meta, count_code_points(doc.bytes));
    if (std::fwrite(records.data(), 1, records.size(), stdout) != records.size()) {
      std::cerr << "quotegraph: cannot write standard output\n";
      return 1;
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
                  "JSONL document files (*.jsonl: one {\"id\",\"text\",\"date\",\"source\",\"url\",\"title\"} per "
                  "line), text files, folders, or - for JSONL documents on standard input (the default)");
  sub->add_option("--data", opt->data_dir,
                  "Folder of lexicons and gazetteers (default: as extract; see quotegraph extract --help)");
  add_limit_options(*sub, opt->limits);
  sub->footer(
      "Writes map records on standard output, one JSON object per line: for each document a document\n"
      "record, its entities and its claims. Exit status: 0 ok, 1 bad input (reported, the other\n"
      "documents go on), 2 usage or missing lexicons.");
  sub->callback([opt, &exit_code] { exit_code = run_map(*opt); });
}

}  // namespace quotegraph::cli

// What `extract` and `merge` share once the documents are analysed: the
// output options, and write_corpus(), which resolves the spooled documents
// through the entity registry in canonical order and writes every output.
// Both commands end in this one function, so a merge of map outputs cannot
// drift from a single `extract` run over the same documents.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph_outputs.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/pipeline/document_spool.h"
#include "quotegraph/pipeline/pipeline.h"
#include "site_outputs.h"

namespace quotegraph::cli {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string claims, entities;
  GraphOutputOptions graph;  // --graphml, --gexf, --dot, --svg and the view options
  SiteOutputOptions site;    // --html, --sqlite
  std::string data_dir;
  Limits limits;  // extract and map: document, paragraph and quotation limits
  bool quiet = false;
  bool stdin_jsonl = false;  // extract: standard input holds JSONL documents
  bool profile = false;      // extract --profile: CPU seconds per stage on standard error
};

// How the documents went before write_corpus: counts for the summary line
// and whether any input was bad (exit status 1).
struct FeedTally {
  std::size_t documents = 0;     // documents seen, bad ones included
  std::size_t documents_ok = 0;  // documents spooled
  std::size_t failed = 0;        // inputs skipped or refused (empty, not UTF-8, over a limit)
  bool bad_input = false;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  // extract --profile: what the analysis cost, in CPU seconds of the threads
  // that did it; write_corpus prints it with its own stages.
  StageTimes stages;           // the workers' pipelines, summed
  double read_seconds = 0;     // reading the inputs (DocumentSource)
  double encode_seconds = 0;   // workers: encoding the analysed documents' spool records
  double spool_seconds = 0;    // main thread: spooling documents, printing diagnostics
  std::uint64_t bytes = 0;     // of the documents read
  std::size_t workers = 0;     // analysing threads
};

// Warnings printed per document by print_document_diagnostics.
constexpr std::size_t kMaxWarnings = 10;

// Prints `d` on standard error, one line as format_diagnostic() writes it.
void print_diagnostic(const Diagnostic& d);

// Prints the diagnostics of the document from `origin` on standard error.
// Every error is printed; warnings (unbalanced quotation marks …) are cut
// after kMaxWarnings, with a count of the rest ("a.txt: 3 more warnings not
// shown"), so one broken file cannot flood the terminal.
void print_document_diagnostics(const Diagnostics& diags, const std::string& origin);

// Adds the output options (--claims, --entities, the graph outputs and
// views, --html, --sqlite, -q) bound to `opt`.
void add_output_options(CLI::App& sub, ExtractOptions& opt);

// Adds --max-document-bytes, --max-paragraph-chars, --max-quote-chars and
// --max-quote-depth bound to `limits` (extract and map).
void add_limit_options(CLI::App& sub, Limits& limits);

// With no output asked for, asks for output/claims.jsonl, output/graph.graphml
// and output/graph.dot (creating output/); passes -q on to the graph outputs.
void apply_default_outputs(ExtractOptions& o);

// The pipeline over `data_dir` with `limits` (extract and map). Prints the
// problems of the data files; nullopt, after a message naming the folder,
// when a required one is missing.
std::optional<Pipeline> load_pipeline(const std::string& data_dir, const Limits& limits);

// The word classes of `data_dir` for the entity registry of write_corpus
// (the pipelines, which read them first, are gone by then; merge has none).
// Problems go to `diags`; nullopt, after a message on standard error naming
// the folder, when words.tsv cannot be read.
std::optional<WordClasses> load_registry_words(const std::string& data_dir, Diagnostics& diags);

// Replays `documents` in canonical order through a new entity registry
// over `words` (ids, canonical names, claim counts, dates), spools the resolved claims,
// builds the graph when a graph output or the HTML index is asked for,
// feeds the HTML pages and the database, and writes the outputs of `o`. Prints problems on standard error and returns the exit status:
// 1 when an output cannot be written or tally.bad_input, else 0.
int write_corpus(const ExtractOptions& o, const WordClasses& words, DocumentSpool& documents,
                 const FeedTally& tally);

}  // namespace quotegraph::cli

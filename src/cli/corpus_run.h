// What `extract` and `merge` share once the documents are analysed: the
// output options, and write_corpus(), which resolves the spooled documents
// through the entity registry in canonical order and writes every output.
// Both commands end in this one function, so a merge of map outputs cannot
// drift from a single `extract` run over the same documents.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph_outputs.h"
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
};

// How the documents went before write_corpus: counts for the summary line
// and whether any input was bad (exit status 1).
struct FeedTally {
  std::size_t documents = 0;     // documents seen, bad ones included
  std::size_t documents_ok = 0;  // documents spooled
  std::size_t failed = 0;        // inputs skipped or refused (empty, not UTF-8, over a limit)
  bool bad_input = false;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Adds the output options (--claims, --entities, the graph outputs and
// views, --html, --sqlite, -q) bound to `opt`.
void add_output_options(CLI::App& sub, ExtractOptions& opt);

// Adds --max-document-bytes, --max-paragraph-chars, --max-quote-chars and
// --max-quote-depth bound to `limits` (extract and map).
void add_limit_options(CLI::App& sub, Limits& limits);

// With no output asked for, asks for output/claims.jsonl, output/graph.graphml
// and output/graph.dot (creating output/); passes -q on to the graph outputs.
void apply_default_outputs(ExtractOptions& o);

// Replays `documents` in canonical order through a new entity registry
// (ids, canonical names, claim counts, dates), spools the resolved claims,
// builds the graph when a graph output or the HTML index is asked for,
// feeds the HTML pages and the database, and writes the outputs of `o`. Prints problems on standard error and returns the exit status:
// 1 when an output cannot be written or tally.bad_input, else 0.
int write_corpus(const ExtractOptions& o, DocumentSpool& documents, const FeedTally& tally);

}  // namespace quotegraph::cli

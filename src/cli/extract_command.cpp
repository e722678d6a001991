// `quotegraph extract`: runs the pipeline over the documents of a
// DocumentSource (text and JSONL files, folders of them, standard input) and
// writes the claims JSONL, GraphML, GEXF, DOT, SVG, HTML, SQLite and entities
// JSONL. Analysed documents are spooled to a temporary file while they
// stream through, then replayed in canonical order (by name) through the
// entity registry, the claims spool and the graph by write_corpus(), which
// `quotegraph merge` shares, so the result does not depend on the order of
// the input and equals a map/merge run. Claims are rewritten once with the
// final canonical entity names, so memory does not grow with the claims file.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <future>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <unistd.h>

#include "commands.h"
#include "corpus_run.h"
#include "graph_outputs.h"
#include "output_file.h"
#include "progress_line.h"
#include "site_outputs.h"
#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/pipeline/document_spool.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxWarnings = 10;  // warnings printed per document

void print(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

// Code points of UTF-8 text: its lead bytes.
std::uint64_t code_points(const std::string& bytes) {
  std::uint64_t n = 0;
  for (unsigned char c : bytes) n += (c & 0xC0) != 0x80;
  return n;
}

int run_extract(const ExtractOptions& opt) {
  Diagnostics setup;
  std::string data_dir = opt.data_dir.empty() ? default_data_dir() : opt.data_dir;
  auto pipeline = Pipeline::create(data_dir, setup);
  for (const Diagnostic& d : setup.items()) print(d);
  if (!pipeline) {
    std::cerr << "quotegraph: cannot load the lexicons from " << data_dir
              << " (set --data or QUOTEGRAPH_DATA; see quotegraph extract --help)\n";
    return 2;
  }
  pipeline->set_limits(opt.limits);
  ExtractOptions o = opt;
  apply_default_outputs(o);

  Diagnostics input_diags;
  SourceOptions source_options;
  source_options.stdin_jsonl = o.stdin_jsonl;
  source_options.max_document_bytes = o.limits.max_document_bytes;
  DocumentSource source(o.inputs, input_diags, source_options);
  const std::vector<std::string>& files = source.files();
  FeedTally tally;
  tally.bad_input = input_diags.has_errors();
  for (const Diagnostic& d : input_diags.items()) print(d);
  // Documents the pipeline refused (empty, not UTF-8, over a limit); with
  // the source's skipped() inputs they make the failures of the summary.
  std::size_t n_refused = 0;

  DocumentSpool documents(fs::temp_directory_path().string());
  if (!documents.ok()) {
    std::cerr << "quotegraph: " << documents.error() << '\n';
    return 1;
  }
  const bool progress = !o.quiet && ::isatty(2) && (files.size() > 20 || source.has_jsonl());
  std::size_t n_claims = 0;
  tally.started = std::chrono::steady_clock::now();

  // Documents are read and analysed by worker threads, one Pipeline each
  // (a Pipeline is not thread-safe), one batch ahead of this thread, which
  // spools them and reports their problems in input order. Entities are
  // registered later, in canonical order (write_corpus). Memory holds two
  // batches at most.
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  // A JSONL file may hold any number of documents: count it as many.
  const std::size_t expected_docs = source.has_jsonl() ? 1000 : files.size();
  const std::size_t n_workers = std::min<std::size_t>(std::min(4u, hw), std::max<std::size_t>(1, expected_docs / 8));
  std::vector<Pipeline> pipelines;
  pipelines.push_back(std::move(*pipeline));
  for (std::size_t w = 1; w < n_workers; ++w) {
    Diagnostics ignored;  // the first Pipeline already reported the data files
    auto extra = Pipeline::create(data_dir, ignored);
    if (!extra) break;
    extra->set_limits(opt.limits);
    pipelines.push_back(std::move(*extra));
  }
  struct Item {
    SourceDocument doc;
    bool read = false;  // false: only the source's diagnostics (a bad line)
    std::uint64_t bytes_read = 0;  // of the input, once this document was read
    Diagnostics diags;
    DocumentResult result;
    std::uint64_t length = 0;  // of the text, in code points
  };
  constexpr std::size_t kBatch = 64;
  const bool keep_text = !o.site.html.empty();  // the HTML pages show it
  // Reads the next batch from the source (in this thread, in input order:
  // the source is read by one batch at a time) and analyses it in parallel.
  auto analyse = [&]() {
    std::vector<Item> items;
    std::size_t batch_size = 0;
    while (batch_size < kBatch) {
      Item it;
      const bool more = source.next(it.doc, it.diags);
      it.read = more;
      // Read here, in the thread that reads the source, for the progress line.
      it.bytes_read = source.bytes_read();
      if (!more && it.diags.empty()) break;
      if (more) ++batch_size;
      items.push_back(std::move(it));
      if (!more) break;
    }
    const std::size_t end = items.size();
    auto work = [&](std::size_t w) {
      for (std::size_t i = w; i < end; i += pipelines.size()) {
        Item& it = items[i];
        if (!it.read) continue;
        const std::size_t first = it.diags.size();
        it.result = pipelines[w].process(it.doc.origin, it.doc.bytes, it.diags);
        it.length = code_points(it.doc.bytes);
        if (!keep_text) it.doc.bytes = std::string();  // the text is not needed any more
        // In a JSONL document the lines of its text are not the file's:
        // its diagnostics read file.jsonl:LINE:OFFSET (offset in code points
        // of the text), not a line and column that look like the file's.
        if (it.doc.line > 0) {
          for (std::size_t d = first; d < it.diags.size(); ++d) it.diags.at(d).line = it.diags.at(d).column = 0;
        }
      }
    };
    std::vector<std::future<void>> others;
    for (std::size_t w = 1; w < pipelines.size(); ++w) others.push_back(std::async(std::launch::async, work, w));
    work(0);
    for (auto& f : others) f.get();
    return items;
  };

  std::size_t done = 0;  // documents read (text files and JSONL lines alike)
  ProgressLine progress_line(std::cerr, progress);
  const std::uint64_t bytes_total = source.bytes_total();
  std::future<std::vector<Item>> next = std::async(std::launch::async, analyse);
  for (;;) {
    std::vector<Item> items = next.get();
    if (items.empty()) break;
    next = std::async(std::launch::async, analyse);
    for (std::size_t k = 0; k < items.size(); ++k) {
      Item& it = items[k];
      if (it.result.ok) {
        // The text only when the HTML pages show it; its length always
        // (the database keeps it).
        if (!documents.add(it.doc.name, it.result, it.doc.meta, it.doc.bytes, it.length)) {
          std::cerr << "quotegraph: " << documents.error() << '\n';
          return 1;
        }
        n_claims += it.result.claims.size();
        ++tally.documents_ok;
      } else if (it.read) {
        ++n_refused;
      }
      if (it.diags.has_errors()) tally.bad_input = true;
      // Every error is printed; warnings (unbalanced quotation marks …) are
      // cut after kMaxWarnings per document, with a count of the rest, so
      // one broken file cannot flood the terminal.
      std::size_t warnings = 0;
      if (!it.diags.empty()) progress_line.clear();  // messages never run into the line
      for (const Diagnostic& d : it.diags.items()) {
        if (d.severity == Severity::kWarning && ++warnings > kMaxWarnings) continue;
        print(d);
      }
      if (warnings > kMaxWarnings)
        std::cerr << it.doc.origin << ": " << (warnings - kMaxWarnings) << " more warnings not shown\n";
      if (it.read) ++done;
      progress_line.update(done, n_claims, it.bytes_read, bytes_total, !it.diags.empty());
    }
  }
  progress_line.finish();
  tally.documents = done;
  tally.failed = source.skipped() + n_refused;
  return write_corpus(o, documents, tally);
}

}  // namespace

void apply_default_outputs(ExtractOptions& o) {
  if (o.claims.empty() && !o.graph.any() && !o.site.any() && o.entities.empty()) {
    std::error_code ec;
    fs::create_directories("output", ec);
    o.claims = "output/claims.jsonl";
    o.graph.graphml = "output/graph.graphml";
    o.graph.dot = "output/graph.dot";
  }
  o.graph.quiet = o.quiet;
}

int write_corpus(const ExtractOptions& o, DocumentSpool& documents, const FeedTally& tally) {
  SiteOutputs site(o.site);  // a database that cannot be made stops here
  if (!site.ok()) return 1;

  // Claims are spooled to a temporary file, then copied into the output.
  std::string spool_path =
      (fs::temp_directory_path() / ("quotegraph.spool." + std::to_string(::getpid()))).string();
  std::ofstream spool(spool_path, std::ios::binary | std::ios::trunc);
  if (!spool) {
    std::cerr << spool_path << ": error: cannot write the claims spool: " << std::strerror(errno) << '\n';
    return 1;
  }

  EntityRegistry registry;
  ClaimGraph graph;
  // The graph keeps every claim; build it only when a graph is written, so
  // that claims and entities alone stream in memory bounded by the entities.
  const bool want_graph = o.graph.any() || !o.site.html.empty();  // the HTML index shows the network
  std::size_t n_claims = 0;

  // Names written so far per entity id: a line whose entity was later
  // renamed (a fuller name seen in a later document) is rewritten at the end.
  std::unordered_map<std::string, std::string> written_name;
  std::unordered_set<std::string> renamed;
  auto note_name = [&](const EntityRef& r) {
    if (r.id.empty()) return;
    auto [it, inserted] = written_name.emplace(r.id, r.name);
    if (!inserted && it->second != r.name) renamed.insert(r.id);
  };

  // The registry merges greedily, so it sees the documents in one order
  // that depends only on which documents there are (DocumentSpool::replay):
  // any ordering or split of the input gives the same ids and names.
  std::string previous_name;
  bool repeated = false;
  const bool replayed = documents.replay([&](SpooledDocument& doc) {
    const std::string& name = doc.name;
    // Names come sorted: a repeat follows its first. Entities list documents
    // by name, so two documents of one name cannot be told apart there.
    if (name == previous_name && !repeated) {
      std::cerr << name << ": warning: more than one document has this name; entities list it once\n";
    }
    repeated = name == previous_name;
    previous_name = name;
    resolve_entities(doc.result, name, registry, doc.meta.day());
    for (Claim& c : doc.result.claims) {
      c.document = name;
      // Spool line: the entity ids it names, a tab, the JSON.
      std::string ids;
      if (c.speaker) {
        note_name(*c.speaker);
        ids += c.speaker->id;
      }
      for (const EntityRef& t : c.targets) {
        note_name(t);
        ids += '\x1f';
        ids += t.id;
      }
      spool << ids << '\t' << claim_to_json(c, doc.meta) << '\n';
      if (want_graph) graph.add_claim(c, registry, doc.meta);
      ++n_claims;
    }
    if (o.site.any()) site.add_document(name, doc.meta, doc.text, doc.length, doc.result.claims);
  });
  if (!replayed) {
    std::cerr << "quotegraph: " << documents.error() << '\n';
    std::remove(spool_path.c_str());
    return 1;
  }
  for (const auto& [id, name] : written_name) {
    const Entity* e = registry.find(id);
    if (e && e->name != name) renamed.insert(id);
  }
  spool.close();
  graph.sync_entities(registry);

  bool write_failed = false;
  auto report_failure = [&](const std::string& path, const std::string& why) {
    std::cerr << path << ": error: cannot write output" << (why.empty() ? "" : ": " + why) << '\n';
    write_failed = true;
  };
  if (!o.claims.empty()) {
    OutputFile out(o.claims);
    std::ifstream in(spool_path, std::ios::binary);
    std::string line;
    while (out.ok() && std::getline(in, line)) {
      std::size_t tab = line.find('\t');
      std::string_view ids(line.data(), tab == std::string::npos ? 0 : tab);
      std::string_view json(line);
      json.remove_prefix(tab == std::string::npos ? 0 : tab + 1);
      bool stale = false;
      for (std::size_t p = 0; p <= ids.size() && !renamed.empty();) {
        std::size_t q = ids.find('\x1f', p);
        if (q == std::string_view::npos) q = ids.size();
        if (q > p && renamed.count(std::string(ids.substr(p, q - p)))) stale = true;
        p = q + 1;
      }
      if (stale) out.stream() << rename_claim_line(std::string(json), registry) << '\n';
      else out.stream() << json << '\n';
    }
    if (!out.ok() || !out.commit()) report_failure(o.claims, out.error());
  }
  std::remove(spool_path.c_str());
  if (!o.entities.empty()) {
    OutputFile out(o.entities);
    for (const Entity* e : registry.entities()) out.stream() << entity_to_json(*e) << '\n';
    if (!out.ok() || !out.commit()) report_failure(o.entities, out.error());
  }
  if (!write_graph_outputs(graph, o.graph)) write_failed = true;
  if (!site.finish(registry, graph)) write_failed = true;
  // Like the progress line, the summary is for a person at a terminal;
  // scripts and pipelines get silence unless something is wrong.
  // Failed inputs are a problem, so their count is always written.
  const std::size_t n_inputs = tally.documents_ok + tally.failed;
  if (!o.quiet && ::isatty(2)) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - tally.started).count();
    std::cerr << "quotegraph: " << tally.documents_ok << "/" << n_inputs << " documents, " << tally.failed
              << " failed, " << n_claims << " claims, " << registry.entities().size() << " entities in " << secs
              << " s\n";
  } else if (tally.failed > 0) {
    std::cerr << "quotegraph: " << tally.failed << " of " << n_inputs << " inputs failed, " << tally.documents_ok
              << " documents read\n";
  }
  if (write_failed) return 1;
  return tally.bad_input ? 1 : 0;
}

void add_output_options(CLI::App& sub, ExtractOptions& opt) {
  sub.add_option("--claims", opt.claims, "Claims JSONL output (- for standard output)");
  sub.add_option("--entities", opt.entities, "Canonical entities JSONL output");
  add_graph_output_options(&sub, opt.graph);
  add_site_output_options(&sub, opt.site);
  sub.add_flag("-q,--quiet", opt.quiet, "No summary or progress on standard error (they are only written to a terminal anyway)");
}

void add_limit_options(CLI::App& sub, Limits& limits) {
  sub.add_option("--max-document-bytes", limits.max_document_bytes,
                  "Skip, with an error, a text file or JSONL document line larger than this, before reading it")
      ->capture_default_str();
  sub.add_option("--max-paragraph-chars", limits.max_paragraph_chars,
                  "Skip, with an error, a document with a paragraph longer than this (code points)")
      ->capture_default_str();
  sub.add_option("--max-quote-chars", limits.quotes.max_quote_chars,
                  "Warn and drop a quotation longer than this (code points)")
      ->capture_default_str();
  sub.add_option("--max-quote-depth", limits.quotes.max_depth,
                  "Warn and ignore quotation marks nested deeper than this")
      ->capture_default_str();
}

void register_extract(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand("extract", "Extract claims and build the claim graph");
  sub->add_option("INPUT", opt->inputs,
                  "Text files, JSONL document files (*.jsonl: one {\"id\",\"text\",\"date\",\"source\",\"url\",\"title\"} "
                  "per line), folders (*.txt and *.jsonl, recursively) or - for standard input")
      ->required();
  sub->add_flag("--stdin-jsonl", opt->stdin_jsonl, "Standard input (-) holds JSONL documents, not one text");
  add_output_options(*sub, *opt);
  sub->add_option("--data", opt->data_dir,
                  "Folder of lexicons and gazetteers. Without it: $QUOTEGRAPH_DATA if set, else "
                  "../share/quotegraph/data beside this program's folder, else the source tree's data/ "
                  "(now: " + default_data_dir() + ")");
  add_limit_options(*sub, opt->limits);
  sub->footer(
      "With no output option, writes output/claims.jsonl, output/graph.graphml and output/graph.dot.\n"
      "Text documents are named by their path relative to the folder argument they were found in\n"
      "(a file argument: its file name); two text inputs that would share a name are named by\n"
      "their path relative to the deepest folder holding all text inputs. A JSONL document is\n"
      "named by its id. A folder without any .txt or .jsonl file below it is an error.\n"
      "Exit status: 0 ok, 1 bad input (reported as file:line:column: error: ...), 2 usage.");
  sub->callback([opt, &exit_code] { exit_code = run_extract(*opt); });
}

}  // namespace quotegraph::cli

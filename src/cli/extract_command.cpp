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
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <future>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <time.h>
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
#include "quotegraph/text/text.h"
#include "quotegraph/pipeline/stage_clock.h"

namespace quotegraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxWarnings = 10;  // warnings printed per document

void print(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

// write_corpus: formats the claims' JSON lines and writes them to the
// claims spool on a thread of its own, in the order their documents are
// queued, so that the thread that replays documents through the registry
// does not also format every claim. At most kMaxQueued documents wait.
class ClaimSpoolWriter {
 public:
  ClaimSpoolWriter(std::ofstream& spool, bool profile)
      : spool_(spool), profile_(profile), thread_([this] { run(); }) {}
  ~ClaimSpoolWriter() { finish(); }
  ClaimSpoolWriter(const ClaimSpoolWriter&) = delete;
  ClaimSpoolWriter& operator=(const ClaimSpoolWriter&) = delete;

  // Queues the resolved claims of one document (waits while the queue is
  // full).
  void push(std::vector<Claim> claims, const DocumentMeta& meta) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < kMaxQueued; });
    queue_.push_back(Job{std::move(claims), meta});
    not_empty_.notify_one();
  }
  // Waits until every queued claim is written. Returns the CPU seconds of
  // the writing thread (0 unless profiling).
  double finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    not_empty_.notify_one();
    if (thread_.joinable()) thread_.join();
    return seconds_;
  }

 private:
  static constexpr std::size_t kMaxQueued = 256;
  struct Job {
    std::vector<Claim> claims;
    DocumentMeta meta;
  };
  void run() {
    StageClock clock(profile_);
    std::string ids;
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        not_empty_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (queue_.empty()) break;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      not_full_.notify_one();
      for (const Claim& c : job.claims) {
        // Spool line: the entity ids it names, a tab, the JSON.
        ids.clear();
        if (c.speaker) ids += c.speaker->id;
        for (const EntityRef& t : c.targets) {
          ids += '\x1f';
          ids += t.id;
        }
        spool_ << ids << '\t' << claim_to_json(c, job.meta) << '\n';
      }
    }
    clock.lap(seconds_);
  }
  std::ofstream& spool_;
  const bool profile_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Job> queue_;
  bool done_ = false;
  double seconds_ = 0;
  std::thread thread_;  // last: starts once the members above exist
};

// --profile: one aligned line per stage on standard error.
void profile_row(const char* stage, double seconds) {
  char line[96];
  std::snprintf(line, sizeof line, "    %-24s %9.3f s\n", stage, seconds);
  std::cerr << line;
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
  {
    // The other workers' lexicons load at the same time, one thread each.
    std::vector<std::future<Result<Pipeline>>> extras;
    for (std::size_t w = 1; w < n_workers; ++w)
      extras.push_back(std::async(std::launch::async, [&data_dir] {
        Diagnostics ignored;  // the first Pipeline already reported the data files
        return Pipeline::create(data_dir, ignored);
      }));
    for (auto& f : extras) {
      Result<Pipeline> extra = f.get();
      if (!extra) continue;
      extra->set_limits(opt.limits);
      pipelines.push_back(std::move(*extra));
    }
  }
  for (Pipeline& p : pipelines) p.set_profiling(o.profile);
  // --profile: reading on the batch thread; the spooling on this one
  // (waiting for a batch costs it no CPU).
  double read_seconds = 0, spool_seconds = 0;
  std::uint64_t bytes_read = 0;
  StageClock main_clock(o.profile);
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
    StageClock read_clock(o.profile);
    while (batch_size < kBatch) {
      Item it;
      const bool more = source.next(it.doc, it.diags);
      it.read = more;
      // Read here, in the thread that reads the source, for the progress line.
      it.bytes_read = source.bytes_read();
      if (!more && it.diags.empty()) break;
      if (more) {
        ++batch_size;
        bytes_read += it.doc.bytes.size();
      }
      items.push_back(std::move(it));
      if (!more) break;
    }
    read_clock.lap(read_seconds);
    const std::size_t end = items.size();
    auto work = [&](std::size_t w) {
      for (std::size_t i = w; i < end; i += pipelines.size()) {
        Item& it = items[i];
        if (!it.read) continue;
        const std::size_t first = it.diags.size();
        it.result = pipelines[w].process(it.doc.origin, it.doc.bytes, it.diags);
        it.length = count_code_points(it.doc.bytes);
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
    main_clock.lap(spool_seconds);
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
  main_clock.lap(spool_seconds);
  tally.documents = done;
  tally.failed = source.skipped() + n_refused;
  if (o.profile) {
    for (const Pipeline& p : pipelines) tally.stages += p.stage_times();
    tally.read_seconds = read_seconds;
    tally.spool_seconds = spool_seconds;
    tally.bytes = bytes_read;
    tally.workers = pipelines.size();
  }
  // The pipelines (lexicons, gazetteers, Hunspell dictionaries) are freed
  // on another thread while write_corpus replays the documents, so that
  // freeing them is not on the serial path.
  std::thread release([p = std::move(pipelines)]() mutable { p.clear(); });
  const int status = write_corpus(o, documents, tally);
  release.join();
  return status;
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
  // Without a graph or a site output (which read every entity at the end),
  // each document's local entities (anonymous descriptions) leave the
  // registry once its claims are spooled, so that memory grows with the
  // entities that can recur, not with the documents; with --entities their
  // final lines wait in a second spool, "rank<TAB>json", and are merged by
  // rank with the registry's entities at the end.
  const bool retire_locals = !want_graph && !o.site.any();
  const std::string entity_spool_path = spool_path + ".entities";
  std::ofstream entity_spool;
  if (retire_locals && !o.entities.empty()) {
    entity_spool.open(entity_spool_path, std::ios::binary | std::ios::trunc);
    if (!entity_spool) {
      std::cerr << entity_spool_path << ": error: cannot write the entities spool: " << std::strerror(errno) << '\n';
      spool.close();
      std::remove(spool_path.c_str());
      return 1;
    }
  }
  std::size_t n_retired = 0;
  // --profile: CPU seconds of this thread per stage.
  StageClock clock(o.profile);
  ClaimSpoolWriter spool_writer(spool, o.profile);
  double replay_s = 0, registry_s = 0, json_s = 0, graph_s = 0, site_s = 0, claims_file_s = 0,
         entities_file_s = 0, outputs_s = 0;

  // Names written so far per entity id: a line whose entity was later
  // renamed (a fuller name seen in a later document) is rewritten at the end.
  std::unordered_map<std::string, std::string> written_name;
  std::unordered_set<std::string> renamed;
  auto note_name = [&](const EntityRef& r) {
    if (r.id.empty()) return;
    // Look first: emplace would build (and drop) a node for every claim.
    auto it = written_name.find(r.id);
    if (it == written_name.end()) written_name.emplace(r.id, r.name);
    else if (it->second != r.name) renamed.insert(r.id);
  };

  // The registry merges greedily, so it sees the documents in one order
  // that depends only on which documents there are (DocumentSpool::replay):
  // any ordering or split of the input gives the same ids and names.
  std::string previous_name;
  bool repeated = false;
  const bool replayed = documents.replay([&](SpooledDocument& doc) {
    clock.lap(replay_s);
    const std::string& name = doc.name;
    // Names come sorted: a repeat follows its first. Entities list documents
    // by name, so two documents of one name cannot be told apart there.
    if (name == previous_name && !repeated) {
      std::cerr << name << ": warning: more than one document has this name; entities list it once\n";
    }
    repeated = name == previous_name;
    previous_name = name;
    resolve_entities(doc.result, name, registry, doc.meta.day());
    clock.lap(registry_s);
    for (Claim& c : doc.result.claims) {
      c.document = name;
      if (c.speaker) note_name(*c.speaker);
      for (const EntityRef& t : c.targets) note_name(t);
      clock.lap(registry_s);
      if (want_graph) {
        graph.add_claim(c, registry, doc.meta);
        clock.lap(graph_s);
      }
      ++n_claims;
    }
    if (o.site.any()) {
      site.add_document(name, doc.meta, doc.text, doc.length, doc.result.claims);
      clock.lap(site_s);
    }
    // Their JSON lines are formatted and spooled by the writer's thread.
    spool_writer.push(std::move(doc.result.claims), doc.meta);
    clock.lap(json_s);
    if (retire_locals) {
      for (EntityRegistry::RetiredEntity& r : registry.retire_local_entities()) {
        // Its name is final: a line written under another is stale.
        auto w = written_name.find(r.entity.id);
        if (w != written_name.end()) {
          if (w->second != r.entity.name) renamed.insert(r.entity.id);
          written_name.erase(w);
        }
        if (entity_spool.is_open()) entity_spool << r.rank << '\t' << entity_to_json(r.entity) << '\n';
        ++n_retired;
      }
      clock.lap(registry_s);
    }
  });
  const double writer_s = spool_writer.finish();
  if (!replayed) {
    std::cerr << "quotegraph: " << documents.error() << '\n';
    std::remove(spool_path.c_str());
    if (entity_spool.is_open()) entity_spool.close();
    std::remove(entity_spool_path.c_str());
    return 1;
  }
  for (const auto& [id, name] : written_name) {
    const Entity* e = registry.find(id);
    if (e && e->name != name) renamed.insert(id);
  }
  spool.close();
  clock.lap(registry_s);
  graph.sync_entities(registry);
  clock.lap(graph_s);

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
  clock.lap(claims_file_s);
  if (!o.entities.empty()) {
    OutputFile out(o.entities);
    // Retired entities (spooled, by rank) and the registry's, in order of
    // creation.
    std::ifstream retired;
    if (entity_spool.is_open()) {
      entity_spool.close();
      retired.open(entity_spool_path, std::ios::binary);
    }
    std::string line;
    std::size_t line_rank = 0;
    auto next_retired = [&] {
      if (!retired.is_open() || !std::getline(retired, line)) return false;
      line_rank = std::stoull(line.substr(0, line.find('\t')));
      return true;
    };
    bool have_retired = next_retired();
    auto flush_retired = [&](std::size_t before) {
      while (have_retired && line_rank < before && out.ok()) {
        out.stream() << std::string_view(line).substr(line.find('\t') + 1) << '\n';
        have_retired = next_retired();
      }
    };
    for (const EntityRegistry::RankedEntity& e : registry.ranked_entities()) {
      flush_retired(e.rank);
      out.stream() << entity_to_json(*e.entity) << '\n';
    }
    flush_retired(static_cast<std::size_t>(-1));
    if (!out.ok() || !out.commit()) report_failure(o.entities, out.error());
  }
  if (entity_spool.is_open()) entity_spool.close();
  std::remove(entity_spool_path.c_str());
  clock.lap(entities_file_s);
  if (!write_graph_outputs(graph, o.graph)) write_failed = true;
  if (!site.finish(registry, graph)) write_failed = true;
  clock.lap(outputs_s);
  if (o.profile) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - tally.started).count();
    std::cerr << "profile: " << tally.stages.documents << " documents, " << tally.bytes << " bytes, "
              << tally.workers << " worker thread(s), " << secs << " s wall, "
              << (secs > 0 ? tally.bytes / 1e6 / secs : 0.0) << " MB/s\n";
    std::cerr << "  workers (CPU seconds of their threads, summed):\n";
    profile_row("read", tally.read_seconds);
    profile_row("decode", tally.stages.decode);
    profile_row("segment", tally.stages.segment);
    profile_row("quotes", tally.stages.quotes);
    profile_row("attribution", tally.stages.attribution);
    profile_row("entities", tally.stages.entities);
    std::cerr << "  main thread (CPU seconds):\n";
    profile_row("document spool", tally.spool_seconds);
    profile_row("spool replay", replay_s);
    profile_row("registry", registry_s);
    profile_row("claims queued", json_s);
    profile_row("graph", graph_s);
    profile_row("HTML, SQLite pages", site_s);
    profile_row("claims file", claims_file_s);
    profile_row("entities file", entities_file_s);
    profile_row("graph and site files", outputs_s);
    std::cerr << "  claims spool writer thread (CPU seconds):\n";
    profile_row("claims JSON and spool", writer_s);
  }
  // Like the progress line, the summary is for a person at a terminal;
  // scripts and pipelines get silence unless something is wrong.
  // Failed inputs are a problem, so their count is always written.
  const std::size_t n_inputs = tally.documents_ok + tally.failed;
  if (!o.quiet && ::isatty(2)) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - tally.started).count();
    std::cerr << "quotegraph: " << tally.documents_ok << "/" << n_inputs << " documents, " << tally.failed
              << " failed, " << n_claims << " claims, " << registry.entities().size() + n_retired
              << " entities in " << secs << " s\n";
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
  sub->add_flag("--profile", opt->profile,
                "Print the CPU time spent per stage (workers and main thread) to standard error at the end");
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

// `quotegraph extract`: runs the pipeline over the documents of a
// DocumentSource (text and JSONL files, folders of them, standard input) and
// writes the claims JSONL, GraphML, GEXF, DOT, SVG, HTML, SQLite and entities
// JSONL. Analysed documents are spooled to a temporary file while they
// stream through, then replayed in canonical order (by name) through the
// entity registry, the claims spool and the graph by write_corpus(), which
// `quotegraph merge` shares, so the result does not depend on the order of
// the input and equals a map/merge run. Inputs that come in that order
// already (text files named in ascending order) skip the spool: each
// document goes through the same CorpusWriter as soon as it is analysed. Claims are rewritten once with the
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
#include <functional>
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

// write_corpus: formats the claims' JSON lines and writes them to the
// claims spool on a thread of its own, in the order their documents are
// queued, so that the thread that replays documents through the registry
// does not also format every claim. At most `max_queued` documents wait:
// kMaxQueuedReplay when the documents are replayed from the spool (the
// analysis is over), kMaxQueuedStreaming when they are registered as the
// workers analyse them (their claims would otherwise pile up beside the
// pipelines, which are alive then: 1 to 2 MB of max RSS at stop 23).
class ClaimSpoolWriter {
 public:
  static constexpr std::size_t kMaxQueuedReplay = 256;
  static constexpr std::size_t kMaxQueuedStreaming = 4;
  ClaimSpoolWriter(std::ofstream& spool, bool profile, std::size_t max_queued)
      : spool_(spool), profile_(profile), max_queued_(max_queued), thread_([this] { run(); }) {}
  ~ClaimSpoolWriter() { finish(); }
  ClaimSpoolWriter(const ClaimSpoolWriter&) = delete;
  ClaimSpoolWriter& operator=(const ClaimSpoolWriter&) = delete;

  // Queues the resolved claims of one document (waits while the queue is
  // full).
  void push(std::vector<Claim> claims, const DocumentMeta& meta) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < max_queued_; });
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
  const std::size_t max_queued_;  // at least 1
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

// One input as the workers hand it back: the document read, its
// diagnostics and its analysis.
struct AnalysedInput {
  SourceDocument doc;
  bool read = false;             // false: only the source's diagnostics (a bad line)
  std::uint64_t bytes_read = 0;  // of the input, once this document was read
  Diagnostics diags;
  bool analysed = false;     // the pipeline accepted the document
  std::size_t claims = 0;    // of its result
  std::uint64_t length = 0;  // of its text, in code points
  // Either its DocumentSpool record (encode_spool_record), made by the
  // worker, or, when documents are registered as they come (the inputs
  // named in canonical order), the result itself.
  std::string spool_record;
  DocumentResult result;
};

// How many threads analyse the documents of `source`: one per 8 expected
// documents, at most 4 and at most the hardware's.
std::size_t worker_count(const DocumentSource& source) {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  // A JSONL file may hold any number of documents: count it as many.
  const std::size_t expected_docs = source.has_jsonl() ? 1000 : source.file_count();
  return std::min<std::size_t>(std::min(4u, hardware), std::max<std::size_t>(1, expected_docs / 8));
}

// `first` and up to `workers` - 1 more pipelines sharing its lexicons,
// gazetteers and Hunspell dictionary (Pipeline::another: nothing is loaded
// again), with the limits and profiling of `o`.
std::vector<Pipeline> load_pipelines(Pipeline first, std::size_t workers, const ExtractOptions& o) {
  std::vector<Pipeline> pipelines;
  pipelines.push_back(std::move(first));
  for (std::size_t w = 1; w < workers; ++w) {
    pipelines.push_back(pipelines.front().another());
    pipelines.back().set_limits(o.limits);
  }
  for (Pipeline& p : pipelines) p.set_profiling(o.profile);
  return pipelines;
}

// Reads the documents of a source one batch at a time (in the calling
// thread, in input order) and analyses each batch in parallel, one thread
// per Pipeline (a Pipeline is not thread-safe).
class BatchAnalyser {
 public:
  // `keep_text`: documents keep their bytes (the HTML pages show them).
  // `encode`: the workers encode spool records; else they hand back each
  // result as it is.
  BatchAnalyser(DocumentSource& source, std::vector<Pipeline>& pipelines, bool keep_text, bool encode,
                bool profile)
      : source_(source),
        pipelines_(pipelines),
        keep_text_(keep_text),
        encode_(encode),
        profile_(profile),
        encode_seconds_(pipelines.size(), 0.0) {}

  // The next batch, analysed: at most kBatch documents and the bad lines
  // among them; empty at the end of the source.
  std::vector<AnalysedInput> next() {
    std::vector<AnalysedInput> items = read_batch();
    std::vector<std::future<void>> others;
    for (std::size_t w = 1; w < pipelines_.size(); ++w)
      others.push_back(std::async(std::launch::async, [this, &items, w] { analyse(items, w); }));
    analyse(items, 0);
    for (auto& f : others) f.get();
    return items;
  }
  // --profile: CPU seconds spent reading the source, and the bytes of the
  // documents read.
  double read_seconds() const { return read_seconds_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  // --profile: CPU seconds the workers spent encoding spool records, summed.
  double encode_seconds() const {
    double sum = 0;
    for (double s : encode_seconds_) sum += s;
    return sum;
  }

 private:
  static constexpr std::size_t kBatch = 64;

  std::vector<AnalysedInput> read_batch() {
    std::vector<AnalysedInput> items;
    std::size_t batch_size = 0;
    StageClock read_clock(profile_);
    while (batch_size < kBatch) {
      AnalysedInput it;
      const bool more = source_.next(it.doc, it.diags);
      it.read = more;
      // Read here, in the thread that reads the source, for the progress line.
      it.bytes_read = source_.bytes_read();
      if (!more && it.diags.empty()) break;
      if (more) {
        ++batch_size;
        bytes_read_ += it.doc.bytes.size();
      }
      items.push_back(std::move(it));
      if (!more) break;
    }
    read_clock.lap(read_seconds_);
    return items;
  }

  // Analyses the documents of `items` that fall to worker `w`: every
  // pipelines_.size()-th one from the w-th.
  void analyse(std::vector<AnalysedInput>& items, std::size_t w) {
    for (std::size_t i = w; i < items.size(); i += pipelines_.size()) {
      AnalysedInput& it = items[i];
      if (!it.read) continue;
      const std::size_t first = it.diags.size();
      DocumentResult result = pipelines_[w].process(it.doc.origin, it.doc.bytes, it.diags);
      it.length = count_code_points(it.doc.bytes);
      if (!keep_text_) it.doc.bytes = std::string();  // the text is not needed any more
      it.analysed = result.ok;
      it.claims = result.claims.size();
      if (result.ok && !encode_) {
        it.result = std::move(result);
      } else if (result.ok) {
        // Encoded here, so that the main thread only appends the bytes: it
        // is the one thread every document goes through. The text only
        // when the HTML pages show it; its length always (the database
        // keeps it).
        StageClock encode_clock(profile_);
        it.spool_record = encode_spool_record(result, it.doc.meta, it.doc.bytes, it.length);
        encode_clock.lap(encode_seconds_[w]);
      }
      // In a JSONL document the lines of its text are not the file's:
      // its diagnostics read file.jsonl:LINE:OFFSET (offset in code points
      // of the text), not a line and column that look like the file's.
      if (it.doc.line > 0) {
        for (std::size_t d = first; d < it.diags.size(); ++d) it.diags.at(d).line = it.diags.at(d).column = 0;
      }
    }
  }

  DocumentSource& source_;
  std::vector<Pipeline>& pipelines_;
  const bool keep_text_;
  const bool encode_;
  const bool profile_;
  double read_seconds_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::vector<double> encode_seconds_;  // per worker, each written by its own thread
};

// What the main thread counts while spooling.
struct SpoolCounts {
  std::size_t read = 0;     // documents read (text files and JSONL lines alike)
  std::size_t refused = 0;  // documents the pipeline refused (empty, not UTF-8, over a limit)
  std::size_t claims = 0;
};

// Hands every document `analyser` accepted to `keep` (analysing the next
// batch on another thread meanwhile) and prints the diagnostics of all in
// input order, with a progress line when `progress`. `keep` spools a
// document, to be registered later in canonical order (write_corpus), or
// registers it at once when the inputs come in that order; it returns
// false, said on standard error, when that fails, and so does this
// function then. Memory holds two batches at most. Fills `tally`
// (documents_ok, bad_input, spool_seconds) and `counts`.
bool spool_documents(BatchAnalyser& analyser, std::uint64_t bytes_total, bool progress, bool profile,
                     const std::function<bool(AnalysedInput&)>& keep, FeedTally& tally, SpoolCounts& counts) {
  // --profile: the spooling on this thread (waiting for a batch costs it no CPU).
  StageClock main_clock(profile);
  ProgressLine progress_line(std::cerr, progress);
  auto analyse_next = [&analyser] { return analyser.next(); };
  std::future<std::vector<AnalysedInput>> next = std::async(std::launch::async, analyse_next);
  for (;;) {
    main_clock.lap(tally.spool_seconds);
    std::vector<AnalysedInput> items = next.get();
    if (items.empty()) break;
    next = std::async(std::launch::async, analyse_next);
    for (AnalysedInput& it : items) {
      if (it.analysed) {
        if (!keep(it)) return false;
        counts.claims += it.claims;
        ++tally.documents_ok;
      } else if (it.read) {
        ++counts.refused;
      }
      if (it.diags.has_errors()) tally.bad_input = true;
      if (!it.diags.empty()) progress_line.clear();  // messages never run into the line
      print_document_diagnostics(it.diags, it.doc.origin);
      if (it.read) ++counts.read;
      progress_line.update(counts.read, counts.claims, it.bytes_read, bytes_total, !it.diags.empty());
    }
  }
  progress_line.finish();
  main_clock.lap(tally.spool_seconds);
  return true;
}

// The names the claims spool wrote per entity id, to find the lines whose
// entity was renamed afterwards (a fuller name seen in a later document):
// write_corpus rewrites those lines at the end.
class NameLedger {
 public:
  // Notes the name a claim line is written with.
  void note(const EntityRef& r) {
    if (r.id.empty()) return;
    // Look first: emplace would build (and drop) a node for every claim.
    auto it = written_name_.find(r.id);
    if (it == written_name_.end()) written_name_.emplace(r.id, r.name);
    else if (it->second != r.name) renamed_.insert(r.id);
  }
  // A retired entity's name is final: a line written under another is
  // stale, and the id need not be watched any more.
  void retire(const Entity& e) {
    auto it = written_name_.find(e.id);
    if (it == written_name_.end()) return;
    if (it->second != e.name) renamed_.insert(e.id);
    written_name_.erase(it);
  }
  // Once every document is registered: the ids whose final name differs
  // from the one written.
  void settle(const EntityRegistry& registry) {
    for (const auto& [id, name] : written_name_) {
      const Entity* e = registry.find(id);
      if (e && e->name != name) renamed_.insert(id);
    }
  }
  // Whether one of the ids in `ids` (separated by '\x1f') was renamed.
  bool any_renamed(std::string_view ids) const {
    bool stale = false;
    for (std::size_t p = 0; p <= ids.size() && !renamed_.empty();) {
      std::size_t q = ids.find('\x1f', p);
      if (q == std::string_view::npos) q = ids.size();
      if (q > p && renamed_.count(std::string(ids.substr(p, q - p)))) stale = true;
      p = q + 1;
    }
    return stale;
  }

 private:
  std::unordered_map<std::string, std::string> written_name_;
  std::unordered_set<std::string> renamed_;
};

// CPU seconds per stage of write_corpus's thread, and of the claims spool
// writer's thread (--profile).
struct CorpusTimes {
  double replay = 0, registry = 0, json = 0, graph = 0, site = 0, claims_file = 0, entities_file = 0,
         outputs = 0, writer = 0;
};

// The work of write_corpus, one step per member: the claims spooled to a
// temporary file while the documents are replayed through the registry,
// then every output written.
class CorpusWriter {
 public:
  CorpusWriter(const ExtractOptions& o, const WordClasses& words, SiteOutputs& site)
      : o_(o),
        site_(site),
        // The graph keeps every claim; build it only when a graph is
        // written, so that claims and entities alone stream in memory
        // bounded by the entities. The HTML index shows the network.
        want_graph_(o.graph.any() || !o.site.html.empty()),
        // Without a site output (which reads every entity of the registry
        // at the end), each document's local entities (anonymous
        // descriptions) leave the registry once its claims are spooled, so
        // that the registry grows with the entities that can recur, not
        // with the documents; the graph copies their final names and
        // counts onto its vertices then (ClaimGraph::settle_entity), and
        // with --entities their final lines wait in a second spool,
        // "rank<TAB>json", and are merged by rank with the registry's
        // entities at the end.
        retire_locals_(!o.site.any()),
        spool_path_((fs::temp_directory_path() / ("quotegraph.spool." + std::to_string(::getpid()))).string()),
        entity_spool_path_(spool_path_ + ".entities"),
        clock_(o.profile),
        registry_(words) {}

  // Opens the claims spool and, when retired entities need one, the
  // entities spool, and starts the thread that writes the claims spool
  // (`streaming`: documents come as the workers analyse them, so few wait
  // for it). False, said on standard error, when one cannot be written.
  bool open_spools(bool streaming) {
    spool_.open(spool_path_, std::ios::binary | std::ios::trunc);
    if (!spool_) {
      std::cerr << spool_path_ << ": error: cannot write the claims spool: " << std::strerror(errno) << '\n';
      return false;
    }
    if (retire_locals_ && !o_.entities.empty()) {
      entity_spool_.open(entity_spool_path_, std::ios::binary | std::ios::trunc);
      if (!entity_spool_) {
        std::cerr << entity_spool_path_ << ": error: cannot write the entities spool: " << std::strerror(errno)
                  << '\n';
        spool_.close();
        std::remove(spool_path_.c_str());
        return false;
      }
    }
    spool_writer_.emplace(spool_, o_.profile, streaming ? ClaimSpoolWriter::kMaxQueuedStreaming
                                                                : ClaimSpoolWriter::kMaxQueuedReplay);
    return true;
  }

  // --profile: this thread's CPU time since the last lap was spent on no
  // stage of this writer (documents registered as they are analysed: the
  // time the loop that receives them counts as its own).
  void lap_elsewhere() {
    double elsewhere = 0;
    clock_.lap(elsewhere);
  }

  // Registers one document: its entities resolved, its claims added to the
  // graph and queued for the claims spool. Documents must come in
  // canonical order (DocumentSpool::replay): from replay(), or as they are
  // analysed when the inputs come in that order.
  void add_document(SpooledDocument& doc) {
    // Names come sorted: a repeat follows its first. Entities list
    // documents by name, so two documents of one name cannot be told apart there.
    if (doc.name == previous_name_ && !repeated_) {
      std::cerr << doc.name << ": warning: more than one document has this name; entities list it once\n";
    }
    repeated_ = doc.name == previous_name_;
    previous_name_ = doc.name;
    replay_document(doc);
  }

  // Replays `documents` through the registry, the graph, the site outputs
  // and the claims spool. The registry merges greedily, so it sees the
  // documents in one order that depends only on which documents there are
  // (DocumentSpool::replay): any ordering or split of the input gives the
  // same ids and names. False, said on standard error, when the documents
  // cannot be read back.
  bool replay(DocumentSpool& documents) {
    const bool replayed = documents.replay([&](SpooledDocument& doc) {
      clock_.lap(times_.replay);
      add_document(doc);
    });
    if (!replayed) {
      times_.writer = spool_writer_->finish();
      print_diagnostic(documents.status().diagnostic());
      std::remove(spool_path_.c_str());
      if (entity_spool_.is_open()) entity_spool_.close();
      std::remove(entity_spool_path_.c_str());
      return false;
    }
    end_documents();
    return true;
  }

  // Once every document is registered: waits for the claims spool, then
  // settles the names written and the graph's entities.
  void end_documents() {
    times_.writer = spool_writer_->finish();
    names_.settle(registry_);
    spool_.close();
    clock_.lap(times_.registry);
    graph_.sync_entities(registry_);
    clock_.lap(times_.graph);
  }

  // Writes the claims and entities files, the graph and the site outputs
  // and removes the spools. False when an output could not be written (said
  // on standard error).
  bool write_outputs() {
    bool ok = true;
    if (!o_.claims.empty() && !write_claims_file()) ok = false;
    std::remove(spool_path_.c_str());
    clock_.lap(times_.claims_file);
    if (!o_.entities.empty() && !write_entities_file()) ok = false;
    if (entity_spool_.is_open()) entity_spool_.close();
    std::remove(entity_spool_path_.c_str());
    clock_.lap(times_.entities_file);
    if (!write_graph_outputs(graph_, o_.graph)) ok = false;
    if (!site_.finish(registry_, graph_)) ok = false;
    clock_.lap(times_.outputs);
    return ok;
  }

  // --profile: what each stage cost, the workers' (from `tally`) and this
  // thread's.
  void print_profile(const FeedTally& tally) const {
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
    profile_row("spool records", tally.encode_seconds);
    std::cerr << "  main thread (CPU seconds):\n";
    profile_row("document spool", tally.spool_seconds);
    profile_row("spool replay", times_.replay);
    profile_row("registry", times_.registry);
    profile_row("claims queued", times_.json);
    profile_row("graph", times_.graph);
    profile_row("HTML, SQLite pages", times_.site);
    profile_row("claims file", times_.claims_file);
    profile_row("entities file", times_.entities_file);
    profile_row("graph and site files", times_.outputs);
    // What the registry still holds (it grows with the named entities, not
    // with the documents, when their descriptions are retired).
    std::cerr << "  registry at the end: " << registry_.entities().size() << " entities held, " << retired_
              << " retired\n";
    std::cerr << "  claims spool writer thread (CPU seconds):\n";
    profile_row("claims JSON and spool", times_.writer);
  }

  // Like the progress line, the summary is for a person at a terminal;
  // scripts and pipelines get silence unless something is wrong.
  // Failed inputs are a problem, so their count is always written.
  void print_summary(const FeedTally& tally) const {
    const std::size_t n_inputs = tally.documents_ok + tally.failed;
    if (!o_.quiet && ::isatty(2)) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - tally.started).count();
      std::cerr << "quotegraph: " << tally.documents_ok << "/" << n_inputs << " documents, " << tally.failed
                << " failed, " << claims_ << " claims, " << registry_.entities().size() + retired_
                << " entities in " << secs << " s\n";
    } else if (tally.failed > 0) {
      std::cerr << "quotegraph: " << tally.failed << " of " << n_inputs << " inputs failed, "
                << tally.documents_ok << " documents read\n";
    }
  }

 private:
  // One document of the replay: its entities resolved, its claims added to
  // the graph and the site outputs and queued for the claims spool.
  void replay_document(SpooledDocument& doc) {
    resolve_entities(doc.result, doc.name, registry_, doc.meta.day());
    clock_.lap(times_.registry);
    // The clock is read per claim only when the graph shares the loop: a
    // read is a system call, and a paragraph can hold 200,000 claims.
    for (Claim& c : doc.result.claims) {
      c.document = doc.name;
      if (c.speaker) names_.note(*c.speaker);
      for (const EntityRef& t : c.targets) names_.note(t);
      if (want_graph_) {
        clock_.lap(times_.registry);
        graph_.add_claim(c, registry_, doc.meta);
        clock_.lap(times_.graph);
      }
      ++claims_;
    }
    clock_.lap(times_.registry);
    if (o_.site.any()) {
      site_.add_document(doc.name, doc.meta, doc.text, doc.length, doc.result.claims);
      clock_.lap(times_.site);
    }
    // Their JSON lines are formatted and spooled by the writer's thread.
    spool_writer_->push(std::move(doc.result.claims), doc.meta);
    clock_.lap(times_.json);
    if (retire_locals_) {
      for (EntityRegistry::RetiredEntity& r : registry_.retire_local_entities()) {
        names_.retire(r.entity);
        if (want_graph_) graph_.settle_entity(r.entity);
        if (entity_spool_.is_open()) entity_spool_ << r.rank << '\t' << entity_to_json(r.entity) << '\n';
        ++retired_;
      }
      clock_.lap(times_.registry);
    }
  }

  // Copies the claims spool ("ids<TAB>json" lines) into the claims file,
  // rewriting the lines that name an entity renamed since.
  bool write_claims_file() {
    OutputFile out(o_.claims);
    std::ifstream in(spool_path_, std::ios::binary);
    std::string line;
    while (out.ok() && std::getline(in, line)) {
      const std::size_t tab = line.find('\t');
      std::string_view ids(line.data(), tab == std::string::npos ? 0 : tab);
      std::string_view json(line);
      json.remove_prefix(tab == std::string::npos ? 0 : tab + 1);
      if (names_.any_renamed(ids)) out.stream() << rename_claim_line(std::string(json), registry_) << '\n';
      else out.stream() << json << '\n';
    }
    const Status committed = out.commit();
    if (!committed) report_write_failure(o_.claims, committed.message());
    return committed.ok();
  }

  // Writes the entities file: the retired entities (spooled, by rank) and
  // the registry's, in order of creation.
  bool write_entities_file() {
    OutputFile out(o_.entities);
    std::ifstream retired;
    if (entity_spool_.is_open()) {
      entity_spool_.close();
      retired.open(entity_spool_path_, std::ios::binary);
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
    for (const EntityRegistry::RankedEntity& e : registry_.ranked_entities()) {
      flush_retired(e.rank);
      out.stream() << entity_to_json(*e.entity) << '\n';
    }
    flush_retired(static_cast<std::size_t>(-1));
    const Status committed = out.commit();
    if (!committed) report_write_failure(o_.entities, committed.message());
    return committed.ok();
  }

  const ExtractOptions& o_;
  SiteOutputs& site_;
  const bool want_graph_;
  const bool retire_locals_;
  const std::string spool_path_;         // claims: "ids<TAB>json" lines
  const std::string entity_spool_path_;  // retired entities: "rank<TAB>json" lines
  std::ofstream spool_, entity_spool_;
  std::optional<ClaimSpoolWriter> spool_writer_;  // formats and writes spool_: started by open_spools
  std::string previous_name_;                     // of the document registered last
  bool repeated_ = false;                         // its name was its predecessor's
  StageClock clock_;  // --profile: CPU seconds of this thread per stage
  CorpusTimes times_;
  EntityRegistry registry_;
  ClaimGraph graph_;
  NameLedger names_;
  std::size_t claims_ = 0;
  std::size_t retired_ = 0;  // local entities retired from the registry
};

}  // namespace

void print_diagnostic(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

void print_document_diagnostics(const Diagnostics& diags, const std::string& origin) {
  std::size_t warnings = 0;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kWarning && ++warnings > kMaxWarnings) continue;
    print_diagnostic(d);
  }
  if (warnings > kMaxWarnings)
    std::cerr << origin << ": " << (warnings - kMaxWarnings) << " more warnings not shown\n";
}

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

std::optional<Pipeline> load_pipeline(const std::string& data_dir, const Limits& limits) {
  Diagnostics setup;
  auto pipeline = Pipeline::create(data_dir, setup);
  for (const Diagnostic& d : setup.items()) print_diagnostic(d);
  if (!pipeline) {
    std::cerr << "quotegraph: cannot load the lexicons from " << data_dir
              << " (set --data or QUOTEGRAPH_DATA; see quotegraph extract --help)\n";
    return std::nullopt;
  }
  pipeline->set_limits(limits);
  return std::move(*pipeline);
}

std::optional<WordClasses> load_registry_words(const std::string& data_dir, Diagnostics& diags) {
  auto words = WordClasses::load(data_dir, diags);
  if (words) return std::move(*words);
  print_diagnostic(words.status().diagnostic());
  std::cerr << "quotegraph: cannot load the word classes from " << data_dir
            << " (set --data or QUOTEGRAPH_DATA)\n";
  return std::nullopt;
}

namespace {

// The end of write_corpus, once every document is registered: the outputs,
// the profile and the summary; the exit status.
int finish_corpus(CorpusWriter& writer, const ExtractOptions& o, const FeedTally& tally) {
  const bool written = writer.write_outputs();
  if (o.profile) writer.print_profile(tally);
  writer.print_summary(tally);
  if (!written) return 1;
  return tally.bad_input ? 1 : 0;
}

}  // namespace

int write_corpus(const ExtractOptions& o, const WordClasses& words, DocumentSpool& documents,
                 const FeedTally& tally) {
  SiteOutputs site(o.site);  // a database that cannot be made stops here
  if (!site.ok()) return 1;
  CorpusWriter writer(o, words, site);
  if (!writer.open_spools(false) || !writer.replay(documents)) return 1;
  return finish_corpus(writer, o, tally);
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

namespace {

// The document a worker analysed, as DocumentSpool::replay would hand it
// back: a spool record decodes to what was encoded (document_spool_test).
SpooledDocument as_spooled(AnalysedInput& it) {
  SpooledDocument doc;
  doc.name = std::move(it.doc.name);
  doc.meta = std::move(it.doc.meta);
  doc.text = std::move(it.doc.bytes);  // empty unless the HTML pages show it
  doc.length = it.length;
  doc.result = std::move(it.result);
  return doc;
}

// What spool_documents does with each document analysed: registers it
// through `writer` when there is one (the inputs come in canonical order),
// else appends its record to `documents`.
std::function<bool(AnalysedInput&)> document_keeper(DocumentSpool& documents, std::optional<CorpusWriter>& writer) {
  return [&documents, &writer](AnalysedInput& it) {
    if (writer) {
      SpooledDocument doc = as_spooled(it);
      writer->lap_elsewhere();
      writer->add_document(doc);
      return true;
    }
    if (!documents.add_record(it.doc.name, it.spool_record)) {
      print_diagnostic(documents.status().diagnostic());
      return false;
    }
    std::string().swap(it.spool_record);
    return true;
  };
}

// Fills `tally` once every document went through spool_documents: the
// counts, and with --profile what the workers spent.
void tally_analysis(FeedTally& tally, const SpoolCounts& counts, const DocumentSource& source,
                    const std::vector<Pipeline>& pipelines, const BatchAnalyser& analyser, bool profile) {
  tally.documents = counts.read;
  // With the source's skipped() inputs, the refused documents make the
  // failures of the summary.
  tally.failed = source.skipped() + counts.refused;
  if (!profile) return;
  for (const Pipeline& p : pipelines) tally.stages += p.stage_times();
  tally.read_seconds = analyser.read_seconds();
  tally.encode_seconds = analyser.encode_seconds();
  tally.bytes = analyser.bytes_read();
  tally.workers = pipelines.size();
}

// Analyses the documents of `source` with `first` and the pipelines made
// from it, registers them (as they come, or from `documents` afterwards)
// and writes the outputs of `o`. Returns the exit status.
int analyse_corpus(const ExtractOptions& o, std::optional<DocumentSource>& source, Pipeline first,
                   const WordClasses& registry_words, DocumentSpool& documents, FeedTally& tally) {
  // Inputs named in canonical order are registered as each is analysed,
  // by this thread while the workers analyse the next batch: nothing is
  // spooled, and the registry's work is not left for the end, when the
  // workers are done and a core waits. Not with the HTML or SQLite outputs,
  // whose database is made once the analysis has said what it had to.
  std::optional<SiteOutputs> site;
  std::optional<CorpusWriter> writer;
  if (!o.site.any() && source->names_ascending()) {
    site.emplace(o.site);
    writer.emplace(o, registry_words, *site);
    if (!writer->open_spools(true)) return 1;
  } else if (!source->has_jsonl()) {
    // One document per file: the spool's index gets its room at once
    // rather than by doubling (the old buffers would stay as holes in the
    // heap).
    documents.reserve(source->file_count(), source->name_bytes());
  }
  const bool progress = !o.quiet && ::isatty(2) && (source->file_count() > 20 || source->has_jsonl());
  tally.started = std::chrono::steady_clock::now();

  std::vector<Pipeline> pipelines = load_pipelines(std::move(first), worker_count(*source), o);
  std::optional<BatchAnalyser> analyser(std::in_place, *source, pipelines, !o.site.html.empty(), !writer,
                                        o.profile);
  SpoolCounts counts;
  if (!spool_documents(*analyser, source->bytes_total(), progress, o.profile, document_keeper(documents, writer),
                       tally, counts))
    return 1;
  tally_analysis(tally, counts, *source, pipelines, *analyser, o.profile);
  analyser.reset();
  source.reset();
  // The pipelines (lexicons, gazetteers, Hunspell dictionaries) are freed
  // on another thread while write_corpus replays the documents, so that
  // freeing them is not on the serial path.
  std::thread release([p = std::move(pipelines)]() mutable { p.clear(); });
  int status = 0;
  if (writer) {
    writer->end_documents();
    status = finish_corpus(*writer, o, tally);
  } else {
    status = write_corpus(o, registry_words, documents, tally);
  }
  release.join();
  return status;
}

int run_extract(const ExtractOptions& opt) {
  ExtractOptions o = opt;
  apply_default_outputs(o);

  // The inputs are listed before the lexicons are loaded: listing 100,000
  // files takes memory only while it runs, and the lexicons then reuse it.
  // Optional so that the list (a few MiB for 100,000 files) is freed
  // before the replay, whose registry reuses it too.
  Diagnostics input_diags;
  SourceOptions source_options;
  source_options.stdin_jsonl = o.stdin_jsonl;
  source_options.max_document_bytes = o.limits.max_document_bytes;
  std::optional<DocumentSource> source(std::in_place, o.inputs, input_diags, source_options);
  const std::string data_dir = opt.data_dir.empty() ? default_data_dir() : opt.data_dir;
  std::optional<Pipeline> pipeline = load_pipeline(data_dir, opt.limits);
  if (!pipeline) return 2;
  // The corpus registry reads the pipeline's word classes (one load of words.tsv).
  const WordClasses registry_words = pipeline->words();
  FeedTally tally;
  tally.bad_input = input_diags.has_errors();
  for (const Diagnostic& d : input_diags.items()) print_diagnostic(d);

  DocumentSpool documents(fs::temp_directory_path().string());
  if (!documents.ok()) {
    print_diagnostic(documents.status().diagnostic());
    return 1;
  }
  return analyse_corpus(o, source, std::move(*pipeline), registry_words, documents, tally);
}

}  // namespace

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

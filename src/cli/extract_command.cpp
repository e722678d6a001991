// `quotegraph extract`: runs the pipeline over files, folders (*.txt,
// recursively) or standard input and writes the claims JSONL, GraphML, DOT,
// SVG and entities JSONL. Claims are spooled to a temporary file while the
// documents stream through, then rewritten once with the final canonical
// entity names, so memory does not grow with the claims file.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <future>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "output_file.h"
#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/export/dot.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/export/graphml.h"
#include "quotegraph/pipeline/pipeline.h"

namespace quotegraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxWarnings = 10;  // warnings printed per document

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string claims, graphml, dot, svg, entities;
  std::string data_dir;
  bool dot_claims = true;
  bool quiet = false;
  bool profile = false;
};

void print(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

// --profile: adds the CPU time since the last lap to a total; does nothing
// when profiling is off.
class ProfileClock {
 public:
  explicit ProfileClock(bool on) : on_(on), last_(on ? thread_seconds() : 0) {}
  void lap(double& total) {
    if (!on_) return;
    const double now = thread_seconds();
    total += now - last_;
    last_ = now;
  }

 private:
  // CPU time of the calling thread: what a stage costs, whatever else the
  // machine runs at the same time.
  static double thread_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  bool on_;
  double last_;
};

// --profile: one aligned line per stage on standard error.
struct ProfileTable {
  std::ostream& out;
  explicit ProfileTable(std::ostream& o) : out(o) {}
  void row(const char* stage, double seconds) {
    char line[96];
    std::snprintf(line, sizeof line, "    %-24s %9.3f s\n", stage, seconds);
    out << line;
  }
};

// Expands folders into their *.txt files (sorted, recursive); keeps files
// and "-" as given. A path that does not exist is reported and skipped.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diags) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (in == "-") {
      files.push_back(in);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(in, ec)) {
      files.push_back(in);
    } else {
      diags.error(DiagCode::kIoError, in, 0, "no such file or directory");
    }
  }
  return files;
}

bool read_all(const std::string& path, std::string& bytes) {
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  // One read into a string of the file's size (a stringstream would copy
  // the text twice); a file that grows meanwhile is read to its end.
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  bytes.clear();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  bytes.resize(ec ? 0 : static_cast<std::size_t>(size));
  std::size_t got = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), f);
  bytes.resize(got);
  char chunk[65536];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) bytes.append(chunk, n);
  const bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

std::string document_name(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).filename().string();
}

// Rewrites one spooled claim line with the registry's final names.
std::string finalise_line(const std::string& line, const EntityRegistry& registry) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) return line;
  if (j.contains("speaker_id") && j["speaker_id"].is_string()) {
    if (const Entity* e = registry.find(j["speaker_id"].get<std::string>())) j["speaker"] = e->name;
  }
  if (j.contains("target_ids") && j["target_ids"].is_array()) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& id : j["target_ids"]) {
      const Entity* e = id.is_string() ? registry.find(id.get<std::string>()) : nullptr;
      names.push_back(e ? nlohmann::json(e->name) : nlohmann::json(nullptr));
    }
    j["targets"] = names;
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int run_extract(const ExtractOptions& opt) {
  Diagnostics setup;
  std::string data_dir = opt.data_dir.empty() ? default_data_dir() : opt.data_dir;
  auto pipeline = Pipeline::create(data_dir, setup);
  for (const Diagnostic& d : setup.items()) print(d);
  if (!pipeline) {
    std::cerr << "quotegraph: cannot load the lexicons from " << data_dir
              << " (set --data or QUOTEGRAPH_DATA)\n";
    return 2;
  }
  ExtractOptions o = opt;
  if (o.claims.empty() && o.graphml.empty() && o.dot.empty() && o.svg.empty() && o.entities.empty()) {
    std::error_code ec;
    fs::create_directories("output", ec);
    o.claims = "output/claims.jsonl";
    o.graphml = "output/graph.graphml";
    o.dot = "output/graph.dot";
  }

  Diagnostics input_diags;
  std::vector<std::string> files = expand_inputs(o.inputs, input_diags);
  bool bad_input = input_diags.has_errors();
  for (const Diagnostic& d : input_diags.items()) print(d);

  // Claims are spooled to a temporary file, then copied into the output.
  std::string spool_path =
      (fs::temp_directory_path() / ("quotegraph.spool." + std::to_string(::getpid()))).string();
  std::ofstream spool(spool_path, std::ios::binary | std::ios::trunc);
  if (!spool) {
    std::cerr << "quotegraph: cannot write " << spool_path << '\n';
    return 1;
  }

  EntityRegistry registry;
  ClaimGraph graph;
  // The graph keeps every claim; build it only when a graph is written, so
  // that claims and entities alone stream in memory bounded by the entities.
  const bool want_graph = !o.graphml.empty() || !o.dot.empty() || !o.svg.empty();
  // Without a graph, each document's local entities (anonymous
  // descriptions) leave the registry once its claims are written; with
  // --entities their final lines wait in a second spool, "rank<TAB>json",
  // and are merged by rank with the registry's entities at the end.
  const bool retire_locals = !want_graph;
  const std::string entity_spool_path = spool_path + ".entities";
  std::ofstream entity_spool;
  if (retire_locals && !o.entities.empty()) {
    entity_spool.open(entity_spool_path, std::ios::binary | std::ios::trunc);
    if (!entity_spool) {
      std::cerr << "quotegraph: cannot write " << entity_spool_path << '\n';
      std::remove(spool_path.c_str());
      return 1;
    }
  }
  const bool progress = !o.quiet && ::isatty(2) && files.size() > 20;
  std::size_t n_claims = 0, n_docs_ok = 0;
  auto started = std::chrono::steady_clock::now();

  // Documents are read and analysed by worker threads, one Pipeline each
  // (a Pipeline is not thread-safe), one batch ahead of this thread, which
  // registers entities and writes claims in input order so that the output
  // does not depend on timing. Memory holds two batches at most.
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n_workers = std::min<std::size_t>(std::min(4u, hw), std::max<std::size_t>(1, files.size() / 8));
  std::vector<Pipeline> pipelines;
  pipelines.push_back(std::move(*pipeline));
  {
    // The other workers' lexicons load at the same time, one thread each.
    std::vector<std::future<std::optional<Pipeline>>> extras;
    for (std::size_t w = 1; w < n_workers; ++w)
      extras.push_back(std::async(std::launch::async, [&data_dir] {
        Diagnostics ignored;  // the first Pipeline already reported the data files
        return Pipeline::create(data_dir, ignored);
      }));
    for (auto& f : extras) {
      std::optional<Pipeline> extra = f.get();
      if (extra) pipelines.push_back(std::move(*extra));
    }
  }
  for (Pipeline& p : pipelines) p.set_profiling(o.profile);
  // --profile: CPU seconds per stage; workers' reading per worker, the
  // rest on this thread (waiting for a batch costs it nothing).
  std::vector<double> read_seconds(pipelines.size(), 0.0);
  std::uint64_t bytes_read = 0;
  ProfileClock main_clock(o.profile);
  double registry_s = 0, json_s = 0, graph_s = 0, claims_file_s = 0, entities_file_s = 0,
         graph_files_s = 0;
  struct Item {
    std::string path;
    std::size_t bytes = 0;
    Diagnostics diags;
    DocumentResult result;
  };
  constexpr std::size_t kBatch = 64;
  auto analyse = [&](std::size_t begin, std::size_t end) {
    std::vector<Item> items(end - begin);
    auto work = [&](std::size_t w) {
      for (std::size_t i = begin + w; i < end; i += pipelines.size()) {
        Item& it = items[i - begin];
        it.path = files[i];
        std::string bytes;
        ProfileClock read_clock(o.profile);
        if (!read_all(it.path, bytes)) {
          it.diags.error(DiagCode::kIoError, it.path, 0, "cannot read file");
          continue;
        }
        read_clock.lap(read_seconds[w]);
        it.bytes = bytes.size();
        it.result = pipelines[w].process(it.path == "-" ? "stdin" : it.path, bytes, it.diags);
      }
    };
    std::vector<std::future<void>> others;
    for (std::size_t w = 1; w < pipelines.size(); ++w) others.push_back(std::async(std::launch::async, work, w));
    work(0);
    for (auto& f : others) f.get();
    return items;
  };

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

  std::future<std::vector<Item>> next;
  if (!files.empty()) next = std::async(std::launch::async, analyse, 0, std::min(kBatch, files.size()));
  for (std::size_t b = 0; b < files.size(); b += kBatch) {
    main_clock.lap(registry_s);
    std::vector<Item> items = next.get();
    if (b + kBatch < files.size())
      next = std::async(std::launch::async, analyse, b + kBatch, std::min(b + 2 * kBatch, files.size()));
    for (std::size_t k = 0; k < items.size(); ++k) {
      Item& it = items[k];
      bytes_read += it.bytes;
      if (it.result.ok) {
        std::string name = document_name(it.path);
        resolve_entities(it.result, name, registry);
        main_clock.lap(registry_s);
        for (Claim& c : it.result.claims) {
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
          spool << ids << '\t' << claim_to_json(c) << '\n';
          main_clock.lap(json_s);
          if (want_graph) {
            graph.add_claim(c, registry);
            main_clock.lap(graph_s);
          }
          ++n_claims;
        }
        ++n_docs_ok;
        if (retire_locals) {
          for (EntityRegistry::RetiredEntity& r : registry.retire_local_entities()) {
            // Its name is final: a line written under another is stale.
            auto w = written_name.find(r.entity.id);
            if (w != written_name.end()) {
              if (w->second != r.entity.name) renamed.insert(r.entity.id);
              written_name.erase(w);
            }
            if (entity_spool.is_open()) entity_spool << r.rank << '\t' << entity_to_json(r.entity) << '\n';
          }
          main_clock.lap(registry_s);
        }
      }
      if (it.diags.has_errors()) bad_input = true;
      // Every error is printed; warnings (unbalanced quotation marks …) are
      // cut after kMaxWarnings per document, with a count of the rest, so
      // one broken file cannot flood the terminal.
      std::size_t warnings = 0;
      for (const Diagnostic& d : it.diags.items()) {
        if (d.severity == Severity::kWarning && ++warnings > kMaxWarnings) continue;
        print(d);
      }
      if (warnings > kMaxWarnings)
        std::cerr << it.path << ": " << (warnings - kMaxWarnings) << " more warnings not shown\n";
      std::size_t done = b + k + 1;
      if (progress && (done % 50 == 0 || done == files.size())) {
        std::cerr << "\r" << done << "/" << files.size() << " documents, " << n_claims << " claims" << std::flush;
      }
    }
  }
  for (const auto& [id, name] : written_name) {
    const Entity* e = registry.find(id);
    if (e && e->name != name) renamed.insert(id);
  }
  if (progress) std::cerr << '\n';
  spool.close();
  main_clock.lap(registry_s);
  graph.sync_entities(registry);
  main_clock.lap(graph_s);

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
      if (stale) out.stream() << finalise_line(std::string(json), registry) << '\n';
      else out.stream() << json << '\n';
    }
    if (!out.ok() || !out.commit()) report_failure(o.claims, "");
  }
  std::remove(spool_path.c_str());
  main_clock.lap(claims_file_s);
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
    if (!out.ok() || !out.commit()) report_failure(o.entities, "");
  }
  if (entity_spool.is_open()) entity_spool.close();
  std::remove(entity_spool_path.c_str());
  main_clock.lap(entities_file_s);
  if (!o.graphml.empty()) {
    OutputFile out(o.graphml);
    std::string error;
    if (!out.ok() || !write_graphml(graph, out.stream(), error) || !out.commit()) report_failure(o.graphml, error);
  }
  DotOptions dot_options;
  dot_options.claims = o.dot_claims;
  if (!o.dot.empty()) {
    std::string error;
    std::string text = to_dot(graph, dot_options, error);
    OutputFile out(o.dot);
    if (!error.empty() || !out.ok()) {
      report_failure(o.dot, error);
    } else {
      out.stream() << text;
      if (!out.commit()) report_failure(o.dot, "");
    }
  }
  if (!o.svg.empty()) {
    std::string error;
    std::string svg = render_svg(graph, dot_options, error);
    OutputFile out(o.svg);
    if (!error.empty() || !out.ok()) {
      report_failure(o.svg, error);
    } else {
      out.stream() << svg;
      if (!out.commit()) report_failure(o.svg, "");
    }
  }
  main_clock.lap(graph_files_s);
  if (o.profile) {
    StageTimes stages;
    for (const Pipeline& p : pipelines) stages += p.stage_times();
    double read_s = 0;
    for (double r : read_seconds) read_s += r;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ProfileTable table(std::cerr);
    std::cerr << "profile: " << stages.documents << " documents, " << bytes_read << " bytes, "
              << pipelines.size() << " worker thread(s), " << secs << " s wall, "
              << (secs > 0 ? bytes_read / 1e6 / secs : 0.0) << " MB/s\n";
    std::cerr << "  workers (CPU seconds of their threads, summed):\n";
    table.row("read", read_s);
    table.row("decode", stages.decode);
    table.row("segment", stages.segment);
    table.row("quotes", stages.quotes);
    table.row("attribution", stages.attribution);
    table.row("entities", stages.entities);
    std::cerr << "  main thread (CPU seconds):\n";
    table.row("registry", registry_s);
    table.row("claims JSON and spool", json_s);
    table.row("graph", graph_s);
    table.row("claims file", claims_file_s);
    table.row("entities file", entities_file_s);
    table.row("GraphML, DOT, SVG", graph_files_s);
  }
  // Like the progress line, the summary is for a person at a terminal;
  // scripts and pipelines get silence unless something is wrong.
  if (!o.quiet && ::isatty(2)) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "quotegraph: " << n_docs_ok << "/" << files.size() << " documents, " << n_claims << " claims, "
              << graph.entity_count() << " entities in " << secs << " s\n";
  }
  if (write_failed) return 1;
  return bad_input ? 1 : 0;
}

}  // namespace

void register_extract(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand("extract", "Extract claims and build the claim graph");
  sub->add_option("INPUT", opt->inputs, "Text files, folders (*.txt, recursively) or - for standard input")
      ->required();
  sub->add_option("--claims", opt->claims, "Claims JSONL output (- for standard output)");
  sub->add_option("--graphml", opt->graphml, "GraphML output (for Gephi)");
  sub->add_option("--dot", opt->dot, "Graphviz DOT output");
  sub->add_option("--svg", opt->svg, "SVG diagram rendered with Graphviz dot");
  sub->add_option("--entities", opt->entities, "Canonical entities JSONL output");
  sub->add_option("--data", opt->data_dir, "Folder of lexicons and gazetteers (default: built-in)");
  sub->add_flag("!--no-dot-claims", opt->dot_claims, "DOT/SVG: draw only entities and their aggregated edges");
  sub->add_flag("--profile", opt->profile,
                "Print the time spent per stage (workers and main thread) to standard error at the end");
  sub->add_flag("-q,--quiet", opt->quiet, "No summary or progress on standard error (they are only written to a terminal anyway)");
  sub->footer(
      "With no output option, writes output/claims.jsonl, output/graph.graphml and output/graph.dot.\n"
      "Exit status: 0 ok, 1 bad input (reported as file:offset: error: ...), 2 usage.");
  sub->callback([opt, &exit_code] { exit_code = run_extract(*opt); });
}

}  // namespace quotegraph::cli

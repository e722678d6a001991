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
#include <unistd.h>

#include "commands.h"
#include "graph_outputs.h"
#include "output_file.h"
#include "progress_line.h"
#include "site_outputs.h"
#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxWarnings = 10;  // warnings printed per document

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string claims, entities;
  GraphOutputOptions graph;  // --graphml, --gexf, --dot, --svg and the view options
  SiteOutputOptions site;    // --html, --sqlite
  std::string data_dir;
  bool quiet = false;
  bool stdin_jsonl = false;
};

void print(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

// Rewrites one spooled claim line with the registry's final names.
std::string finalise_line(const std::string& line, const EntityRegistry& registry) {
  // Ordered, so that a rewritten line keeps the documented key order.
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line, nullptr, false);
  if (j.is_discarded()) return line;
  if (j.contains("speaker_id") && j["speaker_id"].is_string()) {
    if (const Entity* e = registry.find(j["speaker_id"].get<std::string>())) j["speaker"] = e->name;
  }
  if (j.contains("target_ids") && j["target_ids"].is_array()) {
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (const auto& id : j["target_ids"]) {
      const Entity* e = id.is_string() ? registry.find(id.get<std::string>()) : nullptr;
      names.push_back(e ? nlohmann::ordered_json(e->name) : nlohmann::ordered_json(nullptr));
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
  if (o.claims.empty() && !o.graph.any() && !o.site.any() && o.entities.empty()) {
    std::error_code ec;
    fs::create_directories("output", ec);
    o.claims = "output/claims.jsonl";
    o.graph.graphml = "output/graph.graphml";
    o.graph.dot = "output/graph.dot";
  }
  o.graph.quiet = o.quiet;

  Diagnostics input_diags;
  SourceOptions source_options;
  source_options.stdin_jsonl = o.stdin_jsonl;
  DocumentSource source(o.inputs, input_diags, source_options);
  const std::vector<std::string>& files = source.files();
  bool bad_input = input_diags.has_errors();
  for (const Diagnostic& d : input_diags.items()) print(d);

  SiteOutputs site(o.site);  // before the spool: a database that cannot be made stops here
  if (!site.ok()) return 1;

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
  const bool want_graph = o.graph.any() || !o.site.html.empty();  // the HTML index shows the network
  const bool progress = !o.quiet && ::isatty(2) && (files.size() > 20 || source.has_jsonl());
  std::size_t n_claims = 0, n_docs_ok = 0;
  auto started = std::chrono::steady_clock::now();

  // Documents are read and analysed by worker threads, one Pipeline each
  // (a Pipeline is not thread-safe), one batch ahead of this thread, which
  // registers entities and writes claims in input order so that the output
  // does not depend on timing. Memory holds two batches at most.
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
    pipelines.push_back(std::move(*extra));
  }
  struct Item {
    SourceDocument doc;
    bool read = false;  // false: only the source's diagnostics (a bad line)
    std::uint64_t bytes_read = 0;  // of the input, once this document was read
    Diagnostics diags;
    DocumentResult result;
  };
  constexpr std::size_t kBatch = 64;
  const bool keep_text = o.site.any();  // the HTML pages show it, the database counts it
  // Reads the next batch from the source (in this thread, in input order:
  // the source is read by one batch at a time) and analyses it in parallel.
  auto analyse = [&]() {
    std::vector<Item> items;
    std::size_t documents = 0;
    while (documents < kBatch) {
      Item it;
      const bool more = source.next(it.doc, it.diags);
      it.read = more;
      // Read here, in the thread that reads the source, for the progress line.
      it.bytes_read = source.bytes_read();
      if (!more && it.diags.empty()) break;
      if (more) ++documents;
      items.push_back(std::move(it));
      if (!more) break;
    }
    const std::size_t end = items.size();
    auto work = [&](std::size_t w) {
      for (std::size_t i = w; i < end; i += pipelines.size()) {
        Item& it = items[i];
        if (!it.read) continue;
        it.result = pipelines[w].process(it.doc.origin, it.doc.bytes, it.diags);
        if (!keep_text) it.doc.bytes = std::string();  // the text is not needed any more
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
    auto [it, inserted] = written_name.emplace(r.id, r.name);
    if (!inserted && it->second != r.name) renamed.insert(r.id);
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
        const std::string& name = it.doc.name;
        const std::string day = it.doc.meta.day();
        resolve_entities(it.result, name, registry, day);
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
          spool << ids << '\t' << claim_to_json(c, it.doc.meta) << '\n';
          if (want_graph) graph.add_claim(c, registry, it.doc.meta);
          ++n_claims;
        }
        if (o.site.any()) site.add_document(it.doc, it.result.claims);
        ++n_docs_ok;
      }
      if (it.diags.has_errors()) bad_input = true;
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
  for (const auto& [id, name] : written_name) {
    const Entity* e = registry.find(id);
    if (e && e->name != name) renamed.insert(id);
  }
  progress_line.finish();
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
      if (stale) out.stream() << finalise_line(std::string(json), registry) << '\n';
      else out.stream() << json << '\n';
    }
    if (!out.ok() || !out.commit()) report_failure(o.claims, "");
  }
  std::remove(spool_path.c_str());
  if (!o.entities.empty()) {
    OutputFile out(o.entities);
    for (const Entity* e : registry.entities()) out.stream() << entity_to_json(*e) << '\n';
    if (!out.ok() || !out.commit()) report_failure(o.entities, "");
  }
  if (!write_graph_outputs(graph, o.graph)) write_failed = true;
  if (!site.finish(registry, graph)) write_failed = true;
  // Like the progress line, the summary is for a person at a terminal;
  // scripts and pipelines get silence unless something is wrong.
  if (!o.quiet && ::isatty(2)) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "quotegraph: " << n_docs_ok << "/" << done << " documents, " << n_claims << " claims, "
              << registry.entities().size() << " entities in " << secs << " s\n";
  }
  if (write_failed) return 1;
  return bad_input ? 1 : 0;
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
  sub->add_option("--claims", opt->claims, "Claims JSONL output (- for standard output)");
  sub->add_option("--entities", opt->entities, "Canonical entities JSONL output");
  add_graph_output_options(sub, opt->graph);
  add_site_output_options(sub, opt->site);
  sub->add_option("--data", opt->data_dir, "Folder of lexicons and gazetteers (default: built-in)");
  sub->add_flag("-q,--quiet", opt->quiet, "No summary or progress on standard error (they are only written to a terminal anyway)");
  sub->footer(
      "With no output option, writes output/claims.jsonl, output/graph.graphml and output/graph.dot.\n"
      "Exit status: 0 ok, 1 bad input (reported as file:offset: error: ...), 2 usage.");
  sub->callback([opt, &exit_code] { exit_code = run_extract(*opt); });
}

}  // namespace quotegraph::cli

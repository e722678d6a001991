// `quotegraph extract`: runs the pipeline over files, folders (*.txt,
// recursively) or standard input and writes the claims JSONL, GraphML, DOT,
// SVG and entities JSONL. Claims are spooled to a temporary file while the
// documents stream through, then rewritten once with the final canonical
// entity names, so memory does not grow with the claims file.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
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
  Limits limits;
  bool dot_claims = true;
  bool quiet = false;
};

void print(const Diagnostic& d) { std::cerr << format_diagnostic(d) << '\n'; }

// One document to read: its path as given or found, and the name its
// claims carry in the `document` field.
struct Input {
  std::string path;
  std::string document;
};

// The name of `path` relative to `root` (both as written), or its file name.
std::string relative_name(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path rel = fs::relative(path, root, ec);
  if (ec || rel.empty()) return path.filename().string();
  return rel.generic_string();
}

// The deepest folder that holds every path of `paths` (absolute, lexically
// normal); "/" at worst.
fs::path common_root(const std::vector<fs::path>& paths) {
  if (paths.empty()) return fs::path("/");
  fs::path root = paths.front().parent_path();
  for (const fs::path& p : paths) {
    fs::path folder = p.parent_path();
    fs::path common;
    auto a = root.begin(), b = folder.begin();
    for (; a != root.end() && b != folder.end() && *a == *b; ++a, ++b) common /= *a;
    root = common;
  }
  return root.empty() ? fs::path("/") : root;
}

// Gives each input its document name. A file found under a folder argument
// is named by its path relative to that folder (seeds/a.txt given as
// `seeds/` is "a.txt", seeds/x/a.txt is "x/a.txt"); a file argument by its
// file name; standard input is "stdin". When two inputs would get the same
// name, each of them is named by its path relative to the deepest folder
// holding all the inputs (a/x.txt and b/x.txt become "a/x.txt" and
// "b/x.txt"); a file given twice keeps its name and is processed twice.
void name_documents(std::vector<Input>& inputs) {
  std::unordered_map<std::string, std::size_t> count;
  for (const Input& in : inputs) ++count[in.document];
  std::vector<fs::path> absolute;
  for (const Input& in : inputs) {
    if (in.path == "-") continue;
    std::error_code ec;
    fs::path abs = fs::absolute(in.path, ec);
    absolute.push_back((ec ? fs::path(in.path) : abs).lexically_normal());
  }
  const fs::path root = common_root(absolute);
  for (Input& in : inputs) {
    if (in.path == "-" || count[in.document] < 2) continue;
    std::error_code ec;
    fs::path abs = fs::absolute(in.path, ec);
    in.document = relative_name((ec ? fs::path(in.path) : abs).lexically_normal(), root);
  }
}

// Expands folders into their *.txt files (sorted, recursive); keeps files
// and "-" as given. A path that does not exist, or a folder without any
// .txt file below it, is reported as an error with the reason and skipped.
std::vector<Input> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diags) {
  std::vector<Input> files;
  for (const std::string& in : inputs) {
    if (in == "-") {
      files.push_back({in, "stdin"});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code file_ec;
        if (it->is_regular_file(file_ec) && it->path().extension() == ".txt") found.push_back(it->path().string());
      }
      if (ec) {
        diags.error(DiagCode::kIoError, in, 0, "cannot list the folder: " + ec.message());
      } else if (found.empty()) {
        diags.error(DiagCode::kIoError, in, 0, "no .txt file in this folder or below it");
      }
      std::sort(found.begin(), found.end());
      for (const std::string& f : found) files.push_back({f, relative_name(f, in)});
    } else if (fs::exists(in, ec)) {
      files.push_back({in, fs::path(in).filename().string()});
    } else {
      diags.error(DiagCode::kIoError, in, 0,
                  "cannot open: " + (ec ? ec.message() : std::string(std::strerror(ENOENT))));
    }
  }
  name_documents(files);
  return files;
}

// Reads `path` ("-": standard input) into `bytes`, refusing files larger
// than `max_bytes` before reading them. Returns an empty string on success,
// otherwise the reason (strerror or the limit).
std::string read_all(const std::string& path, std::size_t max_bytes, std::string& bytes) {
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return std::cin.bad() ? "read error on standard input" : "";
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return "is a folder, not a file";
  const auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return "document of " + std::to_string(size) + " bytes is larger than the limit of " +
           std::to_string(max_bytes) + " bytes (--max-document-bytes): skipped";
  }
  errno = 0;
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::string("cannot open: ") + std::strerror(errno != 0 ? errno : EIO);
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad()) return std::string("cannot read: ") + std::strerror(errno != 0 ? errno : EIO);
  bytes = ss.str();
  return "";
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
  if (o.claims.empty() && o.graphml.empty() && o.dot.empty() && o.svg.empty() && o.entities.empty()) {
    std::error_code ec;
    fs::create_directories("output", ec);
    o.claims = "output/claims.jsonl";
    o.graphml = "output/graph.graphml";
    o.dot = "output/graph.dot";
  }

  Diagnostics input_diags;
  std::vector<Input> files = expand_inputs(o.inputs, input_diags);
  bool bad_input = input_diags.has_errors();
  for (const Diagnostic& d : input_diags.items()) print(d);
  // Inputs that failed: arguments that named nothing readable, then
  // documents that were skipped. The summary counts them.
  std::size_t n_failed = input_diags.items().size();

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
  const bool want_graph = !o.graphml.empty() || !o.dot.empty() || !o.svg.empty();
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
  for (std::size_t w = 1; w < n_workers; ++w) {
    Diagnostics ignored;  // the first Pipeline already reported the data files
    auto extra = Pipeline::create(data_dir, ignored);
    if (!extra) break;
    extra->set_limits(opt.limits);
    pipelines.push_back(std::move(*extra));
  }
  struct Item {
    std::string path;
    std::string document;
    Diagnostics diags;
    DocumentResult result;
  };
  constexpr std::size_t kBatch = 64;
  auto analyse = [&](std::size_t begin, std::size_t end) {
    std::vector<Item> items(end - begin);
    auto work = [&](std::size_t w) {
      for (std::size_t i = begin + w; i < end; i += pipelines.size()) {
        Item& it = items[i - begin];
        it.path = files[i].path;
        it.document = files[i].document;
        std::string bytes;
        const std::string why = read_all(it.path, opt.limits.max_document_bytes, bytes);
        if (!why.empty()) {
          it.diags.error(DiagCode::kIoError, it.path, 0, why);
          continue;
        }
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
    auto [it, inserted] = written_name.emplace(r.id, r.name);
    if (!inserted && it->second != r.name) renamed.insert(r.id);
  };

  std::future<std::vector<Item>> next;
  if (!files.empty()) next = std::async(std::launch::async, analyse, 0, std::min(kBatch, files.size()));
  for (std::size_t b = 0; b < files.size(); b += kBatch) {
    std::vector<Item> items = next.get();
    if (b + kBatch < files.size())
      next = std::async(std::launch::async, analyse, b + kBatch, std::min(b + 2 * kBatch, files.size()));
    for (std::size_t k = 0; k < items.size(); ++k) {
      Item& it = items[k];
      if (it.result.ok) {
        const std::string& name = it.document;
        resolve_entities(it.result, name, registry);
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
          if (want_graph) graph.add_claim(c, registry);
          ++n_claims;
        }
        ++n_docs_ok;
      } else {
        ++n_failed;
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
  if (!o.graphml.empty()) {
    OutputFile out(o.graphml);
    std::string error;
    if (!out.ok() || !write_graphml(graph, out.stream(), error) || !out.commit())
      report_failure(o.graphml, error.empty() ? out.error() : error);
  }
  DotOptions dot_options;
  dot_options.claims = o.dot_claims;
  if (!o.dot.empty()) {
    std::string error;
    std::string text = to_dot(graph, dot_options, error);
    OutputFile out(o.dot);
    if (!error.empty() || !out.ok()) {
      report_failure(o.dot, error.empty() ? out.error() : error);
    } else {
      out.stream() << text;
      if (!out.commit()) report_failure(o.dot, out.error());
    }
  }
  if (!o.svg.empty()) {
    std::string error;
    std::string svg = render_svg(graph, dot_options, error);
    OutputFile out(o.svg);
    if (!error.empty() || !out.ok()) {
      report_failure(o.svg, error.empty() ? out.error() : error);
    } else {
      out.stream() << svg;
      if (!out.commit()) report_failure(o.svg, out.error());
    }
  }
  // Like the progress line, the summary is for a person at a terminal;
  // scripts and pipelines get silence unless something is wrong.
  // Failed inputs are a problem, so their count is always written.
  const std::size_t n_inputs = n_docs_ok + n_failed;
  if (!o.quiet && ::isatty(2)) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "quotegraph: " << n_docs_ok << "/" << n_inputs << " documents, " << n_failed << " failed, "
              << n_claims << " claims, " << graph.entity_count() << " entities in " << secs << " s\n";
  } else if (n_failed > 0) {
    std::cerr << "quotegraph: " << n_failed << " of " << n_inputs << " inputs failed, " << n_docs_ok
              << " documents read\n";
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
  sub->add_option("--data", opt->data_dir,
                  "Folder of lexicons and gazetteers. Without it: $QUOTEGRAPH_DATA if set, else "
                  "../share/quotegraph/data beside this program's folder, else the source tree's data/ "
                  "(now: " + default_data_dir() + ")");
  sub->add_option("--max-document-bytes", opt->limits.max_document_bytes,
                  "Skip, with an error, a document larger than this")
      ->capture_default_str();
  sub->add_option("--max-paragraph-chars", opt->limits.max_paragraph_chars,
                  "Skip, with an error, a document with a paragraph longer than this (code points)")
      ->capture_default_str();
  sub->add_option("--max-quote-chars", opt->limits.quotes.max_quote_chars,
                  "Warn and drop a quotation longer than this (code points)")
      ->capture_default_str();
  sub->add_option("--max-quote-depth", opt->limits.quotes.max_depth,
                  "Warn and ignore quotation marks nested deeper than this")
      ->capture_default_str();
  sub->add_flag("!--no-dot-claims", opt->dot_claims, "DOT/SVG: draw only entities and their aggregated edges");
  sub->add_flag("-q,--quiet", opt->quiet, "No summary or progress on standard error (they are only written to a terminal anyway)");
  sub->footer(
      "With no output option, writes output/claims.jsonl, output/graph.graphml and output/graph.dot.\n"
      "Documents are named by their path relative to the folder argument they were found in\n"
      "(a file argument: its file name); two inputs that would share a name are named by\n"
      "their path relative to the deepest folder holding all inputs.\n"
      "Exit status: 0 ok, 1 bad input (reported as file:line:column: error: ...), 2 usage.");
  sub->callback([opt, &exit_code] { exit_code = run_extract(*opt); });
}

}  // namespace quotegraph::cli

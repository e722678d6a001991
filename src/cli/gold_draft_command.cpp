// `quotegraph gold-draft [--force] FILE.txt...`: writes FILE.gold.json beside
// each document, pre-filled from the extractor's output, for a person to
// correct into a gold annotation. An existing gold file is never replaced
// without --force, and the new one appears in a single rename, so an
// interrupted run cannot leave half a gold file behind.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "commands.h"
#include "quotegraph/eval/gold.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/status.h"
#include "quotegraph/text/text.h"

namespace quotegraph::cli {

namespace {

namespace fs = std::filesystem;

struct DraftOptions {
  std::vector<std::string> files;
  bool force = false;
};

// Writes `content` to `path` through a temporary file in the same directory
// and a rename, which replaces the target atomically. Returns "" or what
// went wrong.
std::string write_atomically(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot create " + tmp.string();
    out << content;
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      fs::remove(tmp, ignored);
      return "cannot write " + tmp.string();
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return "cannot rename " + tmp.string() + ": " + ec.message();
  }
  return {};
}

int run_gold_draft(const DraftOptions& options) {
  Diagnostics diags;
  auto pipeline = Pipeline::create(default_data_dir(), diags);
  for (const auto& d : diags.items()) std::cerr << format_diagnostic(d) << '\n';
  if (!pipeline) {
    std::cerr << "quotegraph gold-draft: error: the extractor could not load its data from "
              << default_data_dir() << '\n';
    return 1;
  }
  bool bad_input = diags.has_errors();
  // One registry for all the files, so an entity gets one id across them.
  EntityRegistry registry(pipeline->words());
  for (const auto& file : options.files) {
    const fs::path path(file);
    const std::string name = path.filename().string();
    if (name.size() <= 4 || name.compare(name.size() - 4, 4, ".txt") != 0) {
      std::cerr << file << ": error: not a NAME.txt document; the gold file of NAME.txt is "
                << "NAME.gold.json\n";
      bad_input = true;
      continue;
    }
    const fs::path target = path.parent_path() / (name.substr(0, name.size() - 4) + ".gold.json");
    std::error_code ec;
    if (!options.force && fs::exists(target, ec)) {
      std::cerr << target.string() << ": error: already exists; not overwritten (use --force)\n";
      bad_input = true;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in || in.bad()) {
      std::cerr << file << ": error: cannot read the document\n";
      bad_input = true;
      continue;
    }
    Diagnostics doc_diags;
    DocumentResult result = pipeline->process(name, bytes.str(), doc_diags);
    for (const auto& d : doc_diags.items()) std::cerr << format_diagnostic(d) << '\n';
    if (!result.ok) {
      bad_input = true;
      continue;
    }
    resolve_entities(result, name, registry);
    const auto decoded = decode_utf8(bytes.str());  // process() accepted it, so it decodes
    const GoldDocument draft = gold_draft(name, decoded.text(), result.claims);
    if (std::string problem = write_atomically(target, gold_to_json(draft)); !problem.empty()) {
      std::cerr << target.string() << ": error: " << problem << '\n';
      bad_input = true;
      continue;
    }
    std::cout << target.string() << ": " << draft.quotes.size() << " quotes, "
              << draft.entities.size() << " entities (a draft: check every field)\n";
  }
  return bad_input ? 1 : 0;
}

}  // namespace

void register_gold_draft(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DraftOptions>();
  CLI::App* sub = app.add_subcommand(
      "gold-draft", "Write NAME.gold.json beside each NAME.txt, pre-filled from the extractor");
  sub->add_option("files", options->files, "Documents (NAME.txt)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_flag("--force", options->force, "Overwrite an existing NAME.gold.json");
  sub->callback([options, &exit_code] { exit_code = run_gold_draft(*options); });
}

}  // namespace quotegraph::cli

// The HTML reader and the SQLite database of `quotegraph extract`. Both are
// built under temporary names beside their targets (the folder `DIR.tmp.PID`,
// the file `FILE.tmp.PID`) and renamed over them only when complete, so an
// interrupted run never leaves half a site or half a database. An existing
// folder is replaced only when it looks like an earlier site (it holds
// index.html) or is empty: anything else is refused rather than deleted.
#include "site_outputs.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "quotegraph/text/text.h"

namespace quotegraph::cli {

namespace {

namespace fs = std::filesystem;

void report(const std::string& path, const std::string& why) {
  std::cerr << path << ": error: cannot write output" << (why.empty() ? "" : ": " + why) << '\n';
}

std::string temp_name(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p + ".tmp." + std::to_string(::getpid());
}

}  // namespace

void add_site_output_options(CLI::App* sub, SiteOutputOptions& o) {
  sub->add_option("--html", o.html, "Static HTML reader: a page per article with its claims highlighted, and an index (folder)");
  sub->add_option("--sqlite", o.sqlite, "SQLite database of documents, claims, mentions, entities, aliases and targets");
}

SiteOutputs::SiteOutputs(const SiteOutputOptions& options) : options_(options) {
  if (!options_.html.empty()) html_.emplace();
  if (!options_.sqlite.empty()) {
    db_temp_ = temp_name(options_.sqlite);
    std::error_code ec;
    fs::remove(db_temp_, ec);  // our own name: a leftover of this pid only
    std::string error;
    db_ = ClaimsDatabase::create(db_temp_, error);
    if (!db_) {
      report(options_.sqlite, error);
      std::remove(db_temp_.c_str());
      ok_ = false;
    }
  }
}

SiteOutputs::~SiteOutputs() {
  if (!db_temp_.empty()) {
    db_.reset();
    std::error_code ec;
    fs::remove(db_temp_, ec);  // still there only when not renamed
  }
}

void SiteOutputs::add_document(const SourceDocument& doc, const std::vector<Claim>& claims) {
  add_document(doc.name, doc.meta, doc.bytes, count_code_points(doc.bytes), claims);
}

void SiteOutputs::add_document(const std::string& name, const DocumentMeta& meta, const std::string& text,
                               std::size_t length, const std::vector<Claim>& claims) {
  if (html_) html_->add_document(name, meta, text, claims);
  if (db_) {
    std::string error;
    if (!db_->add_document(name, meta, length, claims, error)) {
      report(options_.sqlite, error);
      db_.reset();
      ok_ = false;
    }
  }
}

bool SiteOutputs::finish(const EntityRegistry& registry, const ClaimGraph& graph) {
  if (db_) {
    std::string error;
    if (!db_->finish(registry, error)) {
      report(options_.sqlite, error);
      ok_ = false;
    }
    db_.reset();  // closes the file before it is renamed
    if (ok_ && std::rename(db_temp_.c_str(), options_.sqlite.c_str()) != 0) {
      report(options_.sqlite, "cannot rename " + db_temp_);
      ok_ = false;
    }
  }
  if (html_) {
    const std::string& dir = options_.html;
    const std::string temp = temp_name(dir);
    std::error_code ec;
    fs::remove_all(temp, ec);
    fs::create_directories(temp, ec);
    std::string error;
    bool written = !ec && html_->write(temp, registry, graph, error);
    if (ec) error = "cannot create " + temp + ": " + ec.message();
    if (written && fs::exists(dir, ec)) {
      // Replace an earlier site, never a folder of something else.
      const bool empty = fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
      if (!fs::is_directory(dir, ec) || (!empty && !fs::exists(fs::path(dir) / "index.html", ec))) {
        error = "exists and is not an earlier quotegraph HTML folder (no index.html): not replaced";
        written = false;
      } else {
        fs::remove_all(dir, ec);
      }
    }
    if (written) {
      fs::rename(temp, dir, ec);
      if (ec) {
        error = "cannot rename " + temp + ": " + ec.message();
        written = false;
      }
    }
    if (!written) {
      fs::remove_all(temp, ec);
      report(dir, error);
      ok_ = false;
    }
  }
  return ok_;
}

}  // namespace quotegraph::cli

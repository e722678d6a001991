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

#include "output_file.h"
#include "quotegraph/text/text.h"

namespace quotegraph::cli {

namespace {

namespace fs = std::filesystem;

std::string temp_name(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p + ".tmp." + std::to_string(::getpid());
}

// Writes `site` into a temporary folder beside `dir` and renames it over
// `dir`; an error Status (file `dir`) says why it could not, and the
// temporary folder is removed.
Status publish_html(HtmlSite& site, const std::string& dir, const EntityRegistry& registry,
                    const ClaimGraph& graph) {
  const std::string temp = temp_name(dir);
  auto failure = [&](std::string why) { return Status::error(DiagCode::kIoError, dir, 0, std::move(why)); };
  std::error_code ec;
  fs::remove_all(temp, ec);
  fs::create_directories(temp, ec);
  Status status = ec ? failure("cannot create " + temp + ": " + ec.message()) : site.write(temp, registry, graph);
  if (status && fs::exists(dir, ec)) {
    // Replace an earlier site, never a folder of something else.
    const bool empty = fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
    if (!fs::is_directory(dir, ec) || (!empty && !fs::exists(fs::path(dir) / "index.html", ec)))
      status = failure("exists and is not an earlier quotegraph HTML folder (no index.html): not replaced");
    else
      fs::remove_all(dir, ec);
  }
  if (status) {
    fs::rename(temp, dir, ec);
    if (ec) status = failure("cannot rename " + temp + ": " + ec.message());
  }
  if (!status) fs::remove_all(temp, ec);
  return status;
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
    Result<ClaimsDatabase> created = ClaimsDatabase::create(db_temp_);
    if (created) {
      db_.emplace(std::move(*created));
    } else {
      report_write_failure(options_.sqlite, created.status().message());
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
    if (Status added = db_->add_document(name, meta, length, claims); !added) {
      report_write_failure(options_.sqlite, added.message());
      db_.reset();
      ok_ = false;
    }
  }
}

bool SiteOutputs::finish(const EntityRegistry& registry, const ClaimGraph& graph) {
  if (db_) {
    if (Status committed = db_->finish(registry); !committed) {
      report_write_failure(options_.sqlite, committed.message());
      ok_ = false;
    }
    db_.reset();  // closes the file before it is renamed
    if (ok_ && std::rename(db_temp_.c_str(), options_.sqlite.c_str()) != 0) {
      report_write_failure(options_.sqlite, "cannot rename " + db_temp_);
      ok_ = false;
    }
  }
  if (html_) {
    if (Status published = publish_html(*html_, options_.html, registry, graph); !published) {
      report_write_failure(options_.html, published.message());
      ok_ = false;
    }
  }
  return ok_;
}

}  // namespace quotegraph::cli

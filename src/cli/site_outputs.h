// The per-document outputs of `quotegraph extract` besides claims and the
// graph: the HTML reader (--html DIR) and the SQLite claims database
// (--sqlite FILE). Both take each document as the extraction loop finishes
// it and are completed once every entity has its final name.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/export/claims_database.h"
#include "quotegraph/export/html.h"
#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph::cli {

struct SiteOutputOptions {
  std::string html;    // folder
  std::string sqlite;  // database file
  bool any() const { return !html.empty() || !sqlite.empty(); }
};

// Adds --html and --sqlite to `sub`.
void add_site_output_options(CLI::App* sub, SiteOutputOptions& options);

class SiteOutputs {
 public:
  // Opens what `options` asks for. A database that cannot be created is
  // reported on standard error and left out (ok() turns false).
  explicit SiteOutputs(const SiteOutputOptions& options);
  ~SiteOutputs();

  // Takes one processed document: `doc` as read (its bytes are the text)
  // and its claims with entity ids resolved.
  void add_document(const SourceDocument& doc, const std::vector<Claim>& claims);

  // The same from its parts: `text` may be empty when no HTML is written
  // (`quotegraph merge` has no text), `length` is the text's length in code
  // points, which the database keeps.
  void add_document(const std::string& name, const DocumentMeta& meta, const std::string& text,
                    std::size_t length, const std::vector<Claim>& claims);

  // Writes the HTML folder and commits the database (each under a
  // temporary name, renamed when complete). Problems go to standard error
  // as `path: error: …`; returns false when an output could not be written.
  bool finish(const EntityRegistry& registry, const ClaimGraph& graph);

  bool ok() const { return ok_; }

 private:
  SiteOutputOptions options_;
  std::optional<HtmlSite> html_;
  std::optional<ClaimsDatabase> db_;
  std::string db_temp_;
  bool ok_ = true;
};

}  // namespace quotegraph::cli

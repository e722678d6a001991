// HtmlSite: a static HTML reader for a corpus, written into one folder with
// no server and no external assets (styles inline, the network as inline
// SVG, hover text through `title`). One page per article with each claim
// highlighted in its text, coloured by speaker, and a side list of the
// claims (speaker, cue, kind, relation, targets) linking to them; an index
// page with the corpus's speakers and targets (claims per relation), the
// actor network and links to every article.
//
// Documents are spooled to a temporary file as they are added and the
// pages written at the end, once every entity has its final canonical name
// (the names then equal those of the claims file).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/graph/claim_graph.h"
#include "quotegraph/graph/record_spool.h"
#include "quotegraph/status.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph {

// The file name of the page of document number `index` (from 0) named
// `name`: "articles/000017-lemonde-2024-03.html"; characters other than
// ASCII letters, digits, '.', '-' and '_' become '_', and the name is cut to
// 60 bytes (the number keeps pages apart).
std::string html_page_name(std::size_t index, std::string_view name);

class HtmlSite {
 public:
  HtmlSite();
  ~HtmlSite();
  HtmlSite(HtmlSite&&) noexcept;
  HtmlSite& operator=(HtmlSite&&) noexcept;

  // Spools one document: its name, metadata, text (UTF-8, the bytes the
  // claims' offsets count code points of) and claims, whose entity ids are
  // resolved (names are looked up again at the end). Never fails; a text
  // that is not UTF-8 is shown with U+FFFD replacements.
  void add_document(std::string_view name, const DocumentMeta& meta, std::string_view text,
                    const std::vector<Claim>& claims);
  std::size_t document_count() const;

  // Writes `dir`/index.html, `dir`/articles.html and `dir`/articles/*.html
  // into an existing folder `dir`. Names come from `registry`, counts per
  // relation and the network from `graph` (which may be empty: the index
  // then has no network). Returns an error Status (kIoError) whose file
  // and message name the file that cannot be written ("DIR/index.html:
  // cannot write"), or saying that the spool cannot be read back.
  Status write(const std::string& dir, const EntityRegistry& registry, const ClaimGraph& graph);

 private:
  std::unique_ptr<RecordSpool> spool_;
};

}  // namespace quotegraph

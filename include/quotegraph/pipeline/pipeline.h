// Pipeline: the whole extraction for one document, stage after stage:
// decode -> segment -> detect quotes -> find reported speech and attribute
// speakers -> resolve entities -> claims. Holds the lexicons, loaded once.
// One Pipeline per thread (the segmenter owns an ICU iterator).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/structure/document.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/quotes/quote_detector.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Where the data files are, first match wins: $QUOTEGRAPH_DATA if set and
// not empty; else ../share/quotegraph/data beside the running executable's
// folder (an installed or relocated `bin/quotegraph`); else the source
// tree's data/ (a binary in the build tree); else the share/quotegraph/data
// of the prefix configured at build time. A --data option, where a command
// has one, comes before all of these. Never fails (the last candidate is
// returned even when it does not exist; loading it then reports it).
std::string default_data_dir();

// The same search from a given executable path (as /proc/self/exe gives it)
// and value of QUOTEGRAPH_DATA (nullptr when unset): for tests.
std::string find_data_dir(const std::string& executable, const char* env_value);

struct DocumentResult {
  bool ok = false;              // false when the document was skipped (bad input)
  std::vector<Claim> claims;    // ordered by start offset
  std::vector<DocEntity> entities;  // in-document entities, one per real-world entity
  // For each claim, index into `entities` of the speaker (-1 if none) and of the targets.
  std::vector<int> speaker_entity;
  std::vector<std::vector<int>> target_entities;
};

// Time spent in each stage by one Pipeline, in CPU seconds of the threads
// that called it, summed over the documents it processed since profiling
// was turned on.
struct StageTimes {
  double decode = 0;       // UTF-8 to code points
  double segment = 0;      // paragraphs, sentences, tokens
  double quotes = 0;       // quotation marks
  double attribution = 0;  // cues, speakers, targets
  double entities = 0;     // in-document coreference and claim records
  std::size_t documents = 0;  // documents analysed to the end (rejected ones not counted)
  // Adds every stage and the document count of `o` (the workers' sum).
  StageTimes& operator+=(const StageTimes& o);
};

// Bounds on one document, so that no input can make the pipeline run for
// ever or exhaust memory. The defaults are stated in the README.
struct Limits {
  std::size_t max_document_bytes = std::size_t{64} << 20;  // 64 MB
  std::size_t max_paragraph_chars = 1000000;               // code points
  QuoteLimits quotes;  // longest quotation, deepest nesting
};

class Pipeline {
 public:
  // Loads the lexicons from `data_dir`. Problems with data files go to
  // `diags`, the errors that stop a loader too (so one run names every
  // missing file); an error Status, the first of them, when a required
  // file is missing.
  static Result<Pipeline> create(const std::string& data_dir, Diagnostics& diags);

  // Another pipeline over the lexicons, gazetteers and Hunspell dictionary
  // this one loaded (they are read-only and shared, not loaded again), for
  // another thread: it has its own caches, segmenter and stage clock,
  // default limits and profiling off. It gives the same results as this
  // one. Never fails.
  Pipeline another() const;

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Extracts the claims of one document from its raw bytes. Invalid UTF-8,
  // an empty text or a limit exceeded gives ok=false plus a diagnostic naming
  // `name` and the offset (its line and column filled in); unbalanced quotation marks give warnings and the rest is still
  // processed. Claims carry document=`name` and unresolved EntityRefs
  // (ids empty): resolve them with resolve_entities().
  DocumentResult process(std::string_view name, std::string_view bytes, Diagnostics& diags) const;

  // The limits process() and process_text() enforce: a document over
  // max_document_bytes or with a paragraph over max_paragraph_chars is
  // skipped (ok=false) with a kLimit error naming it; quotations beyond
  // the quote limits give kLimit warnings (see detect_quotes).
  void set_limits(const Limits& limits);
  const Limits& limits() const;

  // The word classes read from data/words.tsv, valid while the pipeline
  // lives: an EntityRegistry that resolves its results reads them too.
  const WordClasses& words() const;

  // Same, from decoded text (tests).
  DocumentResult process_text(std::string_view name, std::u32string text, Diagnostics& diags) const;

  // Turns the per-stage clock on or off (off by default: it reads the
  // thread's CPU clock six times per document). Turning it on resets stage_times().
  void set_profiling(bool on);
  // The time spent per stage since profiling was turned on; all zero when
  // it is off.
  StageTimes stage_times() const;

 private:
  Pipeline();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Registers the document's entities in `registry` and fills the ids and
// canonical names of every speaker and target of `result.claims`. A
// non-empty `day` (the document's date, YYYY-MM-DD) widens the first/last
// dates of every entity of the document.
void resolve_entities(DocumentResult& result, std::string_view document, EntityRegistry& registry,
                      std::string_view day = {});

}  // namespace quotegraph

// Map records: what `quotegraph map` writes for each document and
// `quotegraph merge` reads back, one JSON object per line, so that the
// per-document work can run anywhere (Hadoop Streaming, Spark's RDD.pipe,
// GNU parallel) and the corpus-wide entity merge runs once afterwards. The
// records of one document are contiguous: a `document` record announcing how
// many `entity` and `claim` records follow, then those records, which refer
// to each other by their index within the document. Nothing in a record
// depends on another document, so any split of a corpus maps to the same
// records. The format is documented in README.md ("Map records").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/structure/document_source.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Appends to `out` the records of document `name` with its unresolved
// `result` (as Pipeline::process returns it) and its metadata, each line
// ending in '\n' (`length`: of the text, in code points):
//   {"record":"document","document":…,"claims":N,"entities":M,"length":L,
//    "date":…,"source":…,"url":…,"title":…}   (metadata keys only when given)
//   {"record":"entity","document":…,"index":i,"name":…,"type":…,
//    "given_name":…,"surname":…,"role":…,"state":…,"gender":"m"|"f"|null,
//    "key":…,"mentions":[…]}                                 (M lines)
//   {"record":"claim", <the claims JSONL keys>, "index":k,
//    "speaker_entity":i|null,"target_entities":[i|null,…]}   (N lines)
// Claims carry `document` = `name` and no ids yet. Strings that are not
// UTF-8 are written with U+FFFD. Never fails.
void append_map_records(std::string& out, std::string_view name, const DocumentResult& result,
                        const DocumentMeta& meta = {}, std::uint64_t length = 0);

// One document put back together from its records.
struct MappedDocument {
  std::string name;
  DocumentResult result;
  DocumentMeta meta;
  std::uint64_t length = 0;  // of the text, in code points (0 when not given)
};

// Reads map records line by line and hands back each document once all its
// records have arrived. Bad lines (not JSON, unknown record, a field of the
// wrong type, an index out of range, a claim or entity of another document
// than the one announced, a document whose records stop short) are reported
// as kBadClaims errors naming the source and line, with a quote of the line;
// the document they belong to is dropped and reading goes on with the next
// `document` record.
class MapRecordReader {
 public:
  // Reads one line (a trailing '\r' and blank lines are accepted). Returns
  // true and fills `done` when the line completes a document.
  bool feed(std::string_view line, const std::string& source, std::size_t line_number,
            MappedDocument& done, Diagnostics& diags);

  // Ends one input: a document still waiting for records is reported as
  // incomplete and dropped. Call before reading the next source.
  void finish(const std::string& source, std::size_t line_number, Diagnostics& diags);

 private:
  void drop_pending(const std::string& source, std::size_t line_number, Diagnostics& diags);
  // Starts the records of document `name`, announced on `line_number`.
  void begin_document(const std::string& name, std::size_t line_number);
  // Makes room for the records the document record announced.
  void expect_records(std::size_t claims, std::size_t entities);
  // An error Status when `index` is beyond the claims (or entities)
  // announced or was seen before.
  Status check_index(bool is_claim, std::size_t index) const;
  // Moves the pending document into `done` when all its records arrived.
  bool take_complete(MappedDocument& done);

  bool pending_ = false;
  bool broken_ = false;  // the pending document had a bad record: skip the rest of it
  std::size_t pending_line_ = 0;
  MappedDocument doc_;
  std::size_t claims_expected_ = 0, entities_expected_ = 0;
  std::size_t claims_seen_ = 0, entities_seen_ = 0;
  std::vector<char> claim_seen_, entity_seen_;
};

}  // namespace quotegraph

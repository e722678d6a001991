// DocumentSpool: the analysed documents of a corpus, kept on disk until all
// of them have arrived, then handed back one at a time in one canonical
// order: by document name, and for equal names by content. The corpus-wide
// entity registry merges entities greedily (the first spelling met names an
// id, the most frequent candidate wins an ambiguous surname), so its result
// depends on the order it sees documents in; replaying every run in the
// canonical order makes `extract` over any ordering of the same documents,
// and `merge` over any split of them into map outputs, give one result.
// Memory holds an index of the documents (24 bytes plus the name per
// document), never their claims.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph {

// One document as the spool hands it back.
struct SpooledDocument {
  std::string name;
  DocumentMeta meta;
  std::string text;          // as given to add(), often empty (kept only for the HTML pages)
  std::uint64_t length = 0;  // of the document's text, in code points
  DocumentResult result;
};

class DocumentSpool {
 public:
  // A spool in a new anonymous temporary file under `directory` (removed by
  // the system when the spool is destroyed, even after a crash). ok() is
  // false, and status() says why (kIoError), when the file cannot be made.
  explicit DocumentSpool(const std::string& directory);
  ~DocumentSpool();
  DocumentSpool(DocumentSpool&&) noexcept;
  DocumentSpool& operator=(DocumentSpool&&) noexcept;

  bool ok() const { return status_.ok(); }
  // Ok, or the first error of the spool: its file and what failed.
  const Status& status() const { return status_; }

  // Appends document `name`, its (unresolved) result, its metadata (date,
  // source, url, title), its text (pass "" when no output needs it) and the
  // text's length in code points. Returns false and sets status() when the
  // disk is full or the spool is broken; nothing is kept of that document
  // then.
  bool add(std::string_view name, const DocumentResult& result, const DocumentMeta& meta = {},
           std::string_view text = {}, std::uint64_t length = 0);
  // The same in two steps, so that the encoding can run on the thread that
  // analysed the document: add_record(name, encode_spool_record(result,
  // meta, text, length)) is add(name, result, meta, text, length).
  bool add_record(std::string_view name, std::string_view record);

  // Makes room in the index for `documents` documents whose names take
  // `name_bytes` bytes in all, so that adding them does not grow it by
  // doubling. A hint only: adding more still works. Never fails.
  void reserve(std::size_t documents, std::uint64_t name_bytes);
  // Documents added so far.
  std::size_t size() const { return index_.size(); }

  // Calls `visit(document)` once per document, in canonical order:
  // names compared bytewise, equal names by their serialised content, so
  // the order depends only on the set of documents added. Returns false and
  // sets status() when the spool cannot be read back.
  bool replay(const std::function<void(SpooledDocument&)>& visit);

 private:
  // Records and names are stored back to back, so an entry's sizes are
  // where the next entry starts (24 bytes a document).
  struct Entry {
    std::uint64_t name_offset = 0;  // into names_
    std::uint64_t offset = 0;       // of the record in the file
    std::uint64_t hash = 0;         // of the record: set by replay() for equal names only
  };
  std::FILE* file_ = nullptr;
  std::uint64_t end_ = 0;
  std::string names_;  // every name, back to back
  std::vector<Entry> index_;
  std::string path_;  // of the spool file, unlinked once open: for status()
  Status status_;
  // Sets status() to an error (kIoError) saying `message` about the spool file.
  void fail(const std::string& message);
  // Reads record `k` into `bytes`; false on a read error (status() untouched).
  bool read_record(std::size_t k, std::string& bytes);
  // Orders the runs of equal names in `order` (sorted by name) by their
  // records' hashes and sizes, reading those records through `bytes`;
  // false (and fail()) on a read error.
  bool order_equal_names(std::vector<std::uint32_t>& order, std::string& bytes);
  std::string_view name_of(std::size_t k) const;
  std::uint64_t record_size(std::size_t k) const;
};

// The bytes DocumentSpool stores for `result` (name excluded), and back.
// Exposed for the tests: decoding what encoding wrote gives an equal
// result; truncated or foreign bytes give false.
std::string encode_document_result(const DocumentResult& result);
// The bytes DocumentSpool::add stores for one document: its metadata, the
// length of its text in code points, the text (often empty) and its result.
// Touches no spool: safe on any thread. Never fails.
std::string encode_spool_record(const DocumentResult& result, const DocumentMeta& meta, std::string_view text,
                                std::uint64_t length);
bool decode_document_result(std::string_view bytes, DocumentResult& result);

}  // namespace quotegraph

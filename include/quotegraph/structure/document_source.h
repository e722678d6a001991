// DocumentSource: the documents of a corpus, one at a time, whatever the
// files look like. A `.txt` file (or standard input) is one document named
// by its path under the folder argument it was found in; a `.jsonl` file
// holds one document per line, the shape news crawlers and corpus tools
// write:
//   {"id": "lemonde-2024-0312-17", "text": "Le ministre a déclaré …",
//    "date": "2024-03-12", "source": "Le Monde", "url": "https://…", "title": "…"}
// Only `id` and `text` are required. Memory holds one document at a time
// (plus one line of the JSONL file being read), so a corpus of any size
// streams through; nothing is decoded here, the pipeline does that. What
// cannot be read is reported with the system's reason and left out, and
// counted (skipped()), so that nothing is dropped silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/status.h"

namespace quotegraph {

// What a JSONL document may say about itself besides its text. Each field
// is empty when not given. `date` is kept as written ("2024-03-12",
// "2024-03-12T08:30:00+01:00"); day() gives its calendar day.
struct DocumentMeta {
  std::string date;
  std::string source;  // outlet or feed: "Le Monde", "AFP"
  std::string url;
  std::string title;

  bool empty() const { return date.empty() && source.empty() && url.empty() && title.empty(); }
  // "YYYY-MM-DD" when `date` starts with a valid ISO 8601 calendar date
  // ("2024-03-12T08:30:00Z" gives "2024-03-12"), else "" ("12/03/2024",
  // "2024-13-01" give ""). This is the day timelines and first/last dates use.
  std::string day() const;
};

// True when `date` starts with a valid ISO 8601 calendar date YYYY-MM-DD
// (month 01-12, day valid for the month, leap years included) followed by
// nothing or a time part starting with 'T' or ' '.
bool is_iso_date(std::string_view date);

// One document as read, not yet decoded.
struct SourceDocument {
  // The name claims and entities carry: for a text file its path relative
  // to the folder argument it was found in ("a.txt", "2024/a.txt"), its file
  // name when given as an argument, or, when two text inputs would share a
  // name, its path relative to the deepest folder holding every text input
  // (see name_documents); "stdin" for standard input; the `id` for a JSONL
  // document.
  std::string name;
  // Where it came from, for diagnostics: the path of a text file, or
  // "path:line" for a JSONL document (line counted from 1).
  std::string origin;
  // The line of the JSONL file it was read from (from 1), 0 for a text file.
  std::size_t line = 0;
  std::string bytes;  // the text as UTF-8 bytes (not validated yet)
  DocumentMeta meta;
};

struct SourceOptions {
  // Standard input ("-") holds JSONL documents rather than one text.
  bool stdin_jsonl = false;
  // A text file (or standard input) larger than this, or a JSONL line longer
  // than this, is refused before it is read into memory (64 MB, as
  // Limits::max_document_bytes of the pipeline).
  std::size_t max_document_bytes = std::size_t{64} << 20;
};

// One text input: its path as given or found ("-": standard input) and the
// name its claims carry.
struct NamedInput {
  std::string path;
  std::string name;
};

// Gives each text input of `inputs` a name that no other one has. Each
// arrives named by its path relative to the folder argument it was found in
// (or its file name, or "stdin"); every input whose name is shared with
// another is renamed by its path relative to the deepest folder holding all
// of `inputs` (a/x.txt and b/x.txt become "a/x.txt" and "b/x.txt"). The
// same file given twice keeps its name (it is read twice). Never fails.
void name_documents(std::vector<NamedInput>& inputs);

class DocumentSource {
 public:
  // Takes files, folders and "-" (standard input). A folder gives every
  // `*.txt` and `*.jsonl` file below it in sorted path order; a named file
  // is JSONL when its name ends in `.jsonl`, text otherwise. A path that
  // does not exist ("cannot open: No such file or directory"), a folder
  // that cannot be listed, and a folder without any .txt or .jsonl file
  // below it each add a kIoError to `diags` naming the path, count as
  // skipped, and are left out; the others are still read.
  DocumentSource(const std::vector<std::string>& inputs, Diagnostics& diags,
                 SourceOptions options = {});
  ~DocumentSource();
  DocumentSource(DocumentSource&&) noexcept;
  DocumentSource& operator=(DocumentSource&&) noexcept;

  // Fills `doc` with the next document and returns true, or returns false
  // when every input has been read. A file that cannot be opened or read
  // (the reason from strerror: "cannot open: Permission denied"), a text
  // file or JSONL line over `max_document_bytes` (refused before reading
  // it, from its size), a JSONL line that is not a JSON object, or one
  // without a string `text` or without an `id` (string or number) adds an
  // error to `diags` naming the file (and line: "crawl.jsonl:12 (line):
  // error: missing \"text\""), counts as skipped and is left out; reading
  // goes on with the next line or file. A metadata field
  // of the wrong type, or a `date` that is not ISO 8601, adds a warning and
  // the document is kept (the bad field left out, a bad date kept as
  // written but without day()). A JSONL file whose first document line has
  // no `text` (a claims file, say) is skipped whole with one error.
  bool next(SourceDocument& doc, Diagnostics& diags);

  // How many input files there are after folders were expanded (standard
  // input counts as one).
  std::size_t file_count() const;
  // Bytes of the names of the text inputs' documents, all together (JSONL
  // documents, named by their ids, not counted): with file_count(), room
  // to reserve for an index of the documents.
  std::uint64_t name_bytes() const;
  // Bytes of all regular input files (0 for standard input), and the bytes
  // consumed so far: the fraction of the work done, for a progress line.
  std::uint64_t bytes_total() const;
  std::uint64_t bytes_read() const;
  // True when some input is read as JSONL (the number of documents is then
  // not known in advance).
  bool has_jsonl() const;
  // True when the documents will come in DocumentSpool's canonical order:
  // no JSONL input (its ids are known only once read) and the names of the
  // text inputs strictly ascending, compared bytewise, in the order they
  // are read (a folder's files sorted by path usually are). `extract` then
  // registers each document as soon as it is analysed instead of spooling
  // them all first.
  bool names_ascending() const;
  // Inputs and documents left out with an error so far: paths that name
  // nothing, folders without documents, files that cannot be read or are
  // too large, bad JSONL lines, JSONL files skipped whole.
  std::size_t skipped() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses one JSONL document line into a SourceDocument with its name,
// bytes and meta (origin and line left empty for the caller). A bad line
// gives an error Status (kBadData, no file: the caller knows it) whose
// message says what is wrong ("missing \"text\"", "not a JSON document
// line"). Metadata problems that do not stop the document are appended to
// `warnings`.
Result<SourceDocument> parse_document_line(std::string_view line, std::vector<std::string>& warnings);

}  // namespace quotegraph

// Diagnostics: how the library reports bad input without throwing or
// printing. Every stage appends to a Diagnostics list; the CLI turns each
// entry into a `file:offset: error: message «excerpt»` line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace quotegraph {

enum class Severity { kWarning, kError };

enum class DiagCode {
  kIoError,          // a file could not be read or written
  kInvalidUtf8,      // the bytes are not UTF-8; offset is a byte offset
  kEmptyDocument,    // nothing but white space
  kUnbalancedQuote,  // an opening mark with no closing partner in its paragraph
  kStrayQuote,       // a closing mark with no opening partner
  kBadData,          // a lexicon or gazetteer line that cannot be read
  kBadGold,          // a gold annotation file that breaks GOLD_FORMAT.md
  kBadClaims,        // a claims JSONL line that cannot be read
  kControlCharacter, // NUL or another C0 control character in a document
  kLimit,            // input beyond a configured limit (size, paragraph, quotation, nesting)
};

// One problem found in one input. `offset` counts code points into the
// document text, except for kInvalidUtf8 where it counts bytes (the text
// could not be decoded, so there are no code points yet): `offset_unit`
// says which, so a message never mixes the two.
struct Diagnostic {
  Severity severity = Severity::kError;
  DiagCode code = DiagCode::kIoError;
  std::string file;            // document or data file name as given
  std::size_t offset = 0;
  const char* offset_unit = "char";  // "char" (code point), "byte" or "line"
  std::string message;         // what is wrong, in plain English
  std::string excerpt;         // a short quote of the offending input (any bytes)
  // 1-based line and column (code points) of `offset` in the document, or 0
  // when not known (locate_diagnostics() in text/excerpt.h fills them).
  std::size_t line = 0;
  std::size_t column = 0;
};

// An append-only list of diagnostics. Never fails.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(DiagCode code, std::string file, std::size_t offset, std::string message,
             std::string excerpt = {}, const char* unit = "char");
  void warning(DiagCode code, std::string file, std::size_t offset, std::string message,
               std::string excerpt = {}, const char* unit = "char");
  void append(const Diagnostics& other);
  const std::vector<Diagnostic>& items() const { return items_; }
  // The entry at `index` (< size()), to complete it (its line and column).
  Diagnostic& at(std::size_t index) { return items_.at(index); }
  std::size_t size() const { return items_.size(); }
  bool has_errors() const;
  bool empty() const { return items_.empty(); }
  void clear() { items_.clear(); }

 private:
  std::vector<Diagnostic> items_;
};

// Formats `d` as one line. With a known line and column:
// `file:LINE:COLUMN: error: message «excerpt»` (a byte offset is added as
// ` (byte N)` after the message); otherwise `file:offset: error: …`, the
// offset followed by ` (byte)` or ` (line)` when it is not a code point
// offset. The excerpt goes through escape_controls(): control characters
// and bytes that are not UTF-8 are written as \xNN, so the terminal never
// receives them raw and the message stays one line.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace quotegraph

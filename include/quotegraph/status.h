// Diagnostics, Status and Result: how the library reports bad input
// without throwing or printing. Every stage appends per-document problems to
// a Diagnostics list; a function that fails as a whole (a loader, reader or
// writer whose file cannot be opened, parsed or written) returns a Status or
// a Result<T> that carries one error with its file, offset and message. The
// CLI turns both into `file:offset: error: message «excerpt»` lines.
#pragma once

#include <cassert>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
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

// The outcome of an operation that can fail as a whole: ok, or one error
// with the fields of a Diagnostic (code, file, offset and its unit, message,
// excerpt), so the CLI reports both alike. A default Status is ok.
//   Status s = Status::error(DiagCode::kIoError, "out.graphml", 0, "cannot write");
//   if (!s) std::cerr << s.to_string();  // out.graphml:0: error: cannot write
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status error(DiagCode code, std::string file, std::size_t offset, std::string message,
                      std::string excerpt = {}, const char* unit = "char");
  // An error from a Diagnostic (its severity is made kError).
  static Status from(Diagnostic d);
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  // The error; only when !ok().
  const Diagnostic& diagnostic() const {
    assert(error_);
    return *error_;
  }
  // The error's message, "" when ok.
  const std::string& message() const;
  // "ok", or the error as format_diagnostic() writes it.
  std::string to_string() const;
  // Adds the error to `diags` (nothing when ok).
  void report(Diagnostics& diags) const;

 private:
  std::optional<Diagnostic> error_;
};

// A value of type T, or the Status that says why there is none.
//   Result<Lexicon> lex = Lexicon::load("data", diags);
//   if (!lex) return lex.status();
//   lex->forms("déclaré");
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit, as std::optional
  // `status` must be an error: a Result is never empty and ok.
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT
  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Status& status() const { return status_; }
  // The value; only when ok().
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace quotegraph

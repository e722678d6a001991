// Excerpts of input for one-line messages: the one place that decides how
// arbitrary bytes are shown to a person (control characters and bytes that
// are not UTF-8 escaped, so a terminal never receives them raw), how an
// excerpt is cut, and how a code point offset becomes a line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/status.h"

namespace quotegraph {

// Returns `bytes` safe to print on one terminal line: valid UTF-8 is kept,
// except control characters (C0, DEL, and the C1 range U+0080..U+009F),
// written as \xNN (C0, DEL) or \u0085 (C1); each byte that starts no valid
// UTF-8 sequence (decoded through ICU) is written as \xNN with its value.
// "a\tb\xFF" gives "a\\x09b\\xFF". Never fails.
std::string escape_controls(std::string_view bytes);

// Cuts UTF-8 `text` to at most `max_bytes` bytes on a code point boundary
// and appends "…" when anything was cut. Bytes that are not UTF-8 are cut
// like any others (escape_controls makes them printable). Never fails.
std::string cut_excerpt(std::string_view text, std::size_t max_bytes);

// The same for decoded text: at most `max_chars` code points of `text`
// from `begin` (clamped to the text), "…" appended when cut.
std::string cut_excerpt(std::u32string_view text, std::size_t begin, std::size_t max_chars);

// A 1-based line and column; columns count code points.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Line and column of each offset of `offsets` in the UTF-8 `bytes`, in the
// same order, in one pass over the text. An offset counts code points, or
// bytes when `in_bytes` is true (only the bytes before the first invalid
// sequence need be UTF-8: an invalid byte counts as one column). A line
// ends after each LF; CR counts as a column. An offset past the end gives
// the position just after the last character. "ab\ncd", offset 4 gives 2:2.
std::vector<TextPosition> positions_of(std::string_view bytes, const std::vector<std::size_t>& offsets,
                                       bool in_bytes);

// Fills the line and column of the diagnostics of `diags` from index `first`
// on whose file is `file`, from the document's raw `bytes` (offsets in code
// points, or in bytes for kInvalidUtf8). Diagnostics with a "line" offset are
// left as they are. Never fails.
void locate_diagnostics(Diagnostics& diags, std::size_t first, std::string_view file,
                        std::string_view bytes);

}  // namespace quotegraph

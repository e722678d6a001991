// The one reader of the data files (data/*.tsv): lines of tab-separated
// fields, `#` comments and blank lines skipped, each line checked to be
// UTF-8, with its 1-based number kept for diagnostics.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "quotegraph/status.h"

namespace quotegraph {

// One data line: its number in the file (1-based), its text (a trailing CR
// and, on line 1, a UTF-8 BOM removed) and its fields (split at each tab,
// spaces and CR trimmed from both ends of each field).
struct TsvLine {
  std::size_t number = 0;
  std::string text;
  std::vector<std::string> fields;
};

// Reads the data lines of `path`. Blank lines (spaces and tabs only) and
// comment lines (first non-blank character `#`) are skipped. A line that is
// not valid UTF-8 adds a kBadData error (offset unit "line", excerpt cut
// and escaped) and is skipped. Returns nullopt, without a diagnostic, when
// the file cannot be opened: the caller names what the file is for.
// "verbe\tque\n# note\n\nx" gives two lines, numbered 1 and 4.
std::optional<std::vector<TsvLine>> read_tsv(const std::string& path, Diagnostics& diags);

// `s` split at each `sep`, each piece trimmed of spaces and CR.
std::vector<std::string> split_fields(const std::string& s, char sep);

}  // namespace quotegraph

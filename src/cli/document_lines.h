// JSONL documents as `quotegraph map` reads them: one JSON object per line
// with a string `id` and a string `text` (other keys, such as date, source,
// url and title, are kept aside). A stop-gap reader until `extract` reads
// JSONL documents itself (outputs issue, item 1), when map will use that.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quotegraph::cli {

struct DocumentLine {
  std::string id;
  std::string text;  // UTF-8 as given in the JSON string
};

// Parses one line. Returns nullopt and sets `error` (plain English naming
// the field at fault) when the line is not a JSON object with a non-empty
// string `id` and a string `text`.
std::optional<DocumentLine> parse_document_line(std::string_view line, std::string& error);

}  // namespace quotegraph::cli

// JSONL document lines parsed with nlohmann::json, strict about the two
// fields map needs and silent about the others.
#include "document_lines.h"

#include <nlohmann/json.hpp>

namespace quotegraph::cli {

std::optional<DocumentLine> parse_document_line(std::string_view line, std::string& error) {
  nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  DocumentLine doc;
  auto id = j.find("id");
  if (id == j.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    error = "\"id\" must be a non-empty string";
    return std::nullopt;
  }
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    error = "\"text\" must be a string";
    return std::nullopt;
  }
  doc.id = id->get<std::string>();
  doc.text = text->get<std::string>();
  return doc;
}

}  // namespace quotegraph::cli

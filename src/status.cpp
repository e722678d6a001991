// Diagnostics list and its one-line rendering for the command line.
#include "quotegraph/status.h"

#include <algorithm>
#include <cstdio>

namespace quotegraph {

void Diagnostics::error(DiagCode code, std::string file, std::size_t offset, std::string message,
                        std::string excerpt, const char* unit) {
  add(Diagnostic{Severity::kError, code, std::move(file), offset, unit, std::move(message),
                 std::move(excerpt)});
}

void Diagnostics::warning(DiagCode code, std::string file, std::size_t offset,
                          std::string message, std::string excerpt, const char* unit) {
  add(Diagnostic{Severity::kWarning, code, std::move(file), offset, unit, std::move(message),
                 std::move(excerpt)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  out += ':';
  out += std::to_string(d.offset);
  if (std::string_view(d.offset_unit) != "char") {
    out += " (";
    out += d.offset_unit;
    out += ')';
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  if (!d.excerpt.empty()) {
    out += " \xC2\xAB";  // «
    for (unsigned char c : d.excerpt) {
      // Control bytes would break the one-line format; UTF-8 lead and
      // continuation bytes (>= 0x80) pass through.
      if (c < 0x20 || c == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
    out += "\xC2\xBB";  // »
  }
  return out;
}

}  // namespace quotegraph

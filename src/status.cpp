// Diagnostics list and its one-line rendering for the command line. The
// rendering escapes excerpts with the text stage's escape_controls(), the
// one helper for showing input bytes (this file sits under every stage).
#include "quotegraph/status.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "quotegraph/text/excerpt.h"

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
  const bool in_bytes = std::string_view(d.offset_unit) == "byte";
  if (d.line > 0) {
    out += std::to_string(d.line) + ':' + std::to_string(d.column);
  } else {
    out += std::to_string(d.offset);
    if (std::string_view(d.offset_unit) != "char") {
      out += " (";
      out += d.offset_unit;
      out += ')';
    }
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += escape_controls(d.message);
  if (d.line > 0 && in_bytes) out += " (byte " + std::to_string(d.offset) + ")";
  if (!d.excerpt.empty()) {
    out += " \xC2\xAB";  // «
    out += escape_controls(d.excerpt);
    out += "\xC2\xBB";  // »
  }
  return out;
}

Status Status::error(DiagCode code, std::string file, std::size_t offset, std::string message,
                     std::string excerpt, const char* unit) {
  Status s;
  s.error_ = Diagnostic{Severity::kError, code, std::move(file), offset, unit, std::move(message),
                        std::move(excerpt)};
  return s;
}

Status Status::from(Diagnostic d) {
  Status s;
  d.severity = Severity::kError;
  s.error_ = std::move(d);
  return s;
}

const std::string& Status::message() const {
  static const std::string kNone;
  return error_ ? error_->message : kNone;
}

std::string Status::to_string() const { return error_ ? format_diagnostic(*error_) : "ok"; }

void Status::report(Diagnostics& diags) const {
  if (error_) diags.add(*error_);
}

}  // namespace quotegraph

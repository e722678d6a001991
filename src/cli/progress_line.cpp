// ProgressLine: the line is drawn after a carriage return and erased with
// spaces over its previous width (a terminal's erase-line escape would do,
// but spaces work on any terminal and in `script` logs alike).
#include "progress_line.h"

#include <cstdio>

namespace quotegraph::cli {

std::string group_digits(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_progress(std::uint64_t docs, std::uint64_t claims, std::uint64_t bytes_read,
                            std::uint64_t bytes_total, double seconds) {
  std::string out;
  const bool known = bytes_total > 0;
  if (known) {
    const std::uint64_t read = bytes_read > bytes_total ? bytes_total : bytes_read;
    char pct[16];
    std::snprintf(pct, sizeof pct, "%3d%%", static_cast<int>(100.0 * static_cast<double>(read) / static_cast<double>(bytes_total)));
    out += pct;
    out += " | ";
  }
  out += group_digits(docs) + " docs";
  if (seconds > 0) {
    out += " | " + group_digits(static_cast<std::uint64_t>(static_cast<double>(docs) / seconds + 0.5)) + " docs/s";
  }
  out += " | " + group_digits(claims) + " claims";
  if (known && seconds > 0 && bytes_read > 0 && bytes_read < bytes_total) {
    const double left = seconds * static_cast<double>(bytes_total - bytes_read) / static_cast<double>(bytes_read);
    const auto s = static_cast<std::uint64_t>(left + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(s / 3600),
                                 static_cast<unsigned long long>(s / 60 % 60), static_cast<unsigned long long>(s % 60));
    else std::snprintf(buf, sizeof buf, "%llu:%02llu", static_cast<unsigned long long>(s / 60), static_cast<unsigned long long>(s % 60));
    out += " | ";
    out += buf;
    out += " left";
  }
  return out;
}

ProgressLine::ProgressLine(std::ostream& out, bool enabled)
    : out_(out), enabled_(enabled), started_(std::chrono::steady_clock::now()) {}

std::string ProgressLine::line() const {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return format_progress(docs_, claims_, read_, total_, seconds);
}

void ProgressLine::update(std::uint64_t docs, std::uint64_t claims, std::uint64_t bytes_read,
                          std::uint64_t bytes_total, bool force) {
  docs_ = docs;
  claims_ = claims;
  read_ = bytes_read;
  total_ = bytes_total;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && shown_ && now - drawn_ < std::chrono::milliseconds(100)) return;
  redraw();
}

void ProgressLine::clear() {
  if (!enabled_ || !shown_) return;
  out_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  shown_ = false;
}

void ProgressLine::redraw() {
  if (!enabled_) return;
  const std::string text = line();
  // Spaces after a shorter line erase the end of the longer one before it.
  out_ << '\r' << text;
  if (text.size() < width_) out_ << std::string(width_ - text.size(), ' ');
  out_ << std::flush;
  width_ = std::max(width_, text.size());
  shown_ = true;
  drawn_ = std::chrono::steady_clock::now();
}

void ProgressLine::finish() {
  if (!enabled_) return;
  redraw();
  out_ << '\n' << std::flush;
  shown_ = false;
  width_ = 0;
}

}  // namespace quotegraph::cli

// The progress line `quotegraph extract` keeps on a terminal's standard
// error: percentage of the input read, documents per second, time left and
// claims so far, redrawn in place at most ten times a second. Anything else
// written to standard error (a warning) first clears the line, which is
// redrawn after it, so messages never run into it.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace quotegraph::cli {

// One progress line, without the carriage return: with a known total,
// " 42% | 1,234 docs | 310 docs/s | 51,600 claims | 0:12 left"; without one
// (standard input), "1,234 docs | 310 docs/s | 51,600 claims". The rate and
// time left are left out until `seconds` is above zero.
std::string format_progress(std::uint64_t docs, std::uint64_t claims, std::uint64_t bytes_read,
                            std::uint64_t bytes_total, double seconds);

// 1234567 -> "1,234,567".
std::string group_digits(std::uint64_t n);

class ProgressLine {
 public:
  // Draws on `out` only when `enabled` (standard error is a terminal and
  // -q was not given); otherwise every call does nothing.
  ProgressLine(std::ostream& out, bool enabled);

  // Records the counts and redraws when 100 ms have passed since the last
  // drawing (or `force`).
  void update(std::uint64_t docs, std::uint64_t claims, std::uint64_t bytes_read,
              std::uint64_t bytes_total, bool force = false);
  // Erases the line, before something else is written.
  void clear();
  // Draws the line again after clear().
  void redraw();
  // Draws the final state and ends the line.
  void finish();

 private:
  std::string line() const;
  std::ostream& out_;
  bool enabled_;
  bool shown_ = false;
  std::size_t width_ = 0;  // of the line drawn, to erase it
  std::chrono::steady_clock::time_point started_, drawn_;
  std::uint64_t docs_ = 0, claims_ = 0, read_ = 0, total_ = 0;
};

}  // namespace quotegraph::cli

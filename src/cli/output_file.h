// Output files written atomically: the data goes to a temporary file beside
// the target and is renamed over it only when complete, so an interrupted
// run never leaves half a file. "-" means standard output; an existing
// device or pipe is written directly.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "quotegraph/status.h"

namespace quotegraph::cli {

// Says on standard error that `path` could not be written, and why when
// `why` is not empty: "out.graphml: error: cannot write output: No space
// left on device".
inline void report_write_failure(const std::string& path, const std::string& why) {
  std::cerr << path << ": error: cannot write output" << (why.empty() ? "" : ": " + why) << '\n';
}

class OutputFile {
 public:
  explicit OutputFile(std::string path) : path_(std::move(path)) {
    if (path_ == "-") return;
    // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in
    // place: renaming a temporary file over it would replace the device.
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      direct_ = true;
      errno = 0;
      file_.open(path_, std::ios::binary);
      if (!file_) note_error();
      return;
    }
    temp_ = path_ + ".tmp." + std::to_string(::getpid());
    errno = 0;
    file_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!file_) note_error();
  }
  ~OutputFile() {
    if (!committed_ && !temp_.empty()) std::remove(temp_.c_str());
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool ok() const { return path_ == "-" || file_.good(); }
  std::ostream& stream() { return path_ == "-" ? std::cout : static_cast<std::ostream&>(file_); }
  const std::string& path() const { return path_; }

  // Flushes and renames the temporary file over the target. When the file
  // could not be opened or written, or not renamed, leaves the target
  // untouched and returns an error Status (kIoError, file `path()`) whose
  // message is the system's reason for the first failure (strerror), or ""
  // when none is known (a failed write to standard output, say).
  Status commit() {
    if (path_ == "-") {
      std::cout.flush();
      return std::cout ? Status() : failure();
    }
    if (!file_.good()) return failure();
    errno = 0;
    file_.flush();
    bool good = file_.good();
    file_.close();
    good = good && !file_.fail();
    if (!good) {
      note_error();
      return failure();
    }
    if (direct_) return Status();
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      note_error();
      return failure();
    }
    committed_ = true;
    return Status();
  }

 private:
  Status failure() const { return Status::error(DiagCode::kIoError, path_, 0, error_); }

  void note_error() {
    if (error_.empty()) error_ = std::strerror(errno != 0 ? errno : EIO);
  }

  std::string path_;
  std::string temp_;
  std::ofstream file_;
  bool committed_ = false;
  bool direct_ = false;  // writing straight into a device or pipe
  std::string error_;
};

}  // namespace quotegraph::cli

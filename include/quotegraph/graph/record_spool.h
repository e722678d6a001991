// RecordSpool: byte records appended to an anonymous temporary file and
// read back in order, so that what an exporter needs from every claim or
// document waits on disk rather than in memory. Records are written
// through a 1 MiB buffer; the file (std::tmpfile) disappears when the spool
// is destroyed, however the program ends. RecordWriter and RecordReader
// pack the fields of one record (32-bit numbers and length-prefixed strings).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "quotegraph/status.h"

namespace quotegraph {

class RecordSpool {
 public:
  // Never fails: when no temporary file can be made, records stay in memory.
  RecordSpool();
  ~RecordSpool();
  RecordSpool(RecordSpool&&) noexcept;
  RecordSpool& operator=(RecordSpool&&) noexcept;
  RecordSpool(const RecordSpool&) = delete;
  RecordSpool& operator=(const RecordSpool&) = delete;

  // Adds one record (any bytes). Never fails; a failed write to the file is
  // reported by the next for_each.
  void append(std::string_view record);
  // Records appended so far.
  std::size_t size() const { return count_; }

  // Calls `visit` with every record in order of appending; stops early when
  // it returns false. Returns an error Status (kIoError, no file: the spool
  // is anonymous) when the file could not be written or read back (a full
  // disk). Appending may go on afterwards.
  Status for_each(const std::function<bool(std::string_view)>& visit);

 private:
  void flush();
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::size_t count_ = 0;
  bool failed_ = false;
};

// Packs fields into one record, in order; each call returns the writer so
// calls chain. Never fails.
class RecordWriter {
 public:
  // A 32-bit number, little-endian.
  RecordWriter& u32(std::uint32_t v);
  // A signed 32-bit number (-1 for "none"), as its two's complement.
  RecordWriter& i32(std::int32_t v) { return u32(static_cast<std::uint32_t>(v)); }
  // A string: its length as u32, then its bytes (any bytes, NUL included).
  RecordWriter& str(std::string_view s);
  // The record so far, for RecordSpool::append.
  const std::string& data() const { return data_; }

 private:
  std::string data_;
};

// Unpacks the fields of one record in the order they were written; each
// returns false (and leaves `ok()` false) past the end of the record.
class RecordReader {
 public:
  // Reads `record`, which must outlive the reader.
  explicit RecordReader(std::string_view record) : data_(record) {}
  bool u32(std::uint32_t& v);
  bool i32(std::int32_t& v);
  bool str(std::string& s);
  // False once a read went past the end (and for every read after it).
  bool ok() const { return ok_; }
  // Every byte of the record has been read.
  bool at_end() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace quotegraph

// RecordSpool: each record is written as a 4-byte little-endian length and
// its bytes; reading takes the file in 1 MiB chunks and hands out views
// into the chunk, so a record is never copied twice.
#include "quotegraph/graph/record_spool.h"

#include <utility>

namespace quotegraph {

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint32_t get_u32(std::string_view in, std::size_t pos) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
  return v;
}

}  // namespace

RecordSpool::RecordSpool() : file_(std::tmpfile()) {}

RecordSpool::~RecordSpool() {
  if (file_ != nullptr) std::fclose(file_);
}

RecordSpool::RecordSpool(RecordSpool&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      buffer_(std::move(other.buffer_)),
      count_(std::exchange(other.count_, 0)),
      failed_(other.failed_) {}

RecordSpool& RecordSpool::operator=(RecordSpool&& other) noexcept {
  if (this != &other) {
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    buffer_ = std::move(other.buffer_);
    count_ = std::exchange(other.count_, 0);
    failed_ = other.failed_;
  }
  return *this;
}

void RecordSpool::flush() {
  if (file_ == nullptr || buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
  buffer_.clear();
}

void RecordSpool::append(std::string_view record) {
  put_u32(buffer_, static_cast<std::uint32_t>(record.size()));
  buffer_ += record;
  ++count_;
  if (buffer_.size() >= kBufferBytes) flush();
}

Status RecordSpool::for_each(const std::function<bool(std::string_view)>& visit) {
  if (count_ == 0) return Status();
  flush();
  if (failed_) {
    return Status::error(DiagCode::kIoError, "", 0,
                         "a temporary spool file could not be written (temporary folder full?)");
  }
  std::string pending;
  std::size_t start = 0;  // where the next record begins in `pending`
  const bool from_file = file_ != nullptr;
  if (from_file) std::rewind(file_);
  else pending = buffer_;
  bool file_done = !from_file;
  std::string chunk(kBufferBytes, '\0');
  auto have_record = [&]() {
    return pending.size() - start >= 4 && pending.size() - start - 4 >= get_u32(pending, start);
  };
  bool ok = true;
  std::size_t seen = 0;
  while (seen < count_) {
    while (!have_record() && !file_done) {
      pending.erase(0, start);
      start = 0;
      const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file_);
      pending.append(chunk, 0, got);
      if (got < chunk.size()) file_done = true;
    }
    if (!have_record()) {
      ok = false;  // a record cut short
      break;
    }
    const std::uint32_t n = get_u32(pending, start);
    const std::string_view record(pending.data() + start + 4, n);
    start += 4 + n;
    ++seen;
    if (!visit(record)) break;
  }
  if (from_file) std::fseek(file_, 0, SEEK_END);
  if (!ok) return Status::error(DiagCode::kIoError, "", 0, "a temporary spool file is damaged");
  return Status();
}

RecordWriter& RecordWriter::u32(std::uint32_t v) {
  put_u32(data_, v);
  return *this;
}

RecordWriter& RecordWriter::str(std::string_view s) {
  put_u32(data_, static_cast<std::uint32_t>(s.size()));
  data_ += s;
  return *this;
}

bool RecordReader::u32(std::uint32_t& v) {
  if (!ok_ || data_.size() - pos_ < 4) return ok_ = false;
  v = get_u32(data_, pos_);
  pos_ += 4;
  return true;
}

bool RecordReader::i32(std::int32_t& v) {
  std::uint32_t u = 0;
  if (!u32(u)) return false;
  v = static_cast<std::int32_t>(u);
  return true;
}

bool RecordReader::str(std::string& s) {
  std::uint32_t n = 0;
  if (!u32(n) || data_.size() - pos_ < n) return ok_ = false;
  s.assign(data_.substr(pos_, n));
  pos_ += n;
  return true;
}

}  // namespace quotegraph

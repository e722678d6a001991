// DocumentSource: expands the inputs into files, then reads them one
// document at a time: a whole text file, or one line of a JSONL file parsed
// with nlohmann::json. Only the current line is held, so a JSONL dump of
// millions of articles streams through in the memory of its longest line.
#include "quotegraph/structure/document_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace quotegraph {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Excerpts of bad lines in diagnostics stay short.
constexpr std::size_t kMaxExcerptBytes = 60;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_jsonl_path(std::string_view path) { return ends_with(path, ".jsonl"); }

std::string excerpt(std::string_view line) {
  if (line.size() <= kMaxExcerptBytes) return std::string(line);
  std::size_t cut = kMaxExcerptBytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

int digits(std::string_view s, std::size_t from, std::size_t n) {
  int value = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// A metadata field: absent or null is fine, a string is kept, a number is
// written as its JSON text (some crawlers give numeric ids), anything else
// is reported and left out.
bool read_text_field(const Json& obj, const char* field, std::string& out,
                     std::vector<std::string>* warnings) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return false;
  if (it->is_string()) {
    out = it->get<std::string>();
    return true;
  }
  if (it->is_number()) {
    out = it->dump();
    return true;
  }
  if (warnings != nullptr)
    warnings->push_back(std::string("\"") + field + "\" must be a string, got " +
                        it->type_name() + "; left out");
  return false;
}

}  // namespace

bool is_iso_date(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return false;
  const int year = digits(date, 0, 4), month = digits(date, 5, 2), day = digits(date, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > last) return false;
  return date.size() == 10 || date[10] == 'T' || date[10] == ' ';
}

std::string DocumentMeta::day() const {
  return is_iso_date(date) ? date.substr(0, 10) : std::string();
}

bool parse_document_line(std::string_view line, SourceDocument& doc, std::string& error,
                         std::vector<std::string>& warnings) {
  Json j = Json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded()) {
    error = "not a JSON document line";
    return false;
  }
  if (!j.is_object()) {
    error = std::string("a document must be a JSON object, got ") + j.type_name();
    return false;
  }
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) {
    error = "missing \"text\"";
    return false;
  }
  if (!text->is_string()) {
    error = std::string("\"text\" must be a string, got ") + text->type_name();
    return false;
  }
  std::string id;
  auto id_it = j.find("id");
  if (id_it == j.end() || id_it->is_null()) {
    error = "missing \"id\"";
    return false;
  }
  if (!read_text_field(j, "id", id, nullptr) || id.empty()) {
    error = std::string("\"id\" must be a non-empty string or a number, got ") +
            (id_it->is_string() ? "\"\"" : id_it->type_name());
    return false;
  }
  doc.name = std::move(id);
  doc.bytes = text->get<std::string>();
  doc.meta = DocumentMeta{};
  read_text_field(j, "source", doc.meta.source, &warnings);
  read_text_field(j, "url", doc.meta.url, &warnings);
  read_text_field(j, "title", doc.meta.title, &warnings);
  if (read_text_field(j, "date", doc.meta.date, &warnings) && !is_iso_date(doc.meta.date)) {
    warnings.push_back("\"date\" \"" + excerpt(doc.meta.date) +
                       "\" is not ISO 8601 (YYYY-MM-DD…): kept in the claims, left out of "
                       "timelines and first/last dates");
  }
  return true;
}

struct DocumentSource::Impl {
  SourceOptions options;
  std::vector<std::string> files;
  std::vector<std::uint64_t> sizes;
  std::uint64_t bytes_total = 0;
  std::uint64_t bytes_done = 0;  // of the files finished
  std::size_t next_file = 0;
  bool any_jsonl = false;
  // The JSONL file being read, if any.
  std::ifstream jsonl;
  std::istream* jsonl_in = nullptr;  // &jsonl or &std::cin
  std::string jsonl_path;
  std::size_t jsonl_line = 0;
  std::uint64_t jsonl_bytes = 0;
  bool jsonl_checked = false;  // the first document line was seen

  bool is_jsonl(const std::string& path) const {
    return path == "-" ? options.stdin_jsonl : is_jsonl_path(path);
  }
  void finish_jsonl() {
    if (jsonl.is_open()) jsonl.close();
    jsonl_in = nullptr;
    bytes_done += sizes[next_file - 1];
  }
};

DocumentSource::DocumentSource(const std::vector<std::string>& inputs, Diagnostics& diags,
                               SourceOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  for (const std::string& in : inputs) {
    if (in == "-") {
      impl_->files.push_back(in);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string ext = it->path().extension().string();
        if (ext == ".txt" || ext == ".jsonl") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      impl_->files.insert(impl_->files.end(), found.begin(), found.end());
    } else if (fs::exists(in, ec)) {
      impl_->files.push_back(in);
    } else {
      diags.error(DiagCode::kIoError, in, 0, "no such file or directory");
    }
  }
  for (const std::string& f : impl_->files) {
    std::error_code ec;
    std::uint64_t size = 0;
    if (f != "-" && fs::is_regular_file(f, ec)) size = fs::file_size(f, ec);
    if (ec) size = 0;
    impl_->sizes.push_back(size);
    impl_->bytes_total += size;
    if (impl_->is_jsonl(f)) impl_->any_jsonl = true;
  }
}

DocumentSource::~DocumentSource() = default;
DocumentSource::DocumentSource(DocumentSource&&) noexcept = default;
DocumentSource& DocumentSource::operator=(DocumentSource&&) noexcept = default;

const std::vector<std::string>& DocumentSource::files() const { return impl_->files; }
std::uint64_t DocumentSource::bytes_total() const { return impl_->bytes_total; }
std::uint64_t DocumentSource::bytes_read() const {
  return impl_->bytes_done + (impl_->jsonl_in != nullptr ? impl_->jsonl_bytes : 0);
}
bool DocumentSource::has_jsonl() const { return impl_->any_jsonl; }

bool DocumentSource::next(SourceDocument& doc, Diagnostics& diags) {
  Impl& m = *impl_;
  for (;;) {
    if (m.jsonl_in != nullptr) {
      std::string line;
      if (!std::getline(*m.jsonl_in, line)) {
        if (m.jsonl_in->bad())
          diags.error(DiagCode::kIoError, m.jsonl_path, m.jsonl_line + 1, "read error", {}, "line");
        m.finish_jsonl();
        continue;
      }
      ++m.jsonl_line;
      m.jsonl_bytes += line.size() + 1;
      std::string_view view(line);
      if (m.jsonl_line == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
      if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
      if (view.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
      std::string error;
      std::vector<std::string> warnings;
      const bool ok = parse_document_line(view, doc, error, warnings);
      if (!m.jsonl_checked) {
        m.jsonl_checked = true;
        // A claims or entities file picked up from a folder would give one
        // error per line: one error for the file says it better.
        if (!ok && error == "missing \"text\"") {
          diags.error(DiagCode::kIoError, m.jsonl_path, m.jsonl_line,
                      "not a JSONL documents file (no \"text\" on its first line): skipped",
                      excerpt(view), "line");
          m.finish_jsonl();
          continue;
        }
      }
      for (const std::string& w : warnings)
        diags.warning(DiagCode::kBadData, m.jsonl_path, m.jsonl_line, w, {}, "line");
      if (!ok) {
        diags.error(DiagCode::kBadData, m.jsonl_path, m.jsonl_line, error, excerpt(view), "line");
        continue;
      }
      doc.origin = m.jsonl_path + ":" + std::to_string(m.jsonl_line);
      return true;
    }
    if (m.next_file >= m.files.size()) return false;
    const std::string& path = m.files[m.next_file++];
    if (m.is_jsonl(path)) {
      m.jsonl_path = path == "-" ? "stdin" : path;
      m.jsonl_line = 0;
      m.jsonl_bytes = 0;
      m.jsonl_checked = false;
      if (path == "-") {
        m.jsonl_in = &std::cin;
      } else {
        m.jsonl.open(path, std::ios::binary);
        if (!m.jsonl) {
          diags.error(DiagCode::kIoError, path, 0, "cannot read file");
          m.bytes_done += m.sizes[m.next_file - 1];
          continue;
        }
        m.jsonl_in = &m.jsonl;
      }
      continue;
    }
    doc.meta = DocumentMeta{};
    doc.origin = path == "-" ? "stdin" : path;
    doc.name = path == "-" ? "stdin" : fs::path(path).filename().string();
    doc.bytes.clear();
    bool read_ok = false;
    if (path == "-") {
      doc.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      read_ok = !std::cin.bad();
    } else {
      std::ifstream f(path, std::ios::binary);
      if (f) {
        std::ostringstream ss;
        ss << f.rdbuf();
        doc.bytes = ss.str();
        read_ok = !f.bad();
      }
    }
    m.bytes_done += m.sizes[m.next_file - 1];
    if (!read_ok) {
      diags.error(DiagCode::kIoError, path, 0, "cannot read file");
      continue;
    }
    return true;
  }
}

}  // namespace quotegraph

// DocumentSource: expands the inputs into files and names their documents,
// then reads them one document at a time: a whole text file, or one line of
// a JSONL file parsed with nlohmann::json. Only the current line is held, so
// a JSONL dump of millions of articles streams through in the memory of its
// longest line, and no line or file beyond the size limit is ever held.
#include "quotegraph/structure/document_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unordered_map>

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

// The system's reason for the last failed call, "Input/output error" when
// the library did not set errno.
std::string system_reason() { return std::strerror(errno != 0 ? errno : EIO); }

std::string too_large(std::uint64_t bytes, std::size_t limit, const char* what) {
  return std::string(what) + " of " + std::to_string(bytes) + " bytes is larger than the limit of " +
         std::to_string(limit) + " bytes: skipped";
}

// The name of `file`, found by listing `folder`, relative to it: the
// iterator builds each path as folder/..., so the rest after the folder is
// the name ("seeds/" and "seeds/2024/a.txt" give "2024/a.txt").
std::string name_under(const std::string& file, const std::string& folder) {
  if (file.size() > folder.size() && file.compare(0, folder.size(), folder) == 0) {
    std::size_t from = folder.size();
    while (from < file.size() && file[from] == '/') ++from;
    if (from < file.size()) return fs::path(file.substr(from)).generic_string();
  }
  std::error_code ec;
  fs::path rel = fs::relative(file, folder, ec);
  return ec || rel.empty() ? fs::path(file).filename().string() : rel.generic_string();
}

fs::path absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  return (ec ? fs::path(path) : abs).lexically_normal();
}

// The deepest folder that holds every file of `inputs` but standard input
// (their absolute, lexically normal paths); "/" at worst. Each path is
// made and dropped in turn: a corpus of 40,000 files would hold tens of
// megabytes of fs::path components at once.
fs::path common_root(const std::vector<NamedInput>& inputs) {
  fs::path root;
  bool first = true;
  for (const NamedInput& in : inputs) {
    if (in.path == "-") continue;
    const fs::path folder = absolute_normal(in.path).parent_path();
    if (first) {
      root = folder;
      first = false;
    }
    fs::path common;
    auto a = root.begin(), b = folder.begin();
    for (; a != root.end() && b != folder.end() && *a == *b; ++a, ++b) common /= *a;
    root = common;
  }
  return root.empty() ? fs::path("/") : root;
}

// Reads the whole text file `path` ("-": standard input) into `bytes`,
// refusing a file larger than `max_bytes` from its size, before reading it
// (standard input, whose size is not known, is read up to the limit).
// Returns "" on success, otherwise the reason, with `over_limit` set when
// the limit is the reason.
std::string read_text(const std::string& path, std::size_t max_bytes, std::string& bytes,
                      bool& over_limit) {
  bytes.clear();
  over_limit = false;
  if (path == "-") {
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      const auto n = static_cast<std::size_t>(std::cin.gcount());
      if (bytes.size() + n > max_bytes) {
        bytes.clear();
        over_limit = true;
        return "standard input is larger than the limit of " + std::to_string(max_bytes) +
               " bytes: skipped";
      }
      bytes.append(buf, n);
    }
    return std::cin.bad() ? "cannot read standard input" : "";
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return "is a folder, not a file";
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    over_limit = true;
    return too_large(size, max_bytes, "document");
  }
  // One read into a string of the file's size (a stringstream would copy
  // the text twice); a file that grows meanwhile is read to its end, or
  // just past the limit.
  errno = 0;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "cannot open: " + system_reason();
  errno = 0;
  bytes.resize(ec ? 0 : static_cast<std::size_t>(size));
  const std::size_t got = bytes.empty() ? 0 : std::fread(&bytes[0], 1, bytes.size(), f);
  bytes.resize(got);
  char chunk[1 << 16];
  for (std::size_t n; bytes.size() <= max_bytes && (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;)
    bytes.append(chunk, n);
  const std::string failure = std::ferror(f) != 0 ? "cannot read: " + system_reason() : "";
  std::fclose(f);
  if (!failure.empty()) {
    bytes.clear();
    return failure;
  }
  // A file that grew after its size was taken, or one without a size (a
  // device or a pipe), is held to the same limit.
  if (bytes.size() > max_bytes) {
    const std::size_t n = bytes.size();
    bytes = std::string();
    over_limit = true;
    return too_large(n, max_bytes, "document");
  }
  return "";
}

// Reads the next line of `in` into `line` without its '\n', keeping at most
// `max_bytes` of it: a longer line is read to its end but only its first
// bytes are kept, and `length` gives its full size. Returns false at the
// end of the input (or on a read error: see in.bad()).
bool read_line(std::istream& in, std::size_t max_bytes, std::string& line, std::uint64_t& length) {
  line.clear();
  length = 0;
  bool any = false;
  char buf[1 << 16];
  for (;;) {
    in.getline(buf, sizeof buf);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.fail() && (in.eof() || in.bad() || got == 0)) return any;  // nothing more
    any = true;
    // Without failbit the line ended: gcount() counts its '\n' unless the
    // input ended first. With failbit, the buffer filled before the end.
    const bool ended = !in.fail();
    const std::size_t stored = ended && !in.eof() ? got - 1 : got;
    length += stored;
    if (length <= max_bytes) {
      line.append(buf, stored);
    } else if (line.size() < kMaxExcerptBytes + 4) {
      // Over the limit: keep only enough for the excerpt of the error.
      line.append(buf, std::min(stored, kMaxExcerptBytes + 4 - line.size()));
    }
    if (ended) return true;
    in.clear();
  }
}

}  // namespace

void name_documents(std::vector<NamedInput>& inputs) {
  // Names are counted first, so that absolute paths are made only for the
  // names that more than one input carries (none in most corpora).
  std::unordered_map<std::string_view, std::uint32_t> uses;
  for (const NamedInput& in : inputs)
    if (in.path != "-") ++uses[in.name];
  // Shared names and the distinct files that carry them: a file given
  // twice is no collision.
  std::unordered_map<std::string_view, std::vector<std::string>> holders;
  for (const NamedInput& in : inputs) {
    if (in.path == "-" || uses[in.name] < 2) continue;
    std::vector<std::string>& h = holders[in.name];
    std::string absolute = absolute_normal(in.path).string();
    if (std::find(h.begin(), h.end(), absolute) == h.end()) h.push_back(std::move(absolute));
  }
  // The keys view the names: choose every input to rename before renaming.
  std::vector<std::size_t> renamed;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].path == "-") continue;
    auto it = holders.find(inputs[i].name);
    if (it != holders.end() && it->second.size() >= 2) renamed.push_back(i);
  }
  if (renamed.empty()) return;
  const fs::path root = common_root(inputs);
  for (std::size_t i : renamed) {
    NamedInput& in = inputs[i];
    const fs::path rel = absolute_normal(in.path).lexically_relative(root);
    in.name = rel.empty() ? fs::path(in.path).filename().string() : rel.generic_string();
  }
}

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

Result<SourceDocument> parse_document_line(std::string_view line, std::vector<std::string>& warnings) {
  auto bad_line = [](std::string message) { return Status::error(DiagCode::kBadData, "", 0, std::move(message)); };
  Json j = Json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded()) return bad_line("not a JSON document line");
  if (!j.is_object()) return bad_line(std::string("a document must be a JSON object, got ") + j.type_name());
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) return bad_line("missing \"text\"");
  if (!text->is_string()) return bad_line(std::string("\"text\" must be a string, got ") + text->type_name());
  std::string id;
  auto id_it = j.find("id");
  if (id_it == j.end() || id_it->is_null()) return bad_line("missing \"id\"");
  if (!read_text_field(j, "id", id, nullptr) || id.empty()) {
    return bad_line(std::string("\"id\" must be a non-empty string or a number, got ") +
                    (id_it->is_string() ? "\"\"" : id_it->type_name()));
  }
  SourceDocument doc;
  doc.name = std::move(id);
  doc.bytes = text->get<std::string>();
  read_text_field(j, "source", doc.meta.source, &warnings);
  read_text_field(j, "url", doc.meta.url, &warnings);
  read_text_field(j, "title", doc.meta.title, &warnings);
  if (read_text_field(j, "date", doc.meta.date, &warnings) && !is_iso_date(doc.meta.date)) {
    warnings.push_back("\"date\" \"" + excerpt(doc.meta.date) +
                       "\" is not ISO 8601 (YYYY-MM-DD…): kept in the claims, left out of "
                       "timelines and first/last dates");
  }
  return Result<SourceDocument>(std::move(doc));
}

struct DocumentSource::Impl {
  // One input file: its path and its document name as views into `text`
  // (the name is most often the end of the path, so it is stored once),
  // and its size. 32 bytes a file plus the path: a corpus of 100,000 files
  // holds a few MiB, not one std::string per path and name.
  struct File {
    std::uint64_t path_at = 0;
    std::uint64_t name_at = 0;  // "" for JSONL files
    std::uint32_t path_size = 0;
    std::uint32_t name_size = 0;
    std::uint64_t size = 0;
  };
  SourceOptions options;
  std::string text;  // every path and name, back to back
  std::vector<File> files;
  std::size_t skipped = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t bytes_done = 0;  // of the files finished
  std::uint64_t name_bytes = 0;  // of the text files' names
  std::size_t next_file = 0;
  bool any_jsonl = false;
  // The JSONL file being read, if any.
  std::ifstream jsonl;
  std::istream* jsonl_in = nullptr;  // &jsonl or &std::cin
  std::string jsonl_path;
  std::size_t jsonl_line = 0;
  std::uint64_t jsonl_bytes = 0;
  bool jsonl_checked = false;  // the first document line was seen

  bool is_jsonl(std::string_view path) const {
    return path == "-" ? options.stdin_jsonl : is_jsonl_path(path);
  }
  std::string_view path_of(const File& f) const { return std::string_view(text).substr(f.path_at, f.path_size); }
  std::string_view name_of(const File& f) const { return std::string_view(text).substr(f.name_at, f.name_size); }
  // Appends file `path` named `name` (stored once when it ends `path`).
  void add_file(std::string_view path, std::string_view name);
  // Gives `f` the name `name`, stored once when it ends its path.
  void set_name(File& f, std::string_view name);
  // Adds the .txt and .jsonl files below folder `in`, in sorted path order.
  void list_folder(const std::string& in, Diagnostics& diags);
  // Renames the text inputs whose names are shared (name_documents).
  void name_shared();
  // Sizes of the files and their total, JSONL files seen.
  void measure();
  void finish_jsonl() {
    if (jsonl.is_open()) jsonl.close();
    jsonl_in = nullptr;
    bytes_done += files[next_file - 1].size;
  }
  // Reads the next line of the open JSONL file into `doc`: true for a
  // document, false for a line that gives none (blank, bad, too long: said
  // in `diags`) or the end of the file (then the file is closed).
  bool next_jsonl_line(SourceDocument& doc, Diagnostics& diags);
  // Opens the JSONL file `path` ("-" for standard input) for
  // next_jsonl_line(); a file that cannot be opened is said and skipped.
  void open_jsonl(const std::string& path, Diagnostics& diags);
};

void DocumentSource::Impl::set_name(File& f, std::string_view name) {
  const std::string_view path = path_of(f);
  f.name_size = static_cast<std::uint32_t>(name.size());
  if (ends_with(path, name)) {
    f.name_at = f.path_at + path.size() - name.size();
  } else {
    f.name_at = text.size();
    text.append(name);
  }
}

void DocumentSource::Impl::add_file(std::string_view path, std::string_view name) {
  File f;
  f.path_at = text.size();
  f.path_size = static_cast<std::uint32_t>(path.size());
  text.append(path);
  set_name(f, name);
  files.push_back(f);
}

void DocumentSource::Impl::list_folder(const std::string& in, Diagnostics& diags) {
  const std::size_t first = files.size();
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code file_ec;  // one odd entry does not end the listing
    if (!it->is_regular_file(file_ec)) continue;
    const fs::path& path = it->path();
    const std::string ext = path.extension().string();
    if (ext == ".txt" || ext == ".jsonl") add_file(path.native(), name_under(path.native(), in));
  }
  if (ec) {
    diags.error(DiagCode::kIoError, in, 0, "cannot list the folder: " + ec.message());
    ++skipped;
  } else if (files.size() == first) {
    diags.error(DiagCode::kIoError, in, 0, "no .txt or .jsonl file in this folder or below it");
    ++skipped;
  }
  std::sort(files.begin() + static_cast<std::ptrdiff_t>(first), files.end(),
            [this](const File& a, const File& b) { return path_of(a) < path_of(b); });
}

void DocumentSource::Impl::name_shared() {
  // Only text files are named by their path: a JSONL document by its id.
  std::vector<std::uint32_t> text_files;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (!is_jsonl(path_of(files[i]))) text_files.push_back(static_cast<std::uint32_t>(i));
  // name_documents renames only names that two inputs (standard input
  // aside) share: without such a name, nothing to do and nothing to copy.
  std::vector<std::uint32_t> by_name;
  for (std::uint32_t i : text_files)
    if (path_of(files[i]) != "-") by_name.push_back(i);
  std::sort(by_name.begin(), by_name.end(),
            [this](std::uint32_t a, std::uint32_t b) { return name_of(files[a]) < name_of(files[b]); });
  bool shared = false;
  for (std::size_t k = 1; k < by_name.size() && !shared; ++k)
    shared = name_of(files[by_name[k - 1]]) == name_of(files[by_name[k]]);
  if (!shared) return;
  std::vector<NamedInput> inputs;
  for (std::uint32_t i : text_files)
    inputs.push_back({std::string(path_of(files[i])), std::string(name_of(files[i]))});
  name_documents(inputs);
  for (std::size_t t = 0; t < text_files.size(); ++t)
    if (inputs[t].name != name_of(files[text_files[t]])) set_name(files[text_files[t]], inputs[t].name);
}

void DocumentSource::Impl::measure() {
  for (File& f : files) {
    const std::string path(path_of(f));
    if (is_jsonl(path)) {
      any_jsonl = true;
      f.name_size = 0;
    } else {
      name_bytes += f.name_size;
    }
    std::error_code ec;
    std::uint64_t size = 0;
    if (path != "-" && fs::is_regular_file(path, ec)) size = fs::file_size(path, ec);
    if (ec) size = 0;
    f.size = size;
    bytes_total += size;
  }
}

DocumentSource::DocumentSource(const std::vector<std::string>& inputs, Diagnostics& diags,
                               SourceOptions options)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.options = options;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in == "-") {
      m.add_file(in, "stdin");
    } else if (fs::is_directory(in, ec)) {
      m.list_folder(in, diags);
    } else if (fs::exists(in, ec)) {
      m.add_file(in, fs::path(in).filename().string());
    } else {
      diags.error(DiagCode::kIoError, in, 0,
                  "cannot open: " + (ec ? ec.message() : std::string(std::strerror(ENOENT))));
      ++m.skipped;
    }
  }
  m.name_shared();
  m.measure();
  m.text.shrink_to_fit();
  m.files.shrink_to_fit();
}

DocumentSource::~DocumentSource() = default;
DocumentSource::DocumentSource(DocumentSource&&) noexcept = default;
DocumentSource& DocumentSource::operator=(DocumentSource&&) noexcept = default;

std::size_t DocumentSource::file_count() const { return impl_->files.size(); }
std::uint64_t DocumentSource::name_bytes() const { return impl_->name_bytes; }
std::uint64_t DocumentSource::bytes_total() const { return impl_->bytes_total; }
std::uint64_t DocumentSource::bytes_read() const {
  return impl_->bytes_done + (impl_->jsonl_in != nullptr ? impl_->jsonl_bytes : 0);
}
bool DocumentSource::has_jsonl() const { return impl_->any_jsonl; }
bool DocumentSource::names_ascending() const {
  const Impl& m = *impl_;
  if (m.any_jsonl) return false;
  for (std::size_t k = 1; k < m.files.size(); ++k)
    if (!(m.name_of(m.files[k - 1]) < m.name_of(m.files[k]))) return false;
  return true;
}
std::size_t DocumentSource::skipped() const { return impl_->skipped; }

bool DocumentSource::Impl::next_jsonl_line(SourceDocument& doc, Diagnostics& diags) {
  std::string line;
  std::uint64_t length = 0;
  errno = 0;
  if (!read_line(*jsonl_in, options.max_document_bytes, line, length)) {
    if (jsonl_in->bad()) {
      diags.error(DiagCode::kIoError, jsonl_path, jsonl_line + 1,
                  "cannot read: " + system_reason(), {}, "line");
      ++skipped;
    }
    finish_jsonl();
    return false;
  }
  ++jsonl_line;
  jsonl_bytes += length + 1;
  if (length > options.max_document_bytes) {
    jsonl_checked = true;
    diags.error(DiagCode::kLimit, jsonl_path, jsonl_line,
                too_large(length, options.max_document_bytes, "document line"), excerpt(line), "line");
    ++skipped;
    return false;
  }
  std::string_view view(line);
  if (jsonl_line == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  if (view.find_first_not_of(" \t") == std::string_view::npos) return false;  // blank line
  std::vector<std::string> warnings;
  Result<SourceDocument> parsed = parse_document_line(view, warnings);
  if (!jsonl_checked) {
    jsonl_checked = true;
    // A claims or entities file picked up from a folder would give one
    // error per line: one error for the file says it better.
    if (!parsed && parsed.status().message() == "missing \"text\"") {
      diags.error(DiagCode::kIoError, jsonl_path, jsonl_line,
                  "not a JSONL documents file (no \"text\" on its first line): skipped",
                  excerpt(view), "line");
      ++skipped;
      finish_jsonl();
      return false;
    }
  }
  for (const std::string& w : warnings)
    diags.warning(DiagCode::kBadData, jsonl_path, jsonl_line, w, {}, "line");
  if (!parsed) {
    diags.error(DiagCode::kBadData, jsonl_path, jsonl_line, parsed.status().message(), excerpt(view), "line");
    ++skipped;
    return false;
  }
  doc = std::move(*parsed);
  doc.origin = jsonl_path + ":" + std::to_string(jsonl_line);
  doc.line = jsonl_line;
  return true;
}

void DocumentSource::Impl::open_jsonl(const std::string& path, Diagnostics& diags) {
  jsonl_path = path == "-" ? "stdin" : path;
  jsonl_line = 0;
  jsonl_bytes = 0;
  jsonl_checked = false;
  if (path == "-") {
    jsonl_in = &std::cin;
  } else {
    errno = 0;
    jsonl.open(path, std::ios::binary);
    if (!jsonl) {
      diags.error(DiagCode::kIoError, path, 0, "cannot open: " + system_reason());
      ++skipped;
      jsonl.clear();
      bytes_done += files[next_file - 1].size;
      return;
    }
    jsonl_in = &jsonl;
  }
}

bool DocumentSource::next(SourceDocument& doc, Diagnostics& diags) {
  Impl& m = *impl_;
  for (;;) {
    if (m.jsonl_in != nullptr) {
      if (m.next_jsonl_line(doc, diags)) return true;
      continue;
    }
    if (m.next_file >= m.files.size()) return false;
    const Impl::File& file = m.files[m.next_file++];
    const std::string path(m.path_of(file));
    if (m.is_jsonl(path)) {
      m.open_jsonl(path, diags);
      continue;
    }
    doc.meta = DocumentMeta{};
    doc.origin = path == "-" ? "stdin" : path;
    doc.line = 0;
    doc.name.assign(m.name_of(file));
    bool over_limit = false;
    const std::string why = read_text(path, m.options.max_document_bytes, doc.bytes, over_limit);
    m.bytes_done += file.size;
    if (!why.empty()) {
      diags.error(over_limit ? DiagCode::kLimit : DiagCode::kIoError, doc.origin, 0, why);
      ++m.skipped;
      continue;
    }
    return true;
  }
}

}  // namespace quotegraph

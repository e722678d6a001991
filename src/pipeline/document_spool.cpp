// DocumentSpool: a compact binary record per document (lengths and bytes,
// little-endian as the machine writes them: the file never leaves the
// process that made it) in an unlinked temporary file, and an in-memory
// index sorted at replay time. Reading back checks every length against the
// record's size, so a short or damaged record is an error, not a crash.
#include "quotegraph/pipeline/document_spool.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <numeric>
#include <tuple>
#include <utility>

#include <unistd.h>

namespace quotegraph {
namespace {

// When a field is added to one of these structs, the encoder below must
// learn it, or `extract` and `merge` would silently drop it: these sizes
// (x86-64, libstdc++) make the build fail first. Update them with the
// encoder and decoder.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Mention) == 40, "Mention changed: update encode_document_result");
static_assert(sizeof(EntityRef) == 112, "EntityRef changed: update encode_document_result");
static_assert(sizeof(Claim) == 264, "Claim changed: update encode_document_result");
static_assert(sizeof(DocEntity) == 200, "DocEntity changed: update encode_document_result");
static_assert(sizeof(DocumentResult) == 104, "DocumentResult changed: update encode_document_result");
static_assert(sizeof(DocumentMeta) == 128, "DocumentMeta changed: update DocumentSpool::add and replay");
#endif

class Writer {
 public:
  void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
  void u32(std::uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i32(std::int32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  std::size_t pos() const { return pos_; }
  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int32_t i32() {
    std::int32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() {
    const std::uint32_t n = u32();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items each at least `min_bytes` long: a count the remaining
  // bytes cannot hold is damage, caught before anything is allocated.
  std::uint32_t count(std::size_t min_bytes) {
    const std::uint32_t n = u32();
    if (ok_ && static_cast<std::uint64_t>(n) * min_bytes > in_.size() - pos_) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  void raw(void* p, std::size_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

void put_mention(Writer& w, const Mention& m) {
  w.u32(m.begin);
  w.u32(m.end);
  w.str(m.text);
}

Mention get_mention(Reader& r) {
  Mention m;
  m.begin = r.u32();
  m.end = r.u32();
  m.text = r.str();
  return m;
}

void put_ref(Writer& w, const EntityRef& ref) {
  w.str(ref.id);
  w.str(ref.name);
  w.u8(static_cast<std::uint8_t>(ref.type));
  put_mention(w, ref.mention);
}

EntityRef get_ref(Reader& r) {
  EntityRef ref;
  ref.id = r.str();
  ref.name = r.str();
  ref.type = static_cast<EntityType>(r.u8());
  ref.mention = get_mention(r);
  return ref;
}

// FNV-1a: a stable order for documents that share a name.
std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::string encode_document_result(const DocumentResult& result) {
  Writer w;
  w.u8(result.ok ? 1 : 0);
  w.u32(static_cast<std::uint32_t>(result.claims.size()));
  for (const Claim& c : result.claims) {
    w.str(c.document);
    w.u32(c.begin);
    w.u32(c.end);
    w.str(c.text);
    w.u8(static_cast<std::uint8_t>(c.kind));
    w.str(c.cue);
    w.u8(static_cast<std::uint8_t>(c.relation));
    w.u8(c.speaker ? 1 : 0);
    if (c.speaker) put_ref(w, *c.speaker);
    w.u32(static_cast<std::uint32_t>(c.targets.size()));
    for (const EntityRef& t : c.targets) put_ref(w, t);
  }
  w.u32(static_cast<std::uint32_t>(result.entities.size()));
  for (const DocEntity& e : result.entities) {
    w.str(e.name);
    w.str(e.given_name);
    w.str(e.surname);
    w.u8(static_cast<std::uint8_t>(e.type));
    w.str(e.role);
    w.str(e.state);
    w.u8(static_cast<std::uint8_t>(e.gender));
    w.u32(static_cast<std::uint32_t>(e.aliases.size()));
    for (const std::string& a : e.aliases) w.str(a);
  }
  w.u32(static_cast<std::uint32_t>(result.speaker_entity.size()));
  for (int i : result.speaker_entity) w.i32(i);
  w.u32(static_cast<std::uint32_t>(result.target_entities.size()));
  for (const std::vector<int>& list : result.target_entities) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (int i : list) w.i32(i);
  }
  return w.take();
}

bool decode_document_result(std::string_view bytes, DocumentResult& result) {
  Reader r(bytes);
  DocumentResult out;
  out.ok = r.u8() != 0;
  // The smallest encodings: a claim of empty strings is 31 bytes, an
  // entity 30, a reference 17.
  out.claims.resize(r.count(31));
  for (Claim& c : out.claims) {
    c.document = r.str();
    c.begin = r.u32();
    c.end = r.u32();
    c.text = r.str();
    c.kind = static_cast<ClaimKind>(r.u8());
    c.cue = r.str();
    c.relation = static_cast<Relation>(r.u8());
    if (r.u8() != 0) c.speaker = get_ref(r);
    c.targets.resize(r.count(17));
    for (EntityRef& t : c.targets) t = get_ref(r);
    if (!r.ok()) return false;
  }
  out.entities.resize(r.count(30));
  for (DocEntity& e : out.entities) {
    e.name = r.str();
    e.given_name = r.str();
    e.surname = r.str();
    e.type = static_cast<EntityType>(r.u8());
    e.role = r.str();
    e.state = r.str();
    e.gender = static_cast<Gender>(r.u8());
    e.aliases.resize(r.count(4));
    for (std::string& a : e.aliases) a = r.str();
    if (!r.ok()) return false;
  }
  out.speaker_entity.resize(r.count(4));
  for (int& i : out.speaker_entity) i = r.i32();
  out.target_entities.resize(r.count(4));
  for (std::vector<int>& list : out.target_entities) {
    list.resize(r.count(4));
    for (int& i : list) i = r.i32();
  }
  if (!r.ok() || !r.done()) return false;
  result = std::move(out);
  return true;
}

DocumentSpool::DocumentSpool(const std::string& directory) {
  std::string path = (directory.empty() ? std::string("/tmp") : directory) + "/quotegraph.docs.XXXXXX";
  const int fd = ::mkstemp(path.data());
  path_ = path;
  if (fd < 0) {
    fail("cannot create a spool file in " + directory + ": " + std::strerror(errno));
    return;
  }
  // Unlinked at once: the system frees it when the process ends, however.
  ::unlink(path.c_str());
  file_ = ::fdopen(fd, "w+b");
  if (file_ == nullptr) {
    fail("cannot open the spool file: " + std::string(std::strerror(errno)));
    ::close(fd);
  }
}

void DocumentSpool::fail(const std::string& message) {
  status_ = Status::error(DiagCode::kIoError, path_, 0, message);
}

DocumentSpool::~DocumentSpool() {
  if (file_ != nullptr) std::fclose(file_);
}

DocumentSpool::DocumentSpool(DocumentSpool&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      end_(other.end_),
      names_(std::move(other.names_)),
      index_(std::move(other.index_)),
      path_(std::move(other.path_)),
      status_(std::move(other.status_)) {}

DocumentSpool& DocumentSpool::operator=(DocumentSpool&& other) noexcept {
  if (this != &other) {
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    end_ = other.end_;
    names_ = std::move(other.names_);
    index_ = std::move(other.index_);
    path_ = std::move(other.path_);
    status_ = std::move(other.status_);
  }
  return *this;
}

std::string encode_spool_record(const DocumentResult& result, const DocumentMeta& meta, std::string_view text,
                                std::uint64_t length) {
  // The metadata, the length, the text, then the result.
  Writer w;
  for (const std::string* field : {&meta.date, &meta.source, &meta.url, &meta.title}) w.str(*field);
  w.u32(static_cast<std::uint32_t>(length >> 32));
  w.u32(static_cast<std::uint32_t>(length));
  w.str(text);
  return w.take() + encode_document_result(result);
}

bool DocumentSpool::add(std::string_view name, const DocumentResult& result, const DocumentMeta& meta,
                        std::string_view text, std::uint64_t length) {
  return add_record(name, encode_spool_record(result, meta, text, length));
}

bool DocumentSpool::add_record(std::string_view name, std::string_view record) {
  if (file_ == nullptr) {
    if (ok()) fail("the spool is closed");
    return false;
  }
  if (std::fseek(file_, static_cast<long>(end_), SEEK_SET) != 0 ||
      std::fwrite(record.data(), 1, record.size(), file_) != record.size()) {
    fail("cannot write the spool file: " + std::string(std::strerror(errno)));
    return false;
  }
  Entry e;
  e.name_offset = names_.size();
  e.offset = end_;
  names_.append(name.data(), name.size());
  index_.push_back(e);
  end_ += record.size();
  return true;
}

void DocumentSpool::reserve(std::size_t documents, std::uint64_t name_bytes) {
  index_.reserve(index_.size() + documents);
  names_.reserve(names_.size() + static_cast<std::size_t>(name_bytes));
}

std::string_view DocumentSpool::name_of(std::size_t k) const {
  const std::uint64_t end = k + 1 < index_.size() ? index_[k + 1].name_offset : names_.size();
  return std::string_view(names_).substr(index_[k].name_offset, end - index_[k].name_offset);
}

std::uint64_t DocumentSpool::record_size(std::size_t k) const {
  return (k + 1 < index_.size() ? index_[k + 1].offset : end_) - index_[k].offset;
}

bool DocumentSpool::read_record(std::size_t k, std::string& bytes) {
  bytes.resize(record_size(k));
  return std::fseek(file_, static_cast<long>(index_[k].offset), SEEK_SET) == 0 &&
         std::fread(bytes.data(), 1, bytes.size(), file_) == bytes.size();
}

bool DocumentSpool::order_equal_names(std::vector<std::uint32_t>& order, std::string& bytes) {
  // Equal names (one file name in two folders, a document id given twice)
  // are ordered by content, which is independent of their arrival order;
  // identical duplicates may go either way, since they are identical. Only
  // the records of such names are read back and hashed: in most corpora
  // every name is unique and no record is hashed at all.
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;
    while (last < order.size() && name_of(order[last]) == name_of(order[first])) ++last;
    if (last - first > 1) {
      for (std::size_t j = first; j < last; ++j) {
        if (!read_record(order[j], bytes)) {
          fail("cannot read the spool file back");
          return false;
        }
        index_[order[j]].hash = fnv1a(bytes);
      }
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.begin() + static_cast<std::ptrdiff_t>(last),
                [&](std::uint32_t a, std::uint32_t b) {
                  return std::make_tuple(index_[a].hash, record_size(a)) <
                         std::make_tuple(index_[b].hash, record_size(b));
                });
    }
    first = last;
  }
  return true;
}

bool DocumentSpool::replay(const std::function<void(SpooledDocument&)>& visit) {
  if (!index_.empty() && (file_ == nullptr || std::fflush(file_) != 0)) {
    if (ok()) fail("cannot flush the spool file");
    return false;
  }
  std::vector<std::uint32_t> order(index_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return name_of(a) < name_of(b); });
  std::string bytes;
  if (!order_equal_names(order, bytes)) return false;
  for (std::uint32_t k : order) {
    if (!read_record(k, bytes)) {
      fail("cannot read the spool file back");
      return false;
    }
    SpooledDocument doc;
    Reader r(bytes);
    for (std::string* field : {&doc.meta.date, &doc.meta.source, &doc.meta.url, &doc.meta.title}) *field = r.str();
    doc.length = static_cast<std::uint64_t>(r.u32()) << 32;
    doc.length |= r.u32();
    doc.text = r.str();
    if (!r.ok() || !decode_document_result(std::string_view(bytes).substr(r.pos()), doc.result)) {
      fail("damaged record in the spool file");
      return false;
    }
    doc.name.assign(name_of(k));
    visit(doc);
  }
  return true;
}

}  // namespace quotegraph

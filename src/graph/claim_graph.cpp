// ClaimGraph construction: entity vertices keyed by registry id (or by
// name while unresolved), aggregated speaker -> target edges whose weight
// counts the claims, and every claim appended as a length-prefixed binary
// record to an anonymous temporary file (std::tmpfile, removed by the
// system when closed), read back in order by for_each_claim.
#include "quotegraph/graph/claim_graph.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace quotegraph {

namespace {

// Claim labels stay short enough for a node in Gephi or Graphviz; the full
// text is kept in the record.
constexpr std::size_t kMaxLabelCodePoints = 80;
constexpr const char kEllipsis[] = "\xE2\x80\xA6";  // …
// Records are written through a buffer of this size.
constexpr std::size_t kSpoolBuffer = 1 << 20;

bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string entity_key(const EntityRef& ref) {
  if (!ref.id.empty()) return ref.id;
  if (!ref.name.empty()) return "name:" + ref.name;
  return {};
}

// Copies what the registry knows about an entity onto its vertex.
void copy_entity(const Entity& e, EntityNode& v) {
  v.label = e.name;
  v.entity_type = e.type;
  v.role = e.role;
  v.state = e.state;
  v.aliases.clear();
  v.aliases.reserve(e.aliases.size());
  for (const auto& alias : e.aliases) v.aliases.push_back(alias.first);
}

void widen_dates(EntityNode& v, const std::string& day) {
  if (day.empty()) return;
  if (v.first_date.empty() || day < v.first_date) v.first_date = day;
  if (v.last_date.empty() || day > v.last_date) v.last_date = day;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

void put_string(std::string& out, const std::string& s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

// Reads the record fields back; each returns false past the end.
struct Reader {
  const std::string& data;
  std::size_t pos = 0;
  bool u32(std::uint32_t& v) {
    if (data.size() - pos < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[pos + i])) << (8 * i);
    pos += 4;
    return true;
  }
  bool str(std::string& s) {
    std::uint32_t n = 0;
    if (!u32(n) || data.size() - pos < n) return false;
    s.assign(data, pos, n);
    pos += n;
    return true;
  }
};

}  // namespace

const char* says_edge_name() { return "says"; }
const char* targets_edge_name() { return "targets"; }

std::string claim_label(const std::string& text) {
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation_byte(static_cast<unsigned char>(text[i]))) continue;
    if (code_points == kMaxLabelCodePoints) {
      std::string out = text.substr(0, i);
      // "… de la" + "…" reads better without the space before the ellipsis.
      while (!out.empty() && (out.back() == ' ' || out.back() == '\n' || out.back() == '\t')) {
        out.pop_back();
      }
      return out + kEllipsis;
    }
    ++code_points;
  }
  return text;
}

// The claim records: a write buffer, flushed to an anonymous temporary
// file; without a file (none could be made) everything stays in `buffer`.
struct ClaimGraph::Spool {
  std::FILE* file = nullptr;
  std::string buffer;
  bool failed = false;  // a write to the file failed
  Spool() : file(std::tmpfile()) {}
  ~Spool() {
    if (file != nullptr) std::fclose(file);
  }
  void flush() {
    if (file == nullptr || buffer.empty()) return;
    if (std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size()) failed = true;
    buffer.clear();
  }
  void append(const std::string& record) {
    put_u32(buffer, static_cast<std::uint32_t>(record.size()));
    buffer += record;
    if (buffer.size() >= kSpoolBuffer) flush();
  }
};

ClaimGraph::ClaimGraph() : spool_(std::make_unique<Spool>()) {}
ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;

int ClaimGraph::find_entity(std::string_view id) const {
  auto it = entity_vertex_.find(std::string(id));
  return it == entity_vertex_.end() ? -1 : it->second;
}

int ClaimGraph::aggregate_weight(int speaker, int target, Relation relation) const {
  auto found = aggregate_edge_.find(std::make_tuple(speaker, target, relation));
  if (found == aggregate_edge_.end()) return 0;
  auto it = std::next(boost::out_edges(speaker, graph_).first,
                      static_cast<std::ptrdiff_t>(found->second));
  return graph_[*it].weight;
}

int ClaimGraph::entity_vertex(const EntityRef& ref, const EntityRegistry& registry) {
  std::string key = entity_key(ref);
  if (key.empty()) return -1;
  auto found = entity_vertex_.find(key);
  if (found != entity_vertex_.end()) return found->second;

  EntityNode props;
  props.id = key;
  props.label = ref.name;
  props.entity_type = ref.type;
  if (!ref.id.empty()) {
    if (const Entity* e = registry.find(ref.id)) copy_entity(*e, props);
  }
  // An entity the registry knows by id but whose name is still empty would
  // show as a blank node; its id is the next best label.
  if (props.label.empty()) props.label = key;
  const int v = static_cast<int>(boost::add_vertex(std::move(props), graph_));
  entity_vertex_.emplace(std::move(key), v);
  return v;
}

void ClaimGraph::add_claim(const Claim& claim, const EntityRegistry& registry,
                           const DocumentMeta& meta) {
  if (!spool_) spool_ = std::make_unique<Spool>();  // after a move
  const std::size_t r = static_cast<std::size_t>(claim.relation);
  const std::string day = meta.day();
  if (!day.empty()) has_dates_ = true;
  if (!meta.empty()) has_meta_ = true;

  const int speaker = claim.speaker ? entity_vertex(*claim.speaker, registry) : -1;
  if (speaker >= 0) {
    EntityNode& s = graph_[speaker];
    ++s.claims_said;
    ++s.said_by_relation[r];
    widen_dates(s, day);
  }
  std::vector<int> targets;
  for (const EntityRef& ref : claim.targets) {
    const int target = entity_vertex(ref, registry);
    if (target < 0 || std::find(targets.begin(), targets.end(), target) != targets.end()) continue;
    targets.push_back(target);
    EntityNode& t = graph_[target];
    ++t.claims_targeted;
    ++t.targeted_by_relation[r];
    widen_dates(t, day);
    if (speaker < 0) continue;

    const auto key = std::make_tuple(speaker, target, claim.relation);
    ActorEdge* edge = nullptr;
    auto found = aggregate_edge_.find(key);
    if (found != aggregate_edge_.end()) {
      auto it = std::next(boost::out_edges(speaker, graph_).first,
                          static_cast<std::ptrdiff_t>(found->second));
      edge = &graph_[*it];
    } else {
      const std::size_t position = boost::out_degree(speaker, graph_);
      auto added = boost::add_edge(speaker, target, ActorEdge{claim.relation, 0, {}}, graph_);
      aggregate_edge_.emplace(key, position);
      edge = &graph_[added.first];
    }
    ++edge->weight;
    if (!day.empty()) ++edge->claims_by_day[day];
  }

  std::string record;
  record.reserve(claim.text.size() + claim.document.size() + 64);
  put_string(record, claim.document);
  put_u32(record, claim.begin);
  put_u32(record, claim.end);
  put_string(record, claim.text);
  put_u32(record, static_cast<std::uint32_t>(claim.kind));
  put_string(record, claim.cue);
  put_u32(record, static_cast<std::uint32_t>(claim.relation));
  put_string(record, meta.date);
  put_string(record, meta.source);
  put_string(record, meta.url);
  put_string(record, meta.title);
  put_u32(record, static_cast<std::uint32_t>(speaker));
  put_u32(record, static_cast<std::uint32_t>(targets.size()));
  for (int t : targets) put_u32(record, static_cast<std::uint32_t>(t));
  spool_->append(record);
  ++claims_;
}

void ClaimGraph::sync_entities(const EntityRegistry& registry) {
  for (const auto& [key, v] : entity_vertex_) {
    const Entity* e = registry.find(key);
    if (e == nullptr) continue;  // unresolved ("name:…") or not registered
    EntityNode& props = graph_[v];
    copy_entity(*e, props);
    if (props.label.empty()) props.label = key;
    // A registry whose count_claim was never called knows no counts; the
    // graph's own counts, kept by add_claim, are then the better ones.
    if (e->claims_said != 0 || e->claims_targeted != 0) {
      props.claims_said = e->claims_said;
      props.claims_targeted = e->claims_targeted;
    }
  }
}

bool ClaimGraph::for_each_claim(const std::function<bool(const ClaimRecord&)>& visit,
                                std::string& error) const {
  if (!spool_ || claims_ == 0) return true;
  Spool& spool = *spool_;
  spool.flush();
  if (spool.failed) {
    error = "the claims spool could not be written (temporary folder full?)";
    return false;
  }
  // Records are read from the file in chunks (or from the buffer when
  // there is no file).
  std::string pending;
  std::size_t start = 0;  // where the next record begins in `pending`
  const bool from_file = spool.file != nullptr;
  if (from_file) std::rewind(spool.file);
  else pending = spool.buffer;
  bool file_done = !from_file;
  std::string chunk(kSpoolBuffer, '\0');
  ClaimRecord c;
  std::size_t index = 0;
  bool ok = true;
  // True when `pending` holds a whole record at `start`: 4 bytes of
  // length, then the record.
  auto have_record = [&]() {
    Reader head{pending, start};
    std::uint32_t n = 0;
    return head.u32(n) && pending.size() - head.pos >= n;
  };
  for (;;) {
    while (!have_record() && !file_done) {
      pending.erase(0, start);
      start = 0;
      const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), spool.file);
      pending.append(chunk, 0, got);
      if (got < chunk.size()) file_done = true;
    }
    if (!have_record()) {
      if (start != pending.size()) ok = false;  // a record cut short
      break;
    }
    Reader in{pending, start};
    std::uint32_t n = 0, kind = 0, relation = 0, speaker = 0, count = 0;
    in.u32(n);
    const std::size_t record_end = in.pos + n;
    bool good = in.str(c.document) && in.u32(c.begin) && in.u32(c.end) && in.str(c.text) &&
                in.u32(kind) && in.str(c.cue) && in.u32(relation) && in.str(c.meta.date) &&
                in.str(c.meta.source) && in.str(c.meta.url) && in.str(c.meta.title) &&
                in.u32(speaker) && in.u32(count);
    c.targets.clear();
    for (std::uint32_t i = 0; good && i < count; ++i) {
      std::uint32_t t = 0;
      good = in.u32(t);
      c.targets.push_back(static_cast<int>(t));
    }
    if (!good || in.pos != record_end) {
      ok = false;
      break;
    }
    start = record_end;
    c.index = index;
    c.kind = static_cast<ClaimKind>(kind);
    c.relation = static_cast<Relation>(relation);
    c.speaker = static_cast<int>(static_cast<std::int32_t>(speaker));
    c.day = c.meta.day();
    c.id = "claim:" + c.document + ":" + std::to_string(c.begin) + "-" + std::to_string(c.end) +
           ":" + std::to_string(index);
    ++index;
    if (!visit(c)) break;
  }
  if (from_file) std::fseek(spool.file, 0, SEEK_END);
  if (!ok) {
    error = "the claims spool is damaged";
    return false;
  }
  return true;
}

}  // namespace quotegraph

// ClaimGraph construction: entity vertices keyed by registry id (or by
// name while unresolved), aggregated speaker -> target edges whose weight
// counts the claims, and every claim appended as a binary record to a
// RecordSpool (an anonymous temporary file), read back in order by
// for_each_claim.
#include "quotegraph/graph/claim_graph.h"

#include <algorithm>
#include <iterator>

namespace quotegraph {

namespace {

// Claim labels stay short enough for a node in Gephi or Graphviz; the full
// text is kept in the record.
constexpr std::size_t kMaxLabelCodePoints = 80;
constexpr const char kEllipsis[] = "\xE2\x80\xA6";  // …

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

// What the registry finally knows about entity `e` (keyed `key` in the
// graph) copied onto its vertex `props`.
void settle_vertex(const Entity& e, const std::string& key, EntityNode& props) {
  copy_entity(e, props);
  if (props.label.empty()) props.label = key;
  // A registry whose count_claim was never called knows no counts; the
  // graph's own counts, kept by add_claim, are then the better ones.
  if (e.claims_said != 0 || e.claims_targeted != 0) {
    props.claims_said = e.claims_said;
    props.claims_targeted = e.claims_targeted;
  }
}

void widen_dates(EntityNode& v, const std::string& day) {
  if (day.empty()) return;
  if (v.first_date.empty() || day < v.first_date) v.first_date = day;
  if (v.last_date.empty() || day > v.last_date) v.last_date = day;
}

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

ClaimGraph::ClaimGraph() : spool_(std::make_unique<RecordSpool>()) {}
ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;

std::size_t ClaimGraph::vertex_slot(std::string_view key) const {
  const std::size_t mask = vertex_slots_.size() - 1;
  std::size_t slot = std::hash<std::string_view>{}(key) & mask;
  while (vertex_slots_[slot] != 0 && graph_[vertex_slots_[slot] - 1].id != key) slot = (slot + 1) & mask;
  return slot;
}

void ClaimGraph::index_vertex(int v) {
  if ((boost::num_vertices(graph_) + 1) * 2 > vertex_slots_.size()) {
    vertex_slots_.assign(std::max<std::size_t>(64, vertex_slots_.size() * 2), 0);
    for (std::size_t u = 0; u < boost::num_vertices(graph_); ++u) {
      if (static_cast<int>(u) != v) vertex_slots_[vertex_slot(graph_[u].id)] = static_cast<std::uint32_t>(u + 1);
    }
  }
  vertex_slots_[vertex_slot(graph_[v].id)] = static_cast<std::uint32_t>(v + 1);
}

int ClaimGraph::find_entity(std::string_view id) const {
  if (vertex_slots_.empty()) return -1;
  const std::uint32_t found = vertex_slots_[vertex_slot(id)];
  return found == 0 ? -1 : static_cast<int>(found - 1);
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
  if (const int found = find_entity(key); found >= 0) return found;

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
  index_vertex(v);
  return v;
}

void ClaimGraph::add_claim(const Claim& claim, const EntityRegistry& registry,
                           const DocumentMeta& meta) {
  if (!spool_) spool_ = std::make_unique<RecordSpool>();  // after a move
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

  RecordWriter record;
  record.str(claim.document).u32(claim.begin).u32(claim.end).str(claim.text);
  record.u32(static_cast<std::uint32_t>(claim.kind)).str(claim.cue);
  record.u32(static_cast<std::uint32_t>(claim.relation));
  record.str(meta.date).str(meta.source).str(meta.url).str(meta.title);
  record.i32(speaker).u32(static_cast<std::uint32_t>(targets.size()));
  for (int t : targets) record.i32(t);
  spool_->append(record.data());
  ++claims_;
}

void ClaimGraph::sync_entities(const EntityRegistry& registry) {
  for (std::size_t v = 0; v < boost::num_vertices(graph_); ++v) {
    EntityNode& props = graph_[v];
    const Entity* e = registry.find(props.id);
    if (e == nullptr) continue;  // unresolved ("name:…"), not registered or retired
    settle_vertex(*e, props.id, props);
  }
}

void ClaimGraph::settle_entity(const Entity& e) {
  const int v = find_entity(e.id);
  if (v >= 0) settle_vertex(e, e.id, graph_[v]);
}

Status ClaimGraph::for_each_claim(const std::function<bool(const ClaimRecord&)>& visit) const {
  if (!spool_) return Status();
  ClaimRecord c;
  std::size_t index = 0;
  bool damaged = false;
  Status read = spool_->for_each(
      [&](std::string_view bytes) {
        RecordReader in(bytes);
        std::uint32_t kind = 0, relation = 0, count = 0;
        std::int32_t speaker = -1;
        (void)(in.str(c.document) && in.u32(c.begin) && in.u32(c.end) && in.str(c.text) && in.u32(kind) &&
            in.str(c.cue) && in.u32(relation) && in.str(c.meta.date) && in.str(c.meta.source) &&
            in.str(c.meta.url) && in.str(c.meta.title) && in.i32(speaker) && in.u32(count));
        c.targets.clear();
        for (std::uint32_t i = 0; in.ok() && i < count; ++i) {
          std::int32_t t = -1;
          if (in.i32(t)) c.targets.push_back(t);
        }
        if (!in.ok() || !in.at_end()) {
          damaged = true;
          return false;
        }
        c.index = index;
        c.kind = static_cast<ClaimKind>(kind);
        c.relation = static_cast<Relation>(relation);
        c.speaker = speaker;
        c.day = c.meta.day();
        c.id = "claim:" + c.document + ":" + std::to_string(c.begin) + "-" + std::to_string(c.end) +
               ":" + std::to_string(index);
        ++index;
        return visit(c);
      });
  if (damaged) return Status::error(DiagCode::kIoError, "", 0, "the claims spool is damaged");
  return read;
}

}  // namespace quotegraph

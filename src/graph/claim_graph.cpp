// ClaimGraph construction: one vertex per canonical entity (keyed by its
// registry id, or by its name while unresolved), one vertex per claim,
// says/targets edges around each claim, and speaker -> target aggregate
// edges whose weight counts the claims, as actor networks need.
#include "quotegraph/graph/claim_graph.h"

#include <algorithm>
#include <iterator>

namespace quotegraph {

namespace {

// Claim labels stay short enough for a node in Gephi or Graphviz; the full
// text is kept in VertexProps::text.
constexpr std::size_t kMaxLabelCodePoints = 80;
constexpr const char kEllipsis[] = "\xE2\x80\xA6";  // …

bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Cuts `text` after kMaxLabelCodePoints code points and appends "…".
// Counts lead bytes rather than decoding, so malformed UTF-8 cannot make it
// fail; the exporters clean the bytes later.
std::string cut_label(const std::string& text) {
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

std::string entity_key(const EntityRef& ref) {
  if (!ref.id.empty()) return ref.id;
  if (!ref.name.empty()) return "name:" + ref.name;
  return {};
}

// Copies what the registry knows about an entity onto its vertex.
void copy_entity(const Entity& e, VertexProps& v) {
  v.label = e.name;
  v.entity_type = e.type;
  v.role = e.role;
  v.state = e.state;
  v.aliases.clear();
  v.aliases.reserve(e.aliases.size());
  for (const auto& alias : e.aliases) v.aliases.push_back(alias.first);
}

}  // namespace

const char* vertex_kind_name(VertexKind k) {
  return k == VertexKind::kClaim ? "claim" : "entity";
}

std::string edge_relation_name(const EdgeProps& e) {
  switch (e.kind) {
    case EdgeKind::kSays: return "says";
    case EdgeKind::kTargets: return "targets";
    case EdgeKind::kAggregate: return relation_name(e.relation);
  }
  return "says";
}

Vertex ClaimGraph::entity_vertex(const EntityRef& ref, const EntityRegistry& registry) {
  std::string key = entity_key(ref);
  if (key.empty()) return boost::graph_traits<Graph>::null_vertex();
  auto found = entity_vertex_.find(key);
  if (found != entity_vertex_.end()) return found->second;

  VertexProps props;
  props.kind = VertexKind::kEntity;
  props.id = key;
  props.label = ref.name;
  props.entity_type = ref.type;
  if (!ref.id.empty()) {
    if (const Entity* e = registry.find(ref.id)) copy_entity(*e, props);
  }
  // An entity the registry knows by id but whose name is still empty would
  // show as a blank node; its id is the next best label.
  if (props.label.empty()) props.label = key;
  Vertex v = boost::add_vertex(std::move(props), graph_);
  entity_vertex_.emplace(std::move(key), v);
  return v;
}

void ClaimGraph::add_claim(const Claim& claim, const EntityRegistry& registry,
                           const DocumentMeta& meta) {
  VertexProps props;
  props.kind = VertexKind::kClaim;
  props.id = "claim:" + claim.document + ":" + std::to_string(claim.begin) + "-" +
             std::to_string(claim.end) + ":" + std::to_string(claims_);
  props.label = cut_label(claim.text);
  props.document = claim.document;
  props.begin = claim.begin;
  props.end = claim.end;
  props.text = claim.text;
  props.claim_kind = claim.kind;
  props.cue = claim.cue;
  props.relation = claim.relation;
  props.meta = meta;
  const Vertex claim_v = boost::add_vertex(std::move(props), graph_);
  ++claims_;

  const Vertex none = boost::graph_traits<Graph>::null_vertex();
  Vertex speaker = none;
  if (claim.speaker) speaker = entity_vertex(*claim.speaker, registry);
  if (speaker != none) {
    boost::add_edge(speaker, claim_v, EdgeProps{EdgeKind::kSays, claim.relation, 1}, graph_);
    ++graph_[speaker].claims_said;
  }

  std::vector<Vertex> seen;
  for (const EntityRef& ref : claim.targets) {
    const Vertex target = entity_vertex(ref, registry);
    if (target == none) continue;
    // "la Russie … Moscou" can resolve twice to one entity: one edge, one count.
    if (std::find(seen.begin(), seen.end(), target) != seen.end()) continue;
    seen.push_back(target);
    boost::add_edge(claim_v, target, EdgeProps{EdgeKind::kTargets, claim.relation, 1}, graph_);
    ++graph_[target].claims_targeted;
    if (speaker == none) continue;

    const auto key = std::make_tuple(speaker, target, claim.relation);
    auto found = aggregate_edge_.find(key);
    if (found != aggregate_edge_.end()) {
      // Out-edge lists are vectors that only grow, so a position stays valid.
      auto it = std::next(boost::out_edges(speaker, graph_).first,
                          static_cast<std::ptrdiff_t>(found->second));
      ++graph_[*it].weight;
    } else {
      const std::size_t position = boost::out_degree(speaker, graph_);
      boost::add_edge(speaker, target, EdgeProps{EdgeKind::kAggregate, claim.relation, 1}, graph_);
      aggregate_edge_.emplace(key, position);
    }
  }
}

void ClaimGraph::sync_entities(const EntityRegistry& registry) {
  for (const auto& [key, v] : entity_vertex_) {
    const Entity* e = registry.find(key);
    if (e == nullptr) continue;  // unresolved ("name:…") or not registered
    VertexProps& props = graph_[v];
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

}  // namespace quotegraph

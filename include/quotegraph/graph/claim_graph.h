// ClaimGraph: the speaker -> claim -> target graph, kept so that a corpus of
// any size fits in memory. Two parts:
//  - the actor network, a Boost.Graph adjacency_list in memory: one vertex
//    per entity (speakers and targets alike, since one entity is often
//    both) and one aggregated entity -> entity edge per (speaker, target,
//    relation) whose weight counts the claims, with the count per day when
//    documents are dated. It grows with the entities, not the claims.
//  - the claim layer: each claim as a compact record (offsets, kind,
//    relation, speaker and target vertex numbers, its text and document
//    metadata) spooled to an anonymous temporary file and streamed back by
//    the exporters (GraphML, GEXF, DOT), so that claims never pile up in
//    memory. A claim vertex has `says` (entity -> claim) and `targets`
//    (claim -> entity) edges in every format.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/graph/record_spool.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph {

// Relation::kStates … Relation::kRespondsTo, the last of the enum.
constexpr std::size_t kRelationCount = static_cast<std::size_t>(Relation::kRespondsTo) + 1;

// An entity vertex of the actor network.
struct EntityNode {
  std::string id;     // entity id of entities.jsonl ("dmitri-peskov"), "name:<name>" when unresolved
  std::string label;  // canonical name
  EntityType entity_type = EntityType::kUnknown;
  std::string role, state;
  std::vector<std::string> aliases;
  int claims_said = 0, claims_targeted = 0;  // from the registry after sync_entities
  std::string first_date, last_date;         // YYYY-MM-DD of its dated claims, or ""
  // Claims per relation in this graph, said and aimed at (with or without
  // a speaker): what views count.
  std::array<int, kRelationCount> said_by_relation{};
  std::array<int, kRelationCount> targeted_by_relation{};
};

// An aggregated edge: `weight` claims of one relation from one speaker to
// one target.
struct ActorEdge {
  Relation relation = Relation::kStates;
  int weight = 0;
  std::map<std::string, int> claims_by_day;  // YYYY-MM-DD -> claims, dated ones only
};

using ActorGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         EntityNode, ActorEdge>;
using ActorVertex = boost::graph_traits<ActorGraph>::vertex_descriptor;
using ActorEdgeRef = boost::graph_traits<ActorGraph>::edge_descriptor;

// A claim as the exporters read it back.
struct ClaimRecord {
  std::size_t index = 0;  // order of addition, from 0
  std::string id;         // "claim:<document>:<start>-<end>:<index>"
  std::string document;
  std::uint32_t begin = 0, end = 0;
  std::string text;
  ClaimKind kind = ClaimKind::kDirect;
  std::string cue;
  Relation relation = Relation::kStates;
  DocumentMeta meta;
  std::string day;  // meta.day(): YYYY-MM-DD or ""
  int speaker = -1;          // actor vertex of the speaker, -1 when none
  std::vector<int> targets;  // actor vertices of the targets, each once
};

// "says", "targets": the edges around a claim vertex; aggregated edges are
// named after their relation ("accuses" …).
const char* says_edge_name();
const char* targets_edge_name();

// A claim's label: its text cut after 80 code points with "…".
std::string claim_label(const std::string& text);

class ClaimGraph {
 public:
  ClaimGraph();
  ~ClaimGraph();
  ClaimGraph(ClaimGraph&&) noexcept;
  ClaimGraph& operator=(ClaimGraph&&) noexcept;
  ClaimGraph(const ClaimGraph&) = delete;
  ClaimGraph& operator=(const ClaimGraph&) = delete;

  // Adds a claim: spools its record and bumps the speaker's and targets'
  // counts and the aggregate edges. Entities are looked up in `registry` by
  // id (EntityRef::id), or keyed "name:<name>" while unresolved, and
  // created on first use; an entity with neither id nor name is left out.
  // A claim without speaker gets no says edge and no aggregate; a target
  // named twice ("la Russie … Moscou") counts once. `meta` is the claim's
  // document metadata. Never fails: when no temporary file can be made
  // the records stay in memory.
  void add_claim(const Claim& claim, const EntityRegistry& registry,
                 const DocumentMeta& meta = {});

  // Refreshes entity names, aliases and counts from `registry` (canonical
  // names can still change while documents are added).
  void sync_entities(const EntityRegistry& registry);
  // Settles the vertex of `e` as sync_entities would, for an entity the
  // registry has just retired (EntityRegistry::retire_local_entities: its
  // record is final and find() will no longer know it), so that the
  // registry need not keep document-local entities for the graph's sake.
  // Ignored when no claim named `e`.
  void settle_entity(const Entity& e);

  // The actor network: entities and aggregated edges.
  const ActorGraph& graph() const { return graph_; }
  std::size_t entity_count() const { return boost::num_vertices(graph_); }
  std::size_t claim_count() const { return claims_; }
  // True when some claim's document had a date (ISO day) / any metadata.
  bool has_dates() const { return has_dates_; }
  bool has_meta() const { return has_meta_; }
  // The vertex of entity `id` ("name:<name>" for unresolved ones), or -1.
  int find_entity(std::string_view id) const;
  // Claims of `relation` from `speaker` to `target` (vertices): the weight
  // of their aggregated edge, 0 when there is none.
  int aggregate_weight(int speaker, int target, Relation relation) const;

  // Calls `visit` with every claim in order of addition; stops early when
  // it returns false. Returns an error Status (kIoError) when the spool
  // cannot be read back (a full disk while writing it, say).
  Status for_each_claim(const std::function<bool(const ClaimRecord&)>& visit) const;

 private:
  int entity_vertex(const EntityRef& ref, const EntityRegistry& registry);
  // The slot of `key` (an EntityNode::id) in vertex_slots_: its vertex's, or
  // the empty one where it would go.
  std::size_t vertex_slot(std::string_view key) const;
  // Enters vertex `v`, just added, in vertex_slots_ (growing it first when
  // half full).
  void index_vertex(int v);

  ActorGraph graph_;
  // The vertex of each entity key: open addressing over vertex numbers + 1
  // (0 is empty), the keys read from the vertices themselves, so that a
  // corpus's many entities keep their ids once (a hash map held a second
  // copy in a node of its own: about 100 bytes an entity).
  std::vector<std::uint32_t> vertex_slots_;
  // (speaker, target, relation) -> the aggregate edge's position among the
  // speaker's out-edges (vectors that only grow, so positions stay valid).
  std::map<std::tuple<int, int, Relation>, std::size_t> aggregate_edge_;
  std::size_t claims_ = 0;
  bool has_dates_ = false, has_meta_ = false;
  // Mutable: reading the records back moves the file position only.
  mutable std::unique_ptr<RecordSpool> spool_;
};

}  // namespace quotegraph

// ClaimGraph: the speaker -> claim -> target graph as a Boost.Graph
// adjacency_list with bundled properties. Entity vertices (speakers and
// targets alike, since one entity is often both) and claim vertices; `says`
// edges from entity to claim, `targets` edges from claim to entity, and
// aggregated entity -> entity edges, one per (speaker, target, relation),
// whose weight counts the claims, for actor networks in Gephi.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/structure/document_source.h"

namespace quotegraph {

enum class VertexKind : std::uint8_t { kEntity, kClaim };
// "entity", "claim".
const char* vertex_kind_name(VertexKind k);

struct VertexProps {
  VertexKind kind = VertexKind::kEntity;
  std::string id;     // entity id, or "claim:<document>:<start>-<end>:<n>"
  std::string label;  // entity name, or the claim text cut to 80 code points
  // Entities.
  EntityType entity_type = EntityType::kUnknown;
  std::string role, state;
  std::vector<std::string> aliases;
  int claims_said = 0, claims_targeted = 0;
  // Claims.
  std::string document;
  std::uint32_t begin = 0, end = 0;
  std::string text;   // full claim text
  ClaimKind claim_kind = ClaimKind::kDirect;
  std::string cue;
  Relation relation = Relation::kStates;
  DocumentMeta meta;  // the claim's document: date, source, url, title (may be empty)
};

enum class EdgeKind : std::uint8_t { kSays, kTargets, kAggregate };
// "says", "targets", and for aggregates the relation name ("accuses" …).
struct EdgeProps {
  EdgeKind kind = EdgeKind::kSays;
  Relation relation = Relation::kStates;
  int weight = 1;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// The `relation` attribute an edge carries in GraphML and DOT: "says",
// "targets", or the relation name for aggregates.
std::string edge_relation_name(const EdgeProps& e);

class ClaimGraph {
 public:
  // Adds a claim vertex with its says/targets edges and bumps the aggregate
  // edges. Entities are looked up in `registry` by id (EntityRef::id) and
  // created on first use; a claim without speaker gets no says edge; act
  // claims are added like the others (kind "act"). Never fails.
  // `meta` is the claim's document metadata, kept on the claim vertex.
  void add_claim(const Claim& claim, const EntityRegistry& registry,
                 const DocumentMeta& meta = {});

  // Refreshes entity vertex names, aliases and counts from `registry`
  // (canonical names can still change while documents are added).
  void sync_entities(const EntityRegistry& registry);

  const Graph& graph() const { return graph_; }
  std::size_t entity_count() const { return entity_vertex_.size(); }
  std::size_t claim_count() const { return claims_; }

 private:
  Vertex entity_vertex(const EntityRef& ref, const EntityRegistry& registry);

  Graph graph_;
  std::unordered_map<std::string, Vertex> entity_vertex_;
  // Aggregate edge (speaker, target, relation) -> its position among the
  // out-edges of the speaker. A position rather than an Edge descriptor,
  // which points into the graph's storage and would dangle in a copy.
  std::map<std::tuple<Vertex, Vertex, Relation>, std::size_t> aggregate_edge_;
  std::size_t claims_ = 0;
};

}  // namespace quotegraph

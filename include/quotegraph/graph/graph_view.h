// GraphView: which part of a ClaimGraph an export shows. Every graph
// format (GraphML, GEXF, DOT, SVG, the HTML network) writes through a view:
// the claim layer (entity -> claim -> entity), the actor network (entity ->
// entity, weighted per relation) or both, narrowed to some relations, some
// speakers, the N busiest entities, or edges backed by at least N claims.
// A view is computed from the in-memory actor network alone; claims are
// then filtered one by one as they stream past.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/graph/claim_graph.h"

namespace quotegraph {

enum class GraphLayer : std::uint8_t {
  kAll,     // claims with their says/targets edges, plus the aggregated edges
  kClaims,  // entity -> claim -> entity only
  kActors,  // entities and aggregated entity -> entity edges only
};
// "all", "claims", "actors".
const char* graph_layer_name(GraphLayer layer);
std::optional<GraphLayer> parse_graph_layer(std::string_view name);

struct ViewOptions {
  GraphLayer layer = GraphLayer::kAll;
  // Aggregated edges backed by fewer claims are left out; in the claim
  // layer, a claim is kept only when one of its speaker -> target pairs
  // reaches the weight (so claims without target go when this is above 1).
  int min_weight = 1;
  // When above 0: only the `top` entities with most claims (said plus
  // aimed at, within the relations and speakers chosen; ties broken by id)
  // and the edges among them; claims whose speaker is not among them go.
  std::size_t top = 0;
  std::vector<Relation> relations;    // empty: every relation
  std::vector<std::string> speakers;  // entity ids or names (case and accents ignored); empty: all
};

class GraphView {
 public:
  // The whole graph, both layers.
  explicit GraphView(const ClaimGraph& graph);
  // Selects from `graph` (which must outlive the view). Speakers that match
  // no entity are listed in unmatched_speakers(); the view then shows only
  // the speakers that matched (nothing when none did).
  GraphView(const ClaimGraph& graph, ViewOptions options);

  const ViewOptions& options() const { return options_; }
  const ClaimGraph& graph() const { return *graph_; }
  bool shows_claims() const { return options_.layer != GraphLayer::kActors; }
  bool shows_aggregates() const { return options_.layer != GraphLayer::kClaims; }

  // Entity vertex `v` is shown: it speaks or is aimed at within the view.
  bool has_entity(int v) const;
  // The shown entities in vertex order.
  const std::vector<int>& entities() const { return entities_; }
  // Aggregated edge `e` is shown (only meaningful with shows_aggregates()).
  bool keeps_edge(ActorEdgeRef e) const;
  // The aggregated edges shown, in edge order: empty unless
  // shows_aggregates().
  std::vector<ActorEdgeRef> kept_edges() const;
  // Claim `c` is shown (only meaningful with shows_claims()); its says edge
  // is drawn when its speaker is shown, each targets edge when that target is.
  bool keeps_claim(const ClaimRecord& c) const;
  // Claims in the view per entity, said plus aimed at (what `top` ranks).
  int entity_weight(int v) const;

  const std::vector<std::string>& unmatched_speakers() const { return unmatched_; }

 private:
  // Decides what the view shows, in this order:
  void select();
  void match_speakers();   // speaker_in_ and unmatched_ from options_.speakers
  void weigh_entities();   // weight_: claims said and aimed at within the view
  void rank_entities();    // entity_in_: weighed entities, the `top` heaviest
  void collect_shown();    // shown_ and entities_, after min_weight

  const ClaimGraph* graph_;
  ViewOptions options_;
  std::vector<char> relation_in_;  // by Relation
  std::vector<char> speaker_in_;   // by vertex; empty: every speaker
  std::vector<char> entity_in_;    // by vertex: among the top (all when top is 0)
  std::vector<char> shown_;        // by vertex
  std::vector<int> weight_;        // by vertex
  std::vector<int> entities_;
  std::vector<std::string> unmatched_;
};

}  // namespace quotegraph

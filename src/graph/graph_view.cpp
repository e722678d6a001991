// GraphView selection: per-entity counts within the chosen relations and
// speakers come from the counts the actor network keeps per relation (and
// from the aggregated edges when speakers are chosen), so a view never
// reads the claims; the claims are only tested as they stream past.
#include "quotegraph/graph/graph_view.h"

#include <algorithm>

#include <boost/range/iterator_range.hpp>

#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

// Names compared without case or accents: "Emmanuel Macron" finds
// "emmanuel macron" and "Élisabeth Borne" finds "Elisabeth Borne".
std::string name_key_of(std::string_view name) { return strip_accents(fold_utf8(name)); }

}  // namespace

const char* graph_layer_name(GraphLayer layer) {
  switch (layer) {
    case GraphLayer::kAll: return "all";
    case GraphLayer::kClaims: return "claims";
    case GraphLayer::kActors: return "actors";
  }
  return "all";
}

std::optional<GraphLayer> parse_graph_layer(std::string_view name) {
  for (GraphLayer l : {GraphLayer::kAll, GraphLayer::kClaims, GraphLayer::kActors})
    if (name == graph_layer_name(l)) return l;
  return std::nullopt;
}

GraphView::GraphView(const ClaimGraph& graph) : GraphView(graph, ViewOptions{}) {}

GraphView::GraphView(const ClaimGraph& graph, ViewOptions options)
    : graph_(&graph), options_(std::move(options)) {
  select();
}

void GraphView::select() {
  relation_in_.assign(kRelationCount, options_.relations.empty() ? 1 : 0);
  for (Relation r : options_.relations) relation_in_[static_cast<std::size_t>(r)] = 1;
  match_speakers();
  weigh_entities();
  rank_entities();
  collect_shown();
}

void GraphView::match_speakers() {
  const ActorGraph& g = graph_->graph();
  const std::size_t n = boost::num_vertices(g);
  speaker_in_.clear();
  unmatched_.clear();
  if (!options_.speakers.empty()) {
    speaker_in_.assign(n, 0);
    for (const std::string& wanted : options_.speakers) {
      const std::string key = name_key_of(wanted);
      bool found = false;
      for (std::size_t v = 0; v < n; ++v) {
        if (g[v].id == wanted || name_key_of(g[v].label) == key) {
          speaker_in_[v] = 1;
          found = true;
        }
      }
      if (!found) unmatched_.push_back(wanted);
    }
  }
}

void GraphView::weigh_entities() {
  const ActorGraph& g = graph_->graph();
  const std::size_t n = boost::num_vertices(g);
  auto speaker_ok = [&](std::size_t v) { return speaker_in_.empty() || speaker_in_[v]; };
  weight_.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    int said = 0, targeted = 0;
    for (std::size_t r = 0; r < kRelationCount; ++r) {
      if (!relation_in_[r]) continue;
      if (speaker_ok(v)) said += g[v].said_by_relation[r];
      if (speaker_in_.empty()) targeted += g[v].targeted_by_relation[r];
    }
    if (!speaker_in_.empty()) {
      for (ActorEdgeRef e : boost::make_iterator_range(boost::in_edges(v, g))) {
        if (relation_in_[static_cast<std::size_t>(g[e].relation)] && speaker_in_[boost::source(e, g)])
          targeted += g[e].weight;
      }
    }
    weight_[v] = said + targeted;
  }
}

void GraphView::rank_entities() {
  const ActorGraph& g = graph_->graph();
  const std::size_t n = boost::num_vertices(g);
  entity_in_.assign(n, 0);
  std::vector<int> ranked;
  for (std::size_t v = 0; v < n; ++v)
    if (weight_[v] > 0) ranked.push_back(static_cast<int>(v));
  if (options_.top > 0 && ranked.size() > options_.top) {
    std::stable_sort(ranked.begin(), ranked.end(), [&](int a, int b) {
      if (weight_[a] != weight_[b]) return weight_[a] > weight_[b];
      return g[a].id < g[b].id;
    });
    ranked.resize(options_.top);
  }
  for (int v : ranked) entity_in_[v] = 1;
}

void GraphView::collect_shown() {
  const ActorGraph& g = graph_->graph();
  const std::size_t n = boost::num_vertices(g);
  shown_.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) shown_[v] = entity_in_[v] && options_.min_weight <= 1;
  if (options_.min_weight > 1) {
    for (ActorEdgeRef e : boost::make_iterator_range(boost::edges(g))) {
      if (keeps_edge(e)) shown_[boost::source(e, g)] = shown_[boost::target(e, g)] = 1;
    }
  }
  entities_.clear();
  for (std::size_t v = 0; v < n; ++v)
    if (shown_[v]) entities_.push_back(static_cast<int>(v));
}

bool GraphView::has_entity(int v) const {
  return v >= 0 && static_cast<std::size_t>(v) < shown_.size() && shown_[v];
}

int GraphView::entity_weight(int v) const {
  return v >= 0 && static_cast<std::size_t>(v) < weight_.size() ? weight_[v] : 0;
}

bool GraphView::keeps_edge(ActorEdgeRef e) const {
  const ActorGraph& g = graph_->graph();
  const std::size_t s = boost::source(e, g), t = boost::target(e, g);
  const ActorEdge& p = g[e];
  return relation_in_[static_cast<std::size_t>(p.relation)] && p.weight >= options_.min_weight &&
         (speaker_in_.empty() || speaker_in_[s]) && entity_in_[s] && entity_in_[t];
}

std::vector<ActorEdgeRef> GraphView::kept_edges() const {
  std::vector<ActorEdgeRef> kept;
  if (!shows_aggregates()) return kept;
  const ActorGraph& g = graph_->graph();
  for (ActorEdgeRef e : boost::make_iterator_range(boost::edges(g)))
    if (keeps_edge(e)) kept.push_back(e);
  return kept;
}

bool GraphView::keeps_claim(const ClaimRecord& c) const {
  if (!relation_in_[static_cast<std::size_t>(c.relation)]) return false;
  const bool filtered_speaker = !speaker_in_.empty() || options_.top > 0;
  if (filtered_speaker) {
    if (c.speaker < 0 || static_cast<std::size_t>(c.speaker) >= entity_in_.size()) return false;
    if (!speaker_in_.empty() && !speaker_in_[c.speaker]) return false;
    if (!entity_in_[c.speaker]) return false;
  }
  if (options_.min_weight <= 1) return true;
  if (c.speaker < 0) return false;
  for (int t : c.targets) {
    if (has_entity(t) && has_entity(c.speaker) &&
        graph_->aggregate_weight(c.speaker, t, c.relation) >= options_.min_weight)
      return true;
  }
  return false;
}

}  // namespace quotegraph

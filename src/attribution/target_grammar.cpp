// The grammar that several target readers share (target_grammar.h):
// negated cues, cues of a relative qui, passives of wrongdoing.
#include "target_grammar.h"

namespace quotegraph::detail {

namespace {

// How far before a cue's first token ne may stand: a subject clitic and
// an object clitic between (« je ne le lui demande pas »).
constexpr std::uint32_t kNeBeforeCue = 3;
// How far after the verb a negation word may stand: « ne demandons
// vraiment rien ».
constexpr std::uint32_t kNegationAfterVerb = 3;

}  // namespace

NegatedCue negation_of(const Run& run, const CueHit& h, std::uint32_t limit) {
  std::uint32_t ne = h.verb + 1;
  for (std::uint32_t z = h.first > kNeBeforeCue ? h.first - kNeBeforeCue : 0; z <= h.verb; ++z)
    if (run.has_extra(z, WordClasses::kNeForm)) ne = z;
  if (ne > h.verb) return NegatedCue::kNo;
  const std::uint32_t end = std::min(limit, std::max(h.last, h.verb) + kNegationAfterVerb);
  for (std::uint32_t z = ne + 1; z < end; ++z) {
    if (run.is_punct(z)) break;
    if (!run.has(z, WordClasses::kNegation) && !run.has_grammar(z, WordClasses::kNegationWord)) continue;
    // « pas seulement », « jamais assez »: emphasis, the verb stands.
    if (z + 1 < limit && run.has_grammar(z + 1, WordClasses::kNegationEmphasis)) return NegatedCue::kNo;
    return run.has_grammar(z, WordClasses::kNegationObject) ? NegatedCue::kNoObject : NegatedCue::kYes;
  }
  return NegatedCue::kNo;
}

bool cue_in_relative(const Run& run, const CueHit& h, std::uint32_t tb) {
  std::uint32_t s = h.first;
  while (s > tb && (run.has_extra(s - 1, WordClasses::kNeForm) || run.has(s - 1, WordClasses::kObj)) &&
         !run.has_extra(s - 1, WordClasses::kQuiWord))
    --s;
  return s > tb && run.has_extra(s - 1, WordClasses::kQuiWord);
}

bool passive_of_judgement(const Run& run, std::uint32_t v, std::uint32_t te) {
  // « a été agressé », « a été menacé » (a harm word) tell an event; « est »
  // + participle may tell a
  // state (« il est corrompu ») and is a passive only with its agent
  // after it (« il est harcelé par ses voisins », not « par nature »).
  bool ete = false, etre = false;
  while (v < te && (run.has(v, WordClasses::kAux) || run.has_grammar(v, WordClasses::kEteWord))) {
    ete |= run.has_grammar(v, WordClasses::kEteWord);
    etre |= run.has(v, WordClasses::kEtreForm);
    v = run.skip_adverbs(v + 1, te);
    // « n'a pas été agressé », « n'a jamais été menacé »: the negation
    // between the auxiliaries tells no event, and makes the subject no
    // one defended (a victim spared is no target either).
    while (v < te && (run.has(v, WordClasses::kNegation) || run.has_grammar(v, WordClasses::kNegationWord)))
      v = run.skip_adverbs(v + 1, te);
  }
  if (!(ete || etre) || v >= te || run.tags_.empty() || !(run.tags_[v].readings & kPosPastParticiple) ||
      !(run.has(v, WordClasses::kNegative) || run.has_anchor(v, WordClasses::kHarmWord)))
    return false;
  if (ete) return true;
  const std::uint32_t agent = run.skip_adverbs(v + 1, te);
  return agent + 1 < te && run.has_extra(agent, WordClasses::kParWord) &&
         (run.has(agent + 1, WordClasses::kDet) || run.is_name_word(agent + 1));
}

bool victim_in_relative(const Run& run, std::uint32_t e, std::uint32_t te) {
  if (e + 2 >= te || !run.is_comma(e) || !run.has_extra(e + 1, WordClasses::kQuiWord)) return false;
  std::uint32_t v = e + 2;
  while (v < te && (run.has_extra(v, WordClasses::kNeForm) || run.has(v, WordClasses::kObj))) ++v;
  return passive_of_judgement(run, run.skip_adverbs(v, te), te);
}

std::uint32_t with_coordinated_adjective(const Run& run, const Np& np, std::uint32_t limit) {
  const auto adjective = [&](std::uint32_t j) {
    return !run.tags_.empty() && (run.tags_[j].readings & kPosAdjective) &&
           !(run.tags_[j].readings & kPosFiniteVerb) && !run.tok(j).capitalized;
  };
  const std::uint32_t e = np.end;
  if (np.valid() && e > np.begin + 1 && e + 1 < limit && run.has_extra(e, WordClasses::kEtWord) &&
      adjective(e - 1) && adjective(e + 1) &&
      (e + 2 >= limit || run.is_punct(e + 2) || run.has(e + 2, WordClasses::kPrep)))
    return e + 2;
  return e;
}

bool aims_at_object(const Run& run, const CueHit& h, std::uint32_t tb, std::uint32_t te) {
  if (cue_in_relative(run, h, tb)) return false;
  // « Je n'accuse personne »: no one is accused, so nothing is denied.
  const NegatedCue negated = negation_of(run, h, te);
  return negated == NegatedCue::kNo || (negated == NegatedCue::kYes && accusing(h.entry->relation));
}

bool tail_holds_preposition(const Run& run, const CueHit& h) {
  const std::vector<std::string>& tail = h.entry->tail;
  return !tail.empty() && h.last > h.verb && run.words.has(tail.back(), WordClasses::kPrep);
}

}  // namespace quotegraph::detail

// The grammar that several target readers share: whether a cue inside a
// content is negated or governed by a relative qui, and whether a verb
// group is a passive of wrongdoing. Each is French grammar over the
// tokens of a Run; the words are words.tsv's classes.
#pragma once

#include <cstdint>

#include "attribution_run.h"

namespace quotegraph::detail {

// Whether token `k` opens a clause inside a content, so that the next
// noun phrase may be that clause's subject: punctuation that ends a clause,
// or a word of words.tsv's class clauseopener. The form is read as a view,
// so that each comparison with a mark is inline (it runs for every token
// of every content).
inline bool opens_clause(const Run& run, std::uint32_t k) {
  const std::string_view w = run.tok(k).lower;
  return w == "." || w == "!" || w == "?" || w == ";" || w == ":" || w == "," || w == "…" ||
         run.has(k, WordClasses::kClauseOpener);
}

// How a cue is negated: not at all, with a negation adverb (pas, jamais,
// plus …), or with a negation word that is its object (personne, rien:
// « je n'accuse personne » names no one).
enum class NegatedCue { kNo, kYes, kNoObject };

// How cue `h` is negated: ne (n') in its verb group or right before it,
// then a negation word after ne, before token `limit`: « nous ne
// demandons rien au gouvernement », « je n'ai jamais traité X d'escroc ».
// « ne … que » restricts and does not negate (« nous ne demandons qu'une
// chose à la mairie »), nor does a negation word followed by emphasis
// (« je ne critique pas seulement X », « je ne remercierai jamais assez
// X »): kNo for both.
NegatedCue negation_of(const Run& run, const CueHit& h, std::uint32_t limit);

// Whether cue `h` is negated at all (negation_of is not kNo).
inline bool cue_negated(const Run& run, const CueHit& h, std::uint32_t limit) {
  return negation_of(run, h, limit) != NegatedCue::kNo;
}

// Whether the subject of cue `h` is a relative qui (past ne, object
// clitics and the auxiliary), at or after token `tb`: « le voisin qui a
// traité le maire de menteur » reports the neighbour's act, no claim of
// the speaker about the one insulted.
bool cue_in_relative(const Run& run, const CueHit& h, std::uint32_t tb);

// Whether the verb group at token `v` (before `te`) is a passive of a
// word of judgement: a été + past participle, or est + past participle
// followed by its agent (par …): « X a été agressé », « X est harcelé
// par … » judge the agent, never X; « X est corrompu » judges X.
bool passive_of_judgement(const Run& run, std::uint32_t v, std::uint32_t te);

// Whether the subject that ends at token `e` is the antecedent of a
// relative « , qui » whose verb is a passive of judgement: « Paul Girard,
// qui a été agressé, va mieux » (the subject is the victim).
bool victim_in_relative(const Run& run, std::uint32_t e, std::uint32_t te);

// The end of noun phrase `np` (before token `limit`) with an adjective
// coordinated to its last one: « la communauté nationale et
// internationale » ends after internationale. Both words read as
// adjectives, lower case, and after them the phrase stops or goes on with
// a preposition; else np.end.
std::uint32_t with_coordinated_adjective(const Run& run, const Np& np, std::uint32_t limit);

// Whether the tail of cue `h`'s locution ends in the preposition that
// introduces its target (s'en prendre à, s'élever contre, rendre hommage
// à): the preposition is then read with the cue, and the target's phrase
// starts right after h.last (« s'en est pris aux syndicats » starts at
// syndicats, the article is in aux).
bool tail_holds_preposition(const Run& run, const CueHit& h);

// Whether `r` blames its target: accuses or criticises. Negated, such a
// cue denies the blame and still names the one concerned (« je n'ai
// jamais traité X d'escroc »).
inline bool accusing(Relation r) { return r == Relation::kAccuses || r == Relation::kCriticises; }

// Whether the object of cue `h`, inside the content [tb, te), is aimed at
// by the claim: not when a relative qui is the cue's subject
// (cue_in_relative), nor when the cue is negated (negation_of) unless it
// blames someone it names (then the claim denies; « je n'accuse
// personne » names no one).
bool aims_at_object(const Run& run, const CueHit& h, std::uint32_t tb, std::uint32_t te);

}  // namespace quotegraph::detail

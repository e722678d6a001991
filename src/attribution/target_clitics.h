// The one an object clitic on a cue stands for, as a target: « Je lui
// reproche son silence », « Je leur demande de … », « Le juge l'a accusée
// de … ». The clitic is resolved from where it stands, among the mentions
// the pass made in the sentences just before it (not from the salience
// list as it is at the end of the document), with the gender and number
// of the clitic and of the participle that agrees with it; never to the
// speaker of the claims of its sentence.
#pragma once

#include <cstdint>

#include "attribution_run.h"

namespace quotegraph::detail {

// Fills run.mentions_by_position_ with the mentions made so far that name
// someone (a person by name or role, an organisation, a group, a state),
// pronouns left out, ordered by their begin offset. Called once, before
// the targets are read, so that a clitic looks back at what the pass had
// found before it.
void index_mentions_by_position(Run& run);

// The gender and number that the past participle at token `participle`
// gives the direct clitic it agrees with (« l'a accusée » feminine, « les a
// convoqués » plural, « l'a rappelées » both); `gender` and `plural` are
// left as they were when its ending tells nothing (-é, -i, -u, -is, -it:
// no masculine participle ends in e, so -e is the feminine's, « l'a
// avertie », « l'a prise »).
void participle_agreement(const Run& run, std::uint32_t participle, Gender& gender, bool& plural);

// Whether the object clitic at token `c` is indirect (lui, leur: the one
// asked, reproached, answered), not direct (le, la, l', les).
bool indirect_clitic(const Run& run, std::uint32_t c);

// A pronoun mention for the object clitic at token `c` of cue `h`, whose
// antecedent is the most recent mention of `run.mentions_by_position_`
// that agrees in gender and number, in the clitic's sentence before it or
// in the two sentences before (the same or the previous paragraph);
// persons first for a singular clitic. Only the clitics that stand for
// the one a cue aims at: lui and leur on a cue with an indirect slot, not
// of answering (« lui a rétorqué » speaks to an audience), le, la, l', les on a cue with a direct object that accuses,
// calls on (then followed by à or de: not « je l'appelle tous les jours »),
// warns or thanks (not « je le critique », often a thing). The
// speakers of the claims of the clitic's sentence are never taken. kNone
// when the clitic is none of these or nothing agrees. `third_person`: the
// clitic stands in a verb group whose subject is of the third person (the
// reporting sentence's « la juge lui a demandé »): that subject is in the
// clitic's sentence, so the antecedent is sought in the sentences before.
int clitic_pronoun_target(Run& run, const CueHit& h, std::uint32_t c, bool answering, bool third_person);

// Whether tokens [from, k) hold a determiner or a name word: a phrase
// that may be the antecedent of a pronoun at `k` inside a content.
bool content_names_before(const Run& run, std::uint32_t from, std::uint32_t k);

// Pushes pronoun mention `p` (its span, gender and number set) with the
// antecedent clitic_pronoun_target would give it: the most recent agreeing
// mention that begins before offset `before` (at most p.begin), in the
// pronoun's sentence or the two before, not a speaker of its sentence's
// claims nor one named in [before, p.begin); when `before` is less than
// p.begin, only if a claim of its sentence has a speaker. A person named
// in full there of whom the pass made no mention (an object: « a
// interrogé Paul Girard ») counts too when more recent, for a singular
// pronoun: of any gender when `names_of_any_gender` (lui, leur), else
// only when a title gives the pronoun's gender (Mme X for la; l', which
// tells none, of any gender). When `collectives` (an object clitic) and
// nothing else agrees, a collective or institution named by its common
// noun there (les syndicats, la direction) of which the pass made no
// mention: « Le maire s'en est pris aux syndicats. Il les accuse de … ».
// Returns its index, or kNone (nothing pushed) when nothing agrees.
int pronoun_resolved_where_it_stands(Run& run, MentionInfo&& p, std::uint32_t before, bool names_of_any_gender,
                                     bool collectives = false);

}  // namespace quotegraph::detail

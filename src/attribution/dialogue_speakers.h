// Dialogue speakers: turns the dialogue and interview turns of a document
// (quotes/dialogue.h) into direct claims and finds who speaks each one:
// the subject of the turn's incise (dit Bouvard, répondit la servante,
// s'écria-t-elle: a pronoun goes back to the last person of its gender and
// number, the other interlocutor first), the label of an interview answer,
// the interviewee named before the first question, or, for a turn with no
// incise, the alternation of the last two speakers of the dialogue. Also
// cuts the claim of a quotation in « » at an incise inside it (« Oui,
// dit-elle, demain. ») into two claims with the same speaker. Internal to
// the library.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "quotegraph/attribution/attributor.h"
#include "quotegraph/quotes/dialogue.h"

namespace quotegraph::detail {

struct Run;

// What the dialogue pass borrows from the attribution pass over the whole
// document, which reads noun phrases and subjects.
struct DialogueHooks {
  // Builds a mention for tokens [begin, end) and returns its index in
  // Attribution::mentions.
  std::function<int(std::uint32_t begin, std::uint32_t end)> make_mention;
  // The subject of sentence `s`, read in its tokens before `token_limit`,
  // as a mention: the subject of its last speech verb when it has one
  // (« Le médecin me demandait : »), else that of its main clause; -1 when
  // none is found.
  std::function<int(std::uint32_t s, std::uint32_t token_limit)> sentence_subject;
  // The subject of the main clause of sentence `s`, its first noun phrase
  // after fronted adjuncts (« Mon père se taisait ; ensuite, il me dit »
  // gives Mon père), as a mention; -1 when none is found.
  std::function<int(std::uint32_t s)> main_clause_subject;
  // False when mention `m` cannot name a speaker: its head is an adverb, an
  // adjective, a preposition, a verb form … (Certes, Rassurée, Au jour levant).
  std::function<bool(int m)> can_speak;
  // The gender of a folded given name ('?' when unknown): "jeanne" -> 'f'.
  std::function<Gender(const std::string& folded)> given_name_gender;
  // Mentions of the persons sentence `s` names (Paul Rivière, M. Bayley,
  // not Paris), for a pronoun whose antecedent is no subject.
  std::function<std::vector<int>(std::uint32_t s)> person_names;
  // True when mention `m` is followed by its finite verb, past object
  // clitics and the negation: the subject of a clause (« Pauline se
  // trouva », « Manon me grondait »).
  std::function<bool(int m)> before_its_verb;
  // True when mention `m` is the subject of a clause of its sentence, main
  // or subordinate: its finite verb follows it, past object clitics and the
  // negation (« quand Martine poussa la porte »). Not the subject of a
  // relative clause (« le livre que Bernard lui prêta ») nor a noun after a
  // preposition (« le tableau de Monet pendait »).
  std::function<bool(int m)> subject_of_clause;
  // True when token `k`, capitalised or not, is a word the dictionary
  // knows only as a common word, never as a name: the capitals of a
  // headline (« Questionnaire Coup de cœur », « Entretien Coupe de
  // France », « Pourquoi »), not Marc, Claire, Serge (also common nouns
  // but given names) nor a word it does not know (Lavigne). False when the
  // document was not tagged.
  std::function<bool(std::uint32_t k)> common_word;
  // True when word token `k`, written in lower case, is one the dictionary
  // knows only as a common word: Combien, Est (est-ce), Pourquoi; not
  // Brémond (unknown), Rose (also a given name). False without a dictionary.
  std::function<bool(std::uint32_t k)> common_in_lower_case;
  // The one asked by a narrated indirect question of sentence `s`, which
  // answers the line of dialogue after it: the phrase after à (« Julien
  // demanda à sa sœur si le poisson mordait ») as a mention; -1 with
  // `dative` set when a clitic lui or leur names the one asked (« Je lui
  // demandai pourquoi il arrivait si tard »); -1 with `dative` clear when
  // the sentence asks no one (a question word, then a colon or a quotation
  // mark, introduces the question itself).
  std::function<int(std::uint32_t s, bool& dative)> asked;
  // True when a folded noun names someone who can speak (data/roles.tsv,
  // data/speaking_nouns.tsv): oncle, servante, ministre.
  std::function<bool(const std::string& folded)> speaking_noun;
  // True when the text between characters [begin, end) speaks to someone
  // (vous, an imperative, a title alone: Run::addressed_content).
  std::function<bool(std::uint32_t begin, std::uint32_t end)> addressed;
  // The word classes of data/words.tsv the pass reads (never null once
  // the hooks are made).
  const WordClasses* words = nullptr;
};

// The hooks of the attribution pass `run` (dialogue_hooks.cpp).
DialogueHooks dialogue_hooks(Run& run);

// Replaces the claims that other rules found inside `turns` (their incises
// read as speech verbs, quotations inside a turn) by one direct claim per
// piece of each dialogue turn and interview answer, with its speaker; the
// interviewer's questions give no claim. A kQuotation turn replaces the
// claim of its quotation, if any, by one per piece, with that claim's
// speaker and cue (the incise's when it had none). Keeps `out.claims`
// ordered by begin. Does nothing when `turns` is empty.
void attribute_dialogue(const Document& doc, const std::vector<Turn>& turns, Attribution& out,
                        const DialogueHooks& hooks);

}  // namespace quotegraph::detail

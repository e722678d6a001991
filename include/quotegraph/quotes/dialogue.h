// Dialogue and interviews: turns of speech printed without a speech verb
// before them. In novels, lines opened by a dialogue dash (— – --), with or
// without « » after it, and the narrator's incises inside them (— Non,
// dit-il, jamais. — Entrez ! cria la concierge.); in the press, interviews
// as question and answer lines (Q : / R :, the names of the journalist and
// of the interviewee followed by a colon, dashes, or question paragraphs in
// an article signed « Propos recueillis par … » or in three pairs or more
// of a question put to someone and its answer); and, anywhere, a quotation
// in « » cut by an incise inside it (« Un jour, écrivait-elle, je sautai
// … »). This unit finds where the turns and their incises are; who speaks
// is the attribution stage's work.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "quotegraph/lexicon/dialogue_verbs.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/quotes/quote_detector.h"
#include "quotegraph/structure/document.h"

namespace quotegraph {

enum class TurnKind : std::uint8_t {
  kDialogue,  // a line of dialogue opened by a dash
  kQuestion,  // an interviewer's question: reported by no one, not a claim
  kAnswer,    // an interviewee's answer
  kQuotation, // a quotation in « » outside dialogue lines, cut by an incise inside it
};

// Code points [begin, end) of the document text.
struct TextSpan {
  std::uint32_t begin = 0, end = 0;
  bool empty() const { return end <= begin; }
};

// The narrator's words inside or after a turn: "dit-il", "répondit la
// servante ébahie", "lui demandai-je en riant". Token indexes into
// Document::tokens.
struct Incise {
  TextSpan span;                                     // the whole incise, code points
  std::uint32_t cue_begin = 0, cue_end = 0;          // the cue as written: "lui dis", "s'écria", "a-t-il dit"
  std::uint32_t subject_begin = 0, subject_end = 0;  // the inverted subject: the clitic of -t-il,
                                                     // the word pensai-je, or a noun phrase (Mme Arnaud)
  bool first_person = false;                         // pensai-je, dis-je, répondîmes-nous: the narrator
  bool latter = false;                               // celui-ci, celle-ci: the one named last
  bool nobody = false;                               // an indefinite subject that names no one:
                                                     // l'un, quelqu'un, chacun, on
  std::uint32_t addressee_begin = 0, addressee_end = 0;  // who is spoken to: "à Pauline" in
                                                         // "demanda Laurence à Pauline"; empty when none
};

struct Turn {
  TurnKind kind = TurnKind::kDialogue;
  std::uint32_t paragraph = 0;
  TextSpan line;      // the turn's line after its dash or label, up to the next turn or the
                      // paragraph end; for kQuotation the quotation's content (Quote::begin, end)
  TextSpan label;     // a speaker label before a colon ("Marie Dupont" in "Marie Dupont : …"), or empty
  bool continues = false;  // a paragraph with no label or dash that goes on with the turn before it
  bool nested = false;     // kQuotation: inside another quotation or a turn, opened after a colon
  bool to_narrator = false;  // introduced by a sentence that speaks to the narrator: "Il me dit :"
  // The speech, without dash, label, quotation marks and incises: one
  // piece, or one per side of each incise (— Non, dit-il, jamais.). A
  // narrative sentence after an incise (…, dit-il en se levant. Puis il
  // sortit.) belongs to no piece.
  std::vector<TextSpan> pieces;
  std::vector<Incise> incises;
  // Names the speaker addresses, as token ranges [first, second) into
  // Document::tokens: a capitalised name set off by commas or after an
  // interjection, before , ! ? . … or the piece's end (— Regarde, Marthe,
  // à ta droite. — Voyons Firmin, et cette fable ?), or the noun phrase
  // after a courtesy title set off likewise (— Monsieur le comte ! vous
  // ici ?: "le comte"). Dialogue turns only.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> vocatives;
};

// Finds the turns of `doc` in text order. Dash lines count as dialogue when
// the document has at least one with an incise (a novel's dialogue), and
// as an interview when questions and answers alternate in at least two
// pairs; a dash line that reads like a list item (lower case, a digit, or
// ending on ; or ,) is never a turn. Labelled lines count as an interview
// when at least two labels each open two lines or more and one of them
// asks questions; there, a label of one line that answers the question on
// the line before it is an answer too (the interviewee's name spelt
// another way: « M. Koné Marc : » then « KM : »). Without dashes or labels, paragraphs ending on a
// question count as an interviewer's in an article signed « Propos
// recueillis par … », or when at least three are each followed by an
// answer paragraph and half of those hold a word of the first or second
// person (vous, votre, avez-vous). Other news articles give no turn. A
// quotation of `quotes` (detect_quotes) outside those lines gives a
// kQuotation turn when an incise cuts it in two pieces of speech; one
// inside another quotation or a turn, when it opens after a colon (« Il
// m'a dit : “ Je reviendrai ” »), gives a nested kQuotation turn. Never
// fails.
std::vector<Turn> detect_dialogue(const Document& doc, const std::vector<Quote>& quotes, const DialogueVerbs& verbs,
                                  const WordClasses& words);

// The first incise in tokens [token_begin, token_end) of `doc`: a verb of
// `verbs` after a comma, ! ? … ; or a closing quotation mark, with its
// subject inverted after it (« Nous verrons, dit-elle, demain. »: "dit-elle").
// Nothing of the range before the incise may be missing: the incise must
// have speech on its left. nullopt when there is none.
std::optional<Incise> find_incise(const Document& doc, std::uint32_t token_begin, std::uint32_t token_end,
                                  const DialogueVerbs& verbs, const WordClasses& words);

}  // namespace quotegraph

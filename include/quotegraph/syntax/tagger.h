// Tagging: one part of speech per token of a segmented document, chosen
// among the readings of its form (PosLexicon) by French word order: a form
// after a determiner is a noun (la critique, le communiqué), after a subject
// pronoun or an auxiliary a verb (il critique, a souligné), a capitalised
// word inside a sentence a proper noun, and a capitalised coordination
// opening a sentence a coordination (Or, Mais), not a noun.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/structure/document.h"
#include "quotegraph/syntax/part_of_speech.h"

namespace quotegraph {

struct TokenTags {
  PosSet readings = 0;  // every reading of the form, and of the closed classes
  PosSet pos = 0;       // the one reading chosen in context (a single bit)
};

// Tags every token of `doc`. `lexicon` may be null (hunspell-fr missing):
// then only the closed classes of `words`, capitals and token kinds are
// used, and other words are kPosUnknown. Never fails.
std::vector<TokenTags> tag_document(const Document& doc, const WordClasses& words, const PosLexicon* lexicon);

// The same with the closed classes of every token already looked up:
// `token_classes[i]` holds the WordClasses bits of doc.tokens[i].lower
// (what WordClasses::classes gives; read only for word tokens), one per
// token. Gives what the overload above gives.
std::vector<TokenTags> tag_document(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                    const PosLexicon* lexicon);

// The same with the id of every token's folded form: `form_of[i]` (below
// `form_count`) is the same number for two tokens of `doc` exactly when
// their kinds and folded forms are the same (the attribution stage's
// index_tokens gives them). A word written as it is folded (no capital, no
// typographic apostrophe or space: most words) is then looked up in the
// dictionary once per form, not once per token. Gives what the overloads
// above give.
std::vector<TokenTags> tag_document(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                    const std::vector<std::uint32_t>& form_of, std::size_t form_count,
                                    const PosLexicon* lexicon);

// The same, keeping the dictionary's readings of each form in
// `readings_by_form` (two per id of `form_of`, as folded and with a
// capital: grown to 2 * `form_count`) for the next documents: a caller whose form ids last
// across the documents of a thread, with the same `lexicon`, has each
// form read once. Start with an empty vector. Gives what the overloads
// above give, but for `lexicon_noun` (null: none): called with the index
// of a word after a determiner that the dictionary does not read as a
// noun there, it answers whether the word is a noun of the caller's
// lexicons all the same (les enseignants, le mis en cause: a participle
// after an article is a noun); such a word is then tagged a noun.
std::vector<TokenTags> tag_document(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                    const std::vector<std::uint32_t>& form_of, std::size_t form_count,
                                    std::vector<PosSet>& readings_by_form, const PosLexicon* lexicon,
                                    const std::function<bool(std::uint32_t)>* lexicon_noun = nullptr);

// True when a noun phrase whose head token has tags `head` can name a
// speaker: a noun, a proper noun, a pronoun or an unknown word (a foreign
// name), but not an adverb (ailleurs), a coordination (Or), a preposition,
// a verb form, a time word (mardi) or a place name (Lyon) unless the place
// stands for a state (Moscou, Washington), which the caller knows from the
// gazetteer.
bool can_head_speaker(const TokenTags& head, bool stands_for_state);

}  // namespace quotegraph

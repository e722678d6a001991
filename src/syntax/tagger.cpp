// Choosing one part of speech per token: closed classes first (they are
// the project's own lists and more precise than the dictionary for
// function words), then the dictionary's readings narrowed by the word
// before.
#include "quotegraph/syntax/tagger.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

using W = WordClasses;

// The dictionary's readings of the words of one document: by folded form
// for words written as folded (`form_of`, one look-up per form), by form
// too for words written with a capital and then as folded (Dupont), else
// by the form as written, rebuilt in a buffer kept from token to token.
class DictionaryReadings {
 public:
  // `by_form` (null: one of its own) keeps the readings of each form id:
  // at 2 * id as folded, at 2 * id + 1 with its capital.
  DictionaryReadings(const PosLexicon& lexicon, const std::vector<std::uint32_t>* form_of, std::size_t form_count,
                     std::vector<PosSet>* by_form)
      : lexicon_(lexicon), form_of_(form_of), by_form_(by_form ? *by_form : own_) {
    if (form_of_ && by_form_.size() < 2 * form_count) by_form_.resize(2 * form_count, kNotYet);
  }

  PosSet of(const Token& token, std::uint32_t i, std::u32string_view text) {
    const std::u32string_view w = text.substr(token.begin, token.end - token.begin);
    if (form_of_ && token.written == Written::kAsFolded) {
      PosSet& known = by_form_[2 * std::size_t{(*form_of_)[i]}];
      if (known == kNotYet) known = lexicon_.readings(token.lower);
      return known;
    }
    if (form_of_ && token.written == Written::kCapitalThenFolded) {
      PosSet& known = by_form_[2 * std::size_t{(*form_of_)[i]} + 1];
      if (known == kNotYet) known = written_readings(w);
      return known;
    }
    return written_readings(w);
  }

 private:
  // The readings of `w` as written: "Dupont" is a surname, "dupont"
  // nothing. Most letters of French text are ASCII: one byte each, no call.
  PosSet written_readings(std::u32string_view w) {
    // Through a pointer into a buffer kept from call to call, not appended
    // byte by byte; a code point takes 4 bytes at most.
    if (written_.size() < 4 * w.size()) written_.resize(4 * w.size());
    char* const first = written_.data();
    char* out = first;
    for (char32_t c : w) {
      if (c < 0x80) {
        *out++ = static_cast<char>(c);
        continue;
      }
      encoded_.clear();
      append_utf8(encoded_, c);
      out = std::copy(encoded_.begin(), encoded_.end(), out);
    }
    return lexicon_.readings(std::string_view(first, static_cast<std::size_t>(out - first)));
  }

  static constexpr PosSet kNotYet = ~PosSet{0};  // no reading set has every bit
  const PosLexicon& lexicon_;
  const std::vector<std::uint32_t>* form_of_;
  std::vector<PosSet> own_;
  std::vector<PosSet>& by_form_;
  std::string written_;
  std::string encoded_;  // one code point in UTF-8 (written_readings)
};

// The readings a token has before context: its kind, its closed classes
// (`classes`, WordClasses bits), its dictionary readings (none without a
// dictionary).
PosSet readings_of(const Token& token, std::uint32_t i, bool sentence_initial, std::uint64_t classes,
                   DictionaryReadings* dictionary_readings, std::u32string_view text) {
  switch (token.kind) {
    case TokenKind::kPunct:
    case TokenKind::kQuoteMark:
      return kPosPunctuation;
    case TokenKind::kNumber:
      return kPosNumber;
    case TokenKind::kClitic:
      return kPosPronoun | kPosSubjectPronoun;
    case TokenKind::kWord:
      break;
  }
  PosSet set = 0;
  if (classes & W::kDet) set |= kPosDeterminer;
  if (classes & W::kPrep) set |= kPosPreposition;
  if (classes & W::kSubj) set |= kPosPronoun | kPosSubjectPronoun;
  if (classes & W::kObj) set |= kPosPronoun;
  if (classes & W::kAux) set |= kPosFiniteVerb;
  if (classes & W::kAdv) set |= kPosAdverb;
  if (classes & W::kTime) set |= kPosTime;
  if (classes & W::kConj) set |= kPosCoordination;
  if (dictionary_readings) {
    PosSet dictionary = dictionary_readings->of(token, i, text);
    if (dictionary == kPosUnknown && token.capitalized && !sentence_initial) dictionary = kPosProperNoun;
    set |= dictionary;
  } else if (set == 0) {
    set = token.capitalized && !sentence_initial ? kPosProperNoun : kPosUnknown;
  }
  if (token.capitalized && !sentence_initial && !(set & (kPosDeterminer | kPosPreposition)))
    set |= kPosProperNoun;
  return set;
}

PosSet lowest_bit(PosSet set) { return set & (~set + 1); }

// Whether a function-word reading `f` of a form with readings `set` gives
// way after a token tagged `previous`: a determiner after a pronoun is the
// object pronoun (il le dit, qui la connaît), but a possessive that is no
// pronoun stays a determiner (dont son mari, où sa fille); a time word or
// a coordination after a determiner is the noun it is too (le matin, le
// car, l'or; not si, an adverb there: un si grand).
bool function_reading_yields(PosSet f, PosSet set, PosSet previous) {
  if (f == kPosDeterminer)
    return (previous & (kPosSubjectPronoun | kPosPronoun)) && !((set & kPosPossessive) && !(set & kPosPronoun));
  if (f == kPosTime) return (previous & kPosDeterminer) != 0;
  if (f == kPosCoordination) return (previous & kPosDeterminer) && (set & kPosNoun);
  return false;
}

// The reading chosen for a token with readings `set` after a token tagged
// `previous` (0 at a sentence start). `negated`: a « ne » stands before
// it whose verb has not come yet.
PosSet choose(PosSet set, PosSet previous, bool capitalized, bool sentence_initial, bool negated) {
  if (set == 0) return kPosUnknown;
  if (sentence_initial && capitalized && (set & kPosCoordination)) return kPosCoordination;
  // Between « ne » and its verb stand clitic pronouns (ne le dit, n'en a),
  // the second word of the negation before an infinitive (ne pas dire, ne
  // plus rien dire) or the verb itself (ne fait rien).
  if (negated && !(set & kPosPunctuation)) {
    for (PosSet v : {kPosPronoun, kPosAdverb, kPosFiniteVerb, kPosInfinitive})
      if (set & v) return v;
  }
  // Function words first: their lists are closed and checked.
  for (PosSet f : {kPosPunctuation, kPosNumber, kPosSubjectPronoun, kPosDeterminer, kPosPreposition,
                   kPosCoordination, kPosSubordination, kPosTime})
    if ((set & f) && !function_reading_yields(f, set, previous))
      return f == kPosSubjectPronoun ? kPosPronoun : f;
  // After a determiner or an adjective: a noun (la critique, le porte-parole).
  if (previous & (kPosDeterminer | kPosAdjective)) {
    if (set & kPosNoun) return kPosNoun;
    if (set & kPosProperNoun) return kPosProperNoun;
    if (set & kPosAdjective) return kPosAdjective;
  }
  // A common noun needs a determiner: right after a verb or an adverb, a
  // form that is also an adverb and no participle or infinitive is the
  // adverb (ont bien mérité, n'est pas, très bien, est plus).
  if ((previous & (kPosVerb | kPosAdverb)) && !capitalized && (set & kPosAdverb) &&
      !(set & (kPosPastParticiple | kPosInfinitive)))
    return kPosAdverb;
  // A given name written with its capital inside a sentence is the name,
  // even after a verb, where an inverted subject stands (« se réjouit
  // Pierre Martin », « martèle René Vasseur »: not pierrer, renier).
  if (capitalized && !sentence_initial && (set & kPosGivenName)) return kPosProperNoun;
  // After a pronoun or an auxiliary: a verb (il critique, a souligné).
  if (previous & (kPosPronoun | kPosFiniteVerb)) {
    for (PosSet v : {kPosPastParticiple, kPosFiniteVerb, kPosInfinitive, kPosPresentParticiple})
      if (set & v) return v;
  }
  if (capitalized && !sentence_initial && (set & kPosProperNoun)) return kPosProperNoun;
  // (A pronoun before an adverb: où is a relative more often than a
  // question.)
  for (PosSet f : {kPosProperNoun, kPosNoun, kPosFiniteVerb, kPosPastParticiple, kPosInfinitive,
                   kPosPresentParticiple, kPosAdjective, kPosPronoun, kPosAdverb, kPosUnknown})
    if (set & f) return f;
  return lowest_bit(set);
}

// Whether a token read as a noun (`chosen`, with readings `set`) after a
// noun or a name (`previous`) is rather the finite verb whose subject that
// noun ends: French puts no second bare noun before an article, so a form
// that is also a finite verb, followed by an article or a possessive that is
// no de (du, des) nor opens a time phrase (la semaine, le soir), is the
// verb: « La juge hausse le ton », « Le capitaine ferme la porte » (while
// « la hausse des prix », « le maire adjoint le soir même » keep their noun).
// `next` and `after_next` are the classes of the two tokens that follow (0
// past the sentence end).
bool verb_after_subject(PosSet chosen, PosSet set, PosSet previous, bool capitalized, std::uint64_t next,
                        std::uint64_t after_next) {
  if (capitalized || !(chosen & (kPosNoun | kPosAdjective)) || !(set & kPosFiniteVerb)) return false;
  if (!(previous & (kPosNoun | kPosProperNoun))) return false;
  return (next & W::kDet) && !(next & W::kPrep) && !(after_next & W::kTime);
}

// Whether `token` is the preposition À written without its accent, as
// capitals often are (« A la question du journaliste, il … », « A Paris, »):
// the one-letter form of avoir (`classes` has aux) in capitals before a
// determiner or a capitalised name (`next_classes`, `next_capitalized`).
// The verb never stands so: a sentence opens with it only inverted (A-t-il).
bool capital_a_preposition(const Token& token, std::uint64_t classes, std::uint64_t next_classes,
                           bool next_capitalized) {
  if (!token.capitalized || !(classes & W::kAux) || token.end != token.begin + 1) return false;
  return (next_classes & W::kDet) || next_capitalized;
}

// Whether token `i`, read `chosen` after a token read `previous`, is
// rather a noun of the project's speaker lexicons (`lexicon_noun`, null:
// none): French puts a noun, not a participle, an adjective alone or a
// second determiner, right after a determiner, so « les enseignants », « le
// mis en cause », « l'audit » and « la haute autorité » (a compound of the
// lexicons opening with an adjective) are nouns there, even where the
// dictionary reads only a participle, an adjective or the determiner
// « audit ». Closed-class words (`classes`) keep their reading (les, me),
// and a capitalised word read as a name keeps it (l'État, les Nations-Unies).
bool lexicon_noun_after_determiner(std::uint32_t i, PosSet chosen, PosSet previous, std::uint64_t classes,
                                   const std::function<bool(std::uint32_t)>* lexicon_noun) {
  constexpr std::uint64_t kClosed = W::kDet | W::kPrep | W::kSubj | W::kObj | W::kAux | W::kConj;
  return lexicon_noun && (previous & kPosDeterminer) && !(chosen & (kPosNoun | kPosProperNoun)) &&
         !(classes & kClosed) && (*lexicon_noun)(i);
}

// Whether token `i` follows an abbreviated courtesy title and its full
// stop (« M. Sauves », « Mme. Lance », « Dr. Marche »): that full stop ends
// no sentence, so the capitalised word after it is a name, read as it
// would be after a comma, even when it is also a verb form (sauves,
// chantes). A single capital letter counts only as M (other letters are
// initials or labels: « le plan B. »).
bool after_title_abbreviation(const Document& doc, const std::vector<std::uint64_t>& token_classes, std::uint32_t i,
                              std::uint32_t sentence_begin) {
  if (i < sentence_begin + 2) return false;
  const Token& stop = doc.tokens[i - 1];
  const Token& title = doc.tokens[i - 2];
  if (stop.lower != "." || stop.begin != title.end || title.kind != TokenKind::kWord || !title.capitalized) return false;
  return title.lower == "m" || (token_classes[i - 2] & W::kTitleAbbrev) != 0;
}

// How many tokens after « ne » (read kPosPreverbalNegation) its verb may
// come: clitics and the second word of the negation stand between (ne le
// lui a, ne pas le dire).
constexpr int kNegationReach = 4;

// What the tag_document overloads share; `form_of` may be null (no
// folded-form ids: every word is looked up by its written form).
std::vector<TokenTags> tag_tokens(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                  const std::vector<std::uint32_t>* form_of, std::size_t form_count,
                                  std::vector<PosSet>* readings_by_form, const PosLexicon* lexicon,
                                  const std::function<bool(std::uint32_t)>* lexicon_noun = nullptr) {
  std::vector<TokenTags> tags(doc.tokens.size());
  std::optional<DictionaryReadings> dictionary;
  if (lexicon) dictionary.emplace(*lexicon, form_of, form_count, readings_by_form);
  for (const Sentence& sentence : doc.sentences) {
    PosSet previous = 0;
    int negated = 0;  // tokens left in which a « ne » still waits for its verb
    const std::uint32_t end = sentence.token_end;
    for (std::uint32_t i = sentence.token_begin; i < end; ++i) {
      const Token& token = doc.tokens[i];
      bool initial = (previous == 0 || previous == kPosPunctuation) &&
                     !after_title_abbreviation(doc, token_classes, i, sentence.token_begin);
      tags[i].readings =
          readings_of(token, i, initial, token_classes[i], dictionary ? &*dictionary : nullptr, doc.text);
      tags[i].pos = choose(tags[i].readings, previous, token.capitalized, initial, negated > 0);
      negated = (tags[i].readings & kPosPreverbalNegation) ? kNegationReach
                : (tags[i].pos & kPosVerb)                    ? 0
                                                              : std::max(negated - 1, 0);
      if (token.kind == TokenKind::kWord &&
          lexicon_noun_after_determiner(i, tags[i].pos, previous, token_classes[i], lexicon_noun)) {
        tags[i].readings |= kPosNoun;
        tags[i].pos = kPosNoun;
      }
      const auto word_classes = [&](std::uint32_t k) {
        return k < end && doc.tokens[k].kind == TokenKind::kWord ? token_classes[k] : std::uint64_t{0};
      };
      if (verb_after_subject(tags[i].pos, tags[i].readings, previous, token.capitalized, word_classes(i + 1),
                             word_classes(i + 2)))
        tags[i].pos = kPosFiniteVerb;
      if (capital_a_preposition(token, token_classes[i], word_classes(i + 1),
                                i + 1 < end && doc.tokens[i + 1].capitalized)) {
        tags[i].readings |= kPosPreposition;
        tags[i].pos = kPosPreposition;
      }
      previous = tags[i].pos;
    }
  }
  return tags;
}

}  // namespace

std::vector<TokenTags> tag_document(const Document& doc, const WordClasses& words, const PosLexicon* lexicon) {
  std::vector<std::uint64_t> token_classes(doc.tokens.size(), 0);
  for (std::size_t i = 0; i < doc.tokens.size(); ++i)
    if (doc.tokens[i].kind == TokenKind::kWord) token_classes[i] = words.classes(doc.tokens[i].lower);
  return tag_document(doc, token_classes, lexicon);
}

std::vector<TokenTags> tag_document(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                    const PosLexicon* lexicon) {
  return tag_tokens(doc, token_classes, nullptr, 0, nullptr, lexicon);
}

std::vector<TokenTags> tag_document(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                    const std::vector<std::uint32_t>& form_of, std::size_t form_count,
                                    const PosLexicon* lexicon) {
  return tag_tokens(doc, token_classes, &form_of, form_count, nullptr, lexicon);
}

std::vector<TokenTags> tag_document(const Document& doc, const std::vector<std::uint64_t>& token_classes,
                                    const std::vector<std::uint32_t>& form_of, std::size_t form_count,
                                    std::vector<PosSet>& readings_by_form, const PosLexicon* lexicon,
                                    const std::function<bool(std::uint32_t)>* lexicon_noun) {
  return tag_tokens(doc, token_classes, &form_of, form_count, &readings_by_form, lexicon, lexicon_noun);
}

bool can_head_speaker(const TokenTags& head, bool stands_for_state) {
  if (stands_for_state) return true;
  if (head.pos & (kPosAdverb | kPosCoordination | kPosSubordination | kPosPreposition | kPosTime |
                  kPosPunctuation | kPosNumber))
    return false;
  if (head.pos & kPosVerb) return (head.readings & kPosNoun) != 0 && (head.pos & kPosPastParticiple) == 0;
  // A place name and nothing else (Lyon), not a surname that is also a
  // town (Bayrou, Nancy as a given name).
  if ((head.readings & kPosPlace) && !(head.readings & (kPosGivenName | kPosSurname | kPosNoun)))
    return false;
  // An adjective heads a phrase only when it is also a noun (un
  // responsable, les proches): "Insuffisant pour X" names no one.
  if (head.pos & kPosAdjective) return (head.readings & kPosNoun) != 0;
  return (head.pos & (kPosNominal | kPosDeterminer)) != 0;
}

}  // namespace quotegraph

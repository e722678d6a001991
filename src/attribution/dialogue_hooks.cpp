// The attribution pass's noun phrases, subjects and word classes, lent to
// the dialogue pass (dialogue_speakers.h) through a few functions, so that
// the dialogue rules do not depend on how the pass is built.
#include "attribution_run.h"
#include "dialogue_speakers.h"

#include <algorithm>

namespace quotegraph::detail {

namespace {

// A noun phrase after a preposition is no subject ("qui avait tenu à
// m'accompagner dans ma promenade me dit").
bool after_preposition(const Run& run, std::uint32_t sentence_begin, int m) {
  const std::uint32_t k = run.tok_of(run.out.mentions[m].begin);
  return k > sentence_begin && (run.has(k - 1, WordClasses::kPrep) || run.is_de(k - 1) ||
                                run.has_extra(k - 1, WordClasses::kAForm | WordClasses::kAuForm));
}

// A stressed pronoun set off by commas before the verb group at `k`,
// opening its sentence or clause: "Et lui, près de pleurer, répondait :".
// kNone when there is none.
int stressed_subject_before(Run& run, std::uint32_t sentence_begin, std::uint32_t k) {
  constexpr std::uint32_t kMaxDetachedTokens = 12;
  if (k <= sentence_begin + 3 || !run.is_comma(k - 1)) return kNone;
  std::uint32_t c = k - 1;
  while (c > sentence_begin && c + kMaxDetachedTokens > k && !run.is_comma(c - 1) &&
         run.tok(c - 1).kind != TokenKind::kPunct)
    --c;
  if (c <= sentence_begin + 1 || !run.is_comma(c - 1)) return kNone;
  const std::uint32_t p = c - 2;
  if (!run.has(p, WordClasses::kStressedPronoun)) return kNone;
  if (p != sentence_begin && run.tags_[p - 1].pos != kPosCoordination) return kNone;
  return run.make_mention(p, p + 1);
}

// The subject of the last speech verb of tokens [sentence_begin, sentence_end): "Il se tourna
// vers elle et dit :". kNone when no speech verb has one.
int subject_of_last_speech_verb(Run& run, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  const std::vector<CueHit> cues = run.find_cues(sentence_begin, sentence_end);
  for (auto it = cues.rbegin(); it != cues.rend(); ++it) {
    if (it->clitic != kNone) return run.make_mention(static_cast<std::uint32_t>(it->clitic),
                                                     static_cast<std::uint32_t>(it->clitic) + 1);
    if (it->form != VerbForm::kFinite) continue;
    // A name or a subject pronoun right before the verb and its object
    // clitics: "Et tout à coup Clémence me dit :".
    std::uint32_t k = it->first;
    while (k > sentence_begin && run.has(k - 1, WordClasses::kObj) && !run.tok(k - 1).capitalized) --k;
    if (const int stressed = stressed_subject_before(run, sentence_begin, k); stressed != kNone) return stressed;
    if (k > sentence_begin && (run.has(k - 1, WordClasses::kSubj) || run.is_name_word(k - 1))) {
      std::uint32_t b = k - 1;
      while (b > sentence_begin && run.is_name_word(b - 1)) --b;
      if (run.has(k - 1, WordClasses::kSubj) || !run.has(b, WordClasses::kDet)) return run.make_mention(b, k);
    }
    const int m = run.subject_before(it->first, sentence_begin, sentence_end);
    if (m != kNone && !after_preposition(run, sentence_begin, m)) return m;
  }
  return kNone;
}

// Where the last clause coordinated to another before token `verb` opens:
// its coordination (et, mais) or semicolon, when a finite verb stands
// before it; `sentence_begin` when there is none ("Bouvard et Pécuchet
// reprirent" coordinates names, not clauses).
std::uint32_t last_coordinated_clause(const Run& run, std::uint32_t sentence_begin, std::uint32_t verb) {
  for (std::uint32_t c = verb; c-- > sentence_begin + 1;) {
    if (run.tags_[c].pos != kPosCoordination && run.tok(c).lower != ";") continue;
    for (std::uint32_t v = sentence_begin; v < c; ++v)
      if (run.tags_[v].pos & kPosFiniteVerb) return c;
    return sentence_begin;
  }
  return sentence_begin;
}

// The subject of the last finite verb of tokens [sentence_begin, colon),
// the clause that introduces what follows the colon: "La grand-mère
// essaya de me rassurer, et mon oncle finit par me dire :", "je restais
// en arrière et le moniteur me criait :". The verb of speech may be an
// infinitive or a gerund after it (finit par dire, en disant): the
// finite verb's subject speaks. kNone when the tagger found no finite
// verb or no subject before it.
int subject_of_clause_before_colon(Run& run, std::uint32_t sentence_begin, std::uint32_t colon) {
  if (run.tags_.size() != run.doc.tokens.size()) return kNone;
  // A form the tagger read as a past participle may be the finite verb
  // of an incise-less narration: "il me dit :".
  auto finite = [&run](std::uint32_t k) {
    return (run.tags_[k].pos & kPosFiniteVerb) ||
           ((run.tags_[k].pos & kPosPastParticiple) && (run.tags_[k].readings & kPosFiniteVerb));
  };
  std::uint32_t verb = colon;
  while (verb > sentence_begin && !finite(verb - 1)) --verb;
  if (verb == sentence_begin) return kNone;
  --verb;
  // Auxiliaries, object clitics and the negation before the verb: "me
  // criait", "ne lui a pas dit".
  std::uint32_t k = verb;
  while (k > sentence_begin &&
         (run.has(k - 1, WordClasses::kObj | WordClasses::kAux) || run.has_extra(k - 1, WordClasses::kNeForm)) &&
         !run.tok(k - 1).capitalized)
    --k;
  if (k > sentence_begin && run.has(k - 1, WordClasses::kSubj)) return run.make_mention(k - 1, k);
  if (const int stressed = stressed_subject_before(run, sentence_begin, k); stressed != kNone) return stressed;
  // A clause coordinated after another has its own subject, opening it:
  // "je restais en arrière et le moniteur me criait :".
  if (const std::uint32_t c = last_coordinated_clause(run, sentence_begin, k); c > sentence_begin) {

    const int m = run.sentence_subject(c, k, k);
    if (m != kNone && run.tok_of(run.out.mentions[m].end - 1) < k) return m;
  }
  const int m = run.subject_before(k, sentence_begin, colon);
  if (m == kNone || after_preposition(run, sentence_begin, m)) return kNone;
  return m;
}

// True when the token at `limit`, or the last one before it, is a colon.
bool before_colon(const Run& run, std::uint32_t limit, std::uint32_t sentence_end) {
  auto colon = [&run](std::uint32_t k) { return run.tok(k).kind == TokenKind::kPunct && run.tok(k).lower == ":"; };
  return (limit < sentence_end && colon(limit)) || (limit > 0 && colon(limit - 1));
}

// DialogueHooks::sentence_subject.
int dialogue_sentence_subject(Run& run, std::uint32_t s, std::uint32_t limit) {
  const Sentence& sentence = run.doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = std::min(sentence.token_end, limit);
  if (sentence_end <= sentence_begin) return kNone;
  if (const int m = subject_of_last_speech_verb(run, sentence_begin, sentence_end); m != kNone) return m;
  if (before_colon(run, sentence_end, sentence.token_end)) {
    const std::uint32_t colon = run.tok(sentence_end - 1).lower == ":" ? sentence_end - 1 : sentence_end;
    if (const int m = subject_of_clause_before_colon(run, sentence_begin, colon); m != kNone) return m;
  }
  // Sentence-initial coordinations and adverbs are no subject: "Puis il
  // rendit le papier :", "Mais elle sanglotait :".
  std::uint32_t first = sentence_begin;
  while (first + 1 < sentence_end && (run.has(first, WordClasses::kConj | WordClasses::kAdv) || run.is_comma(first)) &&
         !run.has(first, WordClasses::kSubj))
    ++first;
  if (first > sentence_begin && run.has(first, WordClasses::kSubj)) return run.make_mention(first, first + 1);
  const int m = run.sentence_subject(sentence_begin, sentence_end, sentence_end);
  if (m == kNone) return m;
  // A detached phrase before the subject pronoun: "La voix nette, il
  // commande :", "Le soir venu, elle sortit".
  std::uint32_t k = run.tok_of(run.out.mentions[m].end - 1) + 1;
  while (k < sentence_end && !run.is_comma(k) && run.tok(k).kind == TokenKind::kWord && !run.has(k, WordClasses::kSubj))
    ++k;
  if (k + 1 < sentence_end && run.is_comma(k) && run.has(k + 1, WordClasses::kSubj))
    return run.make_mention(k + 1, k + 2);
  return after_preposition(run, sentence_begin, m) ? static_cast<int>(kNone) : m;
}

// DialogueHooks::can_speak.
bool dialogue_can_speak(const Run& run, int m) {
  const MentionInfo& mi = run.out.mentions[m];
  const bool tagged = run.tags_.size() == run.doc.tokens.size();
  if (!run.speaker_head_ok(m)) {
    // An adjective before the noun is no head: le même médecin, la
    // vieille servante, un pauvre homme.
    if (!tagged || mi.pronoun) return false;
    std::uint32_t k = run.tok_of(mi.begin);
    const std::uint32_t end = run.tok_of(mi.end - 1) + 1;
    while (k < end && (run.tags_[k].pos & (kPosDeterminer | kPosNumber))) ++k;
    std::uint32_t adjectives = 0;
    while (k + 1 < end && (run.tags_[k].readings & (kPosAdjective | kPosAdverb)) && adjectives < 2) ++k, ++adjectives;
    if (adjectives == 0 || k >= end || !(run.tags_[k].readings & kPosNoun) || run.is_name_word(k)) return false;
  }
  // A name the dictionary knows only as a place names no speaker: le
  // canal Saint-Martin, la rue de Rivoli.
  if (mi.pronoun || mi.name.empty() || !tagged) return true;
  for (std::uint32_t k = run.tok_of(mi.begin); k < run.doc.tokens.size() && run.tok(k).begin < mi.end; ++k) {
    const PosSet r = run.tags_[k].readings;
    if (run.is_name_word(k) && (r & kPosPlace) && !(r & (kPosGivenName | kPosSurname))) return false;
  }
  return true;
}

// DialogueHooks::person_names.
std::vector<int> person_names(Run& run, std::uint32_t s) {
  std::vector<int> names;
  const Sentence& sentence = run.doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = sentence.token_end;
  const bool tagged = run.tags_.size() == run.doc.tokens.size();
  for (std::uint32_t k = sentence_begin; k < sentence_end;) {
    // A capitalised word opening the sentence is a name only when the
    // dictionary knows it as a given name.
    const bool given = tagged && (run.tags_[k].readings & kPosGivenName);
    if (!run.is_name_word(k) || (k == sentence_begin && !given)) {
      ++k;
      continue;
    }
    std::uint32_t e = k + 1;
    while (e < sentence_end && run.is_name_word(e)) ++e;
    const bool place = tagged && (run.tags_[k].pos & kPosPlace) && !given;
    std::uint32_t b = k;
    // A courtesy title before it: M. Bayley, Mme Lacombe.
    if (b > sentence_begin + 1 && run.tok(b - 1).lower == "." && run.title_of(b - 2)) b -= 2;
    else if (b > sentence_begin && run.title_of(b - 1)) b -= 1;
    if (!place && !run.state_or_seat(run.tok(k).lower)) {
      const int m = run.make_mention(b, e);
      if (m != kNone && run.speaker_head_ok(m)) names.push_back(m);
    }
    k = e;
  }
  return names;
}

}  // namespace

DialogueHooks dialogue_hooks(Run& run) {
  DialogueHooks hooks;
  hooks.make_mention = [&run](std::uint32_t b, std::uint32_t e) { return run.make_mention(b, e); };
  hooks.sentence_subject = [&run](std::uint32_t s, std::uint32_t limit) {
    return dialogue_sentence_subject(run, s, limit);
  };
  hooks.main_clause_subject = [&run](std::uint32_t s) {
    const Sentence& sentence = run.doc.sentences[s];
    if (sentence.token_end <= sentence.token_begin) return static_cast<int>(kNone);
    const int m = run.sentence_subject(sentence.token_begin, sentence.token_end, sentence.token_end);
    return m == kNone || after_preposition(run, sentence.token_begin, m) ? static_cast<int>(kNone) : m;
  };
  hooks.before_its_verb = [&run](int m) {
    if (run.tags_.size() != run.doc.tokens.size()) return false;
    std::uint32_t k = run.tok_of(run.out.mentions[m].end - 1) + 1;
    while (k < run.doc.tokens.size() && !run.tok(k).capitalized &&
           (run.has(k, WordClasses::kObj) || run.has_extra(k, WordClasses::kNeForm)))
      ++k;
    return k < run.doc.tokens.size() && (run.tags_[k].pos & kPosFiniteVerb) != 0;
  };
  hooks.can_speak = [&run](int m) { return dialogue_can_speak(run, m); };
  hooks.given_name_gender = [&run](const std::string& folded) { return run.words.given_name_gender(folded); };
  hooks.person_names = [&run](std::uint32_t s) { return person_names(run, s); };
  hooks.words = &run.words;
  return hooks;
}

}  // namespace quotegraph::detail

// The attribution pass's noun phrases, subjects and word classes, lent to
// the dialogue pass (dialogue_speakers.h) through a few functions, so that
// the dialogue rules do not depend on how the pass is built.
#include "attribution_run.h"
#include "dialogue_speakers.h"

#include <algorithm>

namespace quotegraph::detail {

namespace {

// How far back, in tokens, the rules that read the clause before a colon
// or a verb look: a long sentence must not make every quote slower.
constexpr std::uint32_t kMaxClauseLookBack = 80;

// True when the tagger read every token of the document.
bool tagged(const Run& run) { return run.tags_.size() == run.doc.tokens.size(); }

// The first token the back-scans from token `k` may reach.
std::uint32_t look_back_floor(std::uint32_t sentence_begin, std::uint32_t k) {
  return k > sentence_begin + kMaxClauseLookBack ? k - kMaxClauseLookBack : sentence_begin;
}

// True when token `k` joins two clauses of one sentence: et, mais or a
// semicolon (not car, donc, ou, which the other rules read otherwise).
bool joins_clauses(const Run& run, std::uint32_t k) {
  return run.has_extra(k, WordClasses::kEtWord | WordClasses::kMaisWord) || run.tok(k).lower == ";";
}

// True when token `k` opens a subordinate or relative clause, or a clause
// of car, donc: its subject is not the one of the main clause (« pendant
// que mon frère dormait », « car la soupe était froide », « où Julien
// dormait »). Not the relative qui, whose antecedent is the subject of its
// clause (« j'aperçus ma mère qui me criait : »).
bool opens_subordinate(const Run& run, std::uint32_t k) {
  if (run.has_extra(k, WordClasses::kMaisWord | WordClasses::kQuiWord)) return false;
  return run.has(k, WordClasses::kClauseOpener) || run.has_grammar(k, WordClasses::kRelativePronoun);
}

// A noun phrase after a preposition is no subject ("qui avait tenu à
// m'accompagner dans ma promenade me dit").
bool after_preposition(const Run& run, std::uint32_t sentence_begin, int m) {
  const std::uint32_t k = run.tok_of(run.out.mentions[m].begin);
  return k > sentence_begin && (run.has(k - 1, WordClasses::kPrep) || run.is_de(k - 1) ||
                                run.has_extra(k - 1, WordClasses::kAForm | WordClasses::kAuForm));
}

// after_preposition, except for the antecedent of a qui right after it,
// which is the subject of its relative whatever its own function: « la
// porte fut ouverte par une vieille servante qui toisa la voyageuse et lui
// répondit : ».
bool prepositional_non_subject(const Run& run, std::uint32_t sentence_begin, int m) {
  const std::uint32_t e = run.tok_of(run.out.mentions[m].end - 1) + 1;
  if (e < run.doc.tokens.size() && run.has_extra(e, WordClasses::kQuiWord)) return false;
  return after_preposition(run, sentence_begin, m);
}

bool dialogue_can_speak(const Run& run, int m);

// The noun phrase the stressed pronoun at `pronoun` takes up after a
// comma, opening its sentence or a clause coordinated by et, mais or a
// semicolon: "et le mousse, lui, les mains tremblantes, cria :" gives le
// mousse. kNone when there is none or it cannot speak.
int phrase_taken_up(Run& run, std::uint32_t sentence_begin, std::uint32_t pronoun) {
  constexpr std::uint32_t kMaxPhraseTokens = 6;
  const std::uint32_t end = pronoun - 1;
  std::uint32_t b = end;
  while (b > sentence_begin && b + kMaxPhraseTokens > end && !joins_clauses(run, b - 1) &&
         run.tok(b - 1).kind == TokenKind::kWord)
    --b;
  if (b == end || (b != sentence_begin && !joins_clauses(run, b - 1))) return kNone;
  const int m = run.make_mention(b, end);
  return m != kNone && dialogue_can_speak(run, m) ? m : static_cast<int>(kNone);
}

// A stressed pronoun set off by commas before the verb group at `k`,
// opening its sentence or clause: "Et lui, près de pleurer, répondait :".
// kNone when there is none.
int stressed_subject_before(Run& run, std::uint32_t sentence_begin, std::uint32_t k) {
  constexpr std::uint32_t kMaxDetachedTokens = 12;
  if (!tagged(run) || k <= sentence_begin + 3 || !run.is_comma(k - 1)) return kNone;
  std::uint32_t c = k - 1;
  while (c > sentence_begin && c + kMaxDetachedTokens > k && !run.is_comma(c - 1) &&
         run.tok(c - 1).kind != TokenKind::kPunct)
    --c;
  if (c <= sentence_begin + 1 || !run.is_comma(c - 1)) return kNone;
  const std::uint32_t p = c - 2;
  if (!run.has(p, WordClasses::kStressedPronoun)) return kNone;
  if (p > sentence_begin && run.is_comma(p - 1)) return phrase_taken_up(run, sentence_begin, p);
  if (p != sentence_begin && run.tags_[p - 1].pos != kPosCoordination) return kNone;
  return run.make_mention(p, p + 1);
}

// The subject of the last speech verb of tokens [sentence_begin, sentence_end): "Il se tourna
// vers elle et dit :"; for a speech infinitive after a verb of perception,
// the one heard ("elle entendit des marins crier :"). kNone when no speech
// verb has one.
// Speech verbs before token `from` are not read: they belong to a clause
// before the one that introduces the colon.
int subject_of_last_speech_verb(Run& run, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                std::uint32_t from) {
  const std::vector<CueHit> cues = run.find_cues(sentence_begin, sentence_end);
  for (auto it = cues.rbegin(); it != cues.rend() && it->first >= from; ++it) {
    if (it->clitic != kNone) return run.make_mention(static_cast<std::uint32_t>(it->clitic),
                                                     static_cast<std::uint32_t>(it->clitic) + 1);
    // « Au loin, elle entendit des marins crier : »: the one heard speaks
    // the words the colon opens (not a report in que, after which the one
    // who heard may well be the next to speak).
    if (it->form == VerbForm::kInfinitive && it->last < sentence_end && run.tok(it->last).lower == ":") {
      const Np heard = run.perceived_speaker(it->first, sentence_begin);
      if (heard.valid()) return run.make_mention(heard.begin, heard.end);
    }
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
    if (m != kNone && !prepositional_non_subject(run, sentence_begin, m)) return m;
  }
  return kNone;
}

// Where the last clause coordinated to another before token `verb` opens:
// its et, mais or semicolon, when a finite verb stands before it;
// `sentence_begin` when there is none ("Bouvard et Pécuchet reprirent"
// coordinates names, not clauses).
std::uint32_t last_coordinated_clause(const Run& run, std::uint32_t sentence_begin, std::uint32_t verb) {
  const std::uint32_t floor = look_back_floor(sentence_begin, verb);
  for (std::uint32_t c = verb; c-- > floor + 1;) {
    if (!joins_clauses(run, c)) continue;
    for (std::uint32_t v = floor; v < c; ++v)
      if (run.tags_[v].pos & kPosFiniteVerb) return c;
    return sentence_begin;
  }
  return sentence_begin;
}

// A form the tagger read as a finite verb, or as a past participle that
// may be the finite verb of an incise-less narration: "il me dit :".
bool finite_verb(const Run& run, std::uint32_t k) {
  // No infinitive is a finite form (the tagger may read « avoir » of « après
  // lui avoir répondu » as one).
  if (run.tags_[k].readings & kPosInfinitive) return false;
  return (run.tags_[k].pos & kPosFiniteVerb) ||
         ((run.tags_[k].pos & kPosPastParticiple) && (run.tags_[k].readings & kPosFiniteVerb));
}

// The last finite verb before `end` of a main or coordinated clause, the
// verbs of subordinate and relative clauses skipped with their clause:
// "Ma mère se pencha vers moi pendant que mon frère dormait :" gives
// pencha. `end` when there is none.
std::uint32_t last_main_finite_verb(const Run& run, std::uint32_t sentence_begin, std::uint32_t end) {
  const std::uint32_t floor = look_back_floor(sentence_begin, end);
  std::uint32_t limit = end;
  while (limit > floor) {
    std::uint32_t verb = limit;
    while (verb > floor && !finite_verb(run, verb - 1)) --verb;
    if (verb == floor) return end;
    --verb;
    // Back to what opens the verb's clause; another finite verb first
    // closes a clause inside it ("Paul, qui tremblait, cria :").
    std::uint32_t c = verb;
    while (c > floor && !joins_clauses(run, c - 1) && !opens_subordinate(run, c - 1) && !finite_verb(run, c - 1)) --c;
    if (c == floor || !opens_subordinate(run, c - 1)) return verb;
    // A subordinate clause that goes on to the speech verb introduces the
    // colon: "la petite que Manine se plaît à mettre dans mes bras en
    // disant :".
    if (!run.find_cues(verb + 1, end).empty()) return verb;
    limit = c - 1;
  }
  return end;
}

// True when no coordination stands between mention `m` and the verb group
// at `k`: "et mon père agacé par mon insistance finit par me dire", not
// "et sa canne, puis se retourna".
bool verb_group_follows(const Run& run, int m, std::uint32_t k) {
  const std::uint32_t end = run.tok_of(run.out.mentions[m].end - 1) + 1;
  if (end > k) return false;
  for (std::uint32_t t = end; t < k; ++t)
    if (run.has(t, WordClasses::kConj) || run.tok(t).lower == ";") return false;
  return true;
}

// The subject of the last finite verb of tokens [sentence_begin, colon),
// the clause that introduces what follows the colon: "La grand-mère
// essaya de me rassurer, et mon oncle finit par me dire :", "je restais
// en arrière et le moniteur me criait :". The verb of speech may be an
// infinitive or a gerund after it (finit par dire, en disant): the
// finite verb's subject speaks. kNone when the tagger found no finite
// verb or no subject before it.
int subject_of_clause_before_colon(Run& run, std::uint32_t sentence_begin, std::uint32_t colon) {
  if (!tagged(run)) return kNone;
  const std::uint32_t verb = last_main_finite_verb(run, sentence_begin, colon);
  if (verb == colon) return kNone;
  // Auxiliaries, object clitics and the negation before the verb: "me
  // criait", "ne lui a pas dit".
  std::uint32_t k = verb;
  while (k > sentence_begin &&
         (run.has(k - 1, WordClasses::kObj | WordClasses::kAux) || run.has_extra(k - 1, WordClasses::kNeForm)) &&
         !run.tok(k - 1).capitalized)
    --k;
  if (k > sentence_begin && run.has(k - 1, WordClasses::kSubj)) return run.make_mention(k - 1, k);
  // A verb group right after et shares the subject of the verb before
  // it: « oncle meunier rit de mon adresse, et dit : », « il nous aborda
  // sur la route et nous dit : ».
  if (k > sentence_begin + 1 && run.has_extra(k - 1, WordClasses::kEtWord)) {
    const std::uint32_t before = run.is_comma(k - 2) ? k - 2 : k - 1;
    if (const int m = subject_of_clause_before_colon(run, sentence_begin, before); m != kNone) return m;
  }
  if (const int stressed = stressed_subject_before(run, sentence_begin, k); stressed != kNone) return stressed;
  // A clause coordinated after another has its own subject, opening it
  // and right before its verb: "je restais en arrière et le moniteur me
  // criait :", not "Le vieux prit son chapeau et sa canne, puis se
  // retourna :".
  if (const std::uint32_t c = last_coordinated_clause(run, sentence_begin, k); c > sentence_begin) {
    const int m = run.sentence_subject(c, k, k);
    if (m != kNone && verb_group_follows(run, m, k) && dialogue_can_speak(run, m)) return m;
  }
  const int m = run.subject_before(k, sentence_begin, colon);
  if (m == kNone || prepositional_non_subject(run, sentence_begin, m) || !dialogue_can_speak(run, m)) return kNone;
  return m;
}

// The colon at `limit` or right before it, kNone when there is none.
int colon_at(const Run& run, std::uint32_t limit, std::uint32_t sentence_end) {
  auto colon = [&run](std::uint32_t k) { return run.tok(k).kind == TokenKind::kPunct && run.tok(k).lower == ":"; };
  if (limit < sentence_end && colon(limit)) return static_cast<int>(limit);
  if (limit > 0 && colon(limit - 1)) return static_cast<int>(limit - 1);
  return kNone;
}

// The one whose words a noun of one utterance (words.tsv utterancenoun)
// names by its complement in de, before the colon at `colon`: « la
// question directe du médecin au vieux cocher : », « La réponse du
// capitaine fut brève : ». Adjectives at most stand between the noun and
// de, du or des; the noun is the last one of its kind before the colon.
// kNone when there is none or the complement cannot speak (« la réponse
// de la lettre »).
int utterance_author(Run& run, std::uint32_t sentence_begin, std::uint32_t colon) {
  constexpr std::uint32_t kMaxReach = 16;
  const std::uint32_t floor = colon > sentence_begin + kMaxReach ? colon - kMaxReach : sentence_begin;
  for (std::uint32_t u = colon; u-- > floor;) {
    if (run.tok(u).kind == TokenKind::kPunct && !run.is_comma(u)) return kNone;
    if (run.tok(u).kind != TokenKind::kWord || !run.has_anchor(u, WordClasses::kUtteranceNoun)) continue;
    std::uint32_t d = u + 1;
    while (d < colon && d < u + 3 && (run.tags_[d].readings & kPosAdjective) && !run.is_de(d)) ++d;
    if (d + 1 >= colon || !run.is_de(d)) return kNone;
    // du, des hold their article.
    const Np np = run.np_forward(run.has(d, WordClasses::kDet) ? d : d + 1, colon, false);
    if (!np.valid() || !run.np_has_content(np)) return kNone;
    const int m = run.make_mention(np.begin, np.end);
    return m != kNone && dialogue_can_speak(run, m) ? m : static_cast<int>(kNone);
  }
  return kNone;
}

// DialogueHooks::sentence_subject.
int dialogue_sentence_subject(Run& run, std::uint32_t s, std::uint32_t limit) {
  const Sentence& sentence = run.doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = std::min(sentence.token_end, limit);
  if (sentence_end <= sentence_begin) return kNone;
  const int colon = colon_at(run, sentence_end, sentence.token_end);
  // Before a colon, the clause that introduces it: "Le capitaine observait
  // la mer, et le mousse, lui, cria :" is not the first clause's.
  std::uint32_t from = sentence_begin;
  if (colon != kNone && tagged(run)) {
    const std::uint32_t verb = last_main_finite_verb(run, sentence_begin, static_cast<std::uint32_t>(colon));
    if (verb != static_cast<std::uint32_t>(colon)) from = last_coordinated_clause(run, sentence_begin, verb);
  }
  if (const int m = subject_of_last_speech_verb(run, sentence_begin, sentence_end, from); m != kNone) return m;
  // No verb of speech: a noun of one utterance may name its author (« et de
  // la question directe du médecin au cocher : »).
  if (colon != kNone && tagged(run)) {
    if (const int m = utterance_author(run, sentence_begin, static_cast<std::uint32_t>(colon)); m != kNone) return m;
  }
  if (colon != kNone) {
    const int m = subject_of_clause_before_colon(run, sentence_begin, static_cast<std::uint32_t>(colon));
    if (m != kNone) return m;
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

// True when an indirect question of cue `h` opens at token `k`, its words
// in a quotation or not (« je lui demandai pourquoi « il y avait le feu » »),
// with no colon after it, which would introduce the question itself (read
// over kMaxClauseLookBack tokens at most: a long sentence must not make
// every cue slower).
bool asks_question(const Run& run, const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) {
  if (run.opens_indirect_question(h, k, sentence_end)) return true;
  if (k + 2 >= sentence_end || !run.has_grammar(k, WordClasses::kQuestionWord) ||
      run.tok(k + 1).kind != TokenKind::kQuoteMark || !run.words.has_grammar(h.entry->verb, WordClasses::kQuestionVerb))
    return false;
  const std::uint32_t end = std::min(sentence_end, k + kMaxClauseLookBack);
  for (std::uint32_t q = k + 1; q < end; ++q)
    if (run.tok(q).lower == ":") return false;
  return end == sentence_end;
}

// DialogueHooks::asked.
int asked_in_sentence(Run& run, std::uint32_t s, bool& dative) {
  dative = false;
  const Sentence& sentence = run.doc.sentences[s];
  if (!tagged(run) || sentence.token_end <= sentence.token_begin) return kNone;
  for (const CueHit& h : run.find_cues(sentence.token_begin, sentence.token_end)) {
    if (h.form != VerbForm::kFinite || h.clitic != kNone || !h.entry || h.last >= sentence.token_end ||
        !run.words.has_grammar(h.entry->verb, WordClasses::kQuestionVerb) || run.wonders(h))
      continue;
    // lui, leur before the verb: « Je lui demandai pourquoi … ».
    for (std::uint32_t k = h.first; k < h.verb && !dative; ++k) dative = run.has_anchor(k, WordClasses::kThirdDative);
    if (dative) {
      if (asks_question(run, h, h.last, sentence.token_end)) return kNone;
      dative = false;
      continue;
    }
    // à, au, aux and the one asked: « Julien demanda à sa sœur si … ».
    const std::uint32_t a = h.last;
    if (!run.has_extra(a, WordClasses::kAForm | WordClasses::kAuForm)) continue;
    Np np = run.has_extra(a, WordClasses::kAuForm) ? Np{a + 1, run.np_forward(a + 1, sentence.token_end, false).end}
                                                   : run.np_forward(a + 1, sentence.token_end, false);
    // The phrase reader takes si, pourquoi … for words of the phrase.
    for (std::uint32_t r = np.begin + 1; r < np.end; ++r)
      if (run.has_grammar(r, WordClasses::kQuestionWord)) {
        np.end = r;
        break;
      }
    if (!np.valid() || np.end >= sentence.token_end || !run.np_has_content(np) ||
        !asks_question(run, h, np.end, sentence.token_end))
      continue;
    const int m = run.make_mention(np.begin, np.end);
    return m != kNone && dialogue_can_speak(run, m) ? m : static_cast<int>(kNone);
  }
  return kNone;
}

// True when mention `m` is the subject il of an impersonal verb, which
// stands for no one: « Il y avait du monde », « Il fallait partir », « il
// pleuvait », « Il était presque midi », « il faisait nuit » (être or faire
// before a word of the hour, words.tsv clockword, or a number); not « il
// s'écria », « il était las », « il faisait ses comptes ».
bool impersonal_il(const Run& run, int m) {
  const MentionInfo& mi = run.out.mentions[m];
  if (!mi.pronoun) return false;
  const std::uint32_t size = static_cast<std::uint32_t>(run.doc.tokens.size());
  const std::uint32_t k = run.tok_of(mi.begin);
  if (!run.has_grammar(k, WordClasses::kIlWord)) return false;
  std::uint32_t n = k + 1;
  if (n < size && run.has_extra(n, WordClasses::kNeForm)) ++n;  // il n'y avait
  if (n >= size) return false;
  // The reflexive se of the class reads as impersonal only in il s'agit.
  if (run.has(n, WordClasses::kImpersonal) && !run.has_extra(n, WordClasses::kSeForm)) return true;
  const bool faire = run.has_grammar(n, WordClasses::kFaireForm);
  if (!faire && !run.has(n, WordClasses::kEtreForm)) return false;
  const std::uint64_t impersonal_after = WordClasses::kClockWord | (faire ? std::uint64_t{WordClasses::kWeatherWord} : std::uint64_t{0});
  auto adverb = [&run](std::uint32_t i) {
    return run.has(i, WordClasses::kAdv) || (tagged(run) && (run.tags_[i].pos & kPosAdverb));
  };
  for (++n; n < size && adverb(n) && !run.has_extra(n, impersonal_after);) ++n;  // presque, très
  return n < size && (run.has_extra(n, impersonal_after) || run.tok(n).kind == TokenKind::kNumber);
}

// DialogueHooks::can_speak.
bool dialogue_can_speak(const Run& run, int m) {
  if (impersonal_il(run, m)) return false;
  const MentionInfo& mi = run.out.mentions[m];
  const bool is_tagged = tagged(run);
  if (!run.speaker_head_ok(m)) {
    // An adjective before the noun is no head: le même médecin, la
    // vieille servante, un pauvre homme.
    if (!is_tagged || mi.pronoun) return false;
    std::uint32_t k = run.tok_of(mi.begin);
    const std::uint32_t end = run.tok_of(mi.end - 1) + 1;
    while (k < end && (run.tags_[k].pos & (kPosDeterminer | kPosNumber))) ++k;
    std::uint32_t adjectives = 0;
    while (k + 1 < end && (run.tags_[k].readings & (kPosAdjective | kPosAdverb)) && adjectives < 2) ++k, ++adjectives;
    if (adjectives == 0 || k >= end || !(run.tags_[k].readings & kPosNoun) || run.is_name_word(k)) return false;
  }
  if (mi.pronoun || mi.name.empty()) return true;
  // A name right after a noun of a street or a building names that place,
  // whoever it was named after: le boulevard Bourdon, le quai Voltaire;
  // after a noun of a trial or an affair, that affair (le procès Caillaux).
  const std::uint32_t first = run.tok_of(mi.begin);
  for (std::uint32_t k = first; k < run.doc.tokens.size() && run.tok(k).begin < mi.end; ++k) {
    if (!run.is_name_word(k)) continue;
    if (k > 0 && run.has_anchor(k - 1, WordClasses::kPlaceNoun | WordClasses::kEventNoun)) return false;
    break;
  }
  // A name the dictionary knows only as a place names no speaker: le
  // canal Saint-Martin, la rue de Rivoli.
  if (!is_tagged) return true;
  for (std::uint32_t k = first; k < run.doc.tokens.size() && run.tok(k).begin < mi.end; ++k) {
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
  const bool is_tagged = tagged(run);
  for (std::uint32_t k = sentence_begin; k < sentence_end;) {
    // A capitalised word opening the sentence is a name only when the
    // dictionary knows it as a given name.
    const bool given = is_tagged && (run.tags_[k].readings & kPosGivenName);
    if (!run.is_name_word(k) || (k == sentence_begin && !given)) {
      ++k;
      continue;
    }
    std::uint32_t e = k + 1;
    while (e < sentence_end && run.is_name_word(e)) ++e;
    // A place: a name the dictionary knows as one, or a name after a noun
    // of a street or a building (le boulevard Bourdon); likewise an affair
    // named after someone (l'orage du procès Caillaux).
    const bool place = (is_tagged && (run.tags_[k].pos & kPosPlace) && !given) ||
                       (k > sentence_begin && run.has_anchor(k - 1, WordClasses::kPlaceNoun | WordClasses::kEventNoun));
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

// True when the mention that opens at token `first` opens a clause of its
// own: back from it, the sentence's start, a comma, et, mais or a
// semicolon comes before any subordinator or finite verb (« et en un
// instant Pauline se trouva », not « la lettre que Pauline lui avait
// envoyée », « la chambre où Julien dormait », « regarda Martin »).
bool opens_own_clause(const Run& run, std::uint32_t sentence_begin, std::uint32_t first) {
  const std::uint32_t floor = look_back_floor(sentence_begin, first);
  for (std::uint32_t k = first; k > floor; --k) {
    if (run.is_comma(k - 1) || joins_clauses(run, k - 1)) return true;
    if (opens_subordinate(run, k - 1) || finite_verb(run, k - 1)) return false;
  }
  return floor == sentence_begin;
}

// DialogueHooks::before_its_verb: mention `m` opens a clause of its own
// and its finite verb follows it, past object clitics and the negation,
// in the same sentence.
bool subject_opening_clause(const Run& run, int m) {
  if (!tagged(run)) return false;
  const MentionInfo& mi = run.out.mentions[m];
  const Sentence& sentence = run.doc.sentences[run.doc.sentence_at(mi.begin)];
  // A name after a preposition is a complement: « Le portrait de Victor
  // pendait » is the portrait's clause.
  if (after_preposition(run, sentence.token_begin, m)) return false;
  if (!opens_own_clause(run, sentence.token_begin, run.tok_of(mi.begin))) return false;
  std::uint32_t k = run.tok_of(mi.end - 1) + 1;
  while (k < sentence.token_end && !run.tok(k).capitalized &&
         (run.has(k, WordClasses::kObj) || run.has_extra(k, WordClasses::kNeForm)))
    ++k;
  return k < sentence.token_end && (run.tags_[k].pos & kPosFiniteVerb) != 0;
}

// DialogueHooks::subject_of_clause.
bool subject_of_any_clause(const Run& run, int m) {
  if (!tagged(run)) return false;
  const MentionInfo& mi = run.out.mentions[m];
  const Sentence& sentence = run.doc.sentences[run.doc.sentence_at(mi.begin)];
  const std::uint32_t first = run.tok_of(mi.begin);
  if (after_preposition(run, sentence.token_begin, m)) return false;
  // A relative pronoun after a noun opens a relative clause, whose subject
  // is seldom the topic: « le livre que Bernard lui avait prêté ».
  if (first > sentence.token_begin + 1 &&
      (run.has_grammar(first - 1, WordClasses::kRelativePronoun) || run.has(first - 1, WordClasses::kNarrative)) &&
      (run.tags_[first - 2].pos & (kPosNoun | kPosProperNoun)))
    return false;
  std::uint32_t k = run.tok_of(mi.end - 1) + 1;
  while (k < sentence.token_end && !run.tok(k).capitalized &&
         (run.has(k, WordClasses::kObj) || run.has_extra(k, WordClasses::kNeForm)))
    ++k;
  return k < sentence.token_end && (run.tags_[k].pos & kPosFiniteVerb) != 0;
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
  hooks.before_its_verb = [&run](int m) { return subject_opening_clause(run, m); };
  hooks.subject_of_clause = [&run](int m) { return subject_of_any_clause(run, m); };
  hooks.can_speak = [&run](int m) { return dialogue_can_speak(run, m); };
  hooks.given_name_gender = [&run](const std::string& folded) { return run.words.given_name_gender(folded); };
  hooks.person_names = [&run](std::uint32_t s) { return person_names(run, s); };
  hooks.addressed = [&run](std::uint32_t begin, std::uint32_t end) {
    const std::uint32_t tb = run.tok_of(begin);
    std::uint32_t te = tb;
    while (te < run.doc.tokens.size() && run.tok(te).begin < end) ++te;
    return run.addressed_content(tb, te);
  };
  hooks.common_word = [&run](std::uint32_t k) {
    // The dictionary's own readings: the tagger adds a proper noun reading
    // to every capitalised word inside a sentence.
    if (k >= run.doc.tokens.size() || run.tok(k).kind != TokenKind::kWord) return false;
    // Closed-class words first: the dictionary knows « Pourquoi » only
    // under tags it does not map.
    if (run.has(k, WordClasses::kConj | WordClasses::kAdv | WordClasses::kClauseOpener)) return true;
    if (!run.pos_lexicon) return false;
    const PosSet r = run.pos_lexicon->readings(to_utf8(run.doc.slice(run.tok(k).begin, run.tok(k).end)));
    return !(r & (kPosUnknown | kPosProperNoun | kPosGivenName | kPosSurname | kPosPlace));
  };
  hooks.common_in_lower_case = [&run](std::uint32_t k) {
    if (!run.pos_lexicon || k >= run.doc.tokens.size() || run.tok(k).kind != TokenKind::kWord) return false;
    const PosSet r = run.pos_lexicon->readings(run.tok(k).lower);
    return !(r & (kPosUnknown | kPosProperNoun | kPosGivenName | kPosSurname | kPosPlace));
  };
  hooks.asked = [&run](std::uint32_t s, bool& dative) { return asked_in_sentence(run, s, dative); };
  hooks.speaking_noun = [&run](const std::string& folded) { return run.gaz.speaking_noun(folded); };
  hooks.words = &run.words;
  return hooks;
}

}  // namespace quotegraph::detail

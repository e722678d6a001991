// Attribution rules. One pass over the sentences of a document:
//   1. find the cue verb groups (a déclaré, a-t-il ajouté, accusant,
//      s'est dit, mis en garde …) and source markers (selon, d'après, pour);
//   2. give each quotation its kind (direct or mixed) and its cue, by the
//      incise after it, the introduction before it, the cue that governs it
//      or the speaker of the paragraph;
//   3. turn each remaining cue into indirect speech (que, infinitive, de/à
//      complements, incises without quotation marks) or a speech act;
//   4. find speakers (inverted subjects, preverbal subjects, appositions,
//      relative clauses, pronouns) and targets (the cue's object, entities
//      the content is aimed at).
// The rules are written from French grammar and the lexicons in data/.
#include "quotegraph/attribution/attributor.h"

#include "attribution_run.h"
#include "dialogue_speakers.h"
#include "target_clitics.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "quotegraph/text/text.h"

namespace quotegraph {
namespace detail {

namespace {

// Whether sentence `s` can be part of a quotation printed without its
// marks: no quotation mark, no dialogue dash and no cue of its own.
bool bare_quoted_sentence(const Run& run, std::size_t s) {
  const Sentence& sentence = run.doc.sentences[s];
  for (std::uint32_t k = sentence.token_begin; k < sentence.token_end; ++k) {
    const char32_t first = run.doc.text[run.tok(k).begin];
    if (run.tok(k).kind == TokenKind::kQuoteMark || first == 0x2014 || first == 0x2013) return false;
  }
  return run.cues_of_sentence(s).empty();
}

// Where the content of an incise without quotation marks (cue `h`) that
// closes the sentence opening at token `sentence_begin` begins. Some
// articles print a speaker's words without their marks, a paragraph closed
// by the incise: « Karl Tremblay, pour moi, était un phénomène. Je sais …
// Ils ont amené … , a-t-il confié. » Outside quotations the writer never
// says je, moi or nous, so when the incise ends its paragraph the content
// runs back to the first sentence of the paragraph that does, over
// sentences with no cue and no quotation mark; otherwise (an incise inside
// its sentence, a narration that goes on) it is the sentence itself.
std::uint32_t incise_content_begin(const Run& run, const CueHit& h, std::uint32_t sentence_begin) {
  const auto& sentences = run.doc.sentences;
  const std::size_t s = run.doc.sentence_at(run.tok(sentence_begin).begin);
  if (s + 1 < sentences.size() && sentences[s + 1].paragraph == sentences[s].paragraph) return sentence_begin;
  for (std::uint32_t k = h.last; k < sentences[s].token_end; ++k)
    if (!run.is_punct(k) && static_cast<int>(k) != h.clitic) return sentence_begin;
  std::uint32_t begin = sentence_begin;
  for (std::size_t t = s; t-- > 0 && sentences[t].paragraph == sentences[s].paragraph;) {
    if (!bare_quoted_sentence(run, t)) break;
    for (std::uint32_t k = sentences[t].token_begin; k < sentences[t].token_end; ++k)
      if (run.has_grammar(k, WordClasses::kFirstPerson)) begin = sentences[t].token_begin;
  }
  return begin;
}

}  // namespace

std::string Run::text_of(std::uint32_t b, std::uint32_t e) const {
  return to_utf8(doc.slice(tok(b).begin, tok(e - 1).end));
}

bool Run::is_punct(std::uint32_t i) const {
  return tok(i).kind == TokenKind::kPunct || tok(i).kind == TokenKind::kQuoteMark;
}

const State* Run::state_or_seat(std::string_view folded) const {
  return cache.state_or_seat(folded);
}

const State* Run::state_of_tokens(std::uint32_t b, std::uint32_t e) const {
  const Token& first = tok(b);
  if (first.kind == TokenKind::kWord) {
    // The text opens with the word's folded form, and a false answer
    // promises that no text opening with it is a name: one look-up a form.
    const FormFacts& f = facts(b);
    if (!(f.looked_up & 8)) f.looked_up |= 8, f.opens_state = cache.may_open_state_or_seat(first.lower);
    if (!f.opens_state) return nullptr;
    if (e == b + 1) return state_or_seat(first.lower);
  }
  if (e > b + 2 && !pair_may_open_state(b)) return nullptr;
  return state_or_seat(Folded(doc.slice(first.begin, tok(e - 1).end)));
}

bool Run::pair_may_open_state(std::uint32_t b) const {
  if (pair_opens_state_.empty()) pair_opens_state_.assign(doc.tokens.size(), 0);
  char& known = pair_opens_state_[b];
  if (!known) known = cache.may_open_state_or_seat(Folded(doc.slice(tok(b).begin, tok(b + 1).end))) ? 1 : 2;
  return known == 1;
}

const Role* Run::role_of(std::uint32_t i) const {
  const FormFacts& f = facts(i);
  if (!(f.looked_up & 1)) f.looked_up |= 1, f.role = cache.role(doc.tokens[i].lower);
  return f.role;
}

const State* Run::nationality_of(std::uint32_t i) const {
  const FormFacts& f = facts(i);
  if (!(f.looked_up & 2)) f.looked_up |= 2, f.nationality = cache.nationality(doc.tokens[i].lower);
  return f.nationality;
}

std::optional<Gender> Run::title_of(std::uint32_t i) const {
  const FormFacts& f = facts(i);
  if (!(f.looked_up & 4)) f.looked_up |= 4, f.title = cache.courtesy_title(doc.tokens[i].lower);
  return f.title;
}

namespace {

// How far back, in tokens, a clause before et, mais or a comma is read
// for a verb of its own (coordinated_subject_cut, opens_subject_after).
constexpr std::uint32_t kClauseVerbReach = 30;

// Whether the clause starting at `i` holds a word tagged `pos` (kPos*
// bits) among the kClauseVerbReach tokens before token `k`.
bool verb_before(const Run& run, std::uint32_t i, std::uint32_t k, std::uint32_t pos) {
  for (std::uint32_t v = k; v-- > i && k - v <= kClauseVerbReach;)
    if (run.tags_[v].pos & pos) return true;
  return false;
}

// Whether the token after `k`, inside the clause starting at `i`, opens
// the subject of the cue starting at `cue` (after a comma: « …, le préfet a
// reconnu », « …, le gardien qui connaît le peintre a reconnu »; after a
// soft line break: « … du jour ¶ Le club confirme »): a noun phrase with
// content, perhaps followed by qui, and no punctuation up to the cue,
// after a clause with a finite verb of its own within 30 tokens.
bool opens_subject_after(const Run& run, std::uint32_t i, std::uint32_t k, std::uint32_t cue) {
  const Np np = run.np_forward(k + 1, cue);
  if (!np.valid() || np.begin != k + 1 || !run.np_has_content(np) ||
      (np.end != cue && !run.has_extra(np.end, WordClasses::kQuiWord)))
    return false;
  for (std::uint32_t q = np.end; q < cue; ++q)
    if (run.is_punct(q)) return false;
  return verb_before(run, i, k, kPosFiniteVerb);
}

// Whether a line break stands between token `k` and the next, inside a
// paragraph whose lines are joined (a soft wrap).
bool line_break_after(const Run& run, std::uint32_t k) {
  for (std::uint32_t p = run.tok(k).end; p < run.tok(k + 1).begin; ++p)
    if (run.doc.text[p] == U'\n') return true;
  return false;
}

// « … que la gare fermait et Marie Leroy a dit que … », « … que la grève
// continuait, mais la direction a répondu … »: a noun phrase after et or
// mais that runs up to cue `c` is that cue's subject, and when the clause
// before et has a verb of its own (finite, or the infinitive of « a menacé
// de bloquer le port et le syndicat a … »), the report starting at `i` ends
// before et (and its comma). Where no verb precedes (« que Paul et Marie
// ont affirmé … »), et joins two subjects and nothing is cut. Looks at
// most one noun phrase and 30 tokens back, so a sentence of thousands of
// coordinated reports costs their number. A comma opens such a clause
// too (« … que tout va bien, le préfet Marc Lenoir a reconnu que … »),
// and there the subject may carry a restrictive relative (« , le gardien
// qui connaît le peintre a reconnu que … »): the noun phrase is followed
// by qui and no punctuation up to the cue. So does a line break before a
// capital in a paragraph of lines without punctuation (« … pour la raison
// du jour ¶ Le club confirme que … »). Returns the cut, or the largest
// token index when there is none.
std::uint32_t coordinated_subject_cut(const Run& run, std::uint32_t i, const CueHit& c) {
  constexpr std::uint32_t kNoCut = std::numeric_limits<std::uint32_t>::max();
  if (run.tags_.size() != run.doc.tokens.size()) return kNoCut;
  for (std::uint32_t k = c.first; k-- > i + 1 && c.first - k <= kMaxNpTokens + 1;) {
    if (run.is_comma(k)) {
      if (opens_subject_after(run, i, k, c.first)) return k;
      continue;
    }
    if (k + 1 < c.first && run.tok(k + 1).capitalized && line_break_after(run, k) &&
        opens_subject_after(run, i, k, c.first))
      return k + 1;
    if (!run.has_extra(k, WordClasses::kEtWord | WordClasses::kMaisWord)) continue;
    const Np np = run.np_forward(k + 1, c.first);
    if (!np.valid() || np.begin != k + 1 || np.end != c.first) return kNoCut;
    if (!verb_before(run, i, k, kPosFiniteVerb | kPosInfinitive)) return kNoCut;
    return run.is_comma(k - 1) ? k - 1 : k;
  }
  return kNoCut;
}

constexpr std::uint32_t kNoInfinitiveCut = std::numeric_limits<std::uint32_t>::max();

// « …, partir 3 pour ensuite dire que … », « … et j'ai entendu le ministre
// dire que … »: an infinitive cue group that opens on its purpose word
// (pour, afin de) or on the infinitive itself (after a verb of perception,
// or coordinated with a purpose) is a report of its own inside the clause
// starting at `i`, which ends before it: before the purpose word, or at
// the last et, mais, comma or que within a noun phrase and a verb group
// before the infinitive (« et j'ai entendu le ministre | dire »). Returns
// the cut, or kNoInfinitiveCut for another cue (semi-auxiliary, chaining
// or narrative groups keep their subject before them).
std::uint32_t infinitive_report_cut(const Run& run, std::uint32_t i, const CueHit& c) {
  if (c.form != VerbForm::kInfinitive) return kNoInfinitiveCut;
  if (run.has_grammar(c.first, WordClasses::kPurposeWord)) return c.first;
  for (std::uint32_t k = c.first; k < c.verb; ++k)
    if (!run.has(k, WordClasses::kObj) && !run.has_extra(k, WordClasses::kSeForm)) return kNoInfinitiveCut;
  for (std::uint32_t k = c.first; k-- > i + 1 && c.first - k <= kMaxNpTokens + 4;)
    if (run.has_extra(k, WordClasses::kEtWord | WordClasses::kMaisWord) || run.is_comma(k) || run.is_que(k))
      return k;
  return c.first;
}

// Where the cues of `cues` end the clause starting at token `i`, reported
// by the cue ending at `after_cue`, within [i, sentence_end) (see
// Run::clause_end): before a cue of another claim, or before the main
// verb when the reporting cue stands in a noun phrase.
std::uint32_t end_at_cues(const Run& run, std::uint32_t i, std::uint32_t sentence_end,
                          const std::vector<CueHit>& cues, std::uint32_t after_cue) {
  std::uint32_t e = sentence_end;
  // Cues in order (cues_in_order): only those from the one ending at
  // after_cue, and only up to the first one starting at e or past it (e
  // only shrinks), can change e; a sentence of thousands of cues asked
  // each of them for each of its claims.
  const bool in_order = cues_in_order(cues);
  auto from = cues.begin();
  if (in_order)
    from = std::lower_bound(cues.begin(), cues.end(), after_cue,
                            [](const CueHit& c, std::uint32_t k) { return c.last < k; });
  for (auto c = from; c != cues.end() && (!in_order || c->last == after_cue); ++c)
    if (c->last == after_cue && after_cue < i && run.cue_in_noun_phrase(*c)) e = run.before_main_verb(i, e);
  for (auto it = from; it != cues.end(); ++it) {
    const CueHit& c = *it;
    if (in_order && c.first >= e) break;
    if (c.first <= i || c.first >= e || c.first <= after_cue || run.participial_close(i, c, e) != 0) continue;
    // A participial or coordinated cue starts another claim: cut before
    // the comma or "et" that introduces it, also before its subject
    // pronoun and puis (« …, puis il a ajouté que … », « et elle a dit »).
    std::uint32_t cut = c.first;
    std::uint32_t opening = cut;
    while (opening > i + 1 && run.has(opening - 1, WordClasses::kSubj) && c.clitic == kNone) --opening;
    while (opening > i + 1 && run.has_grammar(opening - 1, WordClasses::kPuisWord)) --opening;
    if (opening < cut && (run.is_comma(opening - 1) || run.has_extra(opening - 1, WordClasses::kEtWord)))
      e = std::min(e, opening - 1);
    else if (cut > i && (run.is_comma(cut - 1) || run.has_extra(cut - 1, WordClasses::kEtWord)))
      e = std::min(e, cut - 1);
    // (maintenant, cependant are adverbs, no participle of maintenir.)
    else if ((c.form == VerbForm::kPresentParticiple && !run.has(c.first, WordClasses::kNotParticiple)) ||
             c.clitic != kNone)
      e = std::min(e, cut);
    else if (const std::uint32_t opened = infinitive_report_cut(run, i, c); opened != kNoInfinitiveCut)
      e = std::min(e, opened);
    else
      e = std::min(e, coordinated_subject_cut(run, i, c));
  }
  return e;
}

}  // namespace

namespace {

// How far, in tokens, an infinitive content is read for the « et que »
// that ends it (Run::clause_end): a clause.
constexpr std::uint32_t kEtQueReach = 60;

}  // namespace

std::uint32_t Run::clause_end(std::uint32_t i, std::uint32_t sentence_end, const std::vector<CueHit>& cues,
                         std::uint32_t after_cue) const {
  // An infinitive after de or à (« pour leur demander de payer ») ends
  // before a que clause coordinated by et, as its sentence would: « X
  // affirme que le ministre a appelé les patrons pour leur demander de
  // payer et que … » coordinates the que clauses of the verb before, not
  // the infinitive. Otherwise a sentence of such clauses gives each demand
  // the rest of the sentence (and its cues to read). Not past a que of
  // the infinitive's own (« pour s'assurer que … et que … », « faveurs
  // que nous dérobions, et qu'elles … »), which the second que may take
  // up, nor past the next cue (another report's clause) or kEtQueReach
  // tokens: a sentence of thousands of infinitive contents (« il les
  // accuse de mentir 3, … ») costs their number.
  if (i > 0 && (is_de(i - 1) || has_extra(i - 1, WordClasses::kAForm)) && opens_infinitive(i, sentence_end)) {
    std::uint32_t limit = std::min(sentence_end, i + kEtQueReach);
    if (cues_in_order(cues)) {
      const auto next = std::partition_point(cues.begin(), cues.end(), [i](const CueHit& c) { return c.first <= i; });
      if (next != cues.end()) limit = std::min(limit, next->first);
    }
    for (std::uint32_t k = i + 1; k + 1 < limit && !is_que(k); ++k)
      if (has_extra(k, WordClasses::kEtWord) && is_que(k + 1)) {
        sentence_end = k;
        break;
      }
  }
  std::uint32_t e = end_at_cues(*this, i, sentence_end, cues, after_cue);
  for (std::uint32_t k = i + 1; k < e; ++k) {
    if (has(k, WordClasses::kCut) && !tok(k).capitalized) {
      bool needs_que = has(k, WordClasses::kCutNeedsQue);
      if (!needs_que || (k + 1 < e && is_que(k + 1))) {
        if (has_grammar(k, WordClasses::kCutKeepsClause)) continue;
        e = k;
        if (e > i && is_comma(e - 1)) --e;
        break;
      }
    }
    if (has_grammar(k, WordClasses::kCutBeforeQue) && k + 1 < e && is_que(k + 1)) {
      e = k;
      break;
    }
    if (is_comma(k) && k + 2 < e &&
        ((has_extra(k + 1, WordClasses::kSameWord) && has_extra(k + 2, WordClasses::kSiWord)) ||
         (has_grammar(k + 1, WordClasses::kBienWord) && is_que(k + 2)))) {
      e = k;
      break;
    }
    if (is_comma(k) && k + 1 < e && has_extra(k + 1, WordClasses::kMaisWord) && !(k + 2 < e && is_que(k + 2))) {
      e = k;  // "…, mais nombre d'entre eux refusent": another clause
      break;
    }
    if (opens_other_statement(k, e) || quotation_after_abbreviation(k, e)) {
      e = k;
      break;
    }
  }
  e = std::min(e, quoted_clause_end(i, e));
  e = std::min(e, fronted_subordinate_end(i, e));
  // Trailing punctuation and closing marks belong to the sentence.
  while (e > i + 1 && (tok(e - 1).kind == TokenKind::kPunct)) --e;
  return e;
}

std::uint32_t Run::fronted_subordinate_end(std::uint32_t i, std::uint32_t e) const {
  // « Lorsque le juge lui demande ce qui motive son geste, l'accusé se
  // tait »: a report inside a subordinate clause that opens the sentence
  // ends at the comma before the main clause, a subject and its verb.
  const Sentence& sentence = doc.sentences[doc.sentence_at(tok(i).begin)];
  std::uint32_t first = sentence.token_begin;
  while (first < i && tok(first).kind != TokenKind::kWord) ++first;
  if (first >= i) return e;
  const bool subordinator = has(first, WordClasses::kCut) && !has(first, WordClasses::kCutNeedsQue) &&
                            !has_grammar(first, WordClasses::kCutKeepsClause);
  if (!subordinator && !opens_participial_clause(first, i)) return e;
  // A subordinate clause is short: past this many tokens the report is
  // left as it is (and the look-back stays bounded).
  constexpr std::uint32_t kMaxSubordinateTokens = 60;
  if (i - first > kMaxSubordinateTokens) return e;
  const auto main_clause_at = [&](std::uint32_t k, std::uint32_t limit) {
    if (!is_comma(k)) return false;
    const Np subject = np_forward(k + 1, limit, false);
    // (not a relative, nor an object clitic: « …, lui demande »)
    if (!subject.valid() || subject.end <= k + 1 || has_grammar(k + 1, WordClasses::kRelativePronoun) ||
        (has(k + 1, WordClasses::kObj) && !has(k + 1, WordClasses::kDet)))
      return false;
    if (finite_verb_opens(subject.end, limit)) return true;
    // The subject with its complements (« …, la ministre des Sports a visité »).
    if (const Np full = np_forward(k + 1, limit); full.valid() && full.end > subject.end &&
                                                  finite_verb_opens(full.end, limit))
      return true;
    // The subject with a name in apposition between commas (« …, la maire
    // de Vannes, Anne Morel, a renoncé »).
    // The clause's end may already have been cut at the second comma: the
    // verb is looked for up to the sentence end.
    const std::uint32_t end = sentence.token_end;
    const Np whole = np_forward(k + 1, end);
    if (!whole.valid() || whole.end + 1 >= end || !is_comma(whole.end)) return false;
    const Np apposition = np_forward(whole.end + 1, end);
    return apposition.valid() && apposition.end + 1 < end && is_comma(apposition.end) &&
           finite_verb_opens(apposition.end + 1, end);
  };
  // The report's cue is in the subordinate: no main clause before it.
  for (std::uint32_t k = first + 1; k < i; ++k)
    if (tok(k).kind == TokenKind::kQuoteMark || main_clause_at(k, i)) return e;
  for (std::uint32_t k = i + 1; k + 2 < e && k < i + kMaxSubordinateTokens; ++k) {
    if (tok(k).kind == TokenKind::kQuoteMark) return e;
    if (main_clause_at(k, e)) return k;
  }
  return e;
}

bool Run::opens_participial_clause(std::uint32_t first, std::uint32_t i) const {
  // « Estimant que …, le maire a renoncé », « En rappelant que …, la
  // préfète a fermé le bois », « Ayant affirmé que …, il est parti »: a
  // participle or a gerund (en, tout en) opens the sentence, and the main
  // clause follows its comma.
  std::uint32_t k = first;
  while (k < i && k < first + 2 && has_extra(k, WordClasses::kEnWord | WordClasses::kToutWord)) ++k;
  if (k >= i || k >= tags_.size()) return false;
  // An auxiliary's participle (ayant, étant) before its past participle.
  if (has(k, WordClasses::kAux) && (tags_[k].readings & kPosPresentParticiple) != 0 && k + 1 < i &&
      (tags_[k + 1].readings & kPosPastParticiple) != 0)
    return true;
  return (tags_[k].pos & kPosPresentParticiple) != 0 && (tags_[k].pos & kPosFiniteVerb) == 0;
}

int Run::fronted_participle_subject(const CueHit& h, std::size_t s) {
  const Sentence& sentence = doc.sentences[s];
  std::uint32_t first = sentence.token_begin;
  while (first < h.first && tok(first).kind != TokenKind::kWord) ++first;
  if (first != h.first || h.last + 1 >= sentence.token_end || !opens_participial_clause(first, h.last + 1))
    return kNone;
  const std::uint32_t k = fronted_subordinate_end(h.last + 1, sentence.token_end);
  if (k >= sentence.token_end || !is_comma(k)) return kNone;
  const Np np = np_forward(k + 1, sentence.token_end);
  if (!np.valid() || !np_has_content(np)) return kNone;
  const int sp = mention_with_apposition(np, sentence.token_end);
  return sp != kNone && speaker_head_ok(sp) ? sp : kNone;
}

std::uint32_t Run::participial_close(std::uint32_t i, const CueHit& c, std::uint32_t e) const {
  // The phrase opens on a comma, or is a gerund, which the press often
  // leaves without its first comma (« la junte en ordonnant de tirer, a … »).
  const bool gerund = has_extra(c.first, WordClasses::kEnWord | WordClasses::kToutWord);
  if (c.form != VerbForm::kPresentParticiple || c.clitic != kNone || c.first < i + 2 ||
      !(is_comma(c.first - 1) || gerund))
    return 0;
  const std::uint32_t subject_end = is_comma(c.first - 1) ? c.first - 1 : c.first;
  if (subject_end - i > kMaxNpTokens || verb_between(i, subject_end)) return 0;
  const std::uint32_t limit = std::min(e, c.last + 1 + kMaxParentheticalTokens);
  for (std::uint32_t q = c.last + 1; q + 1 < limit; ++q) {
    if (is_comma(q)) return finite_verb_opens(q + 1, e) ? q : 0;
    if (is_punct(q)) return 0;
  }
  return 0;
}

std::uint32_t Run::own_participial_close(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) const {
  if (h.first < sentence_begin + 2) return 0;
  // The clause opens after the punctuation or que before the subject.
  std::uint32_t i = h.first - 1;
  while (i > sentence_begin && h.first - i <= kMaxNpTokens + 1 && !is_punct(i - 1) && !is_que(i - 1)) --i;
  return participial_close(i, h, sentence_end);
}

int Run::subject_of_inner_participle(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  if (own_participial_close(h, sentence_begin, sentence_end) == 0) return kNone;
  const Np np = np_backward(is_comma(h.first - 1) ? h.first - 1 : h.first, sentence_begin);
  if (!np.valid() || !np_has_content(np)) return kNone;
  const int sp = make_mention(np.begin, np.end);
  return speaker_head_ok(sp) ? sp : kNone;
}

std::uint32_t Run::quoted_clause_end(std::uint32_t i, std::uint32_t e) const {
  // « “ „ ‹ << open, » ” › >> close; a straight " (or '') closes the one
  // that opened.
  const bool straight = straight_quote_token(tok(i).lower);
  if (tok(i).kind != TokenKind::kQuoteMark || !(straight || opening_quote_token(tok(i).lower))) return e;
  int depth = 0;
  for (std::uint32_t k = i; k < e; ++k) {
    if (tok(k).kind != TokenKind::kQuoteMark) continue;
    if (straight) depth = k == i ? 1 : straight_quote_token(tok(k).lower) ? 0 : depth;
    else depth += opening_quote_token(tok(k).lower) ? 1 : -1;
    if (depth == 0) return k + 1 < e && is_comma(k + 1) ? k + 1 : e;
  }
  return e;
}

bool Run::opens_other_statement(std::uint32_t k, std::uint32_t e) const {
  if (k + 1 >= e) return false;
  // "…, selon X", "…, d'après X", "…, cité par X": a source of its own.
  if (is_comma(k) && (has_extra(k + 1, WordClasses::kSelonWord | WordClasses::kCitedBy) ||
                      (is_bare_de(k + 1) && k + 2 < e && has_extra(k + 2, WordClasses::kApresWord))))
    return true;
  // A colon before a quotation introduces a statement of its own:
  // « … ont arrêté un choix clair : "L'option n'existe pas" ».
  return tok(k).lower == ":" && tok(k + 1).kind == TokenKind::kQuoteMark;
}

bool Run::quotation_after_abbreviation(std::uint32_t k, std::uint32_t e) const {
  if (k == 0 || k + 1 >= e || tok(k).kind != TokenKind::kQuoteMark || !opening_quote_token(tok(k).lower) ||
      !tok(k + 1).capitalized)
    return false;
  // (The period is the word's last character or a token of its own.)
  const Token& before = tok(k - 1);
  return before.end > before.begin && doc.text[before.end - 1] == U'.';
}

bool Run::cue_in_noun_phrase(const CueHit& h) const {
  const std::uint32_t f = h.first;
  if (f < 2 || h.clitic != kNone) return false;
  // A gerund (« a ouvert la séance en rappelant que … ») goes with the
  // clause's verb, never with the noun before its en.
  if (has_extra(f, WordClasses::kEnWord | WordClasses::kToutWord)) return false;
  // A bare participle of accusation qualifies the noun before it (« L'homme
  // accusé d'avoir … a été condamné »): its group is the participle alone.
  if (h.passive && f == h.verb) return true;
  if (has_extra(f - 1, WordClasses::kQuiWord)) return tok(f - 2).kind == TokenKind::kWord || is_comma(f - 2);
  return h.form == VerbForm::kPresentParticiple && tok(f - 1).kind == TokenKind::kWord &&
         (tags_[f - 1].readings & (kPosNoun | kPosProperNoun)) && !has(f - 1, WordClasses::kPrep);
}

std::uint32_t Run::before_main_verb(std::uint32_t i, std::uint32_t e) const {
  // (être and avoir after a modal are infinitives: « devait être voté ».)
  const auto finite_at = [&](std::uint32_t k) {
    return (has(k, WordClasses::kAux) && !has_grammar(k, WordClasses::kAuxInfinitive)) ||
           ((tags_[k].pos & kPosFiniteVerb) && !(tags_[k].readings & (kPosNoun | kPosProperNoun)) &&
            !tok(k).capitalized);
  };
  int verbs_left = (tags_[i].pos & kPosInfinitive) ? 0 : 1;
  for (std::uint32_t k = i; k < e; ++k) {
    // « La maire, qui affirme que la dette a baissé, présentera … »: the
    // comma that closes the relative is followed by the main verb.
    std::uint32_t verb = k + 1;
    while (verb < e && (has(verb, WordClasses::kObj) || has_extra(verb, WordClasses::kNeForm | WordClasses::kSeForm)))
      ++verb;
    if (is_comma(k) && k > i && verb < e && finite_at(verb)) return k;
    // A comma, a conjunction, que or a relative opens a clause with a verb of its own.
    if (is_punct(k) || is_que(k) || has(k, WordClasses::kClauseOpener | WordClasses::kCut) ||
        has_extra(k, WordClasses::kEtWord | WordClasses::kQuiWord) ||
        has_grammar(k, WordClasses::kOuWord | WordClasses::kRelativePronoun)) {
      verbs_left = 1;
      continue;
    }
    const bool finite = finite_at(k);
    // The participle or second auxiliary of a compound tense (a été, est
    // parti, n'a pas été) is the same verb.
    const bool after_aux = (k > i && has(k - 1, WordClasses::kAux)) ||
                           (k > i + 1 && has(k - 2, WordClasses::kAux) &&
                            has(k - 1, WordClasses::kAdv | WordClasses::kNegation));
    if (!finite || after_aux) continue;
    if (verbs_left-- > 0) continue;
    std::uint32_t cut = k;
    while (cut > i &&
           (has(cut - 1, WordClasses::kObj) || has_extra(cut - 1, WordClasses::kNeForm | WordClasses::kSeForm)))
      --cut;
    return cut > i ? cut : e;
  }
  return e;
}

WordClasses::SourceMarker Run::source_marker_at(std::uint32_t i, std::uint32_t sentence_end, std::uint32_t& end) const {
  constexpr std::uint32_t kLongestMarker = 5;
  if (sentence_end <= i + 1) return WordClasses::SourceMarker::kNone;
  if (!(facts(i).opens & WordClasses::kOpensMarker)) return WordClasses::SourceMarker::kNone;
  // The longest candidate is joined once, in a buffer that keeps its
  // capacity (no allocation per token); each shorter one is a prefix of it.
  const std::uint32_t longest = std::min(kLongestMarker, sentence_end - i);
  std::uint32_t prefix[kLongestMarker + 1] = {};
  static thread_local std::string all;
  all = tok(i).lower;
  prefix[1] = static_cast<std::uint32_t>(all.size());
  for (std::uint32_t k = 1; k < longest; ++k) {
    all += ' ';
    all += tok(i + k).lower;
    prefix[k + 1] = static_cast<std::uint32_t>(all.size());
  }
  for (std::uint32_t n = longest; n >= 2; --n) {
    auto kind = words.marker(std::string_view(all).substr(0, prefix[n]));
    if (kind != WordClasses::SourceMarker::kNone) {
      end = i + n;
      return kind;
    }
  }
  return WordClasses::SourceMarker::kNone;
}

bool Run::same_source_at(std::uint32_t k, std::uint32_t sentence_end, std::uint32_t& end) const {
  // cette source, cette même source, la même source; not "une source".
  if (k >= sentence_end) return false;
  const bool demonstrative = has_grammar(k, WordClasses::kDemonstrative);
  if (!demonstrative && !has_extra(k, WordClasses::kDefiniteArticle)) return false;
  ++k;
  const bool same = k < sentence_end && has_extra(k, WordClasses::kSameWord);
  if (same) ++k;
  if (!demonstrative && !same) return false;
  if (k < sentence_end && has_extra(k, WordClasses::kSourceNoun)) {
    end = k + 1;
    return true;
  }
  return false;
}

int Run::salient_entity(std::uint32_t before) const {
  for (auto it = salience.rbegin(); it != salience.rend(); ++it) {
    if (out.mentions[*it].begin >= before) continue;
    const int c = root_of(*it);
    if (c != kNone && is_entity_mention(c)) return *it;
  }
  return kNone;
}

bool Run::speaker_head_ok(int m) const {
  const MentionInfo& mention = out.mentions[m];
  if (mention.pronoun || tags_.empty()) return true;
  const std::uint32_t first = tok_of(mention.begin);
  std::uint32_t last = first;
  while (last < doc.tokens.size() && tok(last).begin < mention.end) ++last;
  // A phrase that au, aux (à + le) or another preposition open is a
  // complement: « Au cours de cette visite, il parla », « …, sur la place,
  // à Paris, ont demandé » (a capital that stands for its state elsewhere)
  // name no one who speaks. De and the prepositions that are also
  // determiners (des) open noun phrases (de simples citoyens).
  if (has_extra(first, WordClasses::kAuForm) ||
      (has(first, WordClasses::kPrep) && !has(first, WordClasses::kDet) && !is_de(first)))
    return false;
  // A clause is no speaker: "Trois ans passèrent", "consolaient leur
  // impatience"; but a pronoun with its relative is a noun phrase
  // (« ceux qui disent », relative_description).
  const bool described = last > first + 2 && (tags_[first].pos & kPosPronoun) && has_extra(first + 1, WordClasses::kQuiWord);
  for (std::uint32_t k = first; k < last && !described; ++k)
    if ((tags_[k].pos & kPosFiniteVerb) && !(tags_[k].readings & (kPosNoun | kPosProperNoun))) return false;
  // Nor a pronoun with the verb it governs: « lui faire dire les joies ».
  for (std::uint32_t k = first; k + 1 < last && !described; ++k)
    if ((tags_[k].pos & kPosPronoun) && (tags_[k + 1].pos & kPosVerb) && !has(k, WordClasses::kDet)) return false;
  if (!well_formed_phrase(first, last)) return false;
  // A bare singular noun alone opening a clause is an adverbial
  // (« Résultat, … », « Bref »), not a subject, unless it names a role
  // (Ministre) or is an acronym.
  const bool opens_clause = first == 0 || tok(first - 1).kind != TokenKind::kWord ||
                           first == doc.sentences[doc.sentence_at(tok(first).begin)].token_begin;
  if (opens_clause && last == first + 1 && tags_[first].pos == kPosNoun &&
      !(tags_[first].readings & kPosProperNoun) && !tok(first).all_caps && !role_of(first) && !title_of(first))
    return false;
  // The head: the first word after determiners, titles and numerals
  // (les deux amis, M. Dupont, Deux des principaux alliés).
  std::uint32_t k = first;
  while (k < last && ((tags_[k].pos & (kPosDeterminer | kPosNumber)) || title_of(k) ||
                      tok(k).kind != TokenKind::kWord))
    ++k;
  // A phrase of quantity is headed by the noun after its de (« beaucoup de
  // détenus », « trop de joueurs »).
  if (const std::uint32_t past = head_past_quantity(Np{k, last}); past != k) k = past;
  // Only a determiner or a title ("c'", "M.") names no one, unless the
  // determiner stands alone for people (selon certains, plusieurs ont dit).
  // A courtesy title written out addresses a person (répondit Madame).
  if (k >= last) {
    for (std::uint32_t q = first; q < last; ++q)
      if (title_of(q) && tok(q).end - tok(q).begin >= 4) return true;
    return last == first + 1 && has(first, WordClasses::kStandalone);
  }
  // An adjective that only precedes its noun is no head (de nombreux
  // élus, de simples citoyens): the noun after it is.
  if (k + 1 < last && (tags_[k].pos & kPosAdjective) && !(tags_[k].readings & kPosNoun) &&
      (tags_[k + 1].readings & kPosNoun) && !tok(k + 1).capitalized && !has(k + 1, WordClasses::kDet))
    ++k;
  // An interjection heads no phrase that speaks (« Quoi ? », « Oh »).
  // An acronym in capitals names an organisation or a state, never a bare
  // place, though the dictionary lists some among its proper nouns (EDF).
  const bool acronym = tok(k).all_caps && k + 1 == last;
  // A relative pronoun stands for its antecedent and heads nothing, even
  // capitalised where the press opens a sentence on it (« Qui n'ont pas
  // manqué de le relancer »).
  if (has_extra(k, WordClasses::kQuiWord) || has_grammar(k, WordClasses::kRelativePronoun)) return false;
  if (has(k, WordClasses::kInterjection) || !can_head_speaker(tags_[k], !mention.state.empty() || acronym))
    return false;
  if (mention.type != EntityType::kUnknown || !mention.name.empty() || !mention.state.empty()) return true;
  if (tags_[k].pos != kPosNoun || speaks_as_noun(k, last)) return true;
  // An adjective before its noun, which the tagger reads as a noun after a
  // determiner, is not the head (un grand nombre d'avocats, l'autre témoin).
  return k + 1 < last && (tags_[k].readings & kPosAdjective || has(k, WordClasses::kDet)) &&
         (tags_[k + 1].readings & kPosNoun) && speaks_as_noun(k + 1, last);
}

bool Run::well_formed_phrase(std::uint32_t first, std::uint32_t last) const {
  // A noun phrase ends on its noun or a name, never on a preposition or an
  // article, elided or not: « de Maine-et-Loire et de la Sarthe d' » is
  // cut out of a complement (« … de la Sarthe d'avoir exclu … »).
  // (Not a word that may be an adjective or a participle: « le faucheur
  // suivant ».)
  // (Nor a capitalised particle of a name: « Erwan Le Du ».)
  if (last > first + 1 && (tags_[last - 1].pos & (kPosPreposition | kPosDeterminer)) && !tok(last - 1).capitalized &&
      !(tags_[last - 1].readings & (kPosAdjective | kPosNoun | kPosVerb)) && !has(last - 1, WordClasses::kStandalone))
    return false;
  // A phrase in a paragraph of a few words with no verb, with no name in
  // it, is an intertitle (« Aveu implicite. », « Symptômes similaires. »),
  // not the subject of the sentences after it.
  const Paragraph& paragraph = doc.paragraphs[doc.sentences[doc.sentence_at(tok(first).begin)].paragraph];
  // (The dictionary's proper-noun reading of a capitalised first word is
  // no name: « Déception » opening a line; a role word after the head is
  // an adjective: « Déception générale ».)
  const std::uint32_t line_first = tok_of(paragraph.begin);
  bool named = role_of(first) || title_of(first);
  for (std::uint32_t k = first; k < last; ++k)
    named |= (tags_[k].readings & (kPosGivenName | kPosSurname)) != 0 || tok(k).all_caps ||
             (k != line_first && (tags_[k].readings & kPosProperNoun));
  if (named) return true;
  // A short paragraph with no verb (« Déception générale. »): the scan
  // stops at kHeadingWords words, at a verb or after kHeadingTokens tokens
  // (a line of marks is no heading either, and its mentions are not read
  // over and over).
  constexpr int kHeadingWords = 6;
  constexpr std::uint32_t kHeadingTokens = 24;
  int seen = 0;
  for (std::uint32_t k = line_first; k < doc.tokens.size() && tok(k).begin < paragraph.end; ++k) {
    if (k - line_first >= kHeadingTokens) return true;
    if (tok(k).kind != TokenKind::kWord && tok(k).kind != TokenKind::kNumber) continue;
    if (++seen > kHeadingWords || (tags_[k].readings & kPosFiniteVerb) || has(k, WordClasses::kAux)) return true;
  }
  return false;
}

bool Run::speaks_as_noun(std::uint32_t head, std::uint32_t last) const {
  if (!gaz.has_speaking_nouns() || tok(head).all_caps || role_of(head) || title_of(head)) return true;
  // A capitalised word that is also a name (Berger, Marchand, Roux) or
  // that is capitalised inside the sentence names someone.
  const std::uint32_t sentence_first = doc.sentences[doc.sentence_at(tok(head).begin)].token_begin;
  if (tok(head).capitalized &&
      (head != sentence_first || (tags_[head].readings & (kPosProperNoun | kPosGivenName | kPosSurname))))
    return true;
  return speaking_noun_end(head, last) > head;
}

std::uint32_t Run::speaking_noun_end(std::uint32_t head, std::uint32_t last) const {
  constexpr std::uint32_t kLongestCompound = 4;  // demandeur d'asile, président de la cour
  std::string key;
  std::uint32_t end = head;
  for (std::uint32_t k = head; k < last && k < head + kLongestCompound; ++k) {
    if (tok(k).kind != TokenKind::kWord) break;
    if (k > head) key += ' ';
    key += tok(k).lower;
    if (speaking_key(head, k == head, key)) end = k + 1;
  }
  return end;
}

// Gazetteer::speaking_noun(key) of a key that opens with token `head`,
// asked once a thread: the key of the word alone is a fact of its form, a
// longer key is kept by its text. The answer depends on the key's text only.
bool Run::speaking_key(std::uint32_t head, bool alone, const std::string& key) const {
  if (alone) {
    char& known = facts(head).speaking_noun;
    if (known == 0) known = gaz.speaking_noun(key) ? 1 : 2;
    return known == 1;
  }
  const auto [it, fresh] = compound_speaking_->try_emplace(key, false);
  if (fresh) it->second = gaz.speaking_noun(key);
  return it->second;
}

bool Run::inside_speaking_compound(std::uint32_t p, std::uint32_t last) const {
  return p > 0 && tok(p - 1).kind == TokenKind::kWord && speaking_noun_end(p - 1, last) > p + 1;
}

void Run::merge_coordinated_claim(AttributedClaim& same, const std::string& cue, Relation rel,
                                  const std::vector<int>& targets) {
  // Each cue aims at its own targets (« dénonce l'attitude du préfet et
  // accuse le maire de … »): the claim keeps both, each once. A claim has
  // one relation: the later cue's, unless that one only states and the
  // earlier one's relation is the one its targets were found for.
  const bool keep_relation = rel == Relation::kStates && !same.targets.empty();
  for (int t : targets)
    if (std::find(same.targets.begin(), same.targets.end(), t) == same.targets.end()) same.targets.push_back(t);
  same.cue = cue;
  if (!keep_relation) same.relation = rel;
}

void Run::add_claim(ClaimKind kind, std::uint32_t b, std::uint32_t e, const std::string& cue,
               Relation rel, int speaker, std::vector<int> targets) {
  if (e <= b) return;
  if (speaker != kNone && !speaker_head_ok(speaker)) speaker = kNone;
  // One clause is reported once: when two coordinated cues of one subject
  // reach the same content (« conteste les chiffres et dit qu'il a … »),
  // the later, nearer verb governs it. The cues of one sentence add their
  // claims one after another, so only the last few claims are compared
  // (a scan of every claim made the cost quadratic).
  constexpr std::size_t kSameContentLookBack = 8;
  for (std::size_t k = out.claims.size(); k-- > 0 && out.claims.size() - k <= kSameContentLookBack;) {
    AttributedClaim& same = out.claims[k];
    if (same.begin == b && same.end == e && same.kind == kind && same.speaker != kNone && speaker != kNone &&
        out.mentions[same.speaker].begin == out.mentions[speaker].begin &&
        out.mentions[same.speaker].end == out.mentions[speaker].end) {
      merge_coordinated_claim(same, cue, rel, targets);
      return;
    }
  }
  AttributedClaim c;
  c.kind = kind;
  c.begin = b;
  c.end = e;
  c.cue = cue;
  c.relation = rel;
  c.speaker = speaker;
  c.targets = std::move(targets);
  out.claims.push_back(std::move(c));
  // A subject is taken up by the next subject pronoun, not a source in a
  // complement (selon le ministère, pour le parti, par les syndicats).
  if (speaker != kNone) {
    const std::uint32_t first = tok_of(out.mentions[speaker].begin);
    if (out.mentions[speaker].pronoun || first == 0 ||
        !has_extra(first - 1, WordClasses::kSelonWord | WordClasses::kApresWord | WordClasses::kPourWord |
                                  WordClasses::kParWord))
      last_claim_speaker_ = speaker;
  }
}

void Run::index_token_blocks() {
  const std::size_t blocks = (doc.text.size() >> kTokenBlockBits) + 2;
  token_of_block_.resize(blocks);
  std::uint32_t k = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::uint64_t start = static_cast<std::uint64_t>(b) << kTokenBlockBits;
    while (k < doc.tokens.size() && doc.tokens[k].end <= start) ++k;
    token_of_block_[b] = k;
  }
}

void Run::run(const std::vector<Quote>& quotes) {
  // A document of hundreds of thousands of tokens (a dump, one paragraph of
  // quotations) makes mentions and claims by the hundred thousand: room for
  // them up front, as the segmenter makes for tokens, so that the vectors
  // are not moved, and fresh pages touched, at each doubling (a mention is
  // 176 bytes). Untouched capacity costs address space, not memory.
  constexpr std::size_t kLargeDocumentTokens = 1 << 16;
  if (doc.tokens.size() >= kLargeDocumentTokens) {
    out.mentions.reserve(doc.tokens.size() / 4);
    out.claims.reserve(doc.tokens.size() / 8);
  }
  index_token_blocks();
  index_tokens();
  // The classes and form ids index_tokens looked up.
  // A noun of our lexicons after a determiner is a noun (tag_document).
  const std::function<bool(std::uint32_t)> lexicon_noun = [this](std::uint32_t i) {
    return speaking_noun_end(i, static_cast<std::uint32_t>(doc.tokens.size())) > i;
  };
  tags_ = tag_document(doc, token_classes(), form_of_, form_facts_->size(), *form_readings_, pos_lexicon,
                       &lexicon_noun);
  attribute_sentences(*this, quotes);  // quote_pass.cpp
  std::sort(out.claims.begin(), out.claims.end(),
            [](const AttributedClaim& a, const AttributedClaim& b) { return a.begin < b.begin; });
  speakers_from_discourse();
  quotations_without_marks();  // attribution_discourse.cpp
  finish_targets();  // target_judgement.cpp
}

// How far before a colon the clause that introduces its quotation is looked for.
constexpr std::uint32_t kColonClauseTokens = 60;

int Run::subject_before_colon(std::uint32_t sentence_begin, std::uint32_t colon, std::uint32_t sentence_end) {
  // The act nearest the colon speaks: a subordinate clause of time or
  // cause after the main one has its own subject (« Le procureur commence
  // une phrase quand une fille se lève : « … » »: the girl). Not one of
  // purpose or anteriority (afin que, avant que: the main subject acts),
  // nor one whose act is addressed to someone (a dative clitic: « Elle
  // s'énerve lorsque l'avocat lui pose la question : « … » »): the one
  // addressed answers. The subordinate clause is looked for within
  // kColonClauseTokens of the colon: a clause longer than that is not one
  // a reader ties to the colon, and a sentence of thousands of quotations
  // after colons would else be read back to its start once per colon.
  const std::uint32_t scan_from = colon > sentence_begin + kColonClauseTokens ? colon - kColonClauseTokens : sentence_begin;
  for (std::uint32_t k = colon; k-- > scan_from + 2;) {
    // Mais coordinates a clause with a subject of its own (« La défaite a
    // confirmé ses craintes mais le coach en veut surtout à l'arbitre :
    // « … » »): that subject acts nearest the colon. Mais seldom joins
    // two subjects, unlike et.
    if (has_extra(k, WordClasses::kMaisWord) && !tok(k).capitalized && k + 2 < colon) {
      if (const int sp = subject_of_clause_before_colon(k + 1, colon, sentence_end); sp != kNone) return sp;
      break;
    }
    if (!has(k, WordClasses::kCut) || tok(k).capitalized) continue;
    std::uint32_t b = k + 1;
    if (has(k, WordClasses::kCutNeedsQue)) {
      if (b >= colon || !is_que(b)) continue;
      ++b;
    }
    if (has_grammar(k, WordClasses::kCutKeepsClause) || b + 1 >= colon) break;
    for (std::uint32_t q = b; q + 1 < colon; ++q)
      if (dative_clitic(q) && ((tags_[q + 1].pos & kPosFiniteVerb) || has(q + 1, WordClasses::kAux)))
        return subject_of_clause_before_colon(sentence_begin, colon, sentence_end);
    if (const int sp = subject_of_clause_before_colon(b, colon, sentence_end); sp != kNone) return sp;
    break;
  }
  if (const int sp = subject_of_clause_before_colon(sentence_begin, colon, sentence_end); sp != kNone) return sp;
  // « Le président se redresse. Souligne : « … » »: the subject left out.
  const std::size_t s = doc.sentence_at(tok(sentence_begin).begin);
  return doc.sentences[s].token_begin == sentence_begin ? subject_left_out(s) : kNone;
}

bool Run::dative_clitic(std::uint32_t q) const {
  // The object clitics but the accusative ones (le, la, les, l'), the
  // reflexive se, en and y, and leur, also a possessive: lui, me, te,
  // nous, vous.
  return has(q, WordClasses::kObj) && !has(q, WordClasses::kDet) && !has_grammar(q, WordClasses::kYWord) &&
         !has_extra(q, WordClasses::kDefiniteArticle | WordClasses::kSeForm | WordClasses::kElision |
                           WordClasses::kEnWord);
}

std::uint32_t Run::first_clause_stop(std::uint32_t from) {
  const auto n = static_cast<std::uint32_t>(doc.tokens.size());
  if (clause_stop_.size() != n) clause_stop_.assign(n, 0);
  const auto stops = [this](std::uint32_t v) {
    if (is_punct(v) && !is_comma(v)) return true;
    if (tok(v).capitalized || !((tags_[v].pos & kPosFiniteVerb) || has(v, WordClasses::kAux))) return false;
    return !has(v - 1, WordClasses::kDet);  // la juge, la critique: a noun after an article
  };
  std::uint32_t v = from;
  while (v < n && clause_stop_[v] == 0 && !stops(v)) ++v;
  const std::uint32_t stop = v == n ? n : clause_stop_[v] != 0 ? clause_stop_[v] - 1 : v;
  for (std::uint32_t k = from; k < v; ++k) clause_stop_[k] = stop + 1;
  if (v < n) clause_stop_[v] = stop + 1;
  return stop;
}

int Run::subject_of_clause_before_colon(std::uint32_t sentence_begin, std::uint32_t colon, std::uint32_t sentence_end) {
  if (sentence_begin + 1 >= colon) return kNone;
  const std::uint32_t v = first_clause_stop(sentence_begin + 1);
  if (v >= colon || (is_punct(v) && !is_comma(v))) return kNone;
  // The verb group starts at its clitics: se tortille, ne l'a pas vu.
  std::uint32_t first = v;
  while (first > sentence_begin && (has(first - 1, WordClasses::kObj) || has_extra(first - 1, WordClasses::kSeForm) ||
                                    has_extra(first - 1, WordClasses::kNeForm)))
    --first;
  int sp = subject_before(first, sentence_begin, sentence_end);
  if (sp == kNone || !speaker_head_ok(sp)) return kNone;
  const MentionInfo& mi = out.mentions[sp];
  // « il s'agit de …, il faut … »: an impersonal il names no one.
  if (mi.pronoun && impersonal_il_at(tok_of(mi.begin), colon)) return kNone;
  // A common noun of speaking_nouns.tsv names someone too (une fille, une
  // habitante), as in the other speaker rules.
  const std::uint32_t mb = tok_of(mi.begin), me = tok_of(mi.end - 1) + 1;
  std::uint32_t head = mb;
  while (head + 1 < me && has(head, WordClasses::kDet)) ++head;
  const bool named = mi.type != EntityType::kUnknown || !mi.name.empty() ||
                     (tags_[head].pos == kPosNoun && gaz.has_speaking_nouns() && speaks_as_noun(head, me));
  bool someone = mi.pronoun ? mi.antecedent != kNone && !mi.plural : named && mb == sentence_begin;
  return someone ? sp : kNone;
}

std::uint32_t Run::incise_in_next_sentence(std::uint32_t cs, std::uint32_t& k, std::uint32_t& ce) const {
  const auto& sentences = doc.sentences;
  if (cs + 1 >= sentences.size() || sentences[cs + 1].paragraph != sentences[cs].paragraph) return cs;
  std::uint32_t nb = sentences[cs + 1].token_begin, ne = sentences[cs + 1].token_end;
  if (nb < ne && is_comma(nb)) ++nb;
  // A lower-case word after « … ! » goes on with the same sentence.
  if (nb >= ne || tok(nb).kind != TokenKind::kWord || tok(nb).capitalized) return cs;
  k = nb;
  ce = ne;
  return cs + 1;
}

std::uint32_t Run::head_past_quantity(const Np& np) const {
  // « la plupart des experts », « beaucoup d'habitants », « un grand
  // nombre de témoins », « de nombreux parents »: the noun phrase after
  // the phrase of quantity and its de names the source. An empty phrase
  // (a head search that ran past its last word) has none.
  if (!np.valid()) return np.begin;
  std::uint32_t k = np.begin;
  const bool bare_de = is_bare_de(k);
  if (bare_de || (has(k, WordClasses::kDet) && !is_de(k) && !has_grammar(k, WordClasses::kQuantityWord))) ++k;
  const std::uint32_t first = k;
  while (k < np.end && has_grammar(k, WordClasses::kQuantityWord)) ++k;
  if (k == first || k >= np.end) return np.begin;
  if (bare_de) return k;
  return is_de(k) && k + 1 < np.end ? k + 1 : np.begin;
}

std::uint32_t Run::source_head(const Np& np) const {
  std::uint32_t k = np.begin;
  if (has(k, WordClasses::kDet)) ++k;
  // A numeral before the head counts its members: selon deux témoins,
  // pour les trois syndicats.
  while (k + 1 < np.end && (tags_[k].pos & kPosNumber)) ++k;
  // French puts a few adjectives before the head noun (selon l'ancien
  // ministre, pour le nouveau président): the head is the noun after
  // them, unless the two words make one role (premier ministre).
  while (k + 1 < np.end && has(k, WordClasses::kPrenominal) && !role_of(k) &&
         !cache.role(std::string(tok(k).lower) + " " + std::string(tok(k + 1).lower)))
    ++k;
  return k;
}

bool Run::speaker_like(const Np& np) const {
  if (!np.valid()) return false;
  if (const std::uint32_t head = head_past_quantity(np); head != np.begin) return speaker_like(Np{head, np.end});
  const std::uint32_t b = np.begin;
  // selon nos informations (the possessives of the third person, son, sa,
  // leur, are no poss words: selon son entourage names a source).
  if (has(b, WordClasses::kPoss)) return false;
  if (has(b, WordClasses::kStressedPronoun)) return true;
  if (np.end == b + 1 && has(b, WordClasses::kStandalone)) return true;
  const std::uint32_t k = source_head(np);
  if (k >= np.end) return false;
  if (has(k, WordClasses::kNoSource)) return false;
  if (is_name_word(k)) return true;
  if (title_of(k)) return true;
  std::string head(tok(k).lower);
  if (has(k, WordClasses::kOrdinal) && k + 1 < np.end) head += " " + std::string(tok(k + 1).lower);
  const Role* r = cache.role(head);
  if (!r) r = role_of(k);
  return r != nullptr;
}

bool Run::source_like(const Np& np) const { return speaker_like(np) || speaking_common_noun(np); }

bool Run::sentence_after_quotation(std::uint32_t close, std::size_t& ns, std::uint32_t& nb, std::uint32_t& ne) const {
  // The rest of the closing mark's sentence when the quotation ends on its
  // own stop (« … . » C'est ce qu'a …), else the next sentence of the
  // paragraph. An unclosed quotation at the document's end has no closing
  // mark (`close` is past the last token) and nothing after it.
  if (close >= doc.tokens.size()) return false;
  const auto& sentences = doc.sentences;
  const std::size_t cs = doc.sentence_at(tok(close).begin);
  ns = cs;
  nb = close + 1;
  ne = sentences[cs].token_end;
  while (nb < ne && is_punct(nb)) ++nb;
  if (nb < ne) return tok(nb).capitalized;  // not « … » a déclaré X, an incise
  if (++ns >= sentences.size() || sentences[ns].paragraph != sentences[cs].paragraph) return false;
  nb = sentences[ns].token_begin;
  ne = sentences[ns].token_end;
  return nb < ne;
}

int Run::fronted_source(std::uint32_t sentence_begin, std::uint32_t np_limit, std::uint32_t sentence_end,
                        std::uint32_t& marker, std::uint32_t& source_begin, bool pour_holds_opinion) {
  marker = sentence_begin;
  if (has_extra(marker, WordClasses::kEtWord | WordClasses::kMaisWord)) ++marker;
  const bool pour = has_extra(marker, WordClasses::kPourWord);
  const bool dapres = is_bare_de(marker) && marker + 1 < sentence_end && has_extra(marker + 1, WordClasses::kApresWord);
  if (!pour && !dapres && !has_extra(marker, WordClasses::kSelonWord)) return kNone;
  source_begin = dapres ? marker + 2 : marker + 1;
  if (source_begin >= np_limit) return kNone;
  Np np = np_forward(source_begin, np_limit);
  // Selon le communiqué de la mairie, « … »: the author speaks.
  if (np.valid() && !pour) np = author_of_text(np);
  if (!np.valid() || !(pour ? source_like(np) : marker_source_like(np))) return kNone;
  if (pour && pour_holds_opinion && !holds_opinion(np, false)) return kNone;
  return mention_with_apposition(np, sentence_end);
}

bool Run::marker_source_like(const Np& np) const { return source_like(np) || text_speaks(np); }

bool Run::text_speaks(const Np& np) const {
  // « Selon une étude publiée lundi », « d'après cette enquête »: an
  // indefinite or demonstrative study presents its findings as its own;
  // « d'après le rapport » takes up a report whose author the text named
  // before (« L'Inspection a remis son rapport. D'après le rapport, … »).
  // So does a definite one that a participle identifies (« selon l'étude
  // publiée mardi », « d'après le rapport rendu lundi »): the study meant
  // is the one just published, not one named before.
  if (!np.valid()) return false;
  const std::uint32_t head = source_head(np);
  if (!(head < np.end && has_anchor(head, WordClasses::kFindingText))) return false;
  if (has_extra(np.begin, WordClasses::kIndefHead) || has_grammar(np.begin, WordClasses::kDemonstrative)) return true;
  // The article, or its elided l' (a determiner that elides: l'étude).
  const bool definite = has_extra(np.begin, WordClasses::kDefiniteArticle) ||
                        (has(np.begin, WordClasses::kDet) && has_extra(np.begin, WordClasses::kElision));
  return definite && head + 1 < np.end &&
         (tags_[head + 1].readings & kPosPastParticiple) && !is_de(head + 1);
}

int Run::clitic_subject(const CueHit& h, std::uint32_t sentence_begin) {
  const auto clitic = static_cast<std::uint32_t>(h.clitic);
  // Only il, elle, ils, elles take up a noun subject (-t-on, -je, -nous
  // are subjects of their own).
  const bool third_person = has_grammar(clitic, WordClasses::kThirdPersonSubject);
  if (third_person && h.first > sentence_begin && tok(h.first - 1).kind == TokenKind::kWord) {
    Np np = np_backward(h.first, sentence_begin);
    // The fronted adverb (Aussi, Ainsi, Peut-être, Sans doute) is no part
    // of the subject, capitalised as it is.
    while (np.valid() && np.begin + 1 < np.end && (tags_[np.begin].pos == kPosAdverb ||
                                                   has_extra(np.begin, WordClasses::kAinsiWord)))
      ++np.begin;
    if (np.valid() && np.end == h.first && np_has_content(np) && speaker_like(np)) {
      const int m = make_mention(np.begin, np.end);
      if (m != kNone && speaker_head_ok(m)) return m;
    }
  }
  return make_mention(clitic, clitic + 1);
}

int Run::speaker_of_cue(CueHit& h, std::size_t s, int previous_speaker) {
  const Sentence& sentence = doc.sentences[s];
  int sp = kNone;
  if (h.clitic != kNone) {
    sp = clitic_subject(h, sentence.token_begin);
  } else if (h.form == VerbForm::kPresentParticiple) {
    bool comma_before = h.first > sentence.token_begin && is_comma(h.first - 1);
    if (!comma_before) sp = speech_noun_author_before(h.first, sentence.token_begin);
    if (sp == kNone) sp = subject_of_inner_participle(h, sentence.token_begin, sentence.token_end);
    if (sp == kNone && !comma_before && h.first > sentence.token_begin) {
      Np np = np_backward(h.first, sentence.token_begin);
      if (np.valid() && np_has_content(np) && is_name_word(np.end - 1))
        sp = subject_before(h.first, sentence.token_begin, sentence.token_end);
    }
    if (sp == kNone) sp = fronted_participle_subject(h, s);
    if (sp == kNone) sp = previous_speaker;
    // The subject of the nearest finite clause before the participle:
    // "… que certains hauts responsables n'ont pas apprécié, accusant …".
    for (std::uint32_t q = h.first; sp == kNone && q-- > sentence.token_begin;) {
      if (!(has(q, WordClasses::kAux) || has_extra(q, WordClasses::kNeForm))) continue;
      // An auxiliary's participle (ayant, étant) opens no finite clause:
      // « Poursuivi pour coups ayant entraîné la mort, le jeune homme … ».
      if (tags_[q].readings & kPosPresentParticiple) continue;
      std::uint32_t end = q;
      while (end > sentence.token_begin &&
             (has_extra(end - 1, WordClasses::kNeForm) || has(end - 1, WordClasses::kObj)))
        --end;
      Np np = np_backward(end, sentence.token_begin);
      if (np.valid() && np_has_content(np)) sp = make_mention(np.begin, np.end);
      // A thing is no subject that speaks: the sentence's subject is read below.
      if (sp != kNone && !speaker_head_ok(sp)) sp = kNone;
      break;
    }
    if (sp == kNone) sp = sentence_subject(sentence.token_begin, h.first, sentence.token_end);
    // A sentence with no subject of its own ("Avant de conclure en
    // affirmant que …") continues the last speaker.
    if (sp == kNone && !salience.empty()) sp = salience.back();
  } else if (h.form == VerbForm::kInfinitive) {
    // « J'ai entendu le ministre dire que … »: the one heard speaks.
    const Np perceived = perceived_speaker(h.first, sentence.token_begin);
    sp = perceived.valid() ? make_mention(perceived.begin, perceived.end) : previous_speaker;
    if (sp == kNone) sp = subject_of_infinitive(h, sentence.token_begin, sentence.token_end);
    if (sp == kNone && !salience.empty()) sp = salience.back();
  } else if (h.form == VerbForm::kPastParticiple && h.entry->relation == Relation::kAccuses &&
             !has(h.first, WordClasses::kAux) && previous_speaker != kNone) {
    // A participle of accusation with no auxiliary of its own, after the
    // object of the cue before it, is that cue's speaker's accusation
    // (« s'en est pris à l'arbitre, accusé d'avoir … »: the one who
    // attacks accuses, docs/GOLD_FORMAT.md), not the noun before it.
    sp = previous_speaker;
  } else {
    // « Lui demande de répéter. »: the dative clitic, no subject before.
    const bool left_out = h.first == sentence.token_begin + 1 && dative_clitic_opens(sentence.token_begin, sentence.token_end);
    sp = left_out ? kNone : subject_before(h.first, sentence.token_begin, sentence.token_end);
    if (sp == kNone && h.form == VerbForm::kPastParticiple) sp = fronted_participle_subject(h, s);
    if (sp == kNone) sp = previous_speaker;
    if (sp == kNone) sp = sentence_subject(sentence.token_begin, h.first, sentence.token_end);
    if (sp == kNone) sp = subject_left_out(s);
  }
  if (const int side = side_speaking_as_on(sp); side != kNone) sp = side;
  // « Le syndicat a, par la voix de sa secrétaire générale Julie Aubert,
  // affirmé que … »: the voice between auxiliary and participle speaks.
  if (h.first < h.last)
    if (const int voice = voice_named_in(h.first, h.last); voice != kNone) sp = voice;
  return sp;
}

int Run::coordinated_subject(int subject, std::uint32_t sentence_end) {
  if (out.mentions[subject].pronoun) return kNone;
  const std::uint32_t b = tok_of(out.mentions[subject].begin), et = tok_of(out.mentions[subject].end - 1) + 1;
  if (et + 1 >= sentence_end || !has_extra(et, WordClasses::kEtWord) || tok(et).capitalized) return kNone;
  const Np second = np_forward(et + 1, sentence_end);
  // Only full phrases are conjuncts: a name or a determiner and a noun.
  if (!second.valid() || !(starts_with_name(second) || has(second.begin, WordClasses::kDet))) return kNone;
  // Feminine only when both conjuncts are (la CGT et la CFDT: elles).
  const int probe = make_mention(second.begin, second.end);
  const bool feminine = out.mentions[subject].gender == 'f' && out.mentions[probe].gender == 'f';
  out.mentions.pop_back();
  const int both = make_mention(b, second.end);
  MentionInfo& m = out.mentions[both];
  m.plural = true;
  m.gender = feminine ? 'f' : 'm';
  if (m.type == EntityType::kUnknown) m.type = EntityType::kGroup;
  return both;
}

int Run::speech_noun_author_before(std::uint32_t first, std::uint32_t sentence_begin) {
  // The noun, de and its author: a phrase of a few words (a bounded look
  // back) with no punctuation or verb between.
  constexpr std::uint32_t kMaxPhrase = 10;
  for (std::uint32_t q = first; q-- > sentence_begin + 1 && first - q <= kMaxPhrase;) {
    if (is_punct(q) || is_que(q) || (tags_[q].pos & kPosFiniteVerb)) return kNone;
    if (!has_anchor(q, WordClasses::kSpeechActNoun) || !has(q - 1, WordClasses::kDet)) continue;
    // du and des hold the article, de and d' stand before it.
    if (q + 2 >= first || !is_de(q + 1)) return kNone;
    const Np author = np_forward(q + 2, first);
    if (!author.valid() || author.begin != q + 2 || author.end != first) return kNone;
    const int m = make_mention(author.begin, author.end);
    if (speaker_head_ok(m)) return m;
    out.mentions.pop_back();
    return kNone;
  }
  return kNone;
}

int Run::subject_of_infinitive(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // An infinitive after pour, avant de, sans has the subject of the
  // clause it depends on: « Sa mère s'est levée pour dire : « … » ».
  const int sp = sentence_subject(sentence_begin, h.first, sentence_end);
  if (sp == kNone || speaker_head_ok(sp)) return sp;
  out.mentions.pop_back();
  return kNone;
}

void Run::absorb_quotes(std::uint32_t b, std::uint32_t e, const std::vector<Quote>& quotes,
                   std::vector<char>& quote_done, bool& has_quote) {
  // Quotes are ordered by their opening mark: visit only those in [b, e).
  auto first = std::lower_bound(quotes.begin(), quotes.end(), b,
                                [](const Quote& q, std::uint32_t offset) { return q.open < offset; });
  for (auto it = first; it != quotes.end() && it->open < e; ++it) {
    quote_done[static_cast<std::size_t>(it - quotes.begin())] = 1;
    has_quote = true;
  }
}

Np Run::conjunct_after(std::uint32_t e, std::uint32_t sentence_end, bool over_commas) const {
  if (e + 1 >= sentence_end || !(has_extra(e, WordClasses::kEtWord) || (over_commas && is_comma(e)))) return Np{};
  const Np more = np_forward(e + 1, sentence_end);
  if (!more.valid() || !(starts_with_name(more) || has(more.begin, WordClasses::kDet))) return Np{};
  return more;
}

void Run::handle_passive_act(CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  std::uint32_t par = skip_adverbs(h.last, sentence_end);
  while (par < sentence_end && !has_extra(par, WordClasses::kParWord)) ++par;
  if (par >= sentence_end) return;
  Np agents = np_forward(par + 1, sentence_end);
  // The list goes on over commas and "et": par X, Y et Z.
  for (Np more = conjunct_after(agents.end, sentence_end, true); more.valid();
       more = conjunct_after(more.end, sentence_end, true))
    agents.end = more.end;
  if (!agents.valid()) return;
  Np object = np_backward(h.first, sentence_begin);
  if (!object.valid() || !np_has_content(object)) return;
  int object_m = make_mention(object.begin, object.end);
  deed_to_state(object_m);
  std::vector<int> targets;
  if (is_entity_mention(object_m)) targets.push_back(object_m);
  // The agents after par are no subject: the voice a later pronoun takes
  // up stays (« Yanis Benali a été félicité par son entraîneur. « … »,
  // a-t-il confié »: Benali).
  const int voice = last_claim_speaker_;
  for (int m : conjunct_mentions(agents)) {
    if (!is_entity_mention(m)) continue;
    note_salient(m);
    add_claim(ClaimKind::kAct, tok(object.begin).begin, tok(object.end - 1).end, cue_text(h), h.entry->relation,
              m, targets);
  }
  last_claim_speaker_ = voice;
}

void Run::add_impersonal_report(const CueHit& h, std::uint32_t que, std::uint32_t sentence_end,
                                const std::vector<CueHit>& cues, const std::vector<Quote>& quotes,
                                std::vector<char>& quote_done) {
  int source = kNone;
  for (std::uint32_t q = h.last; q < que; ++q) {
    if (!has_extra(q, WordClasses::kParWord)) continue;
    const Np agent = np_forward(q + 1, que);
    if (agent.valid() && np_has_content(agent)) source = make_mention(agent.begin, agent.end);
    break;
  }
  if (source != kNone) note_salient(source);
  const std::uint32_t cb = que + 1;
  const std::uint32_t ce = clause_end(cb, sentence_end, cues, h.last);
  if (ce > cb) add_reported_clauses(h, cb, ce, {source}, {}, quotes, quote_done);
}

void Run::handle_passive(CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                         const std::vector<CueHit>& cues, const std::vector<Quote>& quotes,
                         std::vector<char>& quote_done, const std::vector<char>& quoted) {
  // The one accused or asked: the subject, or the phrase after à (il est
  // reproché à X, il est demandé à X).
  // Inside a quotation the speaker's own words carry the accusation: no claim.
  if (!quoted[h.first] && impersonal_report(sentence_begin, h.first, h, sentence_end)) {
    add_impersonal_report(h, complement_start(h, sentence_end), sentence_end, cues, quotes, quote_done);
    return;
  }
  Np blamed;
  const std::uint32_t de = quoted[h.first] ? 0 : passive_de_report(*h.entry, h.last, sentence_end, &blamed);
  const std::uint32_t charge = de != 0 || quoted[h.first] ? 0 : passive_charge(*h.entry, h.last, sentence_end);
  if (de == 0 && charge == 0) {
    handle_passive_act(h, sentence_begin, sentence_end);
    return;
  }
  if (!blamed.valid()) blamed = np_backward(h.first, sentence_begin);
  // A bare participle set off by a comma after the named subject that
  // opens the sentence qualifies it (« Le jardinier Paul Roy, accusé de
  // vol, a été condamné »): the one accused.
  if (!blamed.valid() && h.first == h.verb && h.first > sentence_begin + 1 && is_comma(h.first - 1)) {
    const Np subject = np_backward(h.first - 1, sentence_begin);
    if (subject.valid() && subject.begin == sentence_begin && is_name_word(subject.end - 1)) blamed = subject;
  }
  std::vector<int> targets;
  if (blamed.valid() && np_has_content(blamed)) {
    const int m = make_mention(blamed.begin, blamed.end);
    if (is_entity_mention(m)) targets.push_back(m);
  }
  const std::uint32_t cb = de != 0 ? de + 1 : charge;
  // A bare participle qualifying the subject (« L'homme accusé d'avoir
  // incendié la grange a été condamné »): the charge ends before the main
  // verb, the first finite verb or auxiliary not of the charge's own
  // compound (avoir incendié), up to a clause opener, and within a
  // clause's reach (kMaxBareChargeTokens), so that in a list of such
  // phrases with no main verb no charge runs over the next ones to the
  // sentence end (issue 11).
  const bool bare = h.first == h.verb;
  const std::uint32_t charge_limit = bare ? std::min(sentence_end, cb + kMaxBareChargeTokens) : sentence_end;
  std::uint32_t ce = clause_end(cb, charge_limit, cues, h.last);
  if (bare)
    for (std::uint32_t k = cb + 1; k < ce; ++k) {
      if (is_punct(k) || is_que(k) || has_grammar(k, WordClasses::kRelativePronoun)) break;
      const bool finite = (has(k, WordClasses::kAux) && !has_grammar(k, WordClasses::kAuxInfinitive)) ||
                          ((tags_[k].pos & kPosFiniteVerb) && !(tags_[k].readings & (kPosNoun | kPosProperNoun)));
      if (finite && !(k == cb + 1 && has(cb, WordClasses::kAux))) {
        ce = k;
        break;
      }
    }
  int source = kNone;
  if (charge != 0) {
    // The charge ends before the agent who makes it (« accusé de
    // partialité par les supporters »), who then speaks.
    for (std::uint32_t q = cb + 1; q + 1 < ce; ++q) {
      if (!has_extra(q, WordClasses::kParWord)) continue;
      const Np agent = np_forward(q + 1, ce);
      if (agent.valid() && np_has_content(agent)) {
        source = make_mention(agent.begin, agent.end);
        note_salient(source);
      }
      ce = q;
      break;
    }
  }
  if (ce <= cb) return;
  // After the object of a named speaker's act of attack, the participle is
  // that speaker's report and the object its target (« s'en est pris au
  // préfet, accusé de bloquer le dossier », docs/GOLD_FORMAT.md speaker).
  if (h.first == h.verb && source == kNone && !out.claims.empty() && h.first > sentence_begin + 1) {
    const AttributedClaim& act = out.claims.back();
    const std::uint32_t noun = is_comma(h.first - 1) ? h.first - 2 : h.first - 1;
    if (act.kind == ClaimKind::kAct && act.speaker != kNone && act.end == tok(noun).end) {
      source = act.speaker;
      if (targets.empty()) targets = act.targets;
    }
  }
  add_reported_clauses(h, cb, ce, {source}, targets, quotes, quote_done);
}

bool Run::object_clitic_in_group(const CueHit& h) const {
  // The clitics open the group, after ne (« ne m'accuse pas »); a
  // circumstance between the auxiliary and the participle (« a, dans la
  // foulée, déploré ») holds no clitic.
  if (h.reflexive) return false;
  for (std::uint32_t q = h.first; q < h.verb && (has(q, WordClasses::kObj) || has_extra(q, WordClasses::kNeForm)); ++q)
    if (has(q, WordClasses::kObj)) return true;
  return false;
}

std::uint32_t Run::passive_charge(const CueEntry& entry, std::uint32_t last, std::uint32_t sentence_end) const {
  const std::uint32_t k = skip_adverbs(last, sentence_end);
  if (k + 1 >= sentence_end) return 0;
  const bool de_charge = entry.relation == Relation::kAccuses && (entry.frames & kFrameDe) && is_de(k);
  const bool pour_charge = entry.relation == Relation::kCriticises && (entry.frames & kFramePour) &&
                           has_extra(k, WordClasses::kPourWord) && has(k + 1, WordClasses::kDet);
  if (!de_charge && !pour_charge) return 0;
  const std::uint32_t c = k + 1;
  // A noun phrase, not a name (« accusé de Paris » is a place) nor a clause.
  if (tok(c).kind != TokenKind::kWord || tok(c).capitalized || is_que(c) || is_infinitive_like(c, sentence_end))
    return 0;
  return c;
}

bool Run::mark_incise(CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  if (!(h.first > sentence_begin + 1 && is_comma(h.first - 1))) return false;
  if (!(h.entry->frames & kFrameIncise)) return false;
  if (h.form != VerbForm::kFinite && h.form != VerbForm::kPastParticiple) return false;
  // No incise has its auxiliary in the present participle (« …, n'ayant
  // jamais dit pareille chose »): that is a participial phrase.
  for (std::uint32_t q = h.first; q < h.verb; ++q)
    if (tags_[q].readings & kPosPresentParticiple) return false;
  if (h.clitic != kNone) {
    // The pronoun's antecedent comes before first-person words it closes,
    // never from inside them (« Karl Tremblay, pour moi, … », a-t-il
    // confié); a clause about someone may name them (« Le secrétaire vit
    // passer la voiture, disait-il »).
    const std::uint32_t cb = incise_content_begin(*this, h, sentence_begin);
    if (cb < sentence_begin) antecedent_limit_ = tok(cb).begin;
    const bool incise = mark_clitic_incise(h, sentence_end);
    antecedent_limit_ = static_cast<std::uint32_t>(-1);
    if (incise)
      h.incise_close = incise_inside_close(h, sentence_begin, sentence_end,
                                           std::max(h.last, static_cast<std::uint32_t>(h.clitic) + 1));
    if (incise && h.incise_close != 0 && incise_opens_relative(h, sentence_begin)) take_main_subject(h, sentence_begin);
    return incise;
  }
  // Words without a verb before the comma are the cue's subject (« X,
  // patron du MoDem, a jugé … »), unless the cue's own inverted subject
  // is set between commas inside the clause (incise_inside_close).
  const bool verbless_before = follows_verbless_segment(h, sentence_begin);
  if (verbless_before && prefix_to(sentence_begin, h.first).at(h.first).last_quote != TokenPrefix::kNoToken)
    return false;
  int sp = subject_after(h.last, sentence_end);
  if (sp == kNone) return false;
  if (object_after_coordinated_verb(h, sp, sentence_begin)) {
    out.mentions.pop_back();
    return false;
  }
  std::uint32_t me = tok_of(out.mentions[sp].end - 1) + 1;
  const std::uint32_t close = incise_inside_close(h, sentence_begin, sentence_end, me);
  if (close == 0 && (verbless_before || !incise_closes_sentence(h, sentence_begin, sentence_end, me))) {
    out.mentions.pop_back();
    return false;
  }
  const int asked = source_asked(h, me, sentence_end);
  h.speaker = asked != kNone ? asked : sp;
  h.incise = true;
  h.incise_close = close;
  return true;
}

std::uint32_t Run::incise_inside_close(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                       std::uint32_t me) const {
  // The words before the incise hold no verb and no quotation mark: a
  // clause before it would be its whole content (incise_closes_sentence).
  if (h.first < sentence_begin + 2) return 0;
  // A bare past participle between commas is an apposition (« Le projet,
  // critiqué par l'opposition, sera voté »), no incise: an incise has
  // its auxiliary (a indiqué X) or a finite verb (indique X).
  if (h.form != VerbForm::kFinite && !has(h.first, WordClasses::kAux)) return 0;
  // Right after a relative pronoun the incise sits inside the relative
  // clause, whatever comes before it (« l'État qui, disent-ils, doit
  // sévir »): the relative is the report.
  const bool relative = incise_opens_relative(h, sentence_begin);
  const TokenPrefix::Before& before = prefix_to(sentence_begin, h.first).at(h.first - 1);
  if (!relative && (before.verbs > 0 || before.last_quote != TokenPrefix::kNoToken || before.words == 0)) return 0;
  // Past the subject, circumstances of time (mardi, ce jeudi), then the comma.
  std::uint32_t c = skip_adverbs(me, sentence_end);
  while (c < sentence_end && bare_time_word(c)) ++c;
  if (c + 2 >= sentence_end || !is_comma(c)) return 0;
  // Between a subject (or qui) and its verb, the verb comes right after
  // the incise; after connectors, dont or lequel, a clause of its own.
  const bool subject_before = relative ? has_extra(h.first - 2, WordClasses::kQuiWord)
                                       : !fronts_clause(sentence_begin, h.first - 1);
  if (subject_before) return finite_verb_opens(c + 1, sentence_end) ? c : 0;
  for (std::uint32_t q = c + 1; q < sentence_end && q <= c + kMaxNpTokens && !is_punct(q); ++q)
    if (finite_verb_opens(q, sentence_end)) return c;
  return 0;
}

bool Run::object_after_coordinated_verb(const CueHit& h, int sp, std::uint32_t sentence_begin) const {
  // « Le président menace de le faire évacuer, déplore l'agressivité de
  // l'avocat »: after a clause with its verb, a thing that follows a verb
  // taking an object is that object, the verb one more of the subject's
  // (verbs in a row), no incise whose inverted subject would speak.
  const MentionInfo& m = out.mentions[sp];
  if (m.pronoun || !(h.entry->frames & (kFrameObject | kFrameAct))) return false;
  if (prefix_to(sentence_begin, h.first).at(h.first - 1).verbs == 0) return false;
  const Np np{tok_of(m.begin), tok_of(m.end - 1) + 1};
  return has(np.begin, WordClasses::kDet) && !source_like(np);
}

void Run::take_main_subject(CueHit& h, std::uint32_t sentence_begin) {
  // « Les vignerons interpellent la préfecture qui, estiment-ils, doit … »:
  // the pronoun of an incise inside a relative takes up the subject of
  // the main clause when it agrees with it.
  const std::size_t mentions_before = out.mentions.size();
  const int subject = sentence_subject(sentence_begin, h.first - 2, tok_of(out.mentions[h.speaker].end - 1) + 1);
  if (subject != kNone && subject != h.speaker && compatible(out.mentions[h.speaker], out.mentions[subject]) &&
      speaker_head_ok(subject)) {
    h.speaker = subject;
    return;
  }
  if (out.mentions.size() > mentions_before) out.mentions.pop_back();
}

bool Run::incise_opens_relative(const CueHit& h, std::uint32_t sentence_begin) const {
  // qui, dont, lequel … then the incise's comma; que is left out, a
  // conjunction as often as a relative (« il faut que, dit-il, … »).
  if (h.first < sentence_begin + 3 || !is_comma(h.first - 1)) return false;
  const std::uint32_t r = h.first - 2;
  return (has_grammar(r, WordClasses::kRelativePronoun) && !is_que(r)) || has(r, WordClasses::kRelativeLequel);
}

bool Run::only_connectors(std::uint32_t b, std::uint32_t e) const {
  // Conjunctions and connectors (Et, Or, Aussi), adverbs and adverb
  // phrases (Par ailleurs, En outre), by the word classes or the tagger.
  if (b >= e) return false;
  for (std::uint32_t k = b; k < e;) {
    if (const std::uint32_t n = adverb_length(k, e); n > 0) {
      k += n;
      continue;
    }
    if (!has(k, WordClasses::kConj | WordClasses::kAdv) && !(tags_[k].pos == kPosAdverb && !is_name_word(k)))
      return false;
    ++k;
  }
  return true;
}

bool Run::fronts_clause(std::uint32_t b, std::uint32_t e) const {
  // « Pendant la trêve, affirme le porte-parole, la junte a … »: like a
  // connector, a circumstance set before the clause leaves the incise a
  // clause of its own after it.
  if (only_connectors(b, e)) return true;
  if (b >= e || e - b > kMaxNpTokens || is_de(b) || !(has(b, WordClasses::kPrep) || (tags_[b].pos & kPosPreposition)))
    return false;
  for (std::uint32_t k = b + 1; k < e; ++k)
    if (is_punct(k) || tok(k).kind == TokenKind::kQuoteMark || has(k, WordClasses::kAux) ||
        (tags_[k].pos & kPosFiniteVerb))
      return false;
  return true;
}

bool Run::finite_verb_opens(std::uint32_t k, std::uint32_t sentence_end) const {
  for (int guard = 0; guard < 4 && k < sentence_end && tok(k).kind == TokenKind::kWord; ++guard, ++k) {
    if (has(k, WordClasses::kAux) || (tags_[k].pos & kPosFiniteVerb)) return true;
    if (!has_extra(k, WordClasses::kNeForm) && !has(k, WordClasses::kObj | WordClasses::kAdv)) return false;
  }
  return false;
}

int Run::source_asked(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) {
  // "a appris l'AFP auprès de la cour d'appel", "a-t-on appris auprès des
  // pompiers": the source is the one asked, not the one who learnt it.
  if (!words.has_grammar(h.entry->lemma, WordClasses::kAskedSourceVerb) || k + 2 >= sentence_end ||
      !has_grammar(k, WordClasses::kAupresWord) || !is_de(k + 1))
    return kNone;
  const std::uint32_t source_begin = has(k + 1, WordClasses::kDet) ? k + 1 : k + 2;
  Np source = np_forward(source_begin, sentence_end);
  if (!source.valid() || !np_has_content(source)) return kNone;
  return make_mention(source.begin, source.end);
}

bool Run::mark_clitic_incise(CueHit& h, std::uint32_t sentence_end) {
  std::uint32_t k = skip_adverbs(h.last, sentence_end);
  if (k < sentence_end && (is_que(k) || is_infinitive_like(k, sentence_end))) return false;
  const int asked = source_asked(h, k, sentence_end);
  h.speaker = asked != kNone ? asked : make_mention(h.clitic, h.clitic + 1);
  // "a-t-on précisé de source préfectorale": the source is named after "on".
  if (has_grammar(h.clitic, WordClasses::kOnWord) && k + 1 < sentence_end && is_de(k) &&
      has_extra(k + 1, WordClasses::kSourceNoun)) {
    Np source = np_forward(k + 1, sentence_end);
    if (source.valid()) h.speaker = make_mention(source.begin, source.end);
  }
  // « Du côté de la CNE, on évoque … . Les aides …, suggère-t-on »
  if (const int side = side_speaking_as_on(h.speaker); side != kNone) h.speaker = side;
  h.incise = true;
  return true;
}

bool Run::follows_verbless_segment(const CueHit& h, std::uint32_t sentence_begin) const {
  // An incise follows a clause or a quotation: "…, patron du MoDem, a
  // jugé la décision « courageuse »" has no verb between the last
  // quotation mark and the comma, so the words before are its subject.
  // The words and verbs of [segment, h.first - 1), from the running
  // counts (TokenPrefix).
  if (h.first <= sentence_begin + 1) return false;
  const TokenPrefix& p = prefix_to(sentence_begin, h.first);
  const std::uint32_t quote = p.at(h.first).last_quote;
  const std::uint32_t segment = quote == TokenPrefix::kNoToken ? sentence_begin : quote + 1;
  if (segment + 1 >= h.first) return false;
  const TokenPrefix::Before &a = p.at(segment), &b = p.at(h.first - 1);
  return b.words > a.words && b.verbs == a.verbs;
}

bool Run::incise_closes_sentence(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                 std::uint32_t me) const {
  // After the subject only circumstances may follow (lors d'un point de
  // presse, dans un communiqué, selon …), not an object's complement
  // (a critiqué Moscou pour …: that is no incise but a subject before).
  // Time words may close the subject first (« a déclaré le maire mardi. »).
  while (me < sentence_end && bare_time_word(me)) ++me;
  const bool circumstance = me < sentence_end && has(me, WordClasses::kCircumstance);
  bool ends = me >= sentence_end || tok(me).lower == "." || tok(me).lower == "!" || tok(me).lower == "?" ||
              is_comma(me) || circumstance || tok(me).kind == TokenKind::kQuoteMark;
  // The clause before the comma must be a statement, not just a preposed
  // time phrase and a subject ("Dimanche, M. X, a critiqué …"): five words,
  // or three with a verb of their own (« La réforme est nécessaire, estime
  // la ministre »).
  std::uint32_t words_before = 0;
  bool finite_before = false;
  for (std::uint32_t q = sentence_begin; q + 1 < h.first && words_before < 5; ++q) {
    if (tok(q).kind == TokenKind::kWord) ++words_before;
    if ((tags_[q].pos & kPosFiniteVerb) || has(q, WordClasses::kAux)) finite_before = true;
  }
  if (words_before < 3 || (words_before < 5 && !finite_before)) ends = false;
  // Nor a subject with its apposition: "Le ministre, Grégoire Vallin, a
  // déclaré devant les préfets : « … »" has its subject before the verb.
  Np subject = np_forward(sentence_begin, h.first);
  std::uint32_t reach = subject.end;
  if (subject.valid() && reach + 1 < h.first && is_comma(reach)) {
    Np app = np_forward(reach + 1, h.first);
    if (app.valid()) reach = app.end;
  }
  if (subject.valid() && reach + 1 >= h.first) ends = false;
  return ends;
}

void Run::handle_cue(CueHit& h, std::size_t s, const std::vector<Quote>& quotes, std::vector<char>& quote_done,
                const std::vector<char>& quoted, int previous_speaker, const std::vector<CueHit>& all) {
  const Sentence& sentence = doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = sentence.token_end;
  if (h.incise) {
    add_incise_claim(h, sentence_begin, sentence_end, all, quotes, quote_done, quoted);
    return;
  }
  if (participle_describes_noun(h, sentence_begin)) return;
  if (comparative_incise(h, s, all, quotes, quote_done)) return;
  const std::uint32_t k = complement_start(h, sentence_end);
  if (h.passive) {
    handle_passive(h, sentence_begin, sentence_end, all, quotes, quote_done, quoted);
    return;
  }
  CueComplement complement = read_complement(h, k, sentence_end);
  if (complement.left_to_quotation) {
    // A cue whose complement is a quoted fragment leaves the claim to the
    // quotation (step d of the sentence pass) but keeps its speaker for
    // the verbs coordinated after it: X a jugé la décision « courageuse »
    // et estime que …
    h.speaker = speaker_of_cue(h, s, previous_speaker);
    return;
  }
  if (gerund_carries_content(h, k, sentence_end, all)) return;
  if (complement.content_begin == 0 && !complement.act) {
    // Incises without quotation marks were taken by mark_incise() before.
    if (complement.targets.empty() || !(h.entry->frames & kFrameAct)) {
      claim_of_object_clitic(h, s, k, quoted, previous_speaker);
      return;
    }
    complement.act = true;
    complement.act_np = Np{tok_of(out.mentions[complement.targets.front()].begin),
                           tok_of(out.mentions[complement.targets.back()].end - 1) + 1};
  }
  if (headless_relative_subject(h, sentence_begin)) return;
  const int sp = speaker_of_cue(h, s, previous_speaker);
  const std::vector<int> speakers = conjunct_speakers(sp);
  if (thing_speaks_inside_claim(h, sp)) return;
  h.speaker = speakers.front();
  for (int m : speakers) note_salient(m);
  // The person accused or urged is as salient as the speaker for the
  // pronouns that follow (accusent le Premier ministre X … lorsqu'il a déclaré).
  for (int t : complement.targets) note_salient(t);
  add_claims_of_complement(h, complement, speakers, sentence_begin, sentence_end, all, quotes, quote_done);
}

void Run::add_claims_of_complement(const CueHit& h, const CueComplement& complement, const std::vector<int>& speakers,
                                   std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                   const std::vector<CueHit>& all,
                                   const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  if (complement.act) {
    if (!complement.act_np.valid()) return;
    const Np& act_np = complement.act_np;
    for (int m : speakers)
      add_claim(ClaimKind::kAct, tok(act_np.begin).begin, tok(act_np.end - 1).end, cue_text(h), h.entry->relation,
                m, complement.targets);
    return;
  }
  const std::uint32_t content_end =
      complement.content_limit != 0 ? std::min(sentence_end, complement.content_limit) : sentence_end;
  std::uint32_t ce = clause_end(complement.content_begin, content_end, all, h.last);
  // A gerund between a clause's subject and its verb reports up to the
  // comma that closes it (« la junte, en ordonnant de tirer, a violé … »).
  if (const std::uint32_t close = own_participial_close(h, sentence_begin, sentence_end); close != 0)
    ce = std::min(ce, close);
  if (const std::uint32_t close = relative_close(h, complement.content_begin, ce); close != 0) ce = close;
  if (ce <= complement.content_begin) return;
  // A participial clause (« Le tribunal a validé la fermeture, considérant
  // que … ») gives the grounds of its clause's act; it hands the floor to
  // no new voice for a later pronoun (resolve_pronoun): when that subject
  // spoke, its cue made it the voice already (« a annoncé que …, estimant
  // que … »). A gerund, whose cue opens on its en or tout en, is the way
  // the subject speaks (« se défendait en expliquant que … »): it keeps it.
  const int voice = last_claim_speaker_;
  add_reported_clauses(h, complement.content_begin, ce, speakers, complement.targets, quotes, quote_done);
  if (h.form == VerbForm::kPresentParticiple && !has_extra(h.first, WordClasses::kEnWord | WordClasses::kToutWord))
    last_claim_speaker_ = voice;
}

std::uint32_t Run::relative_close(const CueHit& h, std::uint32_t cb, std::uint32_t ce) const {
  // « Piqué par les critiques du chef de l'opposition, qui lui reprochait
  // son inaction, le maire a traité … »: a cue in a relative clause set
  // between commas reports up to the comma that closes it, when a clause
  // with its own subject and verb follows.
  std::uint32_t r = h.first;
  while (r > 0 && has(r - 1, WordClasses::kObj) && !has(r - 1, WordClasses::kDet)) --r;
  if (r < 2 || !has_extra(r - 1, WordClasses::kQuiWord) || !is_comma(r - 2)) return 0;
  for (std::uint32_t c = cb; c + 1 < ce; ++c) {
    if (!is_comma(c)) continue;
    const Np subject = np_forward(c + 1, ce);
    return subject.valid() && has(c + 1, WordClasses::kDet) && finite_verb_opens(subject.end, ce) ? c : 0;
  }
  return 0;
}

bool Run::gerund_carries_content(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end,
                                 const std::vector<CueHit>& all) const {
  // "conclure en affirmant que …": the second cue carries the content.
  // In order (cues_in_order), only the cues starting in [h.last, k].
  const bool in_order = cues_in_order(all);
  auto from = all.begin();
  if (in_order)
    from = std::lower_bound(all.begin(), all.end(), h.last,
                            [](const CueHit& c, std::uint32_t b) { return c.first < b; });
  for (auto other = from; other != all.end() && (!in_order || other->first <= k); ++other)
    if (&*other != &h && other->form == VerbForm::kPresentParticiple && other->first >= h.last &&
        other->first <= k && k < sentence_end)
      return true;
  return false;
}

bool Run::verb_between(std::uint32_t from, std::uint32_t to) const {
  for (std::uint32_t k = from; k < to && k < tags_.size(); ++k) {
    if (has(k, WordClasses::kAux) || (tags_[k].pos & kPosFiniteVerb)) return true;
  }
  return false;
}

bool Run::headless_relative_subject(const CueHit& h, std::uint32_t sentence_begin) const {
  // « ce qui s'est passé aujourd'hui confirme que … »: a subject that is a
  // headless relative (ce qui, ce que) names an event or a thing, which
  // confirms or shows but reports no one's words. The relative opens the
  // clause: at the sentence start, after que or after a comma.
  constexpr std::uint32_t kMaxRelativeTokens = 12;
  if (h.form != VerbForm::kFinite || h.clitic != kNone) return false;
  for (std::uint32_t c = h.first; c-- > sentence_begin && h.first - c <= kMaxRelativeTokens;) {
    if (is_punct(c) && !is_comma(c)) return false;
    const bool opens_clause = c == sentence_begin || is_que(c - 1) || is_comma(c - 1);
    // After « ce que » the relative has its own verb before the cue, or
    // the cue is that verb: « ce que la CGT dénonce, c'est … » reports.
    if (opens_clause && c + 2 < h.first && has_grammar(c, WordClasses::kCeWord) &&
        (has_extra(c + 1, WordClasses::kQuiWord) || (is_que(c + 1) && verb_between(c + 2, h.first))))
      return true;
    const bool que_of_relative = is_que(c) && c > sentence_begin && has_grammar(c - 1, WordClasses::kCeWord);
    if ((is_que(c) && !que_of_relative) || is_comma(c)) return false;
  }
  return false;
}

bool Run::comparative_incise(CueHit& h, std::size_t s, const std::vector<CueHit>& cues,
                             const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  const Sentence& sentence = doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = sentence.token_end;
  std::uint32_t comme = 0, opener = 0;
  if (!find_comparison(h, sentence_begin, comme, opener)) return false;
  // « comme il l'avait annoncé »: the pluperfect says that an earlier
  // announcement came true; the clause is the writer's fact, and the cue
  // is no claim either.
  for (std::uint32_t k = h.first; k < h.verb; ++k)
    if (has_grammar(k, WordClasses::kPluperfectAux)) return true;
  // Inverted (comme l'a dit X) or preverbal (comme X l'a dit) subject.
  int sp = kNone;
  if (h.clitic != kNone) sp = make_mention(h.clitic, h.clitic + 1);
  else if (comme + 1 == h.first) sp = subject_after(h.last, sentence_end);
  else sp = subject_before(h.first, comme + 1, sentence_end);
  if (sp == kNone) return false;
  // « Comme l'indique son nom, … »: a thing that shows is no one who says;
  // a common noun of speaking_nouns.tsv says, as it would as a subject
  // (comme le souligne le chirurgien, comme le rappellent les riverains).
  const Np subject{tok_of(out.mentions[sp].begin), tok_of(out.mentions[sp].end - 1) + 1};
  if (!names_someone(sp) && !speaking_common_noun(subject)) return true;
  // Time words may follow a preverbal subject's cue: comme X l'a annoncé lundi, …
  const std::uint32_t complement = complement_start(h, sentence_end);
  // « ce que » is the verb's direct object: a noun phrase after the verb
  // makes it an attribute of naming (ce qu'un ancien appelait le mouvement
  // de l'âme, ce que les riverains nomment une punition), no report.
  if (has_grammar(opener, WordClasses::kCeWord) && comme + 1 != h.first && complement < sentence_end &&
      has(complement, WordClasses::kDet))
    return true;
  std::uint32_t speaker_end = std::max(complement, tok_of(out.mentions[sp].end - 1) + 1);
  const bool fronted = opener == sentence_begin ||
                       (opener == sentence_begin + 1 && has_extra(sentence_begin, WordClasses::kEtWord | WordClasses::kMaisWord));
  // « La hausse, comme l'a expliqué X, restera limitée »: with no verb
  // before it and a comma closing it, the incise cuts its clause in two;
  // the content is not one stretch of text, and no claim is made.
  if (!fronted && !verb_between(sentence_begin, opener) && comma_closes_incise(speaker_end, sentence_end)) return true;
  std::uint32_t cb = 0, ce = 0;
  if (has_grammar(opener, WordClasses::kCeWord) && !is_comma(opener - 1)) {
    // « C'est ce que révèle Le Journal. » reports the sentence before it
    // (a headline, a fact), with a verb that states; the noun phrase after
    // the verb is its subject, never its object.
    if (h.entry->relation != Relation::kStates || !sentence_taken_up(s, cb, ce)) return true;
  } else if (fronted && speaker_end + 1 < sentence_end && is_comma(speaker_end)) {
    cb = speaker_end + 1;
    ce = clause_end(cb, sentence_end, cues, cb);
  } else if (!fronted && opener > sentence_begin && is_comma(opener - 1) &&
             tok(sentence_begin).kind != TokenKind::kQuoteMark) {
    cb = sentence_begin;
    ce = opener - 1;
  }
  if (ce <= cb) return false;
  h.speaker = sp;
  note_salient(sp);
  add_claim(ClaimKind::kIndirect, tok(cb).begin, content_end_offset(cb, ce), cue_text(h), h.entry->relation, sp,
            content_targets(cb, ce));
  bool has_quote = false;
  absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
  mark_mixed(out.claims.back(), cb, ce);
  return true;
}

bool Run::opens_comparison(std::uint32_t k, std::uint32_t sentence_begin) const {
  // comme, the que of ainsi que (« ainsi que l'a rappelé le préfet ») or
  // of ce que (« …, ce qu'a confirmé le parquet »).
  return has_grammar(k, WordClasses::kCommeWord) ||
         (k > sentence_begin && is_que(k) &&
          (has_extra(k - 1, WordClasses::kAinsiWord) || has_grammar(k - 1, WordClasses::kCeWord)));
}

bool Run::find_comparison(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t& comme,
                          std::uint32_t& opener) const {
  if (h.form != VerbForm::kFinite && h.form != VerbForm::kPastParticiple) return false;
  comme = h.first;
  while (comme > sentence_begin && h.first - comme < kMaxNpTokens && !opens_comparison(comme - 1, sentence_begin) &&
         !is_punct(comme - 1))
    --comme;
  if (comme == sentence_begin || !opens_comparison(comme - 1, sentence_begin)) return false;
  --comme;
  // « ainsi que l'a indiqué X » compares like « comme l'a indiqué X »: the
  // clause before the comparison ends before ainsi.
  opener = has_grammar(comme, WordClasses::kCommeWord) ? comme : comme - 1;
  // After a comma, ce que is the cue's object and takes up the clause
  // before it (« Le suspect a été interpellé, ce qu'a confirmé le
  // parquet »); at the head of a sentence it is a headless relative (« Ce
  // que le ministre a dit, … »), no such incise.
  if (has_grammar(opener, WordClasses::kCeWord))
    return opener > sentence_begin && (is_comma(opener - 1) || presents_sentence_before(opener, sentence_begin));
  // After comme, the clitic (l', le) stands for the clause the comparison
  // is about.
  return has_grammar(h.first, WordClasses::kStatementClitic);
}

bool Run::presents_sentence_before(std::uint32_t ce, std::uint32_t sentence_begin) const {
  // « C'est ce que révèle X. », « C'est du moins ce qu'affirme X. »,
  // « Voilà ce qu'a dit X. »: the presentative opens the sentence, and at
  // most two adverbs stand before ce.
  constexpr std::uint32_t kAdverbsBeforeCe = 2;
  std::uint32_t k = sentence_begin;
  if (has_anchor(k, WordClasses::kBackPresentative)) return k + 1 == ce;
  if (!has_grammar(k, WordClasses::kDemonstrativePronoun) || k + 1 >= ce || !has(k + 1, WordClasses::kAux)) return false;
  k += 2;
  if (ce - k > kAdverbsBeforeCe) return false;
  for (; k < ce; ++k)
    if (tok(k).kind != TokenKind::kWord) return false;
  return true;
}

// How many tokens a sentence that « C'est ce que … » takes up may hold,
// and how many lines of a few tokens with no verb (a byline, a date) may
// stand between it and « C'est ce que … ».
constexpr std::uint32_t kTakenUpSentenceTokens = 80;
constexpr std::size_t kBylineLines = 2;
constexpr std::uint32_t kBylineTokens = 8;

bool Run::sentence_taken_up(std::size_t s, std::uint32_t& cb, std::uint32_t& ce) const {
  // A headline is followed by its byline and date, lines with no verb,
  // before the body's first sentence: those are passed over.
  for (std::size_t t = s; t-- > 0 && s - t <= kBylineLines + 1;) {
    const Sentence& before = doc.sentences[t];
    if (before.paragraph + 1 < doc.sentences[t + 1].paragraph) return false;
    cb = before.token_begin;
    ce = before.token_end;
    if (ce <= cb || ce - cb > kTakenUpSentenceTokens) return false;
    if (!holds_finite_verb(tok(cb).begin, tok(ce - 1).end)) {
      if (ce - cb > kBylineTokens) return false;
      continue;
    }
    while (ce > cb && is_punct(ce - 1)) --ce;
    if (ce <= cb || tok(ce - 1).lower == "?") return false;
    for (std::uint32_t k = cb; k < ce; ++k)
      if (tok(k).kind == TokenKind::kQuoteMark) return false;
    // A sentence that already reports someone's words is theirs: « C'est
    // ce que confirme X » after it agrees with them, it does not say them
    // first.
    return out.claims.empty() || out.claims.back().end <= tok(cb).begin;
  }
  return false;
}

bool Run::comma_closes_incise(std::uint32_t from, std::uint32_t sentence_end) const {
  // A comma after the incise, with words after it, before any other mark.
  for (std::uint32_t k = from; k + 1 < sentence_end; ++k) {
    if (is_comma(k)) return tok(k + 1).kind == TokenKind::kWord;
    if (is_punct(k) || tok(k).kind == TokenKind::kQuoteMark) return false;
  }
  return false;
}

bool Run::names_someone(int m) const {
  // A person, an institution or a group named by the gazetteer or by a
  // role, or a pronoun: not « son nom », « la carte ».
  if (out.mentions[m].pronoun || is_entity_mention(m)) return true;
  const std::uint32_t first = tok_of(out.mentions[m].begin);
  for (std::uint32_t k = first; k < doc.tokens.size() && tok(k).begin < out.mentions[m].end; ++k)
    if (role_of(k)) return true;
  return false;
}

bool Run::thing_speaks_inside_claim(const CueHit& h, int sp) const {
  // A speaker is someone: a person, an institution, a group, a state or a
  // pronoun, not "la nouvelle loi" (…menaçait la liberté de la presse).
  // The check applies to cues inside another claim's content, where a
  // clause subject is often a thing; elsewhere unknown nouns are accepted
  // (the gazetteer cannot list every human noun). A noun of
  // speaking_nouns.tsv is someone (« le chauffeur est venu s'excuser en
  // disant que … »).
  if (sp == kNone || out.mentions[sp].pronoun || is_entity_mention(sp) || speaker_head_ok(sp)) return false;
  // From the last claim back, while a claim so far may still end past the
  // cue (claims_end_max_), not through every claim of the document.
  const std::uint32_t at = tok(h.first).begin;
  std::vector<std::uint32_t>& furthest = claims_end_max_;
  if (furthest.size() > out.claims.size()) furthest.clear();
  for (std::size_t j = furthest.size(); j < out.claims.size(); ++j)
    furthest.push_back(std::max(j > 0 ? furthest[j - 1] : 0U, out.claims[j].end));
  for (std::size_t j = out.claims.size(); j-- > 0 && furthest[j] > at;)
    if (out.claims[j].begin <= at && at < out.claims[j].end) return true;
  return false;
}

void Run::add_incise_claim(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                           const std::vector<CueHit>& all, const std::vector<Quote>& quotes,
                           std::vector<char>& quote_done, const std::vector<char>& quoted) {
  std::uint32_t ce = h.first - 1;
  if (ce <= sentence_begin || quoted[sentence_begin]) return;
  std::uint32_t cb = incise_content_begin(*this, h, sentence_begin);
  if (cb < sentence_begin) antecedent_limit_ = tok(cb).begin;  // as when mark_incise resolved the pronoun
  note_salient(h.speaker);
  antecedent_limit_ = static_cast<std::uint32_t>(-1);
  if (h.incise_close != 0) {
    // Inside its clause the incise does not split the report: its span
    // runs over the incise to the clause's end; connectors before it are
    // the writer's (« Aussi, indique X, … »).
    ce = clause_end(h.incise_close + 1, sentence_end, all, h.last);
    if (ce <= h.incise_close + 1) return;
    if (incise_opens_relative(h, sentence_begin))
      cb = h.first - 2;
    else if (fronts_clause(sentence_begin, h.first - 1))
      cb = h.incise_close + 1;
  }
  add_incise_content(h, cb, ce, quotes, quote_done);
  if (h.incise_close == 0) add_clause_after_incise(h, sentence_end, all, quotes, quote_done);
}

void Run::add_incise_content(const CueHit& h, std::uint32_t cb, std::uint32_t ce, const std::vector<Quote>& quotes,
                             std::vector<char>& quote_done) {
  bool has_quote = false;
  absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
  add_claim(has_quote ? ClaimKind::kMixed : ClaimKind::kIndirect, tok(cb).begin, tok(ce - 1).end, cue_text(h),
            h.entry->relation, h.speaker, content_targets(cb, ce));
}

void Run::add_clause_after_incise(const CueHit& h, std::uint32_t sentence_end, const std::vector<CueHit>& all,
                                  const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  // Past the incise's subject (or clitic) and its circumstances of time,
  // a comma, then a subordinator or mais and a clause with its verb.
  const std::uint32_t me =
      h.clitic != kNone || h.speaker == kNone ? h.last : tok_of(out.mentions[h.speaker].end - 1) + 1;
  std::uint32_t c = skip_adverbs(std::max(me, h.last), sentence_end);
  while (c < sentence_end && bare_time_word(c)) ++c;
  if (c + 3 >= sentence_end || !is_comma(c)) return;
  const std::uint32_t cb = c + 1;
  if (!(has(cb, WordClasses::kCut) || has_extra(cb, WordClasses::kMaisWord)) || tok(cb).capitalized) return;
  if (!verb_between(cb + 1, std::min(sentence_end, cb + 1 + kMaxParentheticalTokens))) return;
  // A clause whose own verb is a cue (« mais il a ajouté que … ») is that
  // cue's report: its verb comes right after the subordinator or after
  // its subject pronoun.
  for (const CueHit& other : all)
    if (other.first > cb && other.first <= cb + 2) return;
  const std::uint32_t ce = clause_end(cb, sentence_end, all, h.last);
  if (ce > cb + 1) add_incise_content(h, cb, ce, quotes, quote_done);
}

bool Run::participle_describes_noun(const CueHit& h, std::uint32_t sentence_begin) const {
  // "des rapports évoquant un retrait": a participle right after a noun
  // that names no one describes the noun; nobody speaks.
  // A gerund (en soulignant, tout en affirmant) describes the subject's
  // act whatever comes before it.
  return h.form == VerbForm::kPresentParticiple && h.first > sentence_begin && !is_comma(h.first - 1) &&
         !has_extra(h.first, WordClasses::kEnWord) && !has_extra(h.first, WordClasses::kToutWord) &&
         tok(h.first - 1).kind == TokenKind::kWord && !is_name_word(h.first - 1) && !role_of(h.first - 1) &&
         !has(h.first - 1, WordClasses::kObj | WordClasses::kSubj | WordClasses::kConj | WordClasses::kAdv);
}

std::uint32_t Run::complement_start(const CueHit& h, std::uint32_t sentence_end) const {
  std::uint32_t k = skip_adverbs(h.last, sentence_end);
  // Time words and the audience between the cue and its complement.
  for (int guard = 0; guard < 6 && k < sentence_end && !opens_a_ce_que(h, k, sentence_end); ++guard) {
    if (bare_time_word(k)) { ++k; continue; }
    if (has_grammar(k, WordClasses::kCueTimeDeterminer) && k + 1 < sentence_end && has(k + 1, WordClasses::kTime) &&
        !has(k + 1, WordClasses::kDet)) {
      k += 2;
      continue;
    }
    // (After répondre, reprocher … à names the target, not the audience;
    // their other circumstances are skipped all the same: a répondu
    // devant la presse, mardi, que …)
    const bool names_target = h.entry->target == TargetSlot::kIndirect &&
                              has_extra(k, WordClasses::kAForm | WordClasses::kAuForm);
    if (has(k, WordClasses::kAudience) && !names_target && !opens_sur_content(h, k)) {
      // The audience (à la presse, chez BFM TV, devant les députés) or a
      // circumstance of the saying (sur les ondes de RTL, par voie de
      // communiqué, depuis Kiev): skip to the que or infinitive that
      // follows it within a few words.
      std::uint32_t j = k + 1;
      if (j < sentence_end && (is_infinitive_like(j, sentence_end) || tok(j).kind == TokenKind::kQuoteMark)) break;
      std::uint32_t q = j;
      // (a verb form after an article or "de" is a noun: "conférence de presse")
      // When the cue's clause is itself a que content (« a dit que nous
      // disons au préfet de nous respecter 0 et que … »), de and an
      // infinitive after the audience are the cue's own complement, and a
      // que past them opens a clause coordinated with the cue's: no
      // content of it. (In a main clause, « a répété aux habitants de
      // rester chez eux et que la crue passerait », the cue takes both.)
      const bool inner = in_que_clause(h);
      while (q < sentence_end && q < j + 12 && !is_que(q) && (!is_punct(q) || is_comma(q)) &&
             !infinitive_after_audience(h, q, sentence_end) && !(inner && de_infinitive_at(q, sentence_end)) &&
             (forms(q).empty() || (q > 0 && (has(q - 1, WordClasses::kDet) || is_de(q - 1)))))
        ++q;
      if (q < sentence_end && (is_que(q) || infinitive_after_audience(h, q, sentence_end))) { k = q; continue; }
      break;
    }
    if (is_comma(k) && (h.entry->frames & (kFrameQue | kFrameInfinitive | kFrameDe | kFrameA))) {
      std::uint32_t q = que_after_parenthetical(h, k, sentence_end);
      if (q != k) { k = q; continue; }
      break;
    }
    if (has_extra(k, WordClasses::kEnWord) && k + 1 < sentence_end && !has_grammar(k + 1, WordClasses::kGardeWord)) {
      // en fin de journée, en privé, en conférence de presse: en and a
      // noun without article make an adverbial, its de complements
      // included (a verb form there is a noun: « de presse »).
      std::uint32_t j = k + 1;
      while (j < sentence_end && j < k + 6 && tok(j).kind == TokenKind::kWord && !is_que(j) &&
             (forms(j).empty() || is_de(j - 1)))
        ++j;
      if (j > k + 1 && j < sentence_end && (is_que(j) || is_infinitive_like(j, sentence_end))) {
        k = j;
        continue;
      }
      break;
    }
    break;
  }
  return k;
}

bool Run::in_que_clause(const CueHit& h) const {
  for (std::uint32_t k = h.first; k-- > 0 && h.first - k <= kMaxNpTokens + 1;) {
    if (is_que(k)) return true;
    if (tok(k).kind != TokenKind::kWord) return false;
  }
  return false;
}

std::uint32_t Run::que_after_parenthetical(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const {
  // A circumstance between commas holds no other punctuation, quotation or
  // que of its own; the comma that closes it is followed by the cue's que,
  // its infinitive (a avoué, lors de son audition, être l'auteur …) or its
  // de or à and an infinitive (a menacé, le 3 mars, de …). French chains
  // such circumstances (a menacé, le 3 mars, par la voix de son président,
  // de …): up to three of them.
  constexpr int kMaxParentheticals = 3;
  const CueEntry& e = *h.entry;
  std::uint32_t c = k;
  for (int n = 0; n < kMaxParentheticals; ++n) {
    std::uint32_t q = c + 1;
    while (q < sentence_end && q < c + kMaxParentheticalTokens && !is_punct(q) && !is_que(q)) ++q;
    if (q == c + 1 || q + 1 >= sentence_end || !is_comma(q)) return k;
    // A circumstance has no verb of its own: past the first one, a clause
    // between commas (« sans doute, de son amie, versa des larmes, que … »)
    // ends the chain.
    if (n > 0 && verb_between(c + 1, q)) return k;
    const std::uint32_t after = q + 1;
    if (is_que(after) && (e.frames & kFrameQue)) return after;
    if ((e.frames & kFrameInfinitive) && e.target != TargetSlot::kIndirect && is_infinitive_like(after, sentence_end))
      return after;
    const bool de_or_a = (is_de(after) && (e.frames & kFrameDe)) || (has_extra(after, WordClasses::kAForm) &&
                                                                     (e.frames & kFrameA));
    if (de_or_a && is_infinitive_like(after + 1, sentence_end)) return after;
    c = q;
  }
  return k;
}

bool Run::opens_a_ce_que(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const {
  // Not s'attendre à ce que (an expectation) for attendre (exiger de X que).
  if (h.reflexive && !h.entry->pronominal) return false;
  const bool demand = (h.entry->frames & kFrameA) || h.entry->relation == Relation::kCallsOn;
  return demand && k + 3 < sentence_end && has_extra(k, WordClasses::kAForm) &&
         has_grammar(k + 1, WordClasses::kCeWord) && is_que(k + 2);
}

bool Run::opens_sur_content(const CueHit& h, std::uint32_t k) const {
  return (has_grammar(k, WordClasses::kSurWord) || has_grammar(k, WordClasses::kContreWord)) &&
         words.has(h.entry->lemma, WordClasses::kSurContent);
}

bool Run::states_a_fact(std::uint32_t k, std::uint32_t sentence_end) const {
  // The head noun comes after the determiners and at most two adjectives
  // set before it (« ses récents appels », « une profonde lassitude »); a
  // preposition, a name or punctuation ends the search.
  constexpr std::uint32_t kMaxBeforeHead = 2;
  std::uint32_t q = k;
  while (q < sentence_end && q < k + 3 && has(q, WordClasses::kDet)) ++q;
  if (q == k) return false;
  for (const std::uint32_t head_limit = q + kMaxBeforeHead + 1; q < sentence_end && q < head_limit; ++q) {
    if (tok(q).kind != TokenKind::kWord || tok(q).capitalized || is_de(q) || is_que(q) ||
        has(q, WordClasses::kPrep | WordClasses::kDet))
      return false;
    if (fact_noun(tok(q).lower)) return true;
  }
  return false;
}

bool Run::fact_noun(std::string_view lower) const {
  // The plural in -s or -x of a singular (les vertus, des manquements).
  std::string_view singular = lower;
  if (singular.size() > 3 && (singular.back() == 's' || singular.back() == 'x'))
    singular.remove_suffix(1);
  for (std::string_view w : {lower, singular}) {
    if (words.has_anchor(w, WordClasses::kFactNoun) || words.has_extra(w, WordClasses::kContentNoun)) return true;
    if (words.has_anchor(w, WordClasses::kNotFactNoun)) return false;
  }
  // A noun of action or of quality by its ending (words.tsv factsuffix, of
  // three to five bytes: « une manipulation », « la précarité »).
  for (std::size_t n = 3; n <= 5 && n + 2 < singular.size(); ++n)
    if (words.has_anchor(singular.substr(singular.size() - n), WordClasses::kFactSuffix)) return true;
  return false;
}

bool Run::comparative_que(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const {
  // The comparative was skipped as an adverb (k is que), or it stands at k.
  if (k >= sentence_end) return false;
  if (is_que(k)) return k > h.last && has_extra(k - 1, WordClasses::kComparative);
  return k + 1 < sentence_end && has_extra(k, WordClasses::kComparative) && is_que(k + 1);
}

bool Run::locution_que(const CueHit& h, std::uint32_t q) const {
  if (q <= h.last || !is_que(q)) return false;
  const std::uint32_t w = q - 1;
  if (tok(w).kind != TokenKind::kWord || is_que(w)) return false;
  // A preposition or a subordinator needs what follows it: a que right
  // after one completes the locution (the prepositions, those of the
  // audience and the cut class: avant, après, pendant, depuis, sans,
  // pour; bien, parce; not a connector, « a dit donc que »). A
  // preposition the word classes miss (dès) is known from its part of
  // speech, unless it ends an adverb phrase (« a affirmé en outre que »).
  if (has(w, WordClasses::kPrep | WordClasses::kAudience | WordClasses::kCut) || has_grammar(w, WordClasses::kBienWord) ||
      (has(w, WordClasses::kClauseOpener) && !has(w, WordClasses::kConj)))
    return true;
  if (tags_.empty() || !(tags_[w].pos & kPosPreposition)) return false;
  constexpr std::uint32_t kLongestAdverbPhrase = 4;  // as adverb_length reads them
  for (std::uint32_t b = w + 1; b-- > h.last && q - b <= kLongestAdverbPhrase;)
    if (adverb_length(b, q) == q - b) return false;
  return true;
}

CueComplement Run::read_complement(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) {
  const CueEntry& e = *h.entry;
  CueComplement c;
  // « Ce livre fait comprendre mieux que tout autre … »: que after a
  // comparative adverb opens the term of the comparison, so the cue has
  // no complement there.
  if (comparative_que(h, k, sentence_end) || locution_que(h, k)) return c;
  if (!(k < sentence_end && is_que(k)) && thing_subject_modal(h)) return c;
  if (k < sentence_end && is_que(k) && (e.frames & kFrameQue)) {
    c.content_begin = k + 1;
  } else if (opens_a_ce_que(h, k, sentence_end)) {
    c.content_begin = k + 3;
  } else if (k < sentence_end && tok(k).kind == TokenKind::kQuoteMark) {
    c.left_to_quotation = true;  // a fragment right after the cue: handled with the quotation
  } else if (k < sentence_end && (e.frames & kFrameInfinitive) && is_infinitive_like(k, sentence_end) &&
             e.target != TargetSlot::kIndirect) {
    // (soutenir, whose object is the one supported, reports an infinitive
    // right after it: a soutenu avoir agi …)
    c.content_begin = k;
  } else if (k < sentence_end && h.reflexive && words.has_grammar(e.verb, WordClasses::kAttributeVerb) &&
             tok(k).kind == TokenKind::kWord && !tok(k).capitalized &&
             !has(k, WordClasses::kDet | WordClasses::kPrep | WordClasses::kAux | WordClasses::kSubj) && !is_que(k)) {
    c.content_begin = k;  // "s'est dit satisfait de …": what he said he was
  } else if (k < sentence_end && opens_sur_content(h, k)) {
    // insister sur la nécessité de …: the noun phrase states a fact or a
    // judgement; otherwise it names a thing or a topic, no content.
    if (states_a_fact(k + 1, sentence_end)) c.content_begin = k + 1;
  } else if (opens_colon_content(h, k, sentence_end)) {
    c.content_begin = k + 1;
  } else if (const Np asked = asked_before_que(h, k, sentence_end); asked.valid()) {
    c.content_begin = asked.end + 1;  // exiger de l'État qu'il …
    for (int m : conjunct_mentions(asked)) c.targets.push_back(m);
  } else {
    c.targets = cue_object_targets(h, sentence_end);
    read_complement_after_object(h, k, sentence_end, c);
  }
  return c;
}

bool Run::opens_colon_content(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const {
  // « Le maire a prévenu : la piscine fermera en juin », « Il l'a
  // confirmé mardi : … »: a cue of introduction whose colon opens a clause
  // without quotation marks reports that clause, as que would. Not a
  // quotation (the quotation's own reading) nor a dialogue dash.
  if (!(h.entry->frames & kFrameIntro) || k + 1 >= sentence_end || tok(k).lower != ":") return false;
  const Token& next = tok(k + 1);
  return next.kind == TokenKind::kWord && !is_punct(k + 1);
}

bool Run::tail_holds_article(const CueHit& h, std::uint32_t k) const {
  return !h.entry->tail.empty() && k == h.last && k > h.verb + 1 && has_extra(k - 1, WordClasses::kAuForm) &&
         tok(k).kind == TokenKind::kWord;
}

bool Run::thing_subject_modal(const CueHit& h) const {
  // « Le match promet d'être long », « Ce dossier menace de tourner au
  // fiasco », « La situation exige d'agir vite »: with a thing for
  // subject these verbs tell what it is likely to do or needs, no one
  // speaks. The subject is a determiner and a noun; a name or a pronoun
  // is left to the speaker's resolution.
  if (!words.has_anchor(h.entry->lemma, WordClasses::kThingModal) || h.clitic != kNone) return false;
  const std::uint32_t sentence_begin = doc.sentences[doc.sentence_at(tok(h.first).begin)].token_begin;
  if (h.first <= sentence_begin) return false;
  Np np = np_backward(h.first, sentence_begin);
  if (!np.valid() || np.end != h.first) return false;
  // Back over the noun's complements in de (« Le match de samedi »), a
  // few at most (« la fin du match de la saison de … » is still one
  // subject; a longer chain is read once per cue, so it is bounded).
  for (int hops = 0; hops < 4 && np.begin > sentence_begin + 1 && is_de(np.begin - 1); ++hops) {
    const Np head = np_backward(np.begin - 1, sentence_begin);
    if (!head.valid()) break;
    np.begin = head.begin;
  }
  // « Le premier », « ce dernier », « l'intéressé » name someone.
  for (std::uint32_t q = np.begin; q < np.end; ++q)
    if (has_anchor(q, WordClasses::kLatterWord | WordClasses::kConcernedWord | WordClasses::kFirstOfPair |
                          WordClasses::kSecondOfPair))
      return false;
  return has(np.begin, WordClasses::kDet) && np_has_content(np) && !source_like(np);
}

Np Run::asked_before_que(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) {
  // A verb of demand or expectation names the one asked after de, then
  // what is asked in a clause of que: « exige du gouvernement qu'il
  // recule », « attend des autorités qu'elles agissent ». The one asked
  // is someone: after a thing, que opens a relative clause (« attend des
  // résultats que l'enquête livrera »).
  if (!(h.entry->frames & kFrameDeQue) || k + 2 >= sentence_end || !is_de(k)) return Np{};
  const Np np = asked_after_de(k, sentence_end);
  return np.valid() && speaker_like(np) ? np : Np{};
}

void Run::read_complement_after_object(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end, CueComplement& c) {
  const CueEntry& e = *h.entry;
  // « Je me demande si … », « il se demandait ce que … »: no report.
  if (wonders(h) && (has_grammar(k, WordClasses::kQuestionWord) || has_grammar(k, WordClasses::kCeWord))) return;
  // An indirect question past the one asked (« a demandé au maire si … »).
  if (const std::uint32_t question = question_after_asked(h, k, sentence_end); question != 0) {
    c.content_begin = question;
    c.content_limit = std::min(sentence_end, question + kMaxQuestionTokens);
    return;
  }
  // An indirect question, or the clause of a held thought as the object.
  const std::uint32_t clause = opens_indirect_question(h, k, sentence_end) ? k : held_thought_clause(k, sentence_end);
  if (clause != 0) {
    c.content_begin = clause;
    return;
  }
  // Past the object: de/à + infinitive, pour + clause.
  std::uint32_t j = k;
  if (!c.targets.empty()) j = tok_of(out.mentions[c.targets.back()].end);
  // The one asked in à that names no entity of its own (« demande à ce
  // dernier de renvoyer … », « à celui-ci de … »): past it, as past a
  // named one.
  if (c.targets.empty() && e.target == TargetSlot::kIndirect && k + 2 < sentence_end &&
      has_extra(k, WordClasses::kAForm | WordClasses::kAuForm) && !opens_infinitive(k + 1, sentence_end) &&
      !opens_a_ce_que(h, k, sentence_end)) {
    const Np asked = np_forward(k + 1, sentence_end, false);
    if (asked.valid() && np_has_content(asked) && asked.end < sentence_end && is_de(asked.end)) j = asked.end;
  }
  // A party or a place in parentheses after the object is part of it (« a
  // appelé le maire Olivier Maingain (FDF) à retirer … »).
  if (j > k && j + 2 < sentence_end && tok(j).lower == "(") {
    for (std::uint32_t close = j + 2; close < sentence_end && close <= j + kMaxParentheticalTokens; ++close) {
      if (tok(close).lower == ")") {
        j = close + 1;
        break;
      }
      if (is_punct(close) && !is_comma(close)) break;
    }
  }
  // « reprochent au rectorat son silence sur … »: after the one blamed in
  // à, the object of reprocher is the charge.
  if (!c.targets.empty() && e.target == TargetSlot::kIndirect && j < sentence_end && has(j, WordClasses::kDet) &&
      !is_de(j) && words.has(e.lemma, WordClasses::kObjContent)) {
    c.content_begin = j;
    return;
  }
  const std::uint32_t object_end = j;
  while (j < sentence_end && j < k + kMaxNpTokens &&
         !(is_de(j) || has_extra(j, WordClasses::kAForm | WordClasses::kPourWord) ||
           has_grammar(j, WordClasses::kContreWord) || is_que(j) || is_punct(j)))
    ++j;
  if (j < sentence_end && j > k && (e.frames & kFrameDe)) j = past_de_complements(j, sentence_end);
  if (j < sentence_end && j > k && is_comma(j) && (e.frames & (kFrameA | kFrameDe)))
    j = apposition_closed(k, j, sentence_end) ? j + 1 : past_object_apposition(j, sentence_end);
  // « a demandé un café avant de repartir »: de after a subordinator opens a circumstance.
  if (j < sentence_end && j > k && is_de(j) && has(j - 1, WordClasses::kCut)) j = sentence_end;
  // De and a determiner is the content only right after the cue or its
  // object (accuser X de la mort de Y); further on it completes a noun
  // of the object (promettre une prime aux salariés de l'usine).
  if (j < sentence_end && is_de(j) && (e.frames & kFrameDe) && j + 1 < sentence_end &&
      (opens_infinitive(j + 1, sentence_end) || tok(j + 1).kind == TokenKind::kQuoteMark ||
       (has(j + 1, WordClasses::kDet) && j == object_end) || has_extra(j + 1, WordClasses::kNeForm))) {
    // qualifié d'« … »: the quotation's
    if (tok(j + 1).kind == TokenKind::kQuoteMark) c.left_to_quotation = true;
    else c.content_begin = j + 1;
  } else if (j < sentence_end && has_extra(j, WordClasses::kAForm) && (e.frames & kFrameA) && j + 1 < sentence_end) {
    if (tok(j + 1).kind == TokenKind::kQuoteMark) c.left_to_quotation = true;
    // The infinitive's object clitics open it (« appelle les salariés à le
    // rejoindre », « demande aux banques de les aider »).
    else if (opens_infinitive(j + 1, sentence_end)) c.content_begin = j + 1;
  } else if (j < sentence_end && has_extra(j, WordClasses::kPourWord) && (e.frames & kFramePour) &&
             j + 1 < sentence_end) {
    // plaider pour que …, insister pour que …: the clause after que.
    c.content_begin = j + 2 < sentence_end && is_que(j + 1) ? j + 2 : j + 1;
  } else if (j < sentence_end && is_de(j) && (e.frames & kFrameDe) && j + 1 < sentence_end &&
             (!c.targets.empty() || object_clitic_in_group(h)) &&
             (e.relation == Relation::kAccuses || e.relation == Relation::kCriticises) &&
             tok(j + 1).kind == TokenKind::kWord) {
    c.content_begin = j + 1;  // accuser X d'ingérence, m'accuse d'abus de pouvoir: the accusation as a noun
  } else if (j < sentence_end && is_que(j) && (e.frames & kFrameQue) && !locution_que(h, j)) {
    c.content_begin = j + 1;
  } else if ((e.frames & kFrameAct) && k < sentence_end &&
             (has(k, WordClasses::kDet) || is_name_word(k) || tail_holds_article(h, k))) {
    c.act = true;
    c.act_np = np_forward(k, sentence_end);
  } else if (k < sentence_end && has(k, WordClasses::kDet) && c.targets.empty() &&
             words.has(e.lemma, WordClasses::kObjContent)) {
    // a souligné le déploiement de …: the object of a verb that stresses,
    // recalls or states is the content when it states a fact or a
    // judgement, an event or abstract noun (« rappelle l'urgence de … »,
    // not « rappelle le maire »); the object of reprocher is the charge
    // itself (« lui reproche son inaction »). A quotation standing in it
    // is the quotation's (a souligné une alliance « … »).
    bool quote_in_np = false;
    Np np = np_forward(k, sentence_end);
    // a rappelé l'article 64, confirmant une information du journal: a
    // text or a report named as the object is referred to, not reported.
    if (has(k + 1 < np.end ? k + 1 : k, WordClasses::kNoSource | WordClasses::kReport)) return;
    const bool charge = e.relation == Relation::kAccuses || e.relation == Relation::kCriticises;
    if (!charge && !states_a_fact(k, sentence_end)) return;
    for (std::uint32_t q = k; q < std::min<std::uint32_t>(sentence_end, np.end + 1); ++q)
      if (tok(q).kind == TokenKind::kQuoteMark) quote_in_np = true;
    if (quote_in_np) c.left_to_quotation = true;
    else c.content_begin = k;
  }
}

std::uint32_t Run::held_thought_clause(std::uint32_t k, std::uint32_t sentence_end) const {
  std::uint32_t noun = k;
  while (noun < sentence_end && has(noun, WordClasses::kDet)) ++noun;
  if (noun + 2 < sentence_end && noun > k && has_extra(noun, WordClasses::kContentNoun) &&
      (is_que(noun + 1) || (is_de(noun + 1) && opens_infinitive(noun + 2, sentence_end))))
    return noun + 2;
  return 0;
}

bool Run::wonders(const CueHit& h) const {
  if (h.entry->pronominal || !words.has_grammar(h.entry->verb, WordClasses::kQuestionVerb)) return false;
  if (h.reflexive) return true;
  // Je me, nous nous, vous vous, tu te: a clitic of the subject's own person.
  const std::uint32_t c = h.first;
  if (c == 0 || !has(c, WordClasses::kPerson12) || !has(c, WordClasses::kObj) || !has(c - 1, WordClasses::kSubj12))
    return false;
  const std::uint32_t s = c - 1;
  if (tok(s).lower == tok(c).lower) return true;
  if (has_anchor(s, WordClasses::kFirstSingular) || has_anchor(c, WordClasses::kFirstSingular))
    return has_anchor(s, WordClasses::kFirstSingular) && has_anchor(c, WordClasses::kFirstSingular);
  return !has_grammar(s, WordClasses::kFirstPerson) && !has_grammar(c, WordClasses::kFirstPerson);
}

namespace {
// Whether a colon or a quotation mark follows token `from` in the clause
// of a question: a question inside a subordinate clause that opens the
// sentence ends with it (« Lorsque l'avocat lui demande ce qui motive son
// témoignage, le témoin répond que « … » »), and a quotation of the main
// clause is not the question's. The subordinate is short
// (Run::fronted_subordinate_end) and read directly; otherwise the rest of
// the sentence, through the memo of Run::colon_or_quote_from.
bool question_introduces_quote(const Run& run, std::uint32_t from, std::uint32_t sentence_end) {
  const std::uint32_t end = run.fronted_subordinate_end(from, sentence_end);
  if (end >= sentence_end) return run.colon_or_quote_from(from, sentence_end);
  for (std::uint32_t k = from; k < end; ++k)
    if (run.tok(k).lower == ":" || run.tok(k).kind == TokenKind::kQuoteMark) return true;
  return false;
}
}  // namespace

bool Run::opens_indirect_question(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const {
  if (k + 1 >= sentence_end || !has_grammar(k, WordClasses::kQuestionWord) ||
      !words.has_grammar(h.entry->verb, WordClasses::kQuestionVerb))
    return false;
  // Not « quand même », « si bien que ».
  if (has_extra(k + 1, WordClasses::kSameWord) || has_grammar(k + 1, WordClasses::kBienWord)) return false;
  // Si opens a clause with its subject (si le train …, s'il …), not « si
  // possible », « si nécessaire »; s' is also the reflexive (s'est).
  Gender gender;
  bool plural;
  const bool subject_next = words.subject(tok(k + 1).lower, gender, plural) || has(k + 1, WordClasses::kDet) ||
                            is_name_word(k + 1);
  if (has_extra(k, WordClasses::kSiWord | WordClasses::kSeForm) && !subject_next) return false;
  if (tok(k + 1).kind != TokenKind::kWord) return false;
  // A question that a colon or a quotation follows introduces it (lui
  // demanda où il habitait : « … »): the quotation's.
  return !question_introduces_quote(*this, k + 1, sentence_end);
}


bool Run::colon_or_quote_from(std::uint32_t from, std::uint32_t end) const {
  if (from >= end) return false;
  if (end != colon_quote_end_) {
    colon_quote_end_ = end;
    colon_quote_low_ = end;
    colon_quote_last_ = 0;
  }
  if (colon_quote_last_ != 0) return colon_quote_last_ - 1 >= from;
  while (colon_quote_low_ > from) {
    --colon_quote_low_;
    if (tok(colon_quote_low_).lower == ":" || tok(colon_quote_low_).kind == TokenKind::kQuoteMark) {
      colon_quote_last_ = colon_quote_low_ + 1;
      return true;
    }
  }
  return false;
}

std::uint32_t Run::question_after_asked(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) {
  if (k + 2 >= sentence_end || !words.has_grammar(h.entry->verb, WordClasses::kQuestionVerb)) return 0;
  // Se demander is one's own wondering (docs/GOLD_FORMAT.md).
  if (wonders(h)) return 0;
  std::uint32_t q = k;
  if (has_extra(k, WordClasses::kAForm | WordClasses::kAuForm)) {
    // au and aux hold their article: « au ministre », « aux élus ».
    Np asked = has_extra(k, WordClasses::kAuForm) ? Np{k + 1, np_forward(k + 1, sentence_end, false).end}
                                                  : np_forward(k + 1, sentence_end, false);
    // The phrase reader takes si, pourquoi … for words of the phrase.
    for (std::uint32_t r = asked.begin + 1; r < asked.end; ++r)
      if (has_grammar(r, WordClasses::kQuestionWord) || has_grammar(r, WordClasses::kCeWord)) {
        asked.end = r;
        break;
      }
    if (!asked.valid() || asked.end <= k + 1 || !np_has_content(asked)) return 0;
    q = asked.end;
    // A party or an acronym in parentheses is part of the one asked.
    if (q + 2 < sentence_end && tok(q).lower == "(") {
      std::uint32_t close = q + 1;
      while (close < sentence_end && close <= q + kMaxParentheticalTokens && tok(close).lower != ")" && !is_punct(close))
        ++close;
      if (close >= sentence_end || tok(close).lower != ")") return 0;
      q = close + 1;
    }
  } else if (!object_clitic_in_group(h)) {
    return 0;
  }
  if (q + 2 >= sentence_end) return 0;
  if (opens_indirect_question(h, q, sentence_end)) return q;
  // ce qui, ce que, ce dont: what is asked about, with its own verb.
  if (has_grammar(q, WordClasses::kCeWord) &&
      (is_que(q + 1) || has_grammar(q + 1, WordClasses::kRelativePronoun)) &&
      tok(q + 2).kind == TokenKind::kWord) {
    return question_introduces_quote(*this, q + 2, sentence_end) ? 0 : q;
  }
  return 0;
}

bool Run::apposition_closed(std::uint32_t k, std::uint32_t j, std::uint32_t sentence_end) const {
  // « accuse la directrice, Anne Morel, d'avoir menti »: the object's
  // mentions took the apposition in, up to its closing comma `j`.
  if (j + 2 >= sentence_end || !(is_de(j + 1) || has_extra(j + 1, WordClasses::kAForm)) ||
      !opens_infinitive(j + 2, sentence_end))
    return false;
  for (std::uint32_t q = k; q < j; ++q)
    if (is_comma(q)) return true;
  return false;
}

std::uint32_t Run::past_object_apposition(std::uint32_t j, std::uint32_t sentence_end) const {
  // The apposition is a noun phrase: no verb, que or other punctuation. A
  // relative clause on the object (« accuse certains élus, qu'elle refuse
  // de nommer, de … », « invite les maires, qui hésitent encore, à … ») has
  // verbs, and its own de or à, up to the comma that closes it.
  const bool relative = j + 1 < sentence_end && (is_que(j + 1) || has_grammar(j + 1, WordClasses::kRelativePronoun));
  std::uint32_t q = j + 1;
  while (q < sentence_end && q < j + (relative ? kMaxParentheticalTokens : kMaxNpTokens) && !is_punct(q) &&
         tok(q).kind != TokenKind::kQuoteMark &&
         (relative || (!is_que(q) && !has(q, WordClasses::kAux) &&
                       !((tags_[q].pos & kPosFiniteVerb) && !(tags_[q].readings & kPosNoun)))))
    ++q;
  // A noun phrase with its determiner, or the object's name (« accusent
  // le promoteur, Immo Ouest, d'avoir … »).
  if (q == j + 1 || q + 2 >= sentence_end || !is_comma(q) ||
      !(relative || has(j + 1, WordClasses::kDet) || is_name_word(j + 1)))
    return j;
  if (!(is_de(q + 1) || has_extra(q + 1, WordClasses::kAForm))) return j;
  return opens_infinitive(q + 2, sentence_end) ? q + 1 : j;
}

std::uint32_t Run::past_de_complements(std::uint32_t j, std::uint32_t sentence_end) const {
  // Commas, et and complements of de (a determiner or a name and their
  // words, no verb), then de and an infinitive: the content. Without that
  // infinitive the de is the cue's own (« accuse le maire de la mort de
  // X »), left as it was.
  std::uint32_t q = j;
  for (int n = 0; n < 6 && q + 2 < sentence_end; ++n) {
    if (is_comma(q) || has_extra(q, WordClasses::kEtWord)) ++q;
    // A relative clause on the object, closed by a comma before the de
    // (« invite toutes les organisations qui ne se sont pas encore
    // engagées, de se joindre … »); without the comma its de or à may be
    // the relative's own (« qui hésitent à voter »).
    if (has_grammar(q, WordClasses::kRelativePronoun) && !is_que(q)) return past_relative_to_de(q, j, sentence_end);
    if (!is_de(q)) return j;
    if (opens_infinitive(q + 1, sentence_end)) return q;
    const Np np = np_forward(q + 1, sentence_end);
    if (!np.valid() || !(has(q + 1, WordClasses::kDet) || is_name_word(q + 1) || has(q, WordClasses::kDet))) return j;
    q = np.end;
  }
  return j;
}

std::uint32_t Run::past_relative_to_de(std::uint32_t r, std::uint32_t j, std::uint32_t sentence_end) const {
  std::uint32_t c = r + 1;
  while (c < sentence_end && c < r + kMaxParentheticalTokens && !is_punct(c) && tok(c).kind != TokenKind::kQuoteMark) ++c;
  if (c + 2 >= sentence_end || !is_comma(c) || !is_de(c + 1)) return j;
  return opens_infinitive(c + 2, sentence_end) ? c + 1 : j;
}

void Run::claim_of_object_clitic(CueHit& h, std::size_t s, std::uint32_t k, const std::vector<char>& quoted,
                                 int previous_speaker) {
  const Sentence& sentence = doc.sentences[s];
  const std::uint32_t sentence_end = sentence.token_end;
  // An object holding a quoted word: "a jugé la décision « courageuse »"
  // is the quotation's (see handle_cue).
  for (std::uint32_t q = k; q < sentence_end && q < k + kMaxNpTokens; ++q) {
    if (tok(q).kind == TokenKind::kQuoteMark) {
      h.speaker = speaker_of_cue(h, s, previous_speaker);
      return;
    }
    if (is_punct(q) && !is_comma(q)) break;
  }
  // "Le parquet l'a affirmé dans un communiqué": the object clitic
  // stands for the statement of the sentence before, or for the clause
  // before et in its own sentence (« Il refuse de partir, et il l'a dit »).
  // After a dative clitic too: il nous l'a fait savoir. Only a verb
  // that takes a que clause has a statement for its object (il l'a dit,
  // not il l'appelait, elle se le reprocha).
  bool clitic_object = false;
  if (!(h.entry->frames & kFrameQue)) return;
  for (std::uint32_t c = h.first; c < h.verb; ++c) clitic_object |= has_grammar(c, WordClasses::kStatementClitic);
  if (!clitic_object) return;
  // The statement clitic is neuter: a participle that agrees with it in
  // the feminine or the plural says that l' is a person or a thing (« Le
  // maire ne l'a pas lâchée », « il les a rappelés »), not what was said.
  if (h.form == VerbForm::kPastParticiple) {
    Gender gender = '?';
    bool plural = false;
    participle_agreement(*this, h.verb, gender, plural);
    if (gender == 'f' || plural) return;
  }
  std::uint32_t pb = 0, pe = 0;
  if (!clause_before_coordinated_cue(h, sentence.token_begin, quoted, pb, pe)) {
    if (s == 0 || doc.sentences[s - 1].paragraph != sentence.paragraph) return;
    const Sentence& prev = doc.sentences[s - 1];
    pb = prev.token_begin, pe = prev.token_end;
    if (pe > pb && tok(pe - 1).lower == "?") return;  // a question states nothing
  }
  // A claim made for a sentence begins in it or before it, so the claims
  // made so far that begin before pb come first: the first beginning at
  // pb or after, found by bisection, tells (a scan of every claim made the
  // cost quadratic).
  const std::uint32_t from = tok(pb).begin;
  const auto first = std::partition_point(out.claims.begin(), out.claims.end(),
                                          [from](const AttributedClaim& c) { return c.begin < from; });
  const bool has_cue_before = first != out.claims.end() && first->begin < tok(pe - 1).end;
  if (has_cue_before || quoted[pb]) return;
  while (pe > pb + 1 && tok(pe - 1).kind == TokenKind::kPunct) --pe;
  int sp = speaker_of_cue(h, s, previous_speaker);
  if (sp == kNone) return;
  h.speaker = sp;
  note_salient(sp);
  add_claim(ClaimKind::kIndirect, tok(pb).begin, tok(pe - 1).end, cue_text(h), h.entry->relation, sp,
            content_targets(pb, pe));
}

bool Run::clause_before_coordinated_cue(const CueHit& h, std::uint32_t sentence_begin, const std::vector<char>& quoted,
                                        std::uint32_t& pb, std::uint32_t& pe) const {
  // The cue's group, its subject pronoun and et follow a clause of the
  // writer's with a verb of its own and no quotation.
  std::uint32_t c = h.first;
  if (c > sentence_begin && has(c - 1, WordClasses::kSubj)) --c;
  if (c < sentence_begin + 3 || !has_extra(c - 1, WordClasses::kEtWord)) return false;
  std::uint32_t e = c - 1;
  if (is_comma(e - 1)) --e;
  for (std::uint32_t k = sentence_begin; k < e; ++k)
    if (quoted[k] || tok(k).kind == TokenKind::kQuoteMark || (is_punct(k) && !is_comma(k))) return false;
  if (!verb_between(sentence_begin, e)) return false;
  pb = sentence_begin;
  pe = e;
  return true;
}

std::vector<int> Run::conjunct_speakers(int sp) {
  // Coordinated speakers each say it ("Le candidat et son avocat avaient
  // estimé que …"); with a reflexive verb they say it of each other
  // ("Moscou et Washington se sont mutuellement accusés de …").
  std::vector<int> speakers{sp};
  if (sp == kNone) return speakers;
  if (out.mentions[sp].pronoun) {
    // « Selon eux » after « Le PS et les Verts ont salué l'accord »: a
    // plural pronoun stands for each conjunct of its antecedent.
    const int antecedent = out.mentions[sp].antecedent;
    if (!out.mentions[sp].plural || antecedent == kNone || out.mentions[antecedent].pronoun) return speakers;
    std::vector<int> parts = conjunct_speakers(antecedent);
    if (parts.size() < 2) parts = pair_with_conjunct(antecedent);
    return parts.size() >= 2 ? parts : speakers;
  }
  if (std::vector<int> pair = pair_named_before(sp); !pair.empty()) return pair;
  if (std::vector<int> pair = apposed_conjuncts(sp); !pair.empty()) return pair;
  const MentionInfo& mi = out.mentions[sp];
  std::uint32_t b = tok_of(mi.begin), en = tok_of(mi.end - 1) + 1;
  if (!coordinates(sp)) return speakers;
  std::vector<int> parts = conjunct_mentions(Np{b, en});
  bool all_entities = parts.size() >= 2;
  for (int m : parts) {
    // Each conjunct a full phrase: a name, a state, or a determiner
    // and a noun ("des politiciens et militants" is one group).
    const MentionInfo& part = out.mentions[m];
    std::uint32_t part_begin = tok_of(part.begin);
    bool full = !part.name.empty() || !part.state.empty() || has(part_begin, WordClasses::kDet) || title_of(part_begin);
    all_entities = all_entities && full && is_entity_mention(m) && part.type != EntityType::kUnknown;
  }
  if (all_entities) speakers = parts;
  return speakers;
}

bool Run::plural_verb_at(std::uint32_t i) const {
  if (i >= doc.tokens.size()) return false;
  if (has_anchor(i, WordClasses::kPluralVerb)) return true;
  const std::string_view w = tok(i).lower;
  return (tags_[i].pos & kPosFiniteVerb) && w.size() > 4 && w.substr(w.size() - 3) == "ent";
}

int Run::apposed_person(std::uint32_t at, bool ends_at, std::uint32_t lo, std::uint32_t hi) {
  int m = kNone;
  const std::uint32_t end = at;
  if (ends_at) {
    // Read back: « Name, role » or « role, Name » ending before « , et ».
    m = name_before_apposition(end, lo);
    if (m == kNone) {
      Np np = np_backward(end, lo);
      if (!np.valid()) return kNone;
      m = subject_with_apposition_before(np, lo, hi);
      if (m == kNone) m = make_mention(np.begin, np.end);
    }
  } else {
    m = mention_with_apposition(np_forward(at, hi), hi);
  }
  if (m == kNone) return kNone;
  const MentionInfo& mi = out.mentions[m];
  return mi.type == EntityType::kPerson && !mi.name.empty() && !mi.pronoun ? m : kNone;
}

std::vector<int> Run::apposed_conjuncts(int sp) {
  // Two persons each given with an apposition are coordinated by « , et »
  // (the apposition's closing comma before et): « La directrice, Claire
  // Morel, et son adjoint, Julien Baud, ont estimé », « ont déclaré la
  // présidente, Anne Colin, et son secrétaire, Luc Perrin ». The subject
  // read from the verb is the conjunct next to it; the verb in the plural
  // says the other one is part of the subject too.
  const MentionInfo mi = out.mentions[sp];  // a copy: apposed_person adds mentions
  if (mi.pronoun) return {};
  std::uint32_t b = tok_of(mi.begin), e = tok_of(mi.end - 1) + 1;
  const std::uint32_t n = doc.tokens.size();
  auto comma_et = [&](std::uint32_t c) { return is_comma(c) && has_extra(c + 1, WordClasses::kEtWord); };
  auto sentence_stop = [&](std::uint32_t k) {
    const std::string_view w = tok(k).lower;
    return tok(k).kind == TokenKind::kQuoteMark || w == "." || w == "!" || w == "?" || w == ";" || w == ":";
  };
  std::uint32_t lo = b, hi = e;
  while (lo > 0 && b - lo < 40 && !sentence_stop(lo - 1)) --lo;
  while (hi < n && hi - e < 40 && !sentence_stop(hi)) ++hi;
  // The mention may be the name alone: its apposition is read around it
  // (« son adjoint, Julien Baud », « Julien Baud, son adjoint, »).
  std::uint32_t v = e;
  if (e < hi && is_comma(e)) {
    const Np after = np_forward(e + 1, hi);
    v = after.valid() && after.end < hi && is_comma(after.end) ? after.end + 1 : e + 1;
  }
  if (b > lo + 1 && is_comma(b - 1)) {
    const Np before = np_backward(b - 1, lo);
    if (before.valid() && before.begin > lo + 2 && comma_et(before.begin - 2)) b = before.begin;
  }
  // Subject before the verb: the first conjunct ends before « , et ».
  if (b >= lo + 3 && comma_et(b - 2) && plural_verb_at(v)) {
    const int first = apposed_person(b - 2, true, lo, hi);
    if (first == kNone) return {};
    // Only a subject: the first conjunct opens the sentence or follows a comma.
    const std::uint32_t fb = tok_of(out.mentions[first].begin);
    if (fb != lo && !is_comma(fb - 1)) return {};
    if (mi.name.empty() || mi.type != EntityType::kPerson) {
      // « Le chef, Pierre Vidal, et son équipe »: the team goes with him.
      return has(b, WordClasses::kPoss) || has_grammar(b, WordClasses::kThirdPossessive) ? std::vector<int>{first}
                                                                                          : std::vector<int>{};
    }
    return {first, sp};
  }
  // Subject after the verb: the second conjunct follows « , et ».
  const bool verb_before = b > lo + 1 && (plural_verb_at(b - 2) || plural_verb_at(b - 1));
  if (!mi.name.empty() && mi.type == EntityType::kPerson && e + 2 < hi && comma_et(e) && verb_before) {
    const int second = apposed_person(e + 2, false, lo, hi);
    if (second != kNone) return {sp, second};
  }
  return {};
}

std::vector<int> Run::pair_with_conjunct(int m) const {
  // « Les riverains et le maire ont reconnu que … Mais ils ont critiqué … »:
  // the claims of the coordinated subject made each conjunct salient on its
  // own, so a plural pronoun's antecedent is one of them; the conjunct that
  // et joins to it in the text is the other.
  const std::uint32_t b = tok_of(out.mentions[m].begin), e = tok_of(out.mentions[m].end - 1) + 1;
  for (auto it = salience.rbegin(); it != salience.rend(); ++it) {
    const int c = *it;
    if (c == m || out.mentions[c].pronoun) continue;
    const std::uint32_t cb = tok_of(out.mentions[c].begin), ce = tok_of(out.mentions[c].end - 1) + 1;
    if (cb == e + 1 && has_extra(e, WordClasses::kEtWord)) return {m, c};
    if (ce + 1 == b && has_extra(ce, WordClasses::kEtWord)) return {c, m};
  }
  return {};
}

bool Run::coordinates(int m) const {
  const std::uint32_t b = tok_of(out.mentions[m].begin), e = tok_of(out.mentions[m].end - 1) + 1;
  for (std::uint32_t k = b + 1; k + 1 < e; ++k)
    if (has_extra(k, WordClasses::kEtWord) && !tok(k).capitalized) return true;
  return false;
}

std::vector<int> Run::pair_named_before(int sp) const {
  // « Pour les deux partis, … », « selon les deux hommes »: the definite
  // article, deux and a plural noun name again the last two entities
  // spoken of, persons when the noun names persons.
  const MentionInfo& mi = out.mentions[sp];
  const std::uint32_t b = tok_of(mi.begin), e = tok_of(mi.end - 1) + 1;
  if (e != b + 3 || !has_extra(b, WordClasses::kDefiniteArticle) || !has(b, WordClasses::kPlural) ||
      !has_grammar(b + 1, WordClasses::kPairWord))
    return {};
  const bool persons = mi.type == EntityType::kPerson || mi.role_head.empty() ||
                       (cache.role(mi.role_head) && cache.role(mi.role_head)->type == EntityType::kPerson);
  std::vector<int> pair;
  for (auto it = salience.rbegin(); it != salience.rend() && pair.size() < 2; ++it) {
    const int c = root_of(*it);
    if (c == kNone || c == sp || !is_entity_mention(c) || out.mentions[c].begin >= mi.begin || coordinates(c))
      continue;
    if ((out.mentions[c].type == EntityType::kPerson) != persons) continue;
    const std::string& name = out.mentions[c].name.empty() ? out.mentions[c].text : out.mentions[c].name;
    const bool again = std::any_of(pair.begin(), pair.end(), [&](int p) {
      return (out.mentions[p].name.empty() ? out.mentions[p].text : out.mentions[p].name) == name;
    });
    if (!again) pair.push_back(c);
  }
  if (pair.size() < 2) return {};
  return pair;
}

void Run::add_reported_clauses(const CueHit& h, std::uint32_t content_begin, std::uint32_t ce,
                               const std::vector<int>& speakers, const std::vector<int>& targets,
                               const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  const bool mutual = h.reflexive && h.plural;
  for (const auto& [pb, pe] : coordinated_clauses(content_begin, ce)) {
    if (pe <= pb) continue;
    bool has_quote = false;
    absorb_quotes(tok(pb).begin, tok(pe - 1).end, quotes, quote_done, has_quote);
    ClaimKind kind = has_quote ? ClaimKind::kMixed : ClaimKind::kIndirect;
    std::uint32_t cb_off = content_begin_offset(pb, pe);
    std::uint32_t ce_off = content_end_offset(pb, pe);
    // When the cue names its target (accuser X, reprocher à X), the
    // entities of the content are circumstances of the accusation.
    std::vector<int> content_t = targets.empty() ? content_targets(pb, pe) : std::vector<int>{};
    for (int m : speakers) {
      std::vector<int> t = targets;
      if (mutual && speakers.size() > 1) {
        for (int other : speakers) if (other != m) t.push_back(other);
      }
      for (int ct : content_t) t.push_back(ct);
      add_claim(kind, cb_off, ce_off, cue_text(h), h.entry->relation, m, std::move(t));
    }
  }
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Run::coordinated_clauses(std::uint32_t content_begin,
                                                                               std::uint32_t ce) const {
  // Coordinated reported clauses: "que A et surtout, que B" are two claims,
  // an adverb or a comma after et setting B apart as a second point; a
  // plain "que A et que B" is one content, as the corpus annotates it (« a
  // déclaré que l'ordonnance n'existe pas et que c'est un faux »).
  // A que coordinated with "et que" attaches to the nearest que before it:
  // after a cue of the content's own (que A confirme que B et que C), the
  // clauses coordinate inside A's content and the content is one.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> parts;
  std::uint32_t part_b = content_begin;
  for (std::uint32_t k2 = content_begin + 1; k2 + 1 < ce; ++k2) {
    if (is_que(k2) && !forms(k2 - 1).empty()) break;  // a cue of the content's own
    if (!has_extra(k2, WordClasses::kEtWord) && !is_comma(k2)) continue;
    std::uint32_t q = k2 + 1;
    while (q < ce && (adverb_length(q, ce) > 0 || is_comma(q))) q += std::max<std::uint32_t>(1, adverb_length(q, ce));
    bool et_near = false, set_apart = false;
    for (std::uint32_t z = k2; z + 3 >= k2 && z >= content_begin && z < q; --z) {
      if (has_extra(z, WordClasses::kEtWord)) {
        et_near = true;
        set_apart = z + 1 < q;
      }
      if (z == 0) break;
    }
    if (q < ce && is_que(q) && et_near && set_apart) {
      std::uint32_t pe = k2;
      while (pe > part_b && (is_comma(pe - 1) || has_extra(pe - 1, WordClasses::kEtWord))) --pe;
      if (pe > part_b) parts.emplace_back(part_b, pe);
      part_b = q + 1;
      k2 = q;
    }
  }
  parts.emplace_back(part_b, ce);
  return parts;
}

// How many of the claims that begin before a source marker are asked
// whether they are a report by the marker's own speaker that takes it.
constexpr std::size_t kMarkerReportsBack = 4;

void Run::handle_source_markers(std::size_t s, const std::vector<char>& quoted, const std::vector<CueHit>& cues,
                           const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  const Sentence& sentence = doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = sentence.token_end;
  marker_floor_ = sentence_begin;
  // The claims of the sentence's cues, which a marker in their content may
  // belong to (report_takes_marker).
  const std::size_t cue_claims_end = out.claims.size();
  std::size_t cue_claims_begin = cue_claims_end;
  while (cue_claims_begin > 0 && out.claims[cue_claims_begin - 1].begin >= tok(sentence_begin).begin)
    --cue_claims_begin;
  std::size_t report = cue_claims_begin;
  for (std::uint32_t i = sentence_begin; i < sentence_end; ++i) {
    if (quoted[i]) continue;
    SourceMarkerAt marker;
    if (!read_source_marker(i, sentence_begin, sentence_end, marker)) continue;
    if (std::find(consumed_markers.begin(), consumed_markers.end(), i) != consumed_markers.end()) continue;
    if (marker.source_begin >= sentence_end) continue;
    // Allegations: « les allégations de X selon lesquelles … »; and the
    // source before selon qui: « a déploré le soldat selon qui … ».
    if (marker.selon && (has(marker.source_begin, WordClasses::kRelativeLequel) ||
                         has_extra(marker.source_begin, WordClasses::kQuiWord))) {
      add_allegation_claim(i, marker.source_begin, sentence_begin, sentence_end, cues, quotes, quote_done);
      continue;
    }
    std::uint32_t after = marker.source_begin;
    // The noun an adjective phrase qualifies is not its source but the
    // one it judges: « les arbitres, coupables selon eux d'avoir … ».
    Np qualified;
    if (i > sentence_begin + 2 && (tags_[i - 1].readings & (kPosAdjective | kPosPastParticiple)) && is_comma(i - 2))
      qualified = np_backward(i - 2, sentence_begin);
    if (qualified.valid()) antecedent_limit_ = tok(qualified.begin).begin;
    const int sp = source_of_marker(marker, i, sentence_end, after);
    std::uint32_t cb = 0, ce = 0;
    const bool content = sp != kNone && content_of_marker(marker, i, sentence_begin, sentence_end, after, cues, cb, ce);
    if (content && ce > cb) note_salient(sp);
    antecedent_limit_ = static_cast<std::uint32_t>(-1);
    if (!content || ce <= cb) continue;
    last_marker_speaker_ = sp;
    // A marker set inside the content of a report by the same speaker
    // splits nothing: the report runs on over it (docs/GOLD_FORMAT.md).
    // Claims are ordered by begin; a marker further on never needs one
    // that ended before an earlier marker.
    while (report < cue_claims_end && out.claims[report].end + 2 < tok(i).begin &&
           !report_takes_marker(out.claims[report], i, sp))
      ++report;
    // The nearest such report, among the last kMarkerReportsBack claims
    // that begin before the marker; it runs on over the marker's clause only
    // when no other report begins between its end and the marker (a report
    // of someone else in between keeps its own words).
    const std::uint32_t at = tok(i).begin;
    const std::size_t stop = static_cast<std::size_t>(
        std::partition_point(out.claims.begin() + static_cast<std::ptrdiff_t>(report),
                             out.claims.begin() + static_cast<std::ptrdiff_t>(cue_claims_end),
                             [at](const AttributedClaim& claim) { return claim.begin < at; }) -
        out.claims.begin());
    bool absorbed = false;
    for (std::size_t c = stop; c > report && stop - c < kMarkerReportsBack; --c) {
      AttributedClaim& claim = out.claims[c - 1];
      if (!report_takes_marker(claim, i, sp)) continue;
      absorbed = true;
      const bool nothing_between = c == stop || out.claims[stop - 1].begin < claim.end;
      if (tok(cb).begin >= claim.end && nothing_between) {
        claim.end = std::max(claim.end, content_end_offset(cb, ce));
        claims_changed_at(c - 1);
        mark_mixed(claim, cb, ce);
      }
      break;
    }
    if (absorbed) {
      bool has_quote = false;
      absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
      continue;
    }
    marker_floor_ = std::max(marker_floor_, after);
    std::vector<int> targets = content_targets(cb, ce);
    if (qualified.valid() && cb + 1 == i && np_has_content(qualified))
      targets.push_back(make_mention(qualified.begin, qualified.end));
    // « Selon eux » for two parties named before: a claim for each.
    for (int speaker : conjunct_speakers(sp)) {
      add_claim(ClaimKind::kIndirect, tok(cb).begin, content_end_offset(cb, ce), text_of(i, marker.source_begin),
                Relation::kStates, speaker, targets);
      mark_mixed(out.claims.back(), cb, ce);
    }
    bool has_quote = false;
    absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
  }
}

std::uint32_t Run::speech_act_content(std::uint32_t noun, std::uint32_t sentence_end, Np& author) const {
  // « la demande de la défense de surseoir », « l'appel du syndicat à
  // cesser le travail »: de and the author right after the noun, then de
  // or à and an infinitive within a noun phrase's length.
  const std::uint32_t d = noun + 1;
  if (d + 2 >= sentence_end || !is_de(d)) return 0;
  const std::uint32_t b = d + 1;  // de la défense, du syndicat, des élus
  for (std::uint32_t q = b + 1; q + 1 < sentence_end && q < b + kMaxNpTokens; ++q) {
    // The author is a noun phrase: a verb ends it (« Les engagements de
    // Laurence avec le théâtre l'avaient forcée de … »), and so does a
    // participle, whose cue reports the content (« une consigne du cabinet
    // interdisant aux agents de … »).
    if (is_punct(q) || tok(q).kind == TokenKind::kQuoteMark || is_que(q) || has(q, WordClasses::kAux) ||
        (tags_[q].pos & (kPosFiniteVerb | kPosPresentParticiple)))
      return 0;
    if ((is_de(q) || has_extra(q, WordClasses::kAForm)) && opens_infinitive(q + 1, sentence_end)) {
      author = Np{b, q};
      return source_like(author) ? q : 0;
    }
  }
  return 0;
}

namespace {

// The spans of text that claims beginning in the sentence from offset
// `from` cover, merged and in order. Claims are added sentence by
// sentence, so those of the sentence are the last ones.
std::vector<std::pair<std::uint32_t, std::uint32_t>> covered_spans(const std::vector<AttributedClaim>& claims,
                                                                    std::uint32_t from) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (std::size_t c = claims.size(); c-- > 0 && claims[c].begin >= from;)
    spans.emplace_back(claims[c].begin, claims[c].end);
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& sp : spans) {
    if (!merged.empty() && sp.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, sp.second);
    else
      merged.push_back(sp);
  }
  return merged;
}

}  // namespace

void Run::handle_speech_act_nouns(std::size_t s, const std::vector<char>& quoted, const std::vector<CueHit>& cues,
                                  const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  // A noun of speech whose content hangs on it is a report when its author
  // is named (docs/GOLD_FORMAT.md), whatever the verb of the sentence.
  const Sentence& sentence = doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = sentence.token_end;
  // What the sentence's cues already reported, and its first verb: each
  // noun asks both in constant time, so that a sentence of many nouns
  // costs its length (« Le maire a dit que la demande de X de …, la
  // demande de Y de … »).
  const auto spans = covered_spans(out.claims, tok(sentence_begin).begin);
  std::size_t span = 0;
  std::uint32_t first_verb = sentence_begin;
  while (first_verb < sentence_end && !verb_between(first_verb, first_verb + 1)) ++first_verb;
  for (std::uint32_t i = sentence_begin + 1; i < sentence_end; ++i) {
    if (quoted[i] || !has_anchor(i, WordClasses::kSpeechActNoun) || !has(i - 1, WordClasses::kDet)) continue;
    Np author;
    const std::uint32_t opener = speech_act_content(i, sentence_end, author);
    if (opener == 0) continue;
    const std::uint32_t cb = opener + 1;
    // A cue of the sentence that reported the same content keeps it; the
    // scan goes on past that report.
    const std::uint32_t from = tok(cb).begin;
    while (span < spans.size() && spans[span].second <= from) ++span;
    if (span < spans.size() && spans[span].first <= from) {
      i = std::max(i, tok_of(spans[span].second - 1));
      continue;
    }
    std::uint32_t ce = clause_end(cb, sentence_end, cues, cb);
    // In the subject (no verb before the noun), the content ends before
    // the main clause's verb (« La promesse du maire de rouvrir la piscine
    // n'a pas été tenue »).
    if (first_verb >= i) ce = before_main_verb(cb, ce);
    if (ce <= cb) continue;
    const int sp = make_mention(author.begin, author.end);
    add_claim(ClaimKind::kIndirect, from, content_end_offset(cb, ce), text_of(i, i + 1), Relation::kStates, sp,
              content_targets(cb, ce));
    mark_mixed(out.claims.back(), cb, ce);
    bool has_quote = false;
    absorb_quotes(from, tok(ce - 1).end, quotes, quote_done, has_quote);
    i = ce;
  }
}

bool Run::after_dateline(std::uint32_t i, std::uint32_t sentence_begin) const {
  // « GROS-DE-VAUD • Pour les élus, … », « BREST – Selon … »: a place in
  // capitals and a bullet or a dash open the article's first sentence.
  constexpr std::uint32_t kMaxDateline = 8;
  if (i < sentence_begin + 2 || i - sentence_begin > kMaxDateline) return false;
  const Token& mark = tok(i - 1);
  if (mark.kind == TokenKind::kWord || mark.kind == TokenKind::kQuoteMark || is_comma(i - 1) || mark.lower == ":" ||
      mark.lower == ";" || mark.lower == "." || mark.lower == "-")
    return false;
  bool place = false;
  for (std::uint32_t k = sentence_begin; k + 1 < i; ++k) {
    if (tok(k).kind == TokenKind::kWord) {
      if (!tok(k).all_caps) return false;
      place = true;
    } else if (tok(k).lower != "-") {
      return false;
    }
  }
  return place;
}

bool Run::read_source_marker(std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                             SourceMarkerAt& marker) const {
  marker.selon = has_extra(i, WordClasses::kSelonWord);
  marker.dapres = is_bare_de(i) && i + 1 < sentence_end && has_extra(i + 1, WordClasses::kApresWord);
  // Fronted "pour X," also after a conjunction: Mais pour X, Et pour X,
  // Si pour X, … (the opinion of X set against another).
  marker.pour = has_extra(i, WordClasses::kPourWord) &&
                (i == sentence_begin || after_dateline(i, sentence_begin) ||
                 (i == sentence_begin + 1 &&
                  has_extra(sentence_begin, WordClasses::kEtWord | WordClasses::kMaisWord | WordClasses::kSiWord)));
  // Pour before an object clitic and an infinitive gives a purpose, not
  // an opinion: « Pour me rendre au marché, je … », « Pour lui écrire, … ».
  // Not the clitics that are also articles: « Pour le dîner, … ».
  if (marker.pour) {
    std::uint32_t k = i + 1;
    while (k < sentence_end && has(k, WordClasses::kObj) && !has(k, WordClasses::kDet) && !tok(k).capitalized) ++k;
    if (k > i + 1 && is_infinitive_like(k, sentence_end)) marker.pour = false;
  }
  marker.contrast = marker.pour && i == sentence_begin + 1 && has_extra(sentence_begin, WordClasses::kSiWord);
  std::uint32_t marker_end = i;
  const WordClasses::SourceMarker phrase = source_marker_at(i, sentence_end, marker_end);
  marker.before_source = phrase == WordClasses::SourceMarker::kBeforeSource;
  marker.stands_for_source = phrase == WordClasses::SourceMarker::kStandsForSource;
  if (!marker.selon && !marker.dapres && !marker.pour && !marker.before_source && !marker.stands_for_source)
    return false;
  marker.source_begin = marker.before_source || marker.stands_for_source ? marker_end
                        : marker.dapres                                  ? i + 2
                                                                         : i + 1;
  return true;
}

void Run::add_allegation_claim(std::uint32_t i, std::uint32_t source_begin, std::uint32_t sentence_begin,
                               std::uint32_t sentence_end, const std::vector<CueHit>& cues,
                               const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
  const bool qui = has_extra(source_begin, WordClasses::kQuiWord);
  int sp = qui ? antecedent_of_selon_qui(i, sentence_begin) : subject_before(i, sentence_begin, sentence_end);
  if (sp != kNone) {
    // Only speech is reported: "les allégations de X selon lesquelles",
    // not "l'hypothèse selon laquelle"; qui stands for someone who speaks
    // (une voisine selon qui …), not « les réponses varient selon qui … ».
    const MentionInfo& allegation = out.mentions[sp];
    std::uint32_t head = tok_of(allegation.begin);
    if (has(head, WordClasses::kDet)) ++head;
    bool speech = has(head, WordClasses::kReport) || !allegation.name.empty() ||
                  allegation.type == EntityType::kPerson || allegation.type == EntityType::kOrganization ||
                  allegation.type == EntityType::kGroup || allegation.type == EntityType::kCountry ||
                  (qui && !allegation.pronoun && speaker_head_ok(sp));
    if (!speech) return;
    sp = author_of_report(sp);
  }
  if (sp != kNone) note_salient(sp);
  std::uint32_t cb = source_begin + 1;
  std::uint32_t ce = clause_end(cb, sentence_end, cues, cb);
  // « L'avertissement de X selon lequel l'inflation repartirait a inquiété
  // les marchés »: a relative clause inside the subject (no verb before
  // it) ends before the main clause's verb.
  if (!verb_between(sentence_begin, i)) ce = before_main_verb(cb, ce);
  if (ce <= cb) return;
  add_claim(ClaimKind::kIndirect, tok(cb).begin, content_end_offset(cb, ce), text_of(i, source_begin + 1),
            Relation::kStates, sp, content_targets(cb, ce));
  bool has_quote = false;
  absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
  mark_mixed(out.claims.back(), cb, ce);
}

int Run::antecedent_of_selon_qui(std::uint32_t i, std::uint32_t sentence_begin) {
  // The relative qui takes the noun phrase right before it for antecedent,
  // whatever its function in the main clause: a subject (Marine Le Pen,
  // selon qui …), an object (ont entendu une voisine selon qui …) or an
  // inverted subject (a déploré le soldat selon qui …).
  std::uint32_t end = i;
  if (end > sentence_begin && is_comma(end - 1)) --end;
  const Np np = np_backward(end, sentence_begin);
  if (!np.valid() || !np_has_content(np)) return kNone;
  const int m = make_mention(np.begin, np.end);
  if (speaker_head_ok(m)) return m;
  // A phrase headed by no one who speaks (« Insuffisant pour la leader X,
  // selon qui … »): the noun phrase after its preposition is the nearest.
  for (std::uint32_t k = np.begin + 1; k + 1 < np.end; ++k) {
    if (!has(k, WordClasses::kPrep) || is_de(k)) continue;
    out.mentions.pop_back();
    return make_mention(k + 1, np.end);
  }
  return m;
}

int Run::author_of_report(int sp) {
  // "les allégations du premier ministre" -> the source after de.
  const MentionInfo& mi = out.mentions[sp];
  std::uint32_t mb = tok_of(mi.begin), me = tok_of(mi.end - 1) + 1;
  std::uint32_t j = mb;
  if (has(j, WordClasses::kDet)) ++j;
  if (j < me && has(j, WordClasses::kReport) && j + 1 < me && is_de(j + 1)) {
    std::uint32_t nb = j + 2;
    if (nb < me && has(nb, WordClasses::kDet) && !is_de(j + 1)) ++nb;
    if (nb < me) return make_mention(nb, me);
  } else if (j < me && has(j, WordClasses::kReport) && j + 1 == me) {
    return kNone;  // "les rumeurs selon lesquelles": hearsay with no source
  }
  return sp;
}

int Run::source_of_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_end,
                          std::uint32_t& after) {
  // "À ses yeux, …": the possessive names the last entity spoken of
  // before the marker.
  if (marker.stands_for_source) return salient_entity(tok(i).begin);
  // "selon cette même source", "d'après la même source": the source
  // of the last marker.
  if ((marker.selon || marker.dapres) && same_source_at(marker.source_begin, sentence_end, after))
    return last_marker_speaker_;
  return named_source(marker, sentence_end, after);
}

Np Run::author_of_text(const Np& np) const {
  // Figures and texts have no voice of their own, but their author
  // does: "d'après les calculs de l'Insee", "selon les chiffres du ministère";
  // so do the words of a speech noun: "selon les explications du maire".
  // The head may follow prenominal adjectives (« une nouvelle étude de
  // l'Inserm »), not a capitalised one, part of a name (« selon Le
  // Nouveau Courrier »).
  std::uint32_t head = np.begin;
  if (has(head, WordClasses::kDet)) ++head;
  while (head + 1 < np.end && has(head, WordClasses::kPrenominal) && !tok(head).capitalized) ++head;
  if (!(head < np.end &&
        (has(head, WordClasses::kReport | WordClasses::kNoSource) || has_anchor(head, WordClasses::kSpeechSource))))
    return np;
  // The author follows de; a participle ends the search (« un sondage
  // mené auprès de la moitié des électeurs »: that de is the participle's),
  // and a bare de before a noun with no article is the noun's kind (« un
  // sondage d'opinion »), no author.
  std::uint32_t d = head + 1;
  while (d < np.end && !is_de(d) && !(tags_[d].pos & kPosPastParticiple)) ++d;
  const bool kind_only = d + 1 < np.end && is_bare_de(d) && tok(d + 1).kind == TokenKind::kWord &&
                         !has(d + 1, WordClasses::kDet) && !is_name_word(d + 1);
  // With no author, a study or a report may state its findings itself
  // (text_speaks: « selon une étude publiée lundi »); other texts name no one.
  if (d + 1 >= np.end || !is_de(d) || kind_only) return text_speaks(np) ? np : Np{};
  return Np{d + 1, np.end};
}

int Run::named_source(const SourceMarkerAt& marker, std::uint32_t sentence_end, std::uint32_t& after) {
  Np np = np_forward(marker.source_begin, sentence_end);
  if (!np.valid()) return kNone;
  // A stressed pronoun takes no complement (« responsable selon eux de la
  // pollution »: de opens the adjective's).
  if (has(np.begin, WordClasses::kStressedPronoun)) np.end = np.begin + 1;
  // "Selon un communiqué du ministère", "d'après le rapport de l'ONG":
  // the source is the author after "de"; a document with no author
  // named ("selon le rapport") is no speaker.
  const Np whole = np;
  if (!marker.pour) np = author_of_text(np);
  if (!np.valid() || !(marker.pour ? source_like(np) : marker_source_like(np))) return kNone;
  if (marker.pour && !holds_opinion(np, marker.contrast) && !group_judges(np, sentence_end)) return kNone;
  // Coordinated sources each say it (« selon des pompiers et des habitants
  // interrogés par l'AFP »): the phrase spans the conjuncts, which
  // conjunct_speakers splits into a claim each.
  if (marker.selon || marker.dapres)
    for (Np more = conjunct_after(np.end, sentence_end, false); more.valid() && source_like(more);
         more = conjunct_after(more.end, sentence_end, false))
      np.end = more.end;
  after = np.end;
  // Apposition inside the marker: selon le secrétaire d'État, Antony Blinken.
  // It closes with a comma or the sentence; a phrase after the comma that
  // a verb follows is the content's subject: « Aux yeux de leur entraîneur,
  // les Lions ont perdu le match ».
  const Np next = np.end + 1 < sentence_end && is_comma(np.end) ? np_forward(np.end + 1, sentence_end) : Np{};
  const bool subject_next = next.valid() && next.end < sentence_end && !is_punct(next.end);
  const int sp = subject_next ? make_mention(np.begin, np.end) : mention_with_apposition(np, sentence_end);
  if (sp == kNone) return kNone;
  const MentionInfo& mi = out.mentions[sp];
  after = std::max({after, tok_of(mi.end - 1) + 1, whole.end});
  return sp;
}

bool Run::speaking_common_noun(const Np& np) const {
  // A source may be named by any common noun that heads a subject of
  // speech (selon le chirurgien, d'après les protestataires, aux yeux des
  // riverains, selon deux chirurgiens): the nouns of speaking_nouns.tsv,
  // plurals included, but not those of its kind source: a text or a
  // figure with no author named (selon le rapport d'autopsie, d'après le
  // compte rendu, selon la plupart des estimations) names no one who
  // speaks. The paper's own readers or informations (selon nos lecteurs)
  // are no source, as in speaker_like. Not in speaker_like itself: its
  // other readers (the agent of a passive, « jugé inexistant par le
  // technicien ») take the named person a bare noun takes up.
  if (!np.valid()) return false;
  if (const std::uint32_t past = head_past_quantity(np); past != np.begin) return speaking_common_noun(Np{past, np.end});
  if (has(np.begin, WordClasses::kPoss)) return false;
  const std::uint32_t head = source_head(np);
  if (head >= np.end || has(head, WordClasses::kNoSource) || !(tags_[head].readings & kPosNoun) ||
      !gaz.has_speaking_nouns())
    return false;
  const std::uint32_t end = speaking_noun_end(head, np.end);
  return end > head && !gaz.source_noun(text_of(head, end)) && !gaz.source_noun(tok(head).lower);
}

bool Run::holds_opinion(const Np& np, bool contrast) {
  if (const std::uint32_t head = head_past_quantity(np); head != np.begin)
    return holds_opinion(Np{head, np.end}, contrast);
  // "Pour X," gives an opinion only when X can hold one: a person or a
  // state ("Pour l'économiste X, …", "Pour Moscou, …"), not "Pour le
  // Stade toulousain, la saison s'est achevée".
  int probe = make_mention(np.begin, np.end);
  const MentionInfo probe_mention = out.mentions[probe];
  out.mentions.pop_back();
  bool holder = probe_mention.pronoun || probe_mention.type == EntityType::kPerson ||
                probe_mention.type == EntityType::kCountry || title_of(np.begin) ||
                (has(np.begin, WordClasses::kDet) && np.begin + 1 < np.end && title_of(np.begin + 1));
  if (has(np.begin, WordClasses::kStressedPronoun)) holder = true;
  // A party, a union or a government holds positions; a club or a firm
  // may only be the one concerned (Pour le club, la saison …).
  if (heads_opinion_body(np)) holder = true;
  // A lone given name is someone (Pour Cécile, 38 ans, …), and the
  // press names parties, unions and international bodies by their
  // initials (Pour la CGT, Pour l'ONU, …).
  std::uint32_t head = np.begin;
  if (has(head, WordClasses::kDet)) ++head;
  if (head + 1 == np.end && ((tags_[head].readings & kPosGivenName) || tok(head).all_caps)) holder = true;
  // A lone surname of a person named in full before (« Rabah Madjer …
  // Pour Madjer, … »).
  if (head + 1 == np.end && head == np.begin && is_name_word(head) && surname_of_person_before(head)) holder = true;
  // "Si pour X …, Y …": the contrast makes any entity an opinion holder.
  if (contrast && (probe_mention.type != EntityType::kUnknown || !probe_mention.name.empty())) holder = true;
  return holder;
}

bool Run::group_judges(const Np& np, std::uint32_t sentence_end) {
  // « Pour les élus, difficile de prédire le résultat », « Pour les
  // experts, impossible de dire … »: people named by a plural role hold an
  // opinion when a verbless judgement follows the comma, an adjective that
  // opens its de or que complement (not « Pour les travailleurs, la
  // surprise est entière », a state).
  const std::uint32_t k = np.end + 1;
  if (k + 1 >= sentence_end || !is_comma(np.end) || (tags_[k].pos & kPosAdjective) == 0 ||
      (tags_[k].pos & (kPosNoun | kPosFiniteVerb | kPosPastParticiple | kPosPresentParticiple)) != 0 ||
      !(is_de(k + 1) || is_que(k + 1)))
    return false;
  const int probe = make_mention(np.begin, np.end);
  const MentionInfo probe_mention = out.mentions[probe];
  out.mentions.pop_back();
  return probe_mention.type == EntityType::kGroup && probe_mention.plural && !probe_mention.role_head.empty();
}

bool Run::surname_of_person_before(std::uint32_t k) const {
  // The same word earlier, after a given name, another word of a name or
  // a title (Rabah Madjer, M. Madjer), within the last few thousand
  // tokens; not a place, nor after an acronym (« le FC Lorient … Pour
  // Lorient, la saison … » is the club's season).
  if (tags_[k].readings & kPosPlace) return false;
  constexpr std::uint32_t kMaxLookBack = 4000;
  const std::uint32_t from = k > kMaxLookBack ? k - kMaxLookBack : 1;
  for (std::uint32_t q = k; q-- > from;)
    if (tok(q).lower == tok(k).lower &&
        ((tags_[q - 1].readings & kPosGivenName) || (is_name_word(q - 1) && !tok(q - 1).all_caps) ||
         title_of(q - 1)))
      return true;
  return false;
}

bool Run::heads_opinion_body(const Np& np) const {
  std::uint32_t head = np.begin;
  while (head < np.end && (has(head, WordClasses::kDet) || (tags_[head].pos & kPosNumber) ||
                            (has(head, WordClasses::kPrenominal) && head + 1 < np.end)))
    ++head;
  return head < np.end && has_extra(head, WordClasses::kOpinionBody);
}

std::uint32_t Run::past_parenthesis(std::uint32_t c, std::uint32_t sentence_end) const {
  if (tok(c).lower != "(") return c;
  for (std::uint32_t q = c + 1; q < sentence_end && q <= c + kMaxNpTokens; ++q) {
    if (tok(q).lower == ")") return q;
    if (tok(q).lower == "(" || tok(q).kind == TokenKind::kQuoteMark) break;
  }
  return c;
}

namespace {

// Whether the marker at token `i` is fronted: it opens the sentence (past
// et, mais or si, « Et selon X, … »), or, for selon and d'après, past the
// adverbs that open it (« Toujours selon la police, … », « Ensuite,
// d'après X, … ») or as a capitalised Selon after a word, a sentence whose
// full stop is missing (a headline run on to the text: « … à Le Pen Selon
// X, … »).
bool marker_fronted(const Run& run, const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin) {
  const bool after_conjunction =
      i == sentence_begin + 1 &&
      run.has_extra(sentence_begin, WordClasses::kEtWord | WordClasses::kMaisWord | WordClasses::kSiWord);
  std::uint32_t opening = sentence_begin;
  while (opening < i && run.tok(opening).kind == TokenKind::kWord &&
         (run.adverb_length(opening, i) > 0 || run.tags_[opening].pos == kPosAdverb))
    opening += std::max<std::uint32_t>(1, run.adverb_length(opening, i));
  while (opening < i && run.is_comma(opening)) ++opening;
  const bool run_on = i > sentence_begin && run.tok(i).capitalized && run.tok(i - 1).kind == TokenKind::kWord;
  // A colon or a semicolon opens a clause of its own: « Le ton s'est
  // durci : d'après la police, les agents ont essuyé des tirs ».
  const bool after_colon = i > sentence_begin && (run.tok(i - 1).lower == ":" || run.tok(i - 1).lower == ";");
  return i == sentence_begin || after_conjunction || after_colon || run.after_dateline(i, sentence_begin) ||
         ((opening == i || run_on) && (marker.selon || marker.dapres));
}

// The comma that ends a fronted source whose first words end at `after`,
// past its modifiers (« Selon le rapport de la Cour des comptes publié
// mercredi, … »), a relative clause on the source, verbs and all (« Selon
// un responsable qui a requis l'anonymat, … ») and an acronym or gloss in
// parentheses (« Pour l'Union … (UDC), … »); `after` when no comma comes
// before an auxiliary, a finite verb (« Selon le maire la ville construira
// un pont, une école … »: the clause has begun), a que, other punctuation or
// a quotation mark. A participle after the source opens a modifier as long
// as a relative (« Selon un sondage mené auprès de la moitié des électeurs
// de la commune, … »).
std::uint32_t fronted_source_comma(const Run& run, std::uint32_t after, std::uint32_t sentence_end) {
  constexpr std::uint32_t kMaxRelative = 16;
  std::uint32_t limit = after + 8;
  bool relative = false;
  const auto participle = [&](std::uint32_t k) { return (run.tags_[k].pos & kPosPastParticiple) != 0; };
  if (after < sentence_end && (participle(after) || participle(after - 1))) limit = after + kMaxRelative;
  for (std::uint32_t c = after; c < sentence_end && c < limit; ++c) {
    if (run.is_comma(c)) return c;
    if (!relative && c == after && run.has_grammar(c, WordClasses::kRelativePronoun) && !run.is_que(c)) {
      relative = true;
      limit = c + kMaxRelative;
      continue;
    }
    if (relative && !(run.is_punct(c) || run.tok(c).kind == TokenKind::kQuoteMark)) continue;
    const std::uint32_t closed = run.past_parenthesis(c, sentence_end);
    if (closed != c) {
      limit += closed - c;
      c = closed;
      continue;
    }
    if (run.has(c, WordClasses::kAux) || (run.tags_[c].pos & kPosFiniteVerb) || run.is_que(c) || run.is_punct(c) ||
        run.tok(c).kind == TokenKind::kQuoteMark)
      break;
  }
  return after;
}

}  // namespace

bool Run::content_of_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                            std::uint32_t sentence_end, std::uint32_t after, const std::vector<CueHit>& cues,
                            std::uint32_t& cb, std::uint32_t& ce) const {
  const bool fronted = marker_fronted(*this, marker, i, sentence_begin);
  if (fronted && after < sentence_end && !is_comma(after)) after = fronted_source_comma(*this, after, sentence_end);
  bool comma_after = after < sentence_end && is_comma(after);
  bool comma_before = i > sentence_begin && is_comma(i - 1);
  if (comma_after && (fronted || comma_before || marker.pour))
    return content_after_source(marker, i, sentence_begin, sentence_end, after, fronted, cues, cb, ce);
  if (marker.contrast && after < sentence_end && !is_comma(after)) {
    // "Si pour X la réforme est indispensable, …": the clause runs from
    // the source to the comma that ends the concession.
    cb = after;
    ce = cb;
    while (ce < sentence_end && !is_comma(ce)) ++ce;
    return ce < sentence_end;
  }
  if (comma_before && !marker.pour) return clause_before_marker(i, sentence_begin, sentence_end, after, cues, cb, ce);
  return adjective_around_marker(marker, i, sentence_begin, sentence_end, after, cues, cb, ce) ||
         (!fronted && clause_before_postposed_marker(marker, i, sentence_begin, sentence_end, after, cues, cb, ce));
}

bool Run::clause_before_postposed_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                                         std::uint32_t sentence_end, std::uint32_t after,
                                         const std::vector<CueHit>& cues, std::uint32_t& cb,
                                         std::uint32_t& ce) const {
  if (!(marker.selon || marker.dapres) || i <= sentence_begin) return false;
  // The marker closes its phrase: the sentence, a comma, a colon or et
  // follows its source (« enfreignaient selon elles le principe … » goes on).
  if (after < sentence_end && !(is_punct(after) || has_extra(after, WordClasses::kEtWord))) return false;
  if (after < sentence_end && tok(after).kind == TokenKind::kQuoteMark) return false;
  // It follows a noun, a number or an adjective, not a verb or a word
  // that wants a complement.
  const std::uint32_t last = i - 1;
  if (tok(last).kind != TokenKind::kWord && tok(last).lower != "%") return false;
  // A verb right before it is one that selon completes (« varient selon
  // les régions », « répartis selon leur niveau »).
  if ((tags_[last].pos & (kPosFiniteVerb | kPosInfinitive | kPosPastParticiple)) || has(last, WordClasses::kAux) ||
      has(last, WordClasses::kPrep) || has(last, WordClasses::kDet) || is_que(last))
    return false;
  // The phrase runs back to the punctuation before it, within a bound.
  constexpr std::uint32_t kMaxPhraseBack = 40;
  const std::uint32_t floor = std::max(sentence_begin, marker_floor_);
  // A per cent sign or a decimal comma (« 27,61 % ») is no break.
  const auto breaks = [&](std::uint32_t k) {
    if (tok(k).kind == TokenKind::kQuoteMark) return true;
    if (!is_punct(k) || tok(k).lower == "%") return false;
    const bool glued = k > 0 && tok(k - 1).end == tok(k).begin && tok(k + 1).begin == tok(k).end;
    return !(is_comma(k) && glued && (tags_[k - 1].pos & kPosNumber) && (tags_[k + 1].pos & kPosNumber));
  };
  std::uint32_t b = i;
  while (b > floor && !breaks(b - 1)) {
    if (i - b >= kMaxPhraseBack) return false;
    --b;
  }
  if (b > floor && tok(b - 1).kind == TokenKind::kQuoteMark) return false;
  if (has_grammar(b, WordClasses::kRelativePronoun) || has(b, WordClasses::kRelativeLequel)) return false;
  if (!unsourced_before(i, sentence_begin, cues)) return false;
  // A participle after a noun (or opening the phrase) with no verb after
  // it: what the figure or the fact sourced is told by (« une grève
  // suivie par 27 % des professeurs selon le ministère », « Arrivé en
  // deuxième position selon les résultats de la commission »).
  bool verb = false;
  for (std::uint32_t k = last; k > b && !verb; --k) {
    const std::uint32_t p = k - 1;
    if ((tags_[p].pos & kPosFiniteVerb) || has(p, WordClasses::kAux)) verb = true;
    if (!(tags_[p].pos & kPosPastParticiple)) continue;
    if (p == b || (!has(p - 1, WordClasses::kAux) && !has(p - 1, WordClasses::kObj) &&
                   !(tags_[p - 1].pos & (kPosAdverb | kPosFiniteVerb)) && tok(p - 1).kind == TokenKind::kWord)) {
      cb = p;
      ce = i;
      return true;
    }
  }
  // Else the whole phrase: a clause that opens the sentence or follows a
  // colon, or a verbless phrase (« Le bilan : douze morts selon la police »).
  if (verb && b != sentence_begin && tok(b - 1).lower != ":" && tok(b - 1).lower != ";") return false;
  cb = b;
  ce = i;
  return ce > cb;
}

std::uint32_t Run::past_joints(std::uint32_t k, std::uint32_t end) const {
  while (k < end && (is_comma(k) || has_extra(k, WordClasses::kEtWord | WordClasses::kMaisWord))) ++k;
  return k;
}

bool Run::report_takes_marker(const AttributedClaim& c, std::uint32_t i, int sp) const {
  // In the content, or right after it past a comma (« … ont été, selon
  // lui, détruites »).
  const std::uint32_t at = tok(i).begin;
  if (c.begin >= at || c.end + 2 < at) return false;
  if (c.end < at && !(i > 0 && is_comma(i - 1) && c.end <= tok(i - 1).begin)) return false;
  if (c.speaker == kNone || sp == kNone) return false;
  const auto root = [&](int m) {
    for (int hops = 0; hops < 8 && out.mentions[m].antecedent >= 0; ++hops) m = out.mentions[m].antecedent;
    return m;
  };
  const int a = root(c.speaker), b = root(sp);
  if (a == b) return true;
  const MentionInfo& ma = out.mentions[a];
  const MentionInfo& mb = out.mentions[b];
  return (!ma.name.empty() && ma.name == mb.name) || ma.text == mb.text;
}

bool Run::adjective_around_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                                  std::uint32_t sentence_end, std::uint32_t after, const std::vector<CueHit>& cues,
                                  std::uint32_t& cb, std::uint32_t& ce) const {
  // « les arbitres, coupables selon eux d'avoir modifié le score », «
  // l'usine, responsable selon eux de la pollution »: selon between an
  // adjective and its complement in de or à reports the adjective phrase.
  if (!(marker.selon || marker.dapres) || i < sentence_begin + 2 || after + 1 >= sentence_end) return false;
  if (!(tags_[i - 1].readings & (kPosAdjective | kPosPastParticiple)) || is_comma(after)) return false;
  if (!(is_de(after) || has_extra(after, WordClasses::kAForm))) return false;
  cb = i - 1;
  ce = clause_end(after, sentence_end, cues, after);
  return ce > after;
}

bool Run::content_after_source(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                               std::uint32_t sentence_end, std::uint32_t after, bool fronted,
                               const std::vector<CueHit>& cues, std::uint32_t& cb, std::uint32_t& ce) const {
  const bool comma_before = i > sentence_begin && is_comma(i - 1);
  // The source's appositions when it opens the sentence; after a comma
  // (« …, selon X, dont les propos … ») they belong to the aside.
  cb = fronted || marker.pour ? past_source_appositions(after + 1, sentence_end) : after + 1;
  if (marker.pour) cb = past_described_apposition(cb, sentence_end);
  // Selon X, « … »: the quotation's.
  if (cb < sentence_end && tok(cb).kind == TokenKind::kQuoteMark) return false;
  // A relative clause (…, selon l'entourage du maire, lequel envisage …).
  if (cb < sentence_end && (has_grammar(cb, WordClasses::kRelativePronoun) || has(cb, WordClasses::kRelativeLequel)))
    return false;
  // « Près de la moitié des salariés ont fait grève, selon le syndicat,
  // tandis que la direction parle de 10 % »: the marker closes the clause
  // before it, from its start when nothing sources it yet.
  if (!fronted && !marker.pour && comma_before && opens_subordinate(cb, sentence_end)) {
    cb = clause_start_before(i - 1, sentence_begin, cues);
    ce = i - 1;
    return cb != TokenPrefix::kNoToken && ce > cb;
  }
  ce = clause_end(cb, sentence_end, cues, cb);
  // Inside a free relative of the writer's own sentence (« Avant
  // d'expliquer ce qui, selon lui, a justifié ces mesures »), the marker
  // reports no statement: the relative names a thing, it has no subject of
  // its own (after a noun, « la mairie qui, selon X, doit revoir le plan »
  // states something of the noun). A quotation there is still the
  // source's words.
  if (!fronted && !marker.pour && comma_before && i >= sentence_begin + 3 &&
      has_grammar(i - 2, WordClasses::kRelativePronoun) && has_grammar(i - 3, WordClasses::kCeWord) &&
      (clause_goes_on(cb, sentence_end) || (has(cb, WordClasses::kObj) && clause_goes_on(cb + 1, sentence_end)))) {
    bool quoted = false;
    for (std::uint32_t k = cb; k < ce && !quoted; ++k) quoted = tok(k).kind == TokenKind::kQuoteMark;
    if (!quoted) return false;
  }
  // « Le gouvernement aurait, selon Le Monde, renoncé à la réforme »: a
  // marker between the commas of a clause that goes on after it (a verb,
  // a participle or a preposition comes next, no subject of its own; or
  // the verb came right before it: « La réforme est, selon X, une
  // erreur ») reports the whole clause, the marker within it.
  const bool verb_before = i >= sentence_begin + 2 && ((tags_[i - 2].pos & (kPosFiniteVerb | kPosPastParticiple)) ||
                                                        has(i - 2, WordClasses::kAux));
  if (!fronted && !marker.pour && comma_before && (verb_before || clause_goes_on(cb, sentence_end)) &&
      unsourced_before(i, sentence_begin, cues)) {
    const std::uint32_t start = clause_start_before(i - 1, sentence_begin, cues);
    if (start != TokenPrefix::kNoToken) cb = start;
    // Right after the relative pronoun, the relative clause: « la mairie
    // qui, selon X, doit revoir le plan » (not the main clause around it).
    if (start != TokenPrefix::kNoToken && i >= start + 3 && has_grammar(i - 2, WordClasses::kRelativePronoun))
      cb = i - 2;
  }
  return true;
}

std::uint32_t Run::clause_start_before(std::uint32_t end, std::uint32_t sentence_begin,
                                       const std::vector<CueHit>& cues) const {
  // Bounded, so that a sentence of many markers costs its length.
  constexpr std::uint32_t kMaxClauseBack = 80;
  const std::uint32_t floor = std::max(sentence_begin, marker_floor_);
  std::uint32_t start = floor;
  for (std::uint32_t k = end; k > floor; --k) {
    const std::uint32_t w = k - 1;
    if (end - w > kMaxClauseBack || tok(w).kind == TokenKind::kQuoteMark) return TokenPrefix::kNoToken;
    if (tok(w).lower == ";" || tok(w).lower == ":") {
      start = k;
      break;
    }
    // « …, alors que les salaires ont stagné, selon la CGT »: no content
    // opens on its subordinator.
    if (is_comma(w) && opens_subordinate(k, end)) {
      start = k + (has(k, WordClasses::kCutNeedsQue) || has_anchor(k, WordClasses::kConcessiveOpener) ? 2 : 1);
      break;
    }
  }
  start = past_joints(start, end);
  if (start >= end) return TokenPrefix::kNoToken;
  // A cue of the clause reports it already.
  if (cues_in_order(cues)) {
    const auto c = std::lower_bound(cues.begin(), cues.end(), start,
                                    [](const CueHit& h, std::uint32_t t) { return h.first < t; });
    if (c != cues.end() && c->first < end) return TokenPrefix::kNoToken;
  } else {
    for (const CueHit& h : cues)
      if (h.first >= start && h.first < end) return TokenPrefix::kNoToken;
  }
  return start;
}

std::uint32_t Run::past_source_appositions(std::uint32_t b, std::uint32_t sentence_end) const {
  // An apposition is verbless and opens on an age (38 ans) or on a bare
  // noun or adjective (enseignante à Lyon, ancien mineur); a number that
  // is no age opens the content (« Selon la police, 300 personnes, … »).
  // A relative clause with qui or dont is one too.
  constexpr int kMaxAppositions = 3;
  for (int n = 0; n < kMaxAppositions; ++n) {
    std::uint32_t c = b;
    while (c < sentence_end && !is_comma(c)) ++c;
    if (c + 1 >= sentence_end) break;
    // A relative clause on the source between commas (Selon le maire,
    // qui s'exprimait devant la presse, …) is no content either.
    if (has_grammar(b, WordClasses::kRelativePronoun) && !is_que(b)) {
      b = c + 1;
      continue;
    }
    // A participle phrase on the source (« Selon le syndicat, affilié à la
    // CGT, le prix … »), when a clause opens after its comma.
    if (participle_apposition(b, c)) {
      b = c + 1;
      continue;
    }
    if (!bare_apposition(b, c)) break;
    const bool age = (tags_[b].pos & kPosNumber) && b + 2 == c && tok(b + 1).lower == "ans";
    if ((tags_[b].pos & kPosNumber) && !age) break;
    b = c + 1;
  }
  return b;
}

bool Run::participle_apposition(std::uint32_t b, std::uint32_t c) const {
  if (b >= c || tok(b).capitalized || (tags_[b].pos & kPosPastParticiple) == 0 ||
      (tags_[b].pos & kPosFiniteVerb) != 0)
    return false;
  for (std::uint32_t q = b + 1; q < c; ++q)
    if ((tags_[q].pos & kPosFiniteVerb) || has(q, WordClasses::kAux) || is_que(q) || is_punct(q) ||
        tok(q).kind == TokenKind::kQuoteMark)
      return false;
  const std::uint32_t end = doc.sentences[doc.sentence_at(tok(c).begin)].token_end;
  if (c + 1 >= end) return false;
  if (has(c + 1, WordClasses::kSubj) && !has(c + 1, WordClasses::kDet)) return true;
  const Np subject = np_forward(c + 1, end);
  return subject.valid() && np_has_content(subject) && finite_verb_opens(subject.end, end);
}

std::uint32_t Run::past_described_apposition(std::uint32_t b, std::uint32_t sentence_end) const {
  constexpr std::uint32_t kMaxApposition = 12;  // l'ancien élu surnommé le Sage de la vallée
  if (b + 2 >= sentence_end || !has(b, WordClasses::kDet) || tok(b + 1).capitalized) return b;
  const std::uint32_t head = b + 1;
  if (!role_of(head) && !(gaz.has_speaking_nouns() && gaz.person_noun(tok(head).lower))) return b;
  for (std::uint32_t c = head + 1; c < sentence_end && c < b + kMaxApposition; ++c) {
    if (is_comma(c)) return c + 1 < sentence_end && has(c + 1, WordClasses::kSubj) ? c + 1 : b;
    if ((tags_[c].pos & kPosFiniteVerb) || has(c, WordClasses::kAux) || is_que(c) || is_punct(c) ||
        tok(c).kind == TokenKind::kQuoteMark)
      return b;
  }
  return b;
}

bool Run::clause_before_marker(std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                               std::uint32_t after, const std::vector<CueHit>& cues, std::uint32_t& cb,
                               std::uint32_t& ce) const {
  // « Le bilan – 12 morts, selon la police – reste provisoire »: a
  // marker that closes an aside reports the aside.
  const std::uint32_t aside = after < sentence_end ? aside_opening(i - 1, sentence_begin, after) : i - 1;
  if (aside + 1 < i - 1) {
    cb = aside + 1;
    ce = i - 1;
    return true;
  }
  // "…, selon X." at the end: only when nothing else in the sentence
  // carries a source already.
  if (!verbless_to_end(after, sentence_end) || !unsourced_before(i, sentence_begin, cues)) return false;
  // Not over the words an earlier marker of the sentence sourced.
  cb = past_joints(std::max(sentence_begin, marker_floor_), i - 1);
  ce = i - 1;
  return ce > cb;
}

bool Run::unsourced_before(std::uint32_t i, std::uint32_t sentence_begin, const std::vector<CueHit>& cues) const {
  // In order (cues_in_order), the first cue starts first.
  if (cues_in_order(cues)) {
    if (!cues.empty() && cues.front().first < i) return false;
  } else {
    for (const CueHit& h : cues)
      if (h.first < i) return false;
  }
  return i <= sentence_begin || prefix_to(sentence_begin, i).at(i).last_quote == TokenPrefix::kNoToken;
}

bool Run::opens_subordinate(std::uint32_t k, std::uint32_t sentence_end) const {
  if (k >= sentence_end || tok(k).kind != TokenKind::kWord) return false;
  if (has_extra(k, WordClasses::kMaisWord)) return true;
  if (has_anchor(k, WordClasses::kConcessiveOpener))
    return k + 1 < sentence_end && (has_extra(k + 1, WordClasses::kSiWord) || is_que(k + 1));
  if (!has(k, WordClasses::kCut) || has_grammar(k, WordClasses::kCutKeepsClause)) return false;
  return !has(k, WordClasses::kCutNeedsQue) || (k + 1 < sentence_end && is_que(k + 1));
}

bool Run::clause_goes_on(std::uint32_t k, std::uint32_t sentence_end) const {
  if (k >= sentence_end || tok(k).kind != TokenKind::kWord) return false;
  // s'élève, l'a confirmé: object clitics before the verb.
  std::uint32_t v = k;
  while (v + 1 < sentence_end && has(v, WordClasses::kObj) && !has(v, WordClasses::kDet)) ++v;
  return (tags_[v].pos & (kPosFiniteVerb | kPosPastParticiple | kPosInfinitive)) || has(v, WordClasses::kAux) ||
         (v == k && has(k, WordClasses::kPrep));
}

std::uint32_t Run::aside_opening(std::uint32_t comma, std::uint32_t sentence_begin, std::uint32_t closing) const {
  const auto dash = [&](std::uint32_t k) {
    const char32_t c = doc.text[tok(k).begin];
    return tok(k).kind == TokenKind::kPunct && tok(k).end == tok(k).begin + 1 && (c == U'-' || c == 0x2013 || c == 0x2014);
  };
  const bool closes_paren = tok(closing).lower == ")";
  if (!closes_paren && !dash(closing)) return comma;
  for (std::uint32_t k = comma; k-- > sentence_begin;) {
    if (closes_paren ? tok(k).lower == "(" : dash(k)) return k;
    // The aside is one stretch of the writer's words.
    if (tok(k).kind == TokenKind::kQuoteMark || tok(k).lower == "(" || tok(k).lower == ")" || dash(k) ||
        (is_punct(k) && !is_comma(k)))
      return comma;
  }
  return comma;
}

bool Run::verbless_to_end(std::uint32_t k, std::uint32_t sentence_end) const {
  std::uint32_t e = sentence_end;
  while (e > k && is_punct(e - 1)) --e;
  for (; k < e; ++k)
    if (is_punct(k) || is_que(k) || has(k, WordClasses::kAux) ||
        ((tags_[k].pos & kPosFiniteVerb) && !(tags_[k].readings & (kPosNoun | kPosProperNoun | kPosAdjective))))
      return false;
  return true;
}

std::uint32_t Run::content_begin_offset(std::uint32_t cb, std::uint32_t ce) const {
  std::uint32_t begin = tok(cb).begin;
  if (cb + 1 < ce && tok(cb).kind == TokenKind::kQuoteMark) {
    begin = tok(cb).end;
    while (begin < tok(ce - 1).end && is_space(doc.text[begin])) ++begin;
  }
  return begin;
}

std::uint32_t Run::content_end_offset(std::uint32_t cb, std::uint32_t ce) const {
  std::uint32_t end = tok(ce - 1).end;
  if (ce - 1 > cb && tok(ce - 1).kind == TokenKind::kQuoteMark) end = tok(ce - 1).begin;
  while (end > tok(cb).begin && is_space(doc.text[end - 1])) --end;
  return end;
}

void Run::mark_mixed(AttributedClaim& c, std::uint32_t b, std::uint32_t e) const {
  for (std::uint32_t k = b; k < e; ++k)
    if (tok(k).kind == TokenKind::kQuoteMark) c.kind = ClaimKind::kMixed;
}

}  // namespace detail


Attribution Attributor::attribute(const Document& doc, const std::vector<Quote>& quotes) const {
  return attribute(doc, quotes, {});
}

Attribution Attributor::attribute(const Document& doc, const std::vector<Quote>& quotes,
                                  const std::vector<Turn>& turns) const {
  GazetteerCache local(gazetteer_, &lexicon_, &words_);
  detail::Run run(doc, lexicon_, gazetteer_, words_, cache_ ? *cache_ : local, pos_);
  // Lines of dialogue opened by a dash make a narrative (as DialoguePass
  // reads them): its exchanges follow turn-taking, not news conventions.
  run.narrative_ = std::any_of(turns.begin(), turns.end(), [](const Turn& t) { return t.kind == TurnKind::kDialogue; });
  run.run(quotes);
  detail::attribute_dialogue(doc, turns, run.out, detail::dialogue_hooks(run));
  return std::move(run.out);
}

}  // namespace quotegraph

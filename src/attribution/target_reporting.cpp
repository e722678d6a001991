// Targets that the reporting sentence names outside the cue's own slot:
// the noun phrase an object clitic on the cue stands for (« a déploré les
// tirs de l'armée X, les qualifiant d'… »), and the one a statement answers
// or contradicts (contrairement aux affirmations de X, contredisant les
// propos de X, en réponse à X), and, inside a content, the subject of a
// verb of demand in the passive (« les riverains sont invités à … »).
// Each is French grammar; which nouns name a
// deed whose author is aimed at is data (data/judgements.tsv, deed).
#include <algorithm>
#include <string_view>

#include "attribution_run.h"
#include "target_clitics.h"

namespace quotegraph::detail {

namespace {

// Object clitics that stand for a noun phrase named before: le, la, l',
// les for a direct object (les qualifiant de …), lui, leur for an indirect
// one (lui ordonnant de …): the object clitics that are also articles or
// stressed pronouns, not se, en, y nor those of the first two persons.
bool object_clitic(const Run& run, std::uint32_t k) {
  return run.has(k, WordClasses::kObj) && run.has(k, WordClasses::kDet | WordClasses::kStressedPronoun);
}

// The target a relative que stands for when its antecedent [b, end) is no
// deed: a person or organisation by its name, judged itself (l'Agence
// spatiale européenne, qu'il juge « trop prudente »), the whole antecedent
// with no complement after it (not « l'arrestation par l'Iran de deux
// ressortissants »); never a pronoun, a state, a group or a place. kNone
// otherwise, and the mention made to look is taken back.
int named_antecedent(Run& run, std::uint32_t b, std::uint32_t end) {
  if (run.np_forward(b, end, false).end != end) return kNone;
  const int m = run.target_mention(b, end);
  if (m == kNone) return kNone;
  const MentionInfo& mi = run.out.mentions[m];
  std::uint32_t first = b;
  while (first < end && !run.is_name_word(first)) ++first;
  const bool place = first < end && !run.tags_.empty() && (run.tags_[first].readings & kPosPlace);
  // An institution by its capitalised title counts as named too.
  const bool titled = mi.type == EntityType::kOrganization && first < end && run.tok(first).capitalized;
  if (!mi.pronoun && (!mi.name.empty() || titled) && mi.type != EntityType::kCountry &&
      mi.type != EntityType::kGroup && !place)
    return m;
  if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  return kNone;
}

// Where the object clitic of cue `h` stands: before the verb (finite
// forms count it in the cue) or just before a present participle (« les
// appelant à … »); h.verb when the cue has none.
std::uint32_t clitic_of_cue(const Run& run, const CueHit& h, std::uint32_t sentence_begin) {
  std::uint32_t c = h.verb;
  for (std::uint32_t z = h.first; z < h.verb; ++z)
    if (object_clitic(run, z)) c = z;
  if (c == h.verb && h.first > sentence_begin && object_clitic(run, h.first - 1)) c = h.first - 1;
  return c;
}

// Where the antecedent of the relative que before cue `h` ends, or 0: a
// relative que is the object of a verb that qualifies (« les estimations
// du fisc qu'elle juge « cocasses » »), its antecedent right before it or
// before its comma. Not « ce qu'il appelle « … » », whose que has none.
std::uint32_t relative_antecedent_end(const Run& run, const CueHit& h, std::uint32_t sentence_begin) {
  Gender g;
  bool plural;
  const bool relative = h.entry->target == TargetSlot::kObject && (h.entry->frames & kFrameQualify) &&
                        h.first > sentence_begin + 2 && run.words.subject(run.tok(h.first - 1).lower, g, plural) &&
                        run.is_que(h.first - 2) && !run.has_grammar(h.first - 3, WordClasses::kCeWord);
  if (!relative) return 0;
  return run.is_comma(h.first - 3) ? h.first - 3 : h.first - 2;
}

// Where the noun phrase that ends at `end` starts, on its determiner or
// name (« un retrait des troupes … »), read back over determiners, de,
// names and noun words, at most eight words and no finite verb. When
// `at_preposition`, another preposition than de, au or aux ends it too
// (« a haussé le ton contre les syndicats, les accusant … »: « les
// syndicats »).
std::uint32_t antecedent_begin(const Run& run, std::uint32_t end, std::uint32_t sentence_begin, bool at_preposition) {
  std::uint32_t b = end;
  while (b > sentence_begin && b + 8 > end && !run.is_punct(b - 1) && run.tok(b - 1).kind != TokenKind::kQuoteMark &&
         (run.has(b - 1, WordClasses::kDet) || run.is_de(b - 1) || run.is_name_word(b - 1) || run.is_np_word(b - 1)) &&
         !(at_preposition && run.has(b - 1, WordClasses::kPrep) && !run.is_de(b - 1) &&
           !run.has(b - 1, WordClasses::kDet)) &&
         (run.tags_.empty() || !(run.tags_[b - 1].pos & kPosFiniteVerb)))
    --b;
  while (b < end && !run.has(b, WordClasses::kDet) && !run.is_name_word(b)) ++b;
  return b;
}

}  // namespace

int Run::deed_or_entity_target(std::uint32_t b, std::uint32_t e) {
  if (e <= b) return kNone;
  // The troops or forces of a state aim the claim at the state: les
  // troupes azerbaïdjanaises -> Azerbaïdjan.
  auto as_state = [&](int m) {
    MentionInfo& mi = out.mentions[m];
    if (mi.name.empty() && !mi.state.empty() && words.has(mi.role_head, WordClasses::kBlame)) {
      mi.name = mi.state;
      mi.type = EntityType::kCountry;
      mi.role.clear();
    }
    return m;
  };
  // A deed names its author after de: les propos de M. X, les
  // affirmations du ministre.
  for (std::uint32_t j = b; j + 2 < e && j < b + 4; ++j) {
    if (!deed_noun(j) || !is_de(j + 1)) continue;
    Np author = np_forward(j + 2, e, true);
    const int m = author.valid() ? target_mention(author.begin, author.end) : kNone;
    if (m != kNone) return as_state(m);
    break;
  }
  int m = target_mention(b, e);
  if (m != kNone) return as_state(m);
  // The forces of a state stand for it: les mouvements de troupes
  // azerbaïdjanaises.
  m = make_mention(b, e);
  MentionInfo& mi = out.mentions[m];
  bool deed = false;
  for (std::uint32_t j = b; j < e && !deed; ++j) deed = has(j, WordClasses::kBlame | WordClasses::kDeed);
  if (deed && mi.type == EntityType::kUnknown && mi.name.empty() && !mi.state.empty()) {
    mi.name = mi.state;  // les manœuvres des navires chinois -> Chine
    mi.type = EntityType::kCountry;
    mi.role.clear();
  }
  if (mi.type == EntityType::kCountry && !mi.name.empty()) return m;
  if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  return kNone;
}

int Run::clitic_antecedent_target(const CueHit& h, std::uint32_t sentence_begin) {
  const std::uint32_t c = clitic_of_cue(*this, h, sentence_begin);
  // After a subject of the first or second person the clitic is a
  // pronoun of someone the text named before: « je lui reproche son
  // silence », « nous ne leur demandons rien » (resolved from where it
  // stands: target_clitics.h).
  std::uint32_t s = c;
  while (s > sentence_begin && s != h.verb && has_extra(s - 1, WordClasses::kNeForm)) --s;
  const bool answering = words.has(h.entry->lemma, WordClasses::kAnswerVerb);
  if (c != h.verb && s > sentence_begin && words.has(tok(s - 1).lower, WordClasses::kSubj12))
    return clitic_pronoun_target(*this, h, c, answering, false);
  // Inside a verb group of the third person the clitic is a pronoun too:
  // « le juge lui a demandé de … », « il les a appelés à … ».
  // (After a comma the clitic opens a participial clause, read below.)
  const bool after_comma = c != h.verb && c > sentence_begin + 1 && is_comma(c - 1);
  // « Le gouvernement a reçu les syndicats et leur a demandé de … »: a
  // verb group coordinated by et shares the first verb's subject, and its
  // clitic takes up the first verb's object, the phrase right before et.
  const bool after_et = c != h.verb && c >= h.first && c > sentence_begin + 2 && has_extra(c - 1, WordClasses::kEtWord);
  if (c != h.verb && c >= h.first && !after_comma && !after_et)
    return clitic_pronoun_target(*this, h, c, answering, true);
  // lui, leur stand for someone, rarely for the phrase before the comma:
  // « l'a rappelée à l'ordre, lui ordonnant de … » takes up the one named
  // before when that phrase names no one; after et, the clitic is read as
  // in any verb group of the third person.
  const auto someone_before = [&] {
    return (after_comma && indirect_clitic(*this, c)) || after_et
               ? clitic_pronoun_target(*this, h, c, answering, true)
               : kNone;
  };
  std::uint32_t end = after_et ? c - 1 : 0;
  // Its antecedent is the noun phrase that ends right before, across the
  // comma that opens the participial clause, in the same sentence.
  // Without the comma the phrase before is the participle's subject:
  // « l'arrêt de la Cour le condamnant » (le is someone else).
  if (after_comma) end = c - 1;
  const std::uint32_t relative_end = c == h.verb ? relative_antecedent_end(*this, h, sentence_begin) : 0;
  if (relative_end != 0) end = relative_end;
  if (end == 0) return kNone;
  // The phrase after a preposition first (contre les syndicats), else
  // the longer reading (« a rappelé Paul Girard à l'ordre, lui … »).
  if (relative_end == 0) {
    const std::uint32_t after = antecedent_begin(*this, end, sentence_begin, true);
    if (end - after >= 2 || (after < end && is_name_word(after)))
      if (const int m = deed_or_entity_target(after, end); m != kNone) return m;
  }
  const std::uint32_t b = antecedent_begin(*this, end, sentence_begin, false);
  if (end - b < 2 && !(b < end && is_name_word(b))) return someone_before();
  // The antecedent of a relative is the deed judged, whose author is the
  // target (les chiffres de la préfecture qu'il juge …), not any phrase;
  // or a person or organisation by its name, judged itself.
  if (relative_end != 0 && !(deed_noun(b) || (b + 1 < end && deed_noun(b + 1))))
    return named_antecedent(*this, b, end);
  const int m = deed_or_entity_target(b, end);
  return m != kNone ? m : someone_before();
}

bool Run::same_clause(std::uint32_t from, std::uint32_t to) const {
  // « …», alors que les Verts lancent un appel au PLR »: a clause opened
  // by a conjunction or another quotation belongs to another claim.
  // The que that opens the content itself (a déclaré que « … ») is
  // no other clause.
  for (std::uint32_t z = from; z < to; ++z)
    if ((is_que(z) && z + 2 < to) || has_extra(z, WordClasses::kMaisWord) ||
        has_grammar(z, WordClasses::kTandisWord) || is(z, ";") || tok(z).kind == TokenKind::kQuoteMark)
      return false;
  return true;
}

Relation Run::reply_targets(std::uint32_t sentence_begin, std::uint32_t sentence_end, std::uint32_t tb,
                            std::uint32_t te, const std::vector<std::uint32_t>& reply_words,
                            std::vector<int>& targets) {
  Relation found = Relation::kStates;
  // Any other token leaves p and b at 0 below.
  for (const std::uint32_t k : reply_words) {
    if (k + 2 >= sentence_end) break;
    if (k >= tb && k < te) continue;
    // The phrase that names the one answered, contradicted or appealed
    // to: its preposition à (au, aux) at p, or its direct object at b.
    Relation r = Relation::kRespondsTo;
    std::uint32_t p = 0, b = 0;
    if (has_extra(k, WordClasses::kReplyAdverbial)) p = k + 1;
    if (has_extra(k, WordClasses::kReplyNoun) && k > sentence_begin && has_extra(k - 1, WordClasses::kEnWord))
      p = k + 1;
    if (has_extra(k, WordClasses::kAppealNoun)) {
      // un appel (explicite, pressant) au parti à …
      p = k + 1;
      while (p < sentence_end && p < k + 3 && tok(p).kind == TokenKind::kWord &&
             !has(p, WordClasses::kPrep | WordClasses::kDet))
        ++p;
      r = Relation::kCallsOn;
    }
    if (has_extra(k, WordClasses::kContradicting)) b = k + 1;
    if (p != 0) b = p < sentence_end && has_extra(p, WordClasses::kAuForm | WordClasses::kAForm) ? p + 1 : 0;
    if (b == 0 || b >= sentence_end || (p == 0 && !has(b, WordClasses::kDet) && !is_name_word(b))) continue;
    const std::uint32_t limit = (k < tb && tb < sentence_end) ? tb : sentence_end;
    // Between the phrase and the content, past the content's own marks.
    std::uint32_t from = k < tb ? k + 1 : te, to = k < tb ? tb : k;
    while (from < to && tok(from).kind == TokenKind::kQuoteMark && k >= tb) ++from;
    while (to > from && tok(to - 1).kind == TokenKind::kQuoteMark && k < tb) --to;
    if (b >= limit || !same_clause(from, to)) continue;
    const Np np = np_forward(b, limit, true);
    if (!np.valid()) continue;
    const int m = deed_or_entity_target(np.begin, np.end);
    if (m != kNone) targets.push_back(m), found = r;
  }
  return found;
}

void Run::interlocutor_targets(std::uint32_t sentence_end, std::uint32_t tb, std::uint32_t te,
                               const std::vector<std::uint32_t>& talk_words, std::vector<int>& targets) {
  for (const std::uint32_t k : talk_words) {
    if (k + 2 >= sentence_end) break;
    if (k >= tb && k < te) continue;
    // « un entretien téléphonique avec X »: an adjective may stand between.
    std::uint32_t a = k + 1;
    while (a < k + 3 && a < sentence_end && tok(a).kind == TokenKind::kWord &&
           !has(a, WordClasses::kPrep | WordClasses::kDet))
      ++a;
    if (a + 1 >= sentence_end || !has_extra(a, WordClasses::kTalkWord) || !has(a, WordClasses::kPrep)) continue;
    // The conversation belongs to the claim's clause: no other clause nor
    // quotation between it and the content.
    std::uint32_t from = k < tb ? a + 1 : te, to = k < tb ? tb : k;
    while (from < to && tok(from).kind == TokenKind::kQuoteMark) ++from;
    while (to > from && tok(to - 1).kind == TokenKind::kQuoteMark) --to;
    // The partner ends at the comma that closes the fronted phrase (« avec
    // X, le ministre Y a appelé … »: Y is the speaker, no apposition of X).
    const std::uint32_t cap = k < tb ? tb : sentence_end;
    std::uint32_t limit = a + 1;
    while (limit < cap && !is_punct(limit) && tok(limit).kind != TokenKind::kQuoteMark) ++limit;
    if (!same_clause(from, to)) continue;
    // Each partner, coordinated by et: « avec Aliev et Pachinian ».
    for (std::uint32_t b = a + 1; b < limit;) {
      const Np np = np_forward(b, limit, true);
      if (!np.valid()) break;
      const int m = target_mention(np.begin, np.end);
      if (m != kNone) {
        const MentionInfo& mi = out.mentions[m];
        if (!mi.pronoun && mi.type != EntityType::kUnknown) targets.push_back(m);
        else if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
      }
      if (np.end + 1 >= limit || !has_extra(np.end, WordClasses::kEtWord)) break;
      b = np.end + 1;
    }
    return;
  }
}

namespace {

// How far from the content a word of disappointment or expectation may
// stand in the claim's clause: a fronted participle phrase (« Déçue par
// les annonces du ministre de l'Agriculture, la directrice a dénoncé … »)
// or a trailing one (« …, a regretté la maire, déçue par le préfet »).
constexpr std::uint32_t kLetdownReach = 24;

}  // namespace

Relation Run::letdown_targets(std::uint32_t sentence_begin, std::uint32_t tb, std::uint32_t te, Relation cue_relation,
                              const std::vector<std::uint32_t>& letdown_words, std::vector<int>& targets) {
  Relation found = Relation::kStates;
  const std::uint32_t from = tb > kLetdownReach ? tb - kLetdownReach : 0;
  const auto first = std::lower_bound(letdown_words.begin(), letdown_words.end(), from);
  for (auto it = first; it != letdown_words.end() && *it < te + kLetdownReach; ++it) {
    const std::uint32_t k = *it;
    if (k + 2 >= doc.tokens.size()) break;
    Relation r = Relation::kCriticises;
    std::uint32_t b = 0;
    if (has_anchor(k, WordClasses::kLetdownWord | WordClasses::kPleasedWord)) {
      // « pas (entièrement) satisfaits de » is a disappointment, « satisfait
      // de » alone is none.
      bool negated = has_anchor(k, WordClasses::kLetdownWord);
      std::uint32_t opens = k;  // where the participle phrase starts
      for (std::uint32_t z = k; z > sentence_begin && z + 3 > k;) {
        // pas du tout, pas entièrement, guère
        const bool adverb = has(--z, WordClasses::kNegation | WordClasses::kAdv) ||
                            (!tags_.empty() && (tags_[z].readings & kPosAdverb));
        if (!adverb && !is_de(z)) break;
        negated |= has(z, WordClasses::kNegation);
        opens = z;
      }
      // Outside the content the phrase is set apart (« Déçue par X, elle
      // a dénoncé … », « …, a-t-elle dit, déçue par X »), not the predicate
      // of another report (« X s'est dit déçu de Y, avant de … »).
      const bool apart = (k >= tb && k < te) || opens == sentence_begin || is_comma(opens - 1);
      if (negated && apart && (has_extra(k + 1, WordClasses::kParWord) || is_de(k + 1))) b = k + 1;
    } else if (has_anchor(k, WordClasses::kExpectVerb)) {
      // « attendre du maire », « de la direction »; not « attendre de voir ».
      // The one something is expected of is called on; a claim whose cue
      // blames (« …, a regretté X ») keeps its own relation.
      if (is_de(k + 1)) b = k + 1;
      r = Relation::kCallsOn;
    } else if (cue_relation == Relation::kCriticises || cue_relation == Relation::kAccuses ||
               cue_relation == Relation::kCallsOn) {
      b = k;  // avec right after a quoted fragment
      r = cue_relation;
    }
    // Outside the content, no other clause nor quotation between; an avec
    // completes a fragment outside it (« Avec le maire, rien ne bouge » in
    // the quotation is no partner of the blame).
    const bool inside = k >= tb && k < te;
    if (b == 0 || (b == k && inside)) continue;
    // The phrase after de, par or avec (du ministre: ministre).
    const std::uint32_t start = b + 1;
    std::uint32_t limit = inside ? te : (k < tb ? tb : static_cast<std::uint32_t>(doc.tokens.size()));
    if (!inside && k < tb && limit > 0 && tok(limit - 1).kind == TokenKind::kQuoteMark) --limit;
    if (start >= limit) continue;
    Np np = np_forward(start, limit, true);
    // « des annonces du gouvernement »: a noun that is also a verb form
    // (annonces) needs its article to open the phrase.
    if (!np.valid() && b != k && has(b, WordClasses::kDet)) np = np_forward(b, limit, true);
    if (!np.valid()) continue;
    if (!inside) {
      std::uint32_t a = k < tb ? np.end : te, z = k < tb ? limit : k;
      while (a < z && (tok(a).kind == TokenKind::kQuoteMark || is_punct(a)) && k >= te) ++a;
      if (!same_clause(a, z)) continue;
    }
    int m = deed_or_entity_target(np.begin, np.end);
    // Let down by what someone did or said: its author after de (« déçus
    // des annonces du gouvernement », « de l'attitude du maire »).
    for (std::uint32_t j = np.begin + 1; m == kNone && b != k && j + 1 < np.end && j < np.begin + 4; ++j)
      if (is_de(j)) {
        const Np author = np_forward(j + 1, np.end, true);
        if (author.valid()) m = target_mention(author.begin, author.end);
      }
    if (m == kNone) continue;
    if (out.mentions[m].pronoun) {
      if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
      continue;
    }
    targets.push_back(m);
    found = r;
  }
  return found;
}

bool Run::imperative_at(std::uint32_t k, std::uint32_t tb) const {
  static constexpr std::string_view kImperativeEnding = "ez";
  if (tok(k).kind != TokenKind::kWord || tags_.empty() ||
      !(k == tb || is_punct(k - 1) || tok(k - 1).kind == TokenKind::kQuoteMark))
    return false;
  // « Écoutez-nous » keeps its pronoun after the hyphen.
  std::string_view w = tok(k).lower;
  w = w.substr(0, w.find('-'));
  return w.size() > kImperativeEnding.size() + 2 &&
         w.compare(w.size() - kImperativeEnding.size(), kImperativeEnding.size(), kImperativeEnding) == 0 &&
         (tags_[k].readings & (kPosFiniteVerb | kPosUnknown)) &&
         !(tags_[k].readings & (kPosProperNoun | kPosSurname | kPosGivenName)) &&
         !has(k, WordClasses::kPrep | WordClasses::kAdv);
}

namespace {

// Whether word `w` holds the subject of the second person after its verb,
// joined by a hyphen: « Avez-vous menti ? », « Veux-tu m'affronter ? »
// (what follows the last hyphen is a subject pronoun of the second person:
// subj12 and person2 in words.tsv).
bool inverted_second_person(const WordClasses& words, std::string_view w) {
  const std::size_t h = w.rfind('-');
  if (h == std::string_view::npos || h < 2 || h + 1 >= w.size()) return false;
  const std::string_view tail = w.substr(h + 1);
  return words.has(tail, WordClasses::kSubj12) && words.has_extra(tail, WordClasses::kSecondPerson);
}

}  // namespace

bool Run::addressed_content(std::uint32_t tb, std::uint32_t te) const {
  // The shortest title spelt out (madame): « M. » before a name is cut by
  // its full stop and is no vocative.
  static constexpr std::size_t kTitleBytes = 6;
  for (std::uint32_t k = tb; k < te; ++k) {
    if (has_extra(k, WordClasses::kSecondPerson) || imperative_at(k, tb)) return true;
    // « Ça suffit madame ! », « Monsieur, … »: a title alone, no name
    // after it, no determiner or preposition before it, closed by
    // punctuation, calls on the one it names.
    const bool closed = k + 1 >= te || is_punct(k + 1) || tok(k + 1).kind == TokenKind::kQuoteMark;
    if (tok(k).kind == TokenKind::kWord && tok(k).lower.size() >= kTitleBytes && closed && title_of(k) &&
        (k == tb || !has(k - 1, WordClasses::kDet | WordClasses::kPrep)))
      return true;
  }
  return false;
}

bool Run::questioned_content(std::uint32_t tb, std::uint32_t te) const {
  for (std::uint32_t k = tb; k < te; ++k)
    if (inverted_second_person(words, tok(k).lower)) return true;
  return addressed_content(tb, te);
}

namespace {

// The token where the phrase of the one spoken to starts, after the word
// of address at `k` (s'adresser à, se tourner vers, une lettre ouverte à,
// one adjective between; à l'adresse de, à l'intention de, à l'égard de,
// en direction de), or 0 when none follows it before `end`.
std::uint32_t after_address_word(const Run& run, std::uint32_t k, std::uint32_t end) {
  if (!run.has_anchor(k, WordClasses::kAddressWord) || run.has(k, WordClasses::kPrep)) return 0;
  // The locutions « à l'adresse de X », « à l'intention de X », « en
  // direction de X » name the one spoken to after their de.
  const bool locution =
      k > 1 && k + 2 < end && run.is_de(k + 1) &&
      ((run.has_extra(k - 1, WordClasses::kElision) && run.has_extra(k - 2, WordClasses::kAForm)) ||
       run.has_extra(k - 1, WordClasses::kEnWord));
  if (locution) return k + 2;
  std::uint32_t p = k + 1;
  if (p + 1 < end && run.tok(p).kind == TokenKind::kWord && !run.has(p, WordClasses::kPrep | WordClasses::kDet) &&
      !run.has_anchor(p, WordClasses::kAddressWord))
    ++p;
  return p + 1 < end && (run.has_extra(p, WordClasses::kAuForm | WordClasses::kAForm) ||
                         (run.has_anchor(p, WordClasses::kAddressWord) && run.has(p, WordClasses::kPrep)))
             ? p + 1
             : 0;
}

// How many tokens after its cue an inverted subject may start: past a
// role and its complement before the name in apposition (« a lancé le
// président de l'union commerciale, Hervé Picard, à … »).
constexpr std::uint32_t kInvertedSubjectReach = 8;

// Whether the mention `speaker` starts within kInvertedSubjectReach
// tokens from token `p` (before `end`): the inverted subject of the cue
// whose last token is `p`.
bool inverted_speaker_at(const Run& run, std::uint32_t p, int speaker, std::uint32_t end) {
  return speaker != kNone && p < end && run.tok(p).begin <= run.out.mentions[speaker].begin &&
         run.out.mentions[speaker].begin < run.tok(std::min(p + kInvertedSubjectReach, end - 1)).end;
}

// How many words of a manner adjunct after its noun may stand before the
// one spoken to (« d'un ton très menaçant au responsable »).
constexpr std::uint32_t kMannerAdjunctWords = 3;

// Past the manner adjunct that opens at `p` (« lance le maire d'un ton
// menaçant au responsable »): the token after its noun and adjectives,
// at the first à, au, aux or punctuation; `p` when none opens there.
std::uint32_t past_manner_adjunct(const Run& run, std::uint32_t p, std::uint32_t end) {
  if (!run.manner_adjunct(p, end)) return p;
  std::uint32_t q = p + 3;
  while (q < end && q < p + 3 + kMannerAdjunctWords && run.tok(q).kind == TokenKind::kWord &&
         !run.has_extra(q, WordClasses::kAuForm | WordClasses::kAForm))
    ++q;
  return q;
}

// The token after the à, au or aux that follows a neutral cue `h` (past
// its inverted subject, the mention `speaker`, and the comma that closes
// its apposition), or 0: « a lancé Paul Roux au maire », « lance-t-il à
// la ministre », « a dit le président de l'association, Luc Perrin, à
// Mme Vasseur », « a lancé au maire Paul Roux ».
std::uint32_t after_cue_dative(const Run& run, const CueHit& h, int speaker, std::uint32_t end) {
  // A verb of reply reads its own à right after it (répondre à X); past
  // its inverted subject (« a rétorqué le maire au promoteur ») only this
  // reading finds the one answered.
  const bool reply = h.entry->relation == Relation::kRespondsTo && h.entry->target == TargetSlot::kIndirect;
  if (!reply && (h.entry->target != TargetSlot::kNone || h.entry->relation != Relation::kStates)) return 0;
  std::uint32_t p = h.last;
  // « … », a lancé au maire le député X: the dative may come before the
  // inverted subject.
  if (!reply && p + 1 < end && run.has_extra(p, WordClasses::kAuForm | WordClasses::kAForm) &&
      inverted_speaker_at(run, p, speaker, end) && run.tok(p + 1).begin < run.out.mentions[speaker].begin)
    return p + 1;
  if (inverted_speaker_at(run, p, speaker, end)) {
    p = run.tok_of(run.out.mentions[speaker].end - 1) + 1;
    if (p + 1 < end && run.is_comma(p)) ++p;
    p = past_manner_adjunct(run, p, end);
  } else if (reply) {
    return 0;
  }
  return p + 1 < end && run.has_extra(p, WordClasses::kAuForm | WordClasses::kAForm) ? p + 1 : 0;
}

// For an incise inside a quotation (a neutral cue `h` after a comma), the
// token after the à, au or aux that follows its inverted subject, read as
// a noun phrase right after the verb, with a name in apposition between
// commas, or 0: « « Vous avez menti, a lancé Karim Haddad à M. Fabre. … » ».
// The pass may not have given the claim that subject as its speaker yet
// (the dialogue pass sets it from the incise), so the phrase is read here.
std::uint32_t after_incise_dative(const Run& run, const CueHit& h, std::uint32_t end) {
  if (h.entry->target != TargetSlot::kNone || h.entry->relation != Relation::kStates) return 0;
  std::uint32_t p = h.verb + 1;
  if (p >= end || !(run.is_name_word(p) || run.has(p, WordClasses::kDet) || run.title_of(p))) return 0;
  const Np subject = run.np_forward(p, end, true);
  if (!subject.valid()) return 0;
  p = subject.end;
  if (p + 1 < end && run.is_comma(p) && run.is_name_word(p + 1)) {
    std::uint32_t e = p + 1;
    while (e < end && run.is_name_word(e)) ++e;
    if (e + 1 < end && run.is_comma(e)) p = e + 1;
  }
  p = past_manner_adjunct(run, p, end);
  return p + 1 < end && run.has_extra(p, WordClasses::kAuForm | WordClasses::kAForm) ? p + 1 : 0;
}

}  // namespace

namespace {

// The end of the phrase that starts at `b`: the first punctuation or
// quotation mark, or the content's start `tb`. The full stop of an
// abbreviated courtesy title (« à M. Girard ») ends nothing.
std::uint32_t phrase_limit(const Run& run, std::uint32_t b, std::uint32_t tb, std::uint32_t sentence_end) {
  std::uint32_t limit = b;
  while (limit < sentence_end && limit != tb && run.tok(limit).kind != TokenKind::kQuoteMark) {
    if (limit > b && run.is(limit, ".") && run.title_of(limit - 1)) {
      // The segmenter may have ended a sentence there: the name that
      // follows belongs to the phrase all the same.
      if (limit + 1 == sentence_end && sentence_end < run.doc.tokens.size())
        sentence_end = run.doc.sentences[run.doc.sentence_at(run.tok(sentence_end).begin)].token_end;
    } else if (run.is_punct(limit)) {
      break;
    }
    ++limit;
  }
  return limit;
}

// The one spoken to, named by the phrase at `b` (see addressee_targets),
// or kNone: a person (one with a role or a courtesy title when
// `titled`), or a group or
// institution by its common noun (la majorité, le gouvernement); not an
// audience, a named organisation (most often the medium: à l'AFP) nor a
// people (the nation a speech is made to). A name in apposition after a
// comma names the person (« au ministre de l'Agriculture, Gérald Lamy »).
int addressee_at(Run& run, std::uint32_t b, std::uint32_t limit, std::uint32_t sentence_end, bool titled) {
  const Np np = run.np_forward(b, limit, true);
  if (!np.valid()) return kNone;
  for (std::uint32_t z = np.begin; z < np.end; ++z)
    if (run.has_anchor(z, WordClasses::kAudienceNoun)) return kNone;
  const int m = run.slot_target_mention(np.begin, np.end);
  if (m == kNone) return kNone;
  const MentionInfo& mi = run.out.mentions[m];
  const bool by_role = (mi.type == EntityType::kGroup || mi.type == EntityType::kOrganization) && mi.name.empty() &&
                       !mi.role_head.empty() && mi.state.empty();
  // A courtesy title (M., Mme) tells a person as well as a role does: « a
  // lancé X à M. Girard » speaks to him, where « à France Bleu » names a
  // medium.
  const bool person =
      mi.type == EntityType::kPerson && (!titled || !mi.role_head.empty() || run.title_of(np.begin).has_value());
  if (mi.pronoun || !(person || by_role)) {
    if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
    return kNone;
  }
  if (np.end + 1 >= sentence_end) return m;
  return run.apposed_person(m, np.end, phrase_limit(run, np.end + 1, sentence_end, sentence_end));
}

}  // namespace

int Run::turned_to_at(std::uint32_t k, std::uint32_t limit, std::uint32_t sentence_end) {
  std::uint32_t b = 0;
  if (has_anchor(k, WordClasses::kAddressVerb)) {
    // « s'interroge » wonders; « l'apostrophe du maire » is a noun.
    if (k > 0 && (has(k - 1, WordClasses::kDet) || has_extra(k - 1, WordClasses::kSeForm)))
      return kNone;
    b = skip_adverbs(k + 1, limit);
    if (b >= limit || !(has(b, WordClasses::kDet) || is_name_word(b) || title_of(b))) return kNone;
  } else {
    b = after_address_word(*this, k, limit);
  }
  if (b == 0 || b >= limit) return kNone;
  return addressee_at(*this, b, phrase_limit(*this, b, limit, sentence_end), sentence_end, false);
}

bool Run::addressee_targets(std::uint32_t sentence_begin, std::uint32_t sentence_end, std::uint32_t tb,
                            std::uint32_t te, int speaker, std::vector<int>& targets, bool* spoken_to) {
  if (!questioned_content(tb, te)) return false;
  // The phrase must stand in the claim's clause (same_clause below), so
  // it is looked for within kAddressReach tokens of the content only: a
  // sentence of thousands of reports would otherwise be read whole for
  // each of its claims.
  const std::uint32_t from_token = std::max(sentence_begin, tb > kAddressReach ? tb - kAddressReach : 0U);
  const std::uint32_t to_token = std::min(sentence_end, te + kAddressReach);
  // Where each phrase of one spoken to starts, and whether it follows a
  // neutral cue (a person there needs a role: « a confié X à France
  // Bleu » names a medium).
  std::vector<std::pair<std::uint32_t, bool>> starts;
  for (std::uint32_t k = from_token; k + 2 < to_token; ++k)
    if ((k < tb || k >= te) && after_address_word(*this, k, sentence_end) != 0)
      starts.emplace_back(after_address_word(*this, k, sentence_end), false);
  // An incise inside the quotation (« « Vous avez menti, a lancé X à M.
  // Girard. Vous … » ») stands within the content's span until the
  // quotation is cut at it: a cue after a comma, its inverted subject and
  // the phrase after its à belong to the claim's report.
  std::uint32_t incise_phrase = 0;
  for (const CueHit& h : find_cues(from_token, to_token)) {
    if (h.verb < tb || h.verb >= te) {
      if (const std::uint32_t b = after_cue_dative(*this, h, speaker, sentence_end); b != 0)
        starts.emplace_back(b, true);
    } else if (h.first > tb && is_comma(h.first - 1)) {
      if (const std::uint32_t b = after_incise_dative(*this, h, sentence_end); b != 0)
        starts.emplace_back(incise_phrase = b, true);
    }
  }
  const std::size_t count = targets.size();
  for (const auto& [b, after_cue] : starts) {
    if (b >= tb && b < te && b != incise_phrase) continue;
    // The phrase belongs to the claim's clause.
    const std::uint32_t limit = phrase_limit(*this, b, tb, sentence_end);
    std::uint32_t from = b < tb ? limit : te, to = b < tb ? tb : b;
    while (from < to && tok(from).kind == TokenKind::kQuoteMark) ++from;
    while (to > from && tok(to - 1).kind == TokenKind::kQuoteMark) --to;
    if (!same_clause(from, to)) continue;
    if (spoken_to != nullptr) *spoken_to = true;
    if (const int m = addressee_at(*this, b, limit, sentence_end, after_cue); m != kNone) targets.push_back(m);
  }
  return targets.size() > count;
}

bool Run::summoned_at(std::uint32_t v, std::uint32_t te) const {
  if (v >= te || !has(v, WordClasses::kAux)) return false;
  if (!has_extra(v, WordClasses::kPassiveEtre)) return false;
  std::uint32_t p = skip_adverbs(v + 1, te);
  if (p < te && has_grammar(p, WordClasses::kEteWord)) p = skip_adverbs(p + 1, te);
  if (p + 1 >= te || !(has_extra(p + 1, WordClasses::kAForm) || is_de(p + 1))) return false;
  for (const CueForm& f : forms(p))
    if (f.form == VerbForm::kPastParticiple && f.entry->relation == Relation::kCallsOn) return true;
  return false;
}

namespace {

// How many words after the infinitive of devoir a date is looked for.
constexpr std::uint32_t kScheduleWords = 10;

// How many words before its que the de phrase of the one a demand asks
// may start (« de la direction générale de Michelin qu' »).
constexpr std::uint32_t kAddresseeWords = 9;

// Whether devoir before its infinitive at `p` tells a guess, not a duty:
// an auxiliary infinitive with its participle (« il doit avoir oublié »,
// « elle doit être partie »), or an impersonal clause (« il doit être
// possible de … », « il doit être clair que … »).
bool devoir_of_guess(const Run& run, std::uint32_t p, std::uint32_t te) {
  if (p + 1 >= te || !run.has_grammar(p, WordClasses::kAuxInfinitive)) return false;
  if (run.tags_[p + 1].readings & kPosPastParticiple) return true;
  return p + 2 < te && (run.is_de(p + 2) || run.has_extra(p + 2, WordClasses::kQueForm));
}

}  // namespace

bool Run::obliged_at(std::uint32_t v, std::uint32_t te) const {
  // « Le gouvernement n'a qu'à retirer son texte »: ne avoir qu'à +
  // infinitive tells the subject what it need only do, a demand.
  if (v > 0 && v + 3 < te && has(v, WordClasses::kAux) && has_extra(v - 1, WordClasses::kNeForm) && is_que(v + 1) &&
      has_extra(v + 2, WordClasses::kAForm) && is_infinitive_like(v + 3, te))
    return true;
  if (v >= te || !has_grammar(v, WordClasses::kObligationVerb)) return false;
  // « ne doit pas céder », « doit désormais rendre des comptes »: the
  // negation and adverbs between devoir and its infinitive.
  std::uint32_t p = v + 1;
  while (p < te && (has(p, WordClasses::kNegation) || has_grammar(p, WordClasses::kNegationWord))) ++p;
  p = skip_adverbs(p, te);
  // « Le club se doit de rembourser les abonnés »: the pronominal se
  // devoir de + infinitive is the same duty.
  if (p + 1 < te && is_de(p) && v > 0 && has_extra(v - 1, WordClasses::kSeForm)) ++p;
  // « il doit s'agir d'une erreur », « il doit y avoir un malentendu »:
  // an impersonal infinitive has no subject to put the duty on.
  if (impersonal_verb_at(p, te)) return false;
  if (!is_infinitive_like(p, te) || devoir_of_guess(*this, p, te)) return false;
  // « Le ministre doit se rendre jeudi à Dakar »: with a date in its
  // clause, devoir tells a schedule, no duty.
  for (std::uint32_t z = p + 1; z < te && z < p + kScheduleWords && !is_punct(z); ++z)
    if (has(z, WordClasses::kTime) && !has(z, WordClasses::kDet)) return false;
  return true;
}

bool Run::impersonal_verb_at(std::uint32_t p, std::uint32_t te) const {
  if (p >= te) return false;
  if (p + 1 < te) {
    std::string pair(tok(p).lower);
    pair += ' ';
    pair += tok(p + 1).lower;
    if (words.has(pair, WordClasses::kImpersonal)) return true;
  }
  // The clitics y and se make a verb impersonal only with their verb, a
  // pair above.
  return has(p, WordClasses::kImpersonal) && !has(p, WordClasses::kObj);
}

bool Run::impersonal_il_at(std::uint32_t k, std::uint32_t te) const {
  if (k >= te || !has_grammar(k, WordClasses::kIlWord)) return false;
  std::uint32_t n = k + 1;
  if (n < te && has_extra(n, WordClasses::kNeForm)) ++n;
  if (impersonal_verb_at(n, te)) return true;
  // A verb that raises its infinitive's subject (devoir, pouvoir, aller,
  // risquer de, commencer à) keeps the impersonal il of that infinitive,
  // past a negation, adverbs and the de or à of the infinitive. Not a
  // verb of saying or thinking, whose infinitive is its subject's own
  // (« il affirme y avoir assisté »).
  if (n >= te || tok(n).kind != TokenKind::kWord || !forms(n).empty()) return false;
  std::uint32_t p = n + 1;
  while (p < te && (has(p, WordClasses::kNegation) || has_grammar(p, WordClasses::kNegationWord))) ++p;
  p = skip_adverbs(p, te);
  if (p < te && (is_de(p) || has_extra(p, WordClasses::kAForm))) ++p;
  return impersonal_verb_at(p, te);
}

bool Run::demand_word_at(std::uint32_t n, std::uint32_t lo) const {
  if (n <= lo || !has_grammar(n, WordClasses::kNecessityWord)) return false;
  std::uint32_t s = n - 1;
  if (s > lo && has_extra(s, WordClasses::kNeForm)) --s;
  // The verb has its subject (il faut, nous demandons, j'exige), the
  // adjective its être (il est urgent); a noun has its determiner (le
  // temps que …) and asks for nothing.
  return has(s, WordClasses::kSubj | WordClasses::kPerson12 | WordClasses::kEtreForm);
}

bool Run::demanded_by_que(std::uint32_t q, std::uint32_t lo) const {
  if (q <= lo + 1 || !has_extra(q, WordClasses::kQueForm)) return false;
  // « il ne faut surtout pas que », « il est vraiment urgent que ».
  std::uint32_t n = q;
  while (n > lo + 1 && (has(n - 1, WordClasses::kNegation | WordClasses::kAdv) ||
                        has_grammar(n - 1, WordClasses::kNegationWord)))
    --n;
  return demand_word_at(n - 1, lo) || demand_addressee_before(q, lo).valid();
}

Np Run::demand_addressee_before(std::uint32_t q, std::uint32_t lo) const {
  if (q <= lo + 2 || !has_extra(q, WordClasses::kQueForm)) return Np{};
  // « nous exigeons de la direction qu'elle retire son plan », « j'attends
  // du ministre qu'il tienne parole »: the de phrase between the verb of
  // demand and its que names the one asked. The phrase may hold its own
  // complement (de la direction de Michelin): the first de after the verb
  // opens it.
  for (std::uint32_t d = q > lo + kAddresseeWords ? q - kAddresseeWords : lo + 1; d + 1 < q; ++d) {
    if (!is_de(d) || !demand_word_at(d - 1, lo)) continue;
    // Only a noun phrase up to the que: not « exige de rouvrir … » (du
    // and des hold their article).
    const bool bare_de = !has(d, WordClasses::kDet);
    if (bare_de && !(has(d + 1, WordClasses::kDet) || is_name_word(d + 1))) return Np{};
    const Np np = asked_after_de(d, q + 1);
    return np.end == q ? np : Np{};
  }
  return Np{};
}

Np Run::asked_after_de(std::uint32_t d, std::uint32_t limit) const {
  const Np np = np_forward(d + 1, limit);
  return np.valid() && np.end < limit && is_que(np.end) ? np : Np{};
}

bool Run::jussive_que(std::uint32_t q, std::uint32_t te) const {
  if (!is_que(q) || !(q == 0 || tok(q - 1).kind == TokenKind::kQuoteMark || is(q - 1, ".") || is(q - 1, "!") ||
                      is(q - 1, "?")))
    return false;
  for (std::uint32_t z = q + 1; z < te; ++z) {
    if (is(z, "!")) return true;
    if (is(z, ".") || is(z, "?") || is(z, ";") || is_comma(z)) return false;
  }
  return false;
}

Np Run::duty_holder_at(std::uint32_t v, std::uint32_t te) const {
  const bool duty_verb = v > 0 && has_extra(v, WordClasses::kDutyWord) && has_grammar(v - 1, WordClasses::kIlWord);
  const bool c_est = v > 0 && has(v, WordClasses::kEtreForm) && has_grammar(v - 1, WordClasses::kDemonstrativePronoun);
  if (!(duty_verb || c_est) || v + 2 >= te || !has_extra(v + 1, WordClasses::kAuForm | WordClasses::kAForm))
    return Np{};
  // The holder ends at the de of its infinitive: « au conseil municipal
  // de voter », not at the de of a complement (« au ministre de
  // l'Intérieur de trancher »).
  const Np np = np_forward(v + 2, te, true);
  for (std::uint32_t d = v + 3; d + 1 < te && d <= np.end; ++d)
    if (is_de(d) && is_infinitive_like(d + 1, te)) return Np{v + 2, d};
  return Np{};
}

}  // namespace quotegraph::detail

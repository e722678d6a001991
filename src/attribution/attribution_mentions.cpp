// Noun phrases read forwards and backwards, mentions with their name,
// role, state and gender, appositions, subjects before and after a verb,
// and pronouns resolved to the most salient compatible mention.
#include "attribution_run.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace quotegraph::detail {

namespace {

// The past participle endings of -er verbs, the commonest in reports
// (publié, publiée, publiés, publiées: gender and number agreement).
constexpr std::string_view kFirstGroupParticipleEndings[] = {"é", "ée", "és", "ées"};

// The participle of the impersonal passive of writing or saying that the
// subject il at token `i` opens, or 0 when `i` is no such il: « Sur le mur,
// il était écrit : « … » », « Dans le texte, il est précisé que … », « il a
// été noté que ». That il names no one. Only before the content (a colon,
// que, a quotation mark), past a place phrase at most: « il est marqué par
// la guerre » has an agent, and il is a person.
std::uint32_t impersonal_participle(const Run& run, std::uint32_t i) {
  if (!run.has_grammar(i, WordClasses::kIlWord)) return 0;
  const std::uint32_t end = run.doc.sentences[run.doc.sentence_at(run.tok(i).begin)].token_end;
  std::uint32_t k = i + 1;
  if (k < end && run.has_extra(k, WordClasses::kNeForm)) ++k;  // il n'est pas écrit
  if (k < end && run.has(k, WordClasses::kEtreForm)) {
    ++k;
  } else if (k + 1 < end && run.has(k, WordClasses::kAux) && run.has_grammar(k + 1, WordClasses::kEteWord)) {
    k += 2;  // il a été précisé
  } else {
    return 0;
  }
  k = run.skip_adverbs(k, end);
  if (k >= end || !run.has_grammar(k, WordClasses::kImpersonalPassive)) return 0;
  constexpr std::uint32_t kMaxPlacePhrase = 8;  // dans le règlement intérieur du club
  for (std::uint32_t q = k + 1; q < end && q <= k + kMaxPlacePhrase; ++q) {
    if (run.tok(q).lower == ":" || run.is_que(q) || run.tok(q).kind == TokenKind::kQuoteMark) return k;
    if (run.has_extra(q, WordClasses::kParWord) || (run.tags_[q].pos & kPosFiniteVerb) ||
        (run.is_punct(q) && !run.is_comma(q)))
      return 0;
  }
  return 0;
}

}  // namespace

Np Run::np_forward(std::uint32_t i, std::uint32_t end, bool allow_complements) const {
  Np np{i, i};
  std::uint32_t k = i;
  Gender pronoun_gender;
  bool pronoun_plural;
  if (k < end && tok(k).kind == TokenKind::kWord &&
      words.subject(tok(k).lower, pronoun_gender, pronoun_plural)) {
    return Np{i, i + 1};
  }
  // "selon certains", "plusieurs ont estimé": a determiner standing alone.
  if (k < end && has(k, WordClasses::kStandalone) && (k + 1 >= end || is_punct(k + 1))) return Np{i, i + 1};
  if (k < end && (has(k, WordClasses::kDet) || title_of(k) || indefinite_de(k, end))) {
    ++k;
    if (k < end && tok(k).lower == ".") ++k;  // M.
  }
  std::uint32_t words_in = 0;
  while (k < end && words_in < kMaxNpTokens) {
    // A finite verb ends the phrase: "Fillon parle", "le candidat semble";
    // so does a form that is also a noun where the tagger reads it as the
    // verb of the noun before it ("La juge hausse le ton").
    if (k > i && (tags_[k].pos & kPosFiniteVerb) && !tok(k).capitalized &&
        (!(tags_[k].readings & (kPosNoun | kPosProperNoun)) || (tags_[k - 1].pos & (kPosNoun | kPosProperNoun))))
      break;
    // An object clitic that is no article opens the verb group: « Clarimonde
    // me regarda », « Le maire nous a dit ».
    if (k > i && has(k, WordClasses::kObj) && !has(k, WordClasses::kDet) && !is_name_word(k)) break;
    if (k > i && opens_next_phrase(k, end)) break;
    // Right after a determiner a verb form is a noun: la presse, la critique.
    // A compound noun of our lexicons keeps its preposition: le metteur en
    // scène, l'aide à domicile.
    bool after_det = k > i && has(k - 1, WordClasses::kDet) && tok(k).kind == TokenKind::kWord &&
                     !has(k, WordClasses::kDet | WordClasses::kPrep | WordClasses::kAux);
    if (participle_after_name(i, k)) break;
    if (k > i && has(k, WordClasses::kPrep) && !is_de(k) && inside_speaking_compound(k, end)) {
      const std::uint32_t compound_end = speaking_noun_end(k - 1, end);
      words_in += compound_end - k;
      k = compound_end;
      continue;
    }
    if (is_name_word(k) || after_det ||
        (is_np_word(k) && !has(k, WordClasses::kPrep | WordClasses::kTime | WordClasses::kAdv))) {
      ++k;
      ++words_in;
      continue;
    }
    const std::uint32_t next = np_joint_end(i, k, end, words_in > 0 && allow_complements);
    if (next == k) break;
    k = next;
  }
  // A phrase does not end on a preposition or determiner.
  while (k > i && (has(k - 1, WordClasses::kDet | WordClasses::kPrep) && !is_name_word(k - 1))) --k;
  np.end = k;
  return np;
}

bool Run::opens_next_phrase(std::uint32_t k, std::uint32_t end) const {
  // No article or numeral follows the head noun or the name inside one
  // phrase: after them it opens the next one (« demandaient à M. de
  // Faverges l'honneur de … », « a expliqué à la presse deux élus »), as
  // ends_phrase_backwards reads it; de, au, a quantifier (le gouvernement
  // tout entier) and a capitalised article of a name (Marine Le Pen) stay.
  const Token& t = tok(k);
  if (t.kind != TokenKind::kWord || t.capitalized || is_de(k) || has_extra(k, WordClasses::kAuForm) ||
      has(k, WordClasses::kQuantifier))
    return false;
  const bool opener = has(k, WordClasses::kDet) || (!tags_.empty() && (tags_[k].pos & kPosNumber));
  // A compound of our lexicons keeps its numeral: le numéro deux.
  if (!opener || speaking_noun_end(k - 1, end) > k) return false;
  if (is_name_word(k - 1)) return true;
  return !tags_.empty() && tags_[k - 1].pos == kPosNoun && tok(k - 1).kind == TokenKind::kWord &&
         !has(k - 1, WordClasses::kDet | WordClasses::kPrep) && !is_de(k - 1) && !title_of(k - 1);
}

bool Run::indefinite_de(std::uint32_t k, std::uint32_t end) const {
  // Before an adjective that precedes its noun, the plural indefinite
  // article des is written de, d' (de nombreux élus, d'anciens salariés,
  // de jeunes militants): an article, not a complement.
  return !tags_.empty() && is_bare_de(k) && k + 2 < end && (tags_[k + 1].readings & kPosAdjective) &&
         (tags_[k + 2].readings & kPosNoun) && !tok(k + 1).capitalized;
}

bool Run::manner_adjunct(std::uint32_t k, std::uint32_t end) const {
  return k + 2 < end && is_bare_de(k) && has_extra(k + 1, WordClasses::kIndefHead) &&
         has_anchor(k + 2, WordClasses::kMannerNoun);
}

bool Run::participle_after_name(std::uint32_t i, std::uint32_t k) const {
  // A past participle after a name starts a modifier, not the name:
  // "la Cour des comptes publié mercredi".
  bool named_so_far = false;
  for (std::uint32_t z = i; z < k && !named_so_far; ++z) named_so_far = is_name_word(z);
  if (!(k > i && named_so_far && tok(k).kind == TokenKind::kWord && !tok(k).capitalized &&
        !has(k - 1, WordClasses::kDet)))
    return false;
  const std::string_view w = tok(k).lower;
  return std::any_of(std::begin(kFirstGroupParticipleEndings), std::end(kFirstGroupParticipleEndings),
                     [&](std::string_view suf) {
                       return w.size() > suf.size() + 2 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
                     });
}

std::uint32_t Run::np_joint_end(std::uint32_t i, std::uint32_t k, std::uint32_t end, bool complements) const {
  // Courtesy title inside: le Premier ministre M. X.
  if (tok(k).lower == "." && k > i && title_of(k - 1)) return k + 1;
  // Complements: de/du/des/d' + phrase; au/aux + a state (ambassadeur
  // de Russie aux États-Unis).
  if (complements && k + 1 < end && is_de(k) && !manner_adjunct(k, end) &&
      (is_name_word(k + 1) || (is_np_word(k + 1) && !is_infinitive_like(k + 1, end)) ||
       has(k + 1, WordClasses::kDet))) {
    ++k;
    if (k < end && has(k, WordClasses::kDet)) ++k;
    return k;
  }
  if (complements && k + 1 < end && has_extra(k, WordClasses::kAuForm) && is_name_word(k + 1) &&
      state_or_seat(tok(k + 1).lower))
    return k + 1;
  // A participle or adjective after the noun keeps its complement in à:
  // des syndicats opposés au texte, les élus favorables à la réforme. The
  // adjective of a compound role (roles.tsv: avocat général, procureur
  // général), no participle, takes no complement of persons: that à names
  // the one spoken to (« a lancé l'avocat général aux accusés », « a répondu
  // le directeur général à la salariée »); « le ministre délégué aux Sports »
  // keeps its own.
  auto role_adjective_before_persons = [&] {
    if (tags_[k - 1].readings & kPosPastParticiple) return false;
    const Role* compound = cache.role(std::string(tok(k - 2).lower) + " " + std::string(tok(k - 1).lower));
    if (!compound || compound->type != EntityType::kPerson) return false;
    std::uint32_t h = k + 1;
    if (h < end && has(h, WordClasses::kDet)) ++h;
    return h < end && tok(h).kind == TokenKind::kWord && !tok(h).capitalized && speaking_noun_end(h, end) > h;
  };
  if (complements && k >= i + 2 && k + 1 < end && has_extra(k, WordClasses::kAForm | WordClasses::kAuForm) &&
      !tok(k - 1).capitalized && (tags_[k - 1].readings & (kPosPastParticiple | kPosAdjective)) &&
      (tags_[k - 2].pos & (kPosNoun | kPosAdjective)) && (has(k + 1, WordClasses::kDet) || is_np_word(k + 1)) &&
      !is_infinitive_like(k + 1, end) && !role_adjective_before_persons())
    return k + 1;
  // Particles inside a name: Noël Le Graët, Ursula von der Leyen, Thomas
  // van der Berg; the marks of initials: J.-L. Martin.
  if (k > i && is_name_word(k - 1) && k + 1 < end &&
      ((tok(k).capitalized && has(k, WordClasses::kCapParticle) && is_name_word(k + 1)) ||
       (has(k, WordClasses::kParticle) && particles_before_name(k, end))))
    return k + 1;
  if (k > i && initial_mark(k)) return k + 1;
  // After a courtesy title, de and d' are the particle of the name that
  // follows, not a complement: Mme de Montfort, M. d'Harcourt.
  const bool after_title = k > i && (title_of(k - 1) || (tok(k - 1).lower == "." && k >= i + 2 && title_of(k - 2)));
  if (after_title && is_bare_de(k) && k + 1 < end && is_name_word(k + 1)) return k + 1;
  return k;
}

bool Run::particles_before_name(std::uint32_t k, std::uint32_t end) const {
  // A name's particles come one or two together before its last word:
  // van der Berg, van den Broek, von der Leyen, ben Ali, al-Assad.
  for (std::uint32_t j = k + 1; j < end && j < k + 3; ++j) {
    if (is_name_word(j)) return true;
    if (!has(j, WordClasses::kParticle)) return false;
  }
  return false;
}

bool Run::np_has_content(const Np& np) const {
  if (np.end == np.begin + 1 && has(np.begin, WordClasses::kStandalone)) return true;
  for (std::uint32_t k = np.begin; k < np.end; ++k)
    if (tok(k).kind == TokenKind::kWord && !has(k, WordClasses::kDet | WordClasses::kPrep)) return true;
  return false;
}

bool Run::opens_run_on_sentence(std::uint32_t p, std::uint32_t end) const {
  // An article written with a capital right after a word, before a
  // lower-case noun, opens a sentence whose full stop is missing, as after a
  // live blog's headline: « … après le discours de Macron La candidate … ».
  // Titles keep their capitals on the noun: le journal Le Monde, Marine Le Pen.
  if (p == 0 || p + 1 >= end || !tok(p).capitalized || !has(p, WordClasses::kDet)) return false;
  const Token& after = tok(p + 1);
  return tok(p - 1).kind == TokenKind::kWord && after.kind == TokenKind::kWord && !after.capitalized;
}

Np Run::np_backward(std::uint32_t end, std::uint32_t sentence_begin) const {
  std::uint32_t k = end;
  std::uint32_t n = 0;
  while (k > sentence_begin && n < kMaxNpTokens) {
    std::uint32_t p = k - 1;
    const Token& t = tok(p);
    bool ok = false;
    if (t.kind == TokenKind::kWord) {
      if (is_name_word(p) || has(p, WordClasses::kDet) || is_de(p) || is_np_word(p)) ok = true;
      // The participle of a compound tense ends it: a qualifié, a reçu | les élus.
      if (p > sentence_begin && has(p - 1, WordClasses::kAux) &&
          (!forms(p).empty() || (tags_[p].pos & kPosPastParticiple)))
        ok = false;
      // A finite verb ends a phrase read backwards too: « La juge hausse le
      // ton : » is a clause, not a phrase (the tagger reads a form after an
      // article as a noun: la critique).
      if ((tags_[p].pos & kPosFiniteVerb) && !t.capitalized && !has(p, WordClasses::kAux)) ok = false;
      // After an article or "de" a verb form is a noun: de presse, la critique.
      if (!ok && p > sentence_begin && (has(p - 1, WordClasses::kDet) || is_de(p - 1)) &&
          !has(p, WordClasses::kDet | WordClasses::kPrep | WordClasses::kAux))
        ok = true;
      if (has_extra(p, WordClasses::kEtWord) && p > sentence_begin && p + 1 < end &&
          (is_name_word(p - 1) || is_np_word(p - 1)) &&
          (is_name_word(p + 1) || has(p + 1, WordClasses::kDet) || is_np_word(p + 1)))
        ok = true;  // Moscou et Washington, des politiciens et militants
      if (has_extra(p, WordClasses::kAuForm)) ok = true;
      if (ends_phrase_backwards(p, end)) ok = false;  // puis | son adjoint, la réunion | le délégué
      if (has(p, WordClasses::kTime) && !t.capitalized && !has(p, WordClasses::kDet)) ok = false;
      // A subject pronoun ("il", or "Il" opening the sentence).
      if (has(p, WordClasses::kSubj) && (!t.capitalized || p == sentence_begin || is_punct(p - 1))) {
        if (k == end) return Np{p, end};  // a pronoun subject
        ok = false;
      }
      if (has(p, WordClasses::kAdv) && !has(p, WordClasses::kDet) && !is_de(p) && !is_name_word(p)) ok = false;
      // An adverb of quantity before de heads the phrase (« Beaucoup de
      // détenus disent que … », « Trop de joueurs ont déploré … »).
      if (has_grammar(p, WordClasses::kQuantityWord) && p + 1 < end && is_bare_de(p + 1)) ok = true;
      // Prepositions other than de/au/aux end a phrase read backwards:
      // "réagissait à | des informations de presse".
      // "l'ambassade de Chine à Paris" keeps its place name.
      // Institution names keep their "pour": le Haut-Commissariat des
      // Nations unies pour les réfugiés. A compound noun of our lexicons
      // keeps its own: le metteur en scène, l'aide à domicile.
      bool named_before = false;
      for (std::uint32_t z = p; z-- > sentence_begin && z + 4 > p;) named_before |= is_name_word(z);
      if (has(p, WordClasses::kPrep) && !has(p, WordClasses::kDet) && !is_de(p) &&
          !has_extra(p, WordClasses::kAuForm) &&
          !(has_extra(p, WordClasses::kAForm) && p + 1 < end && is_name_word(p + 1)) &&
          !(has_extra(p, WordClasses::kPourWord) && named_before))
        ok = false;
      if (has(p, WordClasses::kPrep) && inside_speaking_compound(p, end)) ok = true;
    } else if (t.kind == TokenKind::kNumber) {
      ok = true;
    } else if ((t.lower == "." && p > sentence_begin && title_of(p - 1)) || initial_mark(p)) {
      ok = true;  // M. Durand, J.-L. Martin
    }
    if (!ok) break;
    --k;
    ++n;
    if (opens_run_on_sentence(p, end)) break;
  }
  // Start on a determiner, title or content word, not on "de".
  while (k < end && is_bare_de(k)) ++k;
  while (k < end && has_extra(k, WordClasses::kAuForm | WordClasses::kEtWord)) ++k;
  return Np{k, end};
}

bool Run::ends_phrase_backwards(std::uint32_t p, std::uint32_t end) const {
  // A connector (puis, or, donc) opens the clause: « puis son adjoint
  // Karim Haddad a annoncé ».
  if (tags_[p].pos == kPosCoordination && !has_extra(p, WordClasses::kEtWord)) return true;
  // An article opens its noun phrase: after a noun or a name it starts
  // another one (« En effet le ministère », « Au fil des verres le
  // défunt »), which is the subject. No article follows its head noun
  // inside one phrase; de, à and titles link them (la maison de la
  // culture, M. le maire); a capitalised article belongs to a name
  // (Marine Le Pen); a quantifier after its noun floats in the phrase (le
  // gouvernement tout entier, les ministres tous ensemble).
  const std::uint32_t k = p + 1;
  return k < end && has(k, WordClasses::kDet) && !is_de(k) && !has_extra(k, WordClasses::kAuForm) &&
         !has(k, WordClasses::kQuantifier) &&
         !tok(k).capitalized && tok(p).kind == TokenKind::kWord &&
         (tags_[p].pos == kPosNoun || tags_[p].pos == kPosProperNoun) &&
         !has(p, WordClasses::kDet | WordClasses::kPrep) && !is_de(p) && !title_of(p);
}

int Run::make_mention(std::uint32_t b, std::uint32_t e) {
  MentionInfo m;
  m.begin = tok(b).begin;
  m.end = tok(e - 1).end;
  m.text = to_utf8(doc.slice(m.begin, m.end));
  if (e == b + 1 && read_pronoun(b, m)) {
    const int index = push_mention(std::move(m));
    resolve_pronoun(index);
    return index;
  }
  // Parts: determiner/title, role words, name run (not inside a de-complement).
  const std::uint32_t k = read_determiner_and_title(b, e, m);
  std::uint32_t name_b = 0, name_e = 0;
  find_name_run(b, k, e, name_b, name_e);
  const std::uint32_t role_b = k, role_e = name_e > name_b ? name_b : e;
  if (name_e == name_b + 1 && role_b == name_b) {
    // An acronym stands for the name it was given after: the mention is
    // the organisation's, under the acronym's words.
    if (const MentionInfo* full = acronym_expansion(name_b)) {
      MentionInfo named = *full;
      // The name spelt out is its name, so that the entities meet.
      if (named.name.empty()) named.name = named.role;
      named.begin = m.begin;
      named.end = m.end;
      named.text = std::move(m.text);
      named.antecedent = kNone;
      return push_mention(std::move(named));
    }
  }
  if (name_e > name_b) m.name = text_of(name_b, name_e);
  if (role_e > role_b) read_role(role_b, role_e, m);
  m.state = state_named_in(b, e);
  // The whole phrase names a state or a seat of power: le Quai d'Orsay,
  // la Maison-Blanche, la Fédération de Russie.
  if (const State* s = state_named_by_whole(k, e)) {
    stand_for_state(m, *s);
    m.role_head.clear();
    return push_mention(std::move(m));
  }
  if (names_institution(b, name_b, name_e, k, e, m)) return push_mention(std::move(m));
  // The government or authorities of a state speak for the state.
  if (m.name.empty() && !m.state.empty() && words.has(m.role_head, WordClasses::kStateProxy)) {
    if (const State* st = state_or_seat(fold_utf8(m.state))) {
      stand_for_state(m, *st);
      return push_mention(std::move(m));
    }
  }
  set_mention_type(name_b, name_e, m);
  if (name_e == name_b) {
    if (const int antecedent = epithet_antecedent(b, e); antecedent != kNone) {
      m.pronoun = true;
      m.gender = out.mentions[antecedent].gender;
      m.antecedent = antecedent;
    } else if (const int again = anaphoric_description(b, e, m); again != kNone) {
      m.pronoun = true;
      m.antecedent = again;
    }
  }
  return push_mention(std::move(m));
}

namespace {

// Whether the initials of the content words of tokens [first, end) (no
// article, determiner, preposition or conjunction) come in that order among the letters
// of `acronym` (folded, no accents), the first one first: an acronym read
// as a word keeps them (Anses: Agence nationale de sécurité sanitaire;
// Insee), a place in parentheses does not (la mairie de Villeurbanne
// (Rhône)).
bool initials_within(const Run& run, std::uint32_t first, std::uint32_t end, const std::string& acronym) {
  std::size_t at = 0;
  for (std::uint32_t k = first; k < end; ++k) {
    if (run.tok(k).kind != TokenKind::kWord ||
        run.has(k, WordClasses::kArticle | WordClasses::kDet | WordClasses::kPrep | WordClasses::kConj) || run.is_de(k))
      continue;
    const char initial = strip_accents(run.tok(k).lower).front();
    if (k == first ? acronym.front() != initial : (at = acronym.find(initial, at)) == std::string::npos) return false;
    ++at;
  }
  return true;
}

}  // namespace

const MentionInfo* Run::acronym_expansion(std::uint32_t i) {
  // The name spelt out is read as a mention, which may hold an acronym
  // spelt out further back (« l'Union des associations de l'ONU (UAONU) »),
  // and so on: each step goes back in the text, so the chain ends, but a
  // text can chain thousands of them, each a frame of this recursion.
  // French names hold one or two; past kMaxAcronymDepth the acronym is
  // left unread (and not remembered, so that a shallower reading may
  // still expand it).
  constexpr int kMaxAcronymDepth = 8;
  if (!tok(i).capitalized || acronym_depth_ >= kMaxAcronymDepth) return nullptr;
  if (!acronyms_listed_) {
    // The first time each acronym is written in parentheses.
    for (std::uint32_t p = 1; p + 2 < doc.tokens.size(); ++p)
      if (is(p, "(") && is(p + 2, ")") && tok(p + 1).capitalized) acronym_parentheses_.emplace(tok(p + 1).form, p);
    acronyms_listed_ = true;
  }
  const auto known = acronym_expansions_.find(tok(i).form);
  if (known != acronym_expansions_.end()) return known->second.text.empty() ? nullptr : &known->second;
  MentionInfo expansion;  // no text: none
  const auto written = acronym_parentheses_.find(tok(i).form);
  if (written != acronym_parentheses_.end() && written->second + 1 < i) {
    const std::uint32_t paren = written->second;
    const Np np = np_backward(paren, doc.sentences[doc.sentence_at(tok(paren).begin)].token_begin);
    std::uint32_t first = np.begin;  // the name's first word, past its article
    while (first < np.end && (has(first, WordClasses::kArticle) || has(first, WordClasses::kDet))) ++first;
    // In capitals, the acronym opens as the name does; read as a word
    // (Anses), it keeps the name's initials in order.
    const bool opens_alike = first < np.end && (tok(i).all_caps
                                                    ? strip_accents(tok(first).lower).front() == tok(i).lower.front()
                                                    : initials_within(*this, first, np.end, strip_accents(tok(i).lower)));
    if (np.valid() && np.end == paren && opens_alike) {
      // Read as a mention only to be copied: it leaves the list at once.
      ++acronym_depth_;
      make_mention(np.begin, np.end);
      --acronym_depth_;
      const EntityType type = out.mentions.back().type;
      if (!out.mentions.back().pronoun && (type == EntityType::kOrganization || type == EntityType::kGroup))
        expansion = out.mentions.back();
      out.mentions.pop_back();
    }
  }
  const MentionInfo& kept = acronym_expansions_.emplace(tok(i).form, std::move(expansion)).first->second;
  return kept.text.empty() ? nullptr : &kept;
}

int Run::epithet_antecedent(std::uint32_t b, std::uint32_t e) const {
  // The press names a person again by a definite description: « a réagi
  // l'homme aux 111 sélections », « la femme au chapeau rouge ». Only with a
  // complement in au or aux: « un homme », « l'homme », « la femme du maire »
  // are someone new.
  // The phrase readers stop before au/aux (« l'homme | aux 111 sélections »).
  if (e < b + 2 || b + 2 >= doc.tokens.size() || !has(b, WordClasses::kKeyArticle) ||
      !has_extra(b + 2, WordClasses::kAuForm))
    return kNone;
  const bool masculine = has_grammar(b + 1, WordClasses::kEpithetMasculine);
  if (!masculine && !has_grammar(b + 1, WordClasses::kEpithetFeminine)) return kNone;
  MentionInfo probe;
  probe.pronoun = true;
  probe.gender = masculine ? 'm' : 'f';
  // Only a person already named, the most recent of that gender.
  for (auto it = salience.rbegin(); it != salience.rend(); ++it) {
    const int c = root_of(*it);
    if (c != kNone && out.mentions[c].type == EntityType::kPerson && compatible(probe, out.mentions[c])) return c;
  }
  return kNone;
}

int Run::push_mention(MentionInfo&& m) {
  const std::size_t index = out.mentions.size();
  out.mentions.push_back(std::move(m));
  if (index < bare_state_.size()) bare_state_[index] = 0;
  return static_cast<int>(index);
}

bool Run::read_pronoun(std::uint32_t i, MentionInfo& m) const {
  Gender g;
  bool pl;
  if (words.subject(tok(i).lower, g, pl)) {
    m.pronoun = true;
    m.gender = g;
    // The verb agrees with its subject: « ont-il regretté », a slip for
    // ont-ils, has a plural subject.
    m.plural = pl || (tok(i).kind == TokenKind::kClitic && i > 0 && has_anchor(i - 1, WordClasses::kPluralVerb));
    return true;
  }
  if (has_extra(i, WordClasses::kStressedMasculine)) {
    m.pronoun = true;
    m.gender = 'm';
    m.plural = has_extra(i, WordClasses::kStressedPlural);
    return true;
  }
  return false;
}

std::uint32_t Run::read_determiner_and_title(std::uint32_t b, std::uint32_t e, MentionInfo& m) const {
  std::uint32_t k = b;
  if (has(k, WordClasses::kDet)) {
    if (has(k, WordClasses::kFeminine)) m.gender = 'f';
    else if (has(k, WordClasses::kMasculine)) m.gender = 'm';
    if (has(k, WordClasses::kPlural)) m.plural = true;
    ++k;
  }
  if (k < e) {
    if (auto t = title_of(k)) {
      m.gender = *t;
      m.type = EntityType::kPerson;
      ++k;
      if (k < e && tok(k).lower == ".") ++k;
    }
  }
  return k;
}

std::vector<char> Run::name_like_words(std::uint32_t b, std::uint32_t k, std::uint32_t e) const {
  // Capitalised particles inside a name count as name words: Noël Le
  // Graët, Erwan Le Du, Ursula von der Leyen, Charles de Gaulle.
  std::vector<char> name_like(e - b, 0);
  for (std::uint32_t j = k; j < e; ++j) {
    bool particle = j > k && name_like[j - 1 - b] && j + 1 < e &&
                    // Lower-case "de" is a complement far more often than a
                    // particle (le collège Jean-Moulin de Montauban).
                    ((tok(j).capitalized && has(j, WordClasses::kCapParticle)) ||
                     (has(j, WordClasses::kParticle) && particles_before_name(j, e)));
    name_like[j - b] = is_name_word(j) || particle || initial_mark(j) ||
                       (j > k && name_like[j - 1 - b] && tok(j).capitalized &&
                                                      tok(j).kind == TokenKind::kWord && has(j, WordClasses::kDet));
  }
  return name_like;
}

void Run::find_name_run(std::uint32_t b, std::uint32_t k, std::uint32_t e, std::uint32_t& name_b,
                        std::uint32_t& name_e) const {
  // The name is the last run of capitalised words (with inner particles:
  // Noël Le Graët, Ursula von der Leyen) that is not the complement of a
  // preposition: "le secrétaire d'État américain Antony Blinken" names
  // Antony Blinken, "le porte-parole du Kremlin" names nobody.
  const std::vector<char> name_like = name_like_words(b, k, e);
  std::uint32_t j = e;
  while (j > k) {
    if (!name_like[j - 1 - b] || (has(j - 1, WordClasses::kDet) && !tok(j - 1).capitalized)) {
      --j;
      continue;
    }
    std::uint32_t run_e = j, run_b = j - 1;
    while (run_b > k && name_like[run_b - 1 - b]) --run_b;
    // A run never starts or ends on a particle.
    while (run_b < run_e && !is_name_word(run_b)) ++run_b;
    while (run_e > run_b && !is_name_word(run_e - 1) && !tok(run_e - 1).capitalized) --run_e;
    if (run_e <= run_b) {
      j = run_b > k ? run_b - 1 : k;
      continue;
    }
    std::uint32_t before_run = run_b;
    // de l'Azerbaïdjan; not au, aux, which are the preposition with its
    // article (« le ministre délégué aux Sports »).
    if (before_run > b && has(before_run - 1, WordClasses::kDet) && !is_de(before_run - 1) &&
        !has_extra(before_run - 1, WordClasses::kAuForm))
      --before_run;
    bool complement = before_run > b &&
                      (is_de(before_run - 1) ||
                       has_extra(before_run - 1, WordClasses::kAuForm | WordClasses::kAForm | WordClasses::kEnWord));
    // "le secrétaire d'État Antony Blinken", "le ministre de l'Intérieur
    // Paul Durand": the complement's capitalised word runs into the
    // name; a run of three words or more keeps its last ones as the name.
    if (complement && run_e - run_b >= 3) {
      ++run_b;
      complement = false;
    }
    // Capitalised role words are no name: le Premier ministre. But an
    // organisation's noun capitalised before a name opens that name
    // (l'Institut Pasteur, l'Agence France-Presse, la Fondation
    // Abbé-Pierre), as in the gold's aliases.
    while (run_b < run_e && (role_of(run_b) || has(run_b, WordClasses::kOrdinal)) &&
           !organisation_noun_opens_name(run_b, run_e) && !given_name_opens_name(run_b, run_e))
      ++run_b;
    if (!complement && run_b < run_e) complement = names_institution_of_complement(k, run_b);
    if (!complement && run_b < run_e) {
      name_b = run_b;
      name_e = run_e;
    }
    break;
  }
}

bool Run::organisation_noun_opens_name(std::uint32_t j, std::uint32_t run_e) const {
  const Role* r = role_of(j);
  return r && r->type == EntityType::kOrganization && tok(j).capitalized && !tok(j).all_caps && j + 1 < run_e &&
         is_name_word(j + 1) && !role_of(j + 1);
}

bool Run::given_name_opens_name(std::uint32_t j, std::uint32_t run_e) const {
  // A role noun that is also a given name opens the name it precedes:
  // Marine Le Pen (la Marine, the navy).
  return !tags_.empty() && (tags_[j].readings & kPosGivenName) && tok(j).capitalized && !tok(j).all_caps &&
         j + 1 < run_e;
}

bool Run::names_institution_of_complement(std::uint32_t k, std::uint32_t run_b) const {
  // "la direction du groupe Altéra": after an institution noun and a
  // complement, the capitalised run names the institution, not a person.
  bool complement = false;
  for (std::uint32_t q = k; q < run_b && !complement; ++q) {
    if (!is_de(q)) continue;
    bool person_head = false;
    for (std::uint32_t h = k; h < q; ++h) {
      const Role* r = role_of(h);
      if (r && r->type != EntityType::kPerson) complement = true;
      person_head = r && r->type == EntityType::kPerson;
      if (r) break;
    }
    // "le candidat de la coalition Lamuka", "le porte-parole du parti
    // Renaissance", "l'avocat de la famille Martin": a person's role, then
    // an institution's noun, or a group's singular noun before one word (a
    // family name), after the complement's preposition, then the name of
    // that institution or group. A full name after a group's noun is the
    // person's (« le leader d'extrême droite Marine Le Pen »), and so is
    // a name after a plural (« le chef des rebelles Joseph Kony »).
    const bool one_word = run_b + 1 >= doc.tokens.size() || !tok(run_b + 1).capitalized ||
                          tok(run_b + 1).kind != TokenKind::kWord;
    for (std::uint32_t h = q + 1; person_head && h < run_b && !complement; ++h) {
      const Role* r = tok(h).capitalized ? nullptr : role_of(h);
      if (r && (r->type == EntityType::kOrganization || (r->type == EntityType::kGroup && !r->plural && one_word)))
        complement = true;
    }
  }
  return complement;
}

void Run::read_role(std::uint32_t role_b, std::uint32_t role_e, MentionInfo& m) const {
  // Capitalised titles are roles: le Premier ministre, le Président.
  m.role = text_of(role_b, role_e);
  // French noun phrases are head-initial: the head is the first noun
  // after the article and prenominal adjectives (le haut responsable,
  // le nouveau ministre), "premier ministre" counted as one noun. Words
  // after it (nationality adjectives, complements) are no head.
  for (std::uint32_t j = role_b; j < role_e; ++j) {
    if (tok(j).kind != TokenKind::kWord || has(j, WordClasses::kDet) || is_de(j)) continue;
    // The two words in one string, cut back to the first when they are
    // no role together (one string where the sum of four was built).
    const std::string_view word = tok(j).lower;
    std::string head(word);
    if (j + 1 < role_e) {
      head += ' ';
      head += tok(j + 1).lower;
      if (!cache.role(head)) head.resize(word.size());
    }
    if (!cache.role(head) && has(j, WordClasses::kPrenominal) && j + 1 < role_e) continue;
    m.role_head = head;
    // A noun of one word tells its gender (« l'employeur … a-t-elle
    // dénoncé » is not the employer's).
    if (m.gender == '?' && head.size() == tok(j).lower.size()) m.gender = noun_gender(j);
    break;
  }
}

Gender Run::noun_gender(std::uint32_t k) const {
  if (tags_.empty() || k >= tags_.size() || !(tags_[k].readings & kPosNoun)) return '?';
  const bool feminine = (tags_[k].readings & kPosFeminineNoun) != 0;
  const bool masculine = (tags_[k].readings & kPosMasculineNoun) != 0;
  if (feminine == masculine) return '?';
  return feminine ? 'f' : 'm';
}

std::string Run::state_named_in(std::uint32_t b, std::uint32_t e) const {
  // A nationality adjective or a state/seat named inside.
  for (std::uint32_t j = b; j < e; ++j)
    if (const State* s = nationality_of(j)) return s->name;
  for (std::uint32_t j = b; j < e; ++j) {
    if (!is_name_word(j)) continue;
    // Longest run of capitalised words (and inner de/du) naming a state;
    // state names end on a capitalised word (Corée du Sud, États-Unis).
    for (std::uint32_t last = std::min(e, j + 5); last > j; --last) {
      if (!is_name_word(last - 1)) continue;
      if (const State* s = state_of_tokens(j, last)) return s->name;
    }
  }
  return std::string();
}

const State* Run::state_named_by_whole(std::uint32_t k, std::uint32_t e) const {
  bool has_name_word = false;
  for (std::uint32_t j = k; j < e && !has_name_word; ++j) has_name_word = is_name_word(j);
  if (!(k < e && e - k <= 6 && has_name_word)) return nullptr;  // such names are capitalised and short
  return state_of_tokens(k, e);
}

bool Run::names_institution(std::uint32_t b, std::uint32_t name_b, std::uint32_t name_e, std::uint32_t k,
                            std::uint32_t e, MentionInfo& m) const {
  // An institution's proper name: a capitalised word after the article
  // and lower-case words after it (le Parti socialiste, la Confédération
  // africaine de football, le Conseil national de l'ordre des médecins).
  if (!(name_e == name_b + 1 && name_b == k && name_e < e && !role_of(name_b) && !tok(name_b).all_caps &&
        !tok(name_e).capitalized))
    return false;
  for (std::uint32_t j = name_e; j < e; ++j)
    if (const Role* r = role_of(j); r && r->type == EntityType::kPerson) return false;
  m.name = text_of(name_b, e);
  m.role.clear();
  m.type = EntityType::kOrganization;
  for (std::uint32_t j = b; j < e; ++j)
    if (const State* st = nationality_of(j)) m.state = st->name;
  return true;
}

void Run::set_mention_type(std::uint32_t name_b, std::uint32_t name_e, MentionInfo& m) const {
  const Role* role_entry = m.role_head.empty() ? nullptr : cache.role(m.role_head);
  if (!m.name.empty()) {
    const State* s = state_of_tokens(name_b, name_e);
    if (s && m.role.empty()) {
      stand_for_state(m, *s);
    } else if (m.type != EntityType::kPerson) {
      bool all_caps = name_e == name_b + 1 && tok(name_b).all_caps;
      if (role_entry && role_entry->type == EntityType::kPerson) m.type = EntityType::kPerson;
      else if (role_entry && role_entry->type != EntityType::kPerson) m.type = role_entry->type;
      else if (all_caps || organisation_noun_opens_name(name_b, name_e)) m.type = EntityType::kOrganization;
      else if (name_e - name_b >= 2) m.type = EntityType::kPerson;
    }
  } else if (role_entry) {
    m.type = role_entry->type;
    if (m.gender == '?' && role_entry->gender != '?') m.gender = role_entry->gender;
    if (role_entry->plural) m.plural = true;
  } else if (!m.state.empty() && m.role.empty()) {
    m.type = EntityType::kCountry;
  }
  if (role_entry && role_entry->gender != '?' && m.gender == '?') m.gender = role_entry->gender;
  // A name opened by a capitalised noun of a person that is no given name
  // (« Tante Rude », « Oncle Paul », « Cousine Berthe ») has that noun's
  // gender.
  if (m.gender == '?' && !m.name.empty() && name_e >= name_b + 2 && tok(name_b).capitalized && !tags_.empty() &&
      !(tags_[name_b].readings & kPosGivenName) && gaz.speaking_noun(fold_utf8(tok(name_b).lower)))
    m.gender = noun_gender(name_b);
}

bool Run::starts_with_name(const Np& n) const {
  std::uint32_t k = n.begin;
  if (k < n.end && has(k, WordClasses::kDet)) ++k;
  if (k < n.end && title_of(k)) return true;
  if (k >= n.end || !is_name_word(k)) return false;
  const std::string_view w = tok(k).lower;
  if (cache.role(w)) return false;
  if (has(k, WordClasses::kRolePrefix) && k + 1 < n.end) return false;
  return true;
}

bool Run::name_in_complement(const Np& n) const {
  // The noun's complement opens with de (du, d', des): the name right after
  // it, or after it and a role noun (« du président Macron »).
  for (std::uint32_t k = n.begin + 1; k < n.end; ++k) {
    if (!is_name_word(k)) continue;
    return is_de(k - 1) || (k >= n.begin + 2 && is_de(k - 2) && cache.role(tok(k - 1).lower));
  }
  return false;
}

bool Run::bare_description(const Np& n) const {
  // An article, adjectives and a noun that names a speaker: no name and no
  // complement (« le technicien », « la nouvelle juge »; not « les actions
  // de l'Azerbaïdjan »).
  if (!n.valid() || !has(n.begin, WordClasses::kDet)) return false;
  std::uint32_t head = n.begin + 1;
  while (head + 1 < n.end && has(head, WordClasses::kPrenominal) && !cache.role(tok(head).lower)) ++head;
  for (std::uint32_t k = n.begin + 1; k < n.end; ++k)
    if (is_name_word(k) || is_de(k) || tok(k).kind != TokenKind::kWord) return false;
  return head < n.end && speaks_as_noun(head, n.end);
}

bool Run::person_role_head(const Np& n) const {
  for (std::uint32_t k = n.begin; k < n.end; ++k) {
    if (tok(k).kind != TokenKind::kWord || has(k, WordClasses::kDet)) continue;
    // "l'ancien responsable": an adjective before the role noun.
    if (has(k, WordClasses::kPrenominal) && k + 1 < n.end && !cache.role(tok(k).lower)) continue;
    // "les allégations du premier ministre": the role after the report noun.
    if (has(k, WordClasses::kReport) && k + 1 < n.end && is_de(k + 1)) {
      ++k;
      continue;
    }
    std::string head(tok(k).lower);
    if (has(k, WordClasses::kRolePrefix) && k + 1 < n.end) head += " " + std::string(tok(k + 1).lower);
    const Role* r = cache.role(head);
    if (!r) r = role_of(k);
    return r && r->type == EntityType::kPerson;
  }
  return false;
}

bool Run::plural_common_noun(const Np& np) const {
  if (!has(np.begin, WordClasses::kPlural)) return false;
  for (std::uint32_t k = np.begin; k < np.end; ++k) {
    if (is_name_word(k)) return false;
  }
  return true;
}

int Run::mention_with_apposition(Np np, std::uint32_t sentence_end) {
  if (!np.valid() || !np_has_content(np)) return kNone;
  // "Le médiateur nommé par le ministère du Travail, Alain Corbière, …":
  // a modifier with its own prepositions before the apposition's comma.
  if (np.end < sentence_end && !is_comma(np.end) && !starts_with_name(np)) np.end = modifier_end(np, sentence_end);
  std::uint32_t e = np.end;
  // A name in parentheses after a plural common noun says who they are: «
  // les inspecteurs (SI-EN Unsa) », « renchérissent les autres (SE-Unsa) ».
  // Not after a named person or a singular noun, where the parentheses hold
  // a party or a place: « le sénateur Paul Roux (LR) », « le maire de Nîmes
  // (Gard) ».
  if (e + 2 < sentence_end && tok(e).lower == "(" && plural_common_noun(np)) {
    Np named = np_forward(e + 1, sentence_end, false);
    if (named.valid() && named.end < sentence_end && starts_with_name(named) &&
        !state_or_seat(tok(named.begin).lower) && (tok(named.end).lower == ")" || is_comma(named.end)))
      return make_mention(named.begin, named.end);
  }
  // Apposition after: ", Name" or ", role phrase" closed by a comma or the clause end.
  if (e + 1 < sentence_end && is_comma(e)) {
    Np app = np_forward(e + 1, sentence_end);
    bool closes = app.end >= sentence_end || is_comma(app.end) || is_punct(app.end) ||
                  has(app.end, WordClasses::kPrep) || has(app.end, WordClasses::kAux) || !forms(app.end).empty() ||
                  (has(app.end, WordClasses::kObj) && !has(app.end, WordClasses::kDet)) ||
                  has_extra(app.end, WordClasses::kNeForm);
    bool np_is_role = !starts_with_name(np);
    bool app_is_name = app.valid() && starts_with_name(app) && !state_or_seat(tok(app.begin).lower);
    if (!app_is_name && app.valid() && np_is_role && is_name_word(app.end - 1) && !name_in_complement(app)) {
      // A title and a name in apposition: "…, le capitaine Julien Morand".
      int probe = make_mention(app.begin, app.end);
      app_is_name = !out.mentions[probe].name.empty() && out.mentions[probe].type == EntityType::kPerson;
      out.mentions.pop_back();
    }
    // A role after a name is a person's title (Matthew Miller,
    // porte-parole du département d'État) closed by a comma or the end.
    bool app_is_role = app.valid() && !starts_with_name(app) && person_role_head(app) &&
                       (app.end >= sentence_end || is_comma(app.end) || is_punct(app.end));
    // "Un membre de l'OTAN, la Turquie, s'est prononcé": the apposition
    // names a state, which is the entity.
    if (closes && app.valid() && np_is_role) {
      std::uint32_t ab = app.begin;
      if (has(ab, WordClasses::kDet)) ++ab;
      if (ab < app.end && state_of_tokens(ab, app.end))
        return make_mention(app.begin, app.end);
    }
    if (closes && app.valid() && ((np_is_role && app_is_name) || (!np_is_role && app_is_role)))
      return name_with_role(np, app, np_is_role);
  }
  return make_mention(np.begin, np.end);
}

std::uint32_t Run::modifier_end(const Np& np, std::uint32_t sentence_end) const {
  // A phrase that holds its name takes no other (« a commenté le maire
  // Denis Lavoie sur la page de son parti, Action Chambly »).
  // The name stands right after the role's noun, not in its complement
  // (« la secrétaire d'État chargée de la Ville, X », « le Premier ministre »).
  for (std::uint32_t z = np.begin + 1; z < np.end; ++z)
    if (is_name_word(z) && !is_name_word(z - 1) && tok(z - 1).kind == TokenKind::kWord && !tok(z - 1).capitalized &&
        !has(z - 1, WordClasses::kDet | WordClasses::kPrep) && !is_de(z - 1) && !title_of(z - 1))
      return np.end;
  // A circumstance of the saying, a preposition and its determiner (« sur
  // la page de son parti, X », « dans un communiqué, X »), ends the
  // subject: its apposition names the circumstance's noun. A role's own
  // scope stays (« en charge des Transports », « sur place », « à Lyon »).
  if (np.end + 1 < sentence_end && has(np.end, WordClasses::kCircumstancePrep) &&
      !has_extra(np.end, WordClasses::kAuForm) && has(np.end + 1, WordClasses::kDet))
    return np.end;
  for (std::uint32_t c = np.end; c < sentence_end && c < np.end + 10; ++c) {
    if (is_comma(c)) return c + 1 < sentence_end && is_name_word(c + 1) ? c : np.end;
    if (is_punct(c) || has(c, WordClasses::kAux) || has(c, WordClasses::kSubj) || is_que(c) ||
        tok(c).kind == TokenKind::kQuoteMark)
      return np.end;
    bool finite = false;
    for (const CueForm& f : forms(c)) finite |= f.form == VerbForm::kFinite;
    if (finite) return np.end;
  }
  return np.end;
}

int Run::name_with_role(const Np& np, const Np& app, bool np_is_role) {
  int m = make_mention(np.begin, app.end);
  // Name and role from the two parts (indexes, not references: the
  // mention vector grows).
  int first = make_mention(np.begin, np.end);
  int second = make_mention(app.begin, app.end);
  const MentionInfo named = out.mentions[np_is_role ? second : first];
  const MentionInfo roled = out.mentions[np_is_role ? first : second];
  MentionInfo& mi = out.mentions[m];
  mi.name = named.name;
  mi.role = roled.role.empty() ? roled.text : roled.role;
  mi.role_head = roled.role_head;
  mi.state = !roled.state.empty() ? roled.state : named.state;
  mi.type = EntityType::kPerson;
  mi.gender = roled.gender != '?' ? roled.gender : named.gender;
  out.mentions.pop_back();
  out.mentions.pop_back();
  return m;
}

int Run::subject_after(std::uint32_t i, std::uint32_t sentence_end) {
  std::uint32_t k = i;
  for (int guard = 0; guard < 12 && k < sentence_end; ++guard) {
    const Token& t = tok(k);
    if (const std::uint32_t past = past_circumstance_between_commas(k, sentence_end); past != k) {
      k = past;
      continue;
    }
    if (t.kind == TokenKind::kWord && !t.capitalized && (has(k, WordClasses::kTime) || has(k, WordClasses::kAdv)) &&
        !has(k, WordClasses::kDet)) {
      ++k;
      continue;
    }
    if (t.kind == TokenKind::kWord && t.capitalized && has(k, WordClasses::kTime) && !is_name_word(k)) {
      ++k;
      continue;
    }
    if (t.kind == TokenKind::kWord && has(k, WordClasses::kTime) && t.capitalized) {
      ++k;
      continue;
    }
    // Time phrases with a determiner: la semaine dernière, ce jeudi.
    if (has_grammar(k, WordClasses::kTimeDeterminer) && k + 1 < sentence_end && bare_time_word(k + 1)) {
      k += 2;
      continue;
    }
    // Adverbial locutions made of a preposition and a possessive: de son
    // côté, pour sa part, à son tour, de leur côté.
    if (k + 2 < sentence_end && (has(k, WordClasses::kPrep) || is_de(k)) && (tags_[k + 1].readings & kPosPossessive) &&
        tok(k + 2).kind == TokenKind::kWord) {
      k += 3;
      continue;
    }
    // An adverb by its part of speech (également, aussitôt, ensuite).
    if (t.kind == TokenKind::kWord && tags_[k].pos == kPosAdverb && !is_name_word(k)) {
      ++k;
      continue;
    }
    // Audience and circumstances: à la presse, aux parlementaires, dans
    // un communiqué, lors d'une audience, sur Telegram, pour la chaîne;
    // any preposition but de (a complement), par (an agent) and selon (a
    // source).
    bool circumstance_preposition = (tags_[k].pos & kPosPreposition) && !is_de(k) &&
                                    !has_extra(k, WordClasses::kParWord) && !has_extra(k, WordClasses::kSelonWord) &&
                                    !has_grammar(k, WordClasses::kDapresWord);
    if (!circumstance_preposition && !has(k, WordClasses::kCircumstancePrep)) break;
    std::uint32_t j = k + 1;
    if (j < sentence_end && is_bare_de(j)) ++j;
    Np np = np_forward(j, sentence_end, false);
    if (!np.valid()) break;
    k = subject_inside_circumstance(j, np.end);
    if (k == np.end) k = past_circumstance_modifiers(k, sentence_end);
  }
  if (k >= sentence_end) return kNone;
  if (tok(k).kind != TokenKind::kWord) return kNone;
  Np np = np_forward(k, sentence_end);
  if (!np.valid()) return kNone;
  if (const int m = role_in_complement_with_name(np, sentence_end); m != kNone) return m;
  return mention_with_apposition(np, sentence_end);
}

std::uint32_t Run::past_circumstance_between_commas(std::uint32_t k, std::uint32_t sentence_end) const {
  // "a lancé mardi soir, devant plusieurs centaines de militants réunis à
  // Lille, la secrétaire générale": a circumstance opened by a
  // preposition between two commas, before the inverted subject.
  if (!is_comma(k) || k + 2 >= sentence_end || !(tags_[k + 1].pos & kPosPreposition) || is_de(k + 1) ||
      has_extra(k + 1, WordClasses::kParWord | WordClasses::kSelonWord))
    return k;
  for (std::uint32_t c = k + 2; c + 1 < sentence_end && c <= k + kMaxParentheticalTokens; ++c) {
    if (is_comma(c)) return tok(c + 1).kind == TokenKind::kWord && !is_que(c + 1) ? c + 1 : k;
    // A participle read as a verb (réunis à Lille) still modifies a noun.
    const bool verb = (tags_[c].pos & kPosFiniteVerb) && !(tags_[c].readings & kPosPastParticiple);
    if (is_punct(c) || is_que(c) || verb || has(c, WordClasses::kAux) || tok(c).kind == TokenKind::kQuoteMark)
      return k;
  }
  return k;
}

std::uint32_t Run::past_circumstance_modifiers(std::uint32_t k, std::uint32_t sentence_end) const {
  // The noun of a circumstance keeps its modifiers before the inverted
  // subject: its complements in bare de (« dans un communiqué de presse
  // l'ancien ministre »; not the indefinite de of « de nombreux élus »,
  // which opens the subject), a past participle whose preposition opens a
  // further circumstance (« dans un communiqué transmis à la presse X »,
  // read by the caller's loop) and a quoted title (« au journal « Le
  // Matin », le président »).
  for (int guard = 0; guard < 4 && k + 1 < sentence_end; ++guard) {
    if (is_bare_de(k) && !indefinite_de(k, sentence_end)) {
      // (A name inside the complement is its own: « à celle découlant de
      // l'assassinat du président X » names no speaker.)
      const Np complement = np_forward(k + 1, sentence_end, true);
      if (!complement.valid()) return k;
      k = complement.end;
      continue;
    }
    if (tok(k).kind == TokenKind::kWord && !tok(k).capitalized && (tags_[k].readings & kPosPastParticiple) &&
        (tags_[k + 1].pos & kPosPreposition) && !is_de(k + 1))
      return k + 1;
    if (tok(k).kind == TokenKind::kQuoteMark) {
      std::uint32_t close = k + 1;
      while (close < sentence_end && close <= k + 6 && tok(close).kind == TokenKind::kWord) ++close;
      if (close == k + 1 || close >= sentence_end || tok(close).kind != TokenKind::kQuoteMark ||
          !tok(k + 1).capitalized)
        return k;
      k = close + 1;
      if (k + 1 < sentence_end && is_comma(k) && tok(k + 1).kind == TokenKind::kWord) ++k;
      return k;
    }
    break;
  }
  return k;
}

int Run::role_in_complement_with_name(const Np& np, std::uint32_t sentence_end) {
  // "a affirmé la ministre déléguée à l'Industrie Agnès Pannier-Runacher",
  // "la présidente du groupe LFI à l'Assemblée nationale Mathilde Panot":
  // a role, its complement in à and the person's name.
  if (np.end + 1 >= sentence_end || starts_with_name(np) || !person_role_head(np) ||
      !has_extra(np.end, WordClasses::kAForm | WordClasses::kAuForm))
    return kNone;
  // A role that has its name already (« a lancé le conseiller Paul
  // Mercier au maire Henri Castel ») ends there: à opens the one spoken to.
  for (std::uint32_t z = np.begin; z + 1 < np.end; ++z)
    if ((tags_[z].readings & kPosGivenName) && is_name_word(z) && is_name_word(z + 1)) return kNone;
  const Np complement = np_forward(np.end + 1, sentence_end);
  if (!complement.valid()) return kNone;
  // The name: the last run of name words, opened by a given name.
  std::uint32_t g = complement.end;
  while (g > complement.begin && is_name_word(g - 1)) --g;
  while (g < complement.end && !(tags_[g].readings & kPosGivenName)) ++g;
  if (g + 1 >= complement.end || g == complement.begin) return kNone;
  return name_with_role(Np{np.begin, g}, Np{g, complement.end}, true);
}

std::uint32_t Run::subject_inside_circumstance(std::uint32_t j, std::uint32_t end) const {
  // "à la presse Matthew Miller": a name after lower-case audience
  // words is the subject.
  for (std::uint32_t q = j + 1; q < end; ++q) {
    // "auprès de l'AFP Franck Bizet": a given name after an acronym
    // starts the subject.
    // So does a first and last name, both capitalised, after it: "à
    // l'AFP Thierno Diallo".
    // A medium named in two words keeps its second one when a given
    // name follows it: "à BBC Afrique Martin Fayulu".
    const bool given_next = q + 1 < end && (tags_[q + 1].readings & kPosGivenName) && !tok(q + 1).all_caps;
    bool given_name_after_acronym = tok(q - 1).all_caps && tok(q).capitalized && !tok(q).all_caps &&
                                    ((tags_[q].readings & kPosGivenName) ||
                                     (!given_next && q + 1 < end && is_name_word(q + 1) && !tok(q + 1).all_caps));
    if (!given_name_after_acronym && q >= j + 2 && tok(q - 2).all_caps && is_name_word(q - 1) &&
        !tok(q - 1).all_caps && (tags_[q].readings & kPosGivenName) && q + 1 < end && is_name_word(q + 1))
      given_name_after_acronym = true;
    // "sur Twitter Laurent Escure", "sur Facebook Marie Dubois": a given
    // name, then a name, after a capitalised word that is no given name
    // (the medium) starts the subject.
    const bool given_name_after_medium = q + 1 < end && tok(q - 1).capitalized && !tok(q - 1).all_caps &&
                                         is_name_word(q - 1) && !(tags_[q - 1].readings & kPosGivenName) &&
                                         tok(q).capitalized && (tags_[q].readings & kPosGivenName) &&
                                         is_name_word(q + 1);
    // "à l'AFP un habitant de la zone": a determiner after a noun opens
    // the subject.
    bool new_phrase = has(q, WordClasses::kDet) && !is_de(q) && !has(q - 1, WordClasses::kDet | WordClasses::kPrep) &&
                      !is_de(q - 1) && tok(q - 1).kind == TokenKind::kWord;
    if ((is_name_word(q) && !is_name_word(q - 1) && !is_de(q - 1) && !has(q - 1, WordClasses::kDet)) || title_of(q) ||
        given_name_after_acronym || given_name_after_medium || new_phrase)
      return q;
  }
  return end;
}

std::uint32_t Run::before_parenthetical_locution(std::uint32_t end, std::uint32_t sentence_begin) const {
  if (end < sentence_begin + 3 || !is_comma(end - 1)) return end;
  std::uint32_t open = end - 1;
  while (open > sentence_begin && !is_comma(open - 1) && end - open < 5) --open;
  if (open == sentence_begin || !is_comma(open - 1)) return end;
  // [open, end - 1) between the two commas.
  std::uint32_t n = end - 1 - open;
  bool possessive =
      n == 3 && (has(open, WordClasses::kPrep) || is_de(open)) && (tags_[open + 1].readings & kPosPossessive);
  bool quant = n >= 3 && has_grammar(open, WordClasses::kQuantWord) && has_extra(open + 1, WordClasses::kAForm);
  bool adverbs = n > 0;
  for (std::uint32_t q = open; q < end - 1; ++q) adverbs &= tags_[q].pos == kPosAdverb && !is_name_word(q);
  // A source between commas (« Les anciens, selon le journal, se veulent
  // catégoriques »: selon, d'après) stands outside the clause too.
  const bool source = n >= 2 && (has_extra(open, WordClasses::kSelonWord) ||
                                 (is_bare_de(open) && has_extra(open + 1, WordClasses::kApresWord)));
  return possessive || quant || adverbs || source ? open - 1 : end;
}

// How many tokens a restrictive relative with its complements may hold
// between its qui and the phrase before a cue: « qui connaît le peintre
// depuis ses débuts chez Renault » (issue 11: a bounded look-back).
constexpr std::uint32_t kRelativeComplementTokens = 15;

// « Le gardien qui travaille au Louvre a reconnu que … »: the token after
// the qui of a restrictive relative whose verb group opens right after it
// and whose complements (objects, prepositional phrases, adverbs, no
// punctuation, no other finite verb) run up to token `from`, the phrase
// before the cue; 0 when there is none within kRelativeComplementTokens.
static std::uint32_t qui_of_relative_with_complements(const Run& run, std::uint32_t from,
                                                      std::uint32_t sentence_begin) {
  for (std::uint32_t k = from; k-- > sentence_begin + 1 && from - k <= kRelativeComplementTokens;) {
    if (run.is_punct(k) || run.tok(k).kind != TokenKind::kWord) return 0;
    if (!run.has_extra(k, WordClasses::kQuiWord)) continue;
    std::uint32_t e = k + 1;
    while (e < from && ((run.has(e, WordClasses::kObj) && !run.has(e, WordClasses::kDet)) ||
                        run.has_extra(e, WordClasses::kNeForm)))
      ++e;
    // The verb opens the relative: a word the tagger does not read as one
    // (« qui connait », spelt without its circumflex, which may then open
    // the phrase before the cue) is still the verb when no determiner or
    // preposition stands there.
    if (e > from || e >= run.doc.tokens.size() || run.tok(e).kind != TokenKind::kWord || run.tok(e).capitalized ||
        run.has(e, WordClasses::kDet | WordClasses::kPrep))
      return 0;
    for (std::uint32_t q = e + 1; q < from; ++q)
      if (((run.tags_[q].pos & kPosFiniteVerb) && !run.has(q - 1, WordClasses::kDet)) || run.has(q, WordClasses::kAux))
        return 0;
    return k + 1;
  }
  return 0;
}

// The antecedent of the relative qui_of_relative_with_complements finds
// before token `from`, as a new mention, when it is the subject opening
// its clause (at the sentence start or after a comma: « Le gardien qui
// travaille au Louvre », not a complement before it) and can speak;
// kNone otherwise.
static int antecedent_of_relative_with_complements(Run& run, std::uint32_t from, std::uint32_t sentence_begin) {
  const std::uint32_t v = qui_of_relative_with_complements(run, from, sentence_begin);
  if (v == 0) return kNone;
  const Np antecedent = run.np_backward(v - 1, sentence_begin);
  if (!antecedent.valid() || !run.np_has_content(antecedent) ||
      (antecedent.begin > sentence_begin && !run.is_comma(antecedent.begin - 1)))
    return kNone;
  const int m = run.make_mention(antecedent.begin, antecedent.end);
  if (run.speaker_head_ok(m)) return m;
  run.out.mentions.pop_back();
  return kNone;
}

int Run::subject_before(std::uint32_t first, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // The participle of an impersonal passive (« il était écrit : ») has il
  // for subject, before its auxiliary: a subject that names no one, which
  // no earlier speaker replaces.
  constexpr std::uint32_t kLongestPassiveGroup = 5;  // il n'a pas été noté
  for (std::uint32_t q = first; q-- > sentence_begin && first - q <= kLongestPassiveGroup;)
    if (impersonal_participle(*this, q) == first) return make_mention(q, q + 1);
  std::uint32_t end = first;
  // « Le procureur lui-même a reconnu que … »: the stressed pronoun with
  // même stresses the subject noun before it, which is the subject.
  if (end > sentence_begin + 1 && has_anchor(end - 1, WordClasses::kSelfWord) &&
      !is_punct(end - 2) && !has(end - 2, WordClasses::kPrep))
    --end;
  bool relative = false;
  if (end > sentence_begin && has_extra(end - 1, WordClasses::kQuiWord)) {
    // Relative clause: the antecedent before "qui".
    end = end - 1;
    if (end > sentence_begin && is_comma(end - 1)) --end;
    relative = true;
    if (const int m = group_en_takes_up(end, sentence_begin); m != kNone) return m;
  }
  if (end > sentence_begin &&
      (has_extra(end - 1, WordClasses::kEtWord | WordClasses::kMaisWord) ||
       has_grammar(end - 1, WordClasses::kPuisWord)))
    return subject_of_first_conjunct(end - 1, sentence_begin, sentence_end);
  end = before_parenthetical_locution(end, sentence_begin);
  bool skipped_comma = false;
  if (end > sentence_begin && is_comma(end - 1)) {
    if (const int m = antecedent_of_earlier_qui(end, sentence_begin); m != kNone) return m;
    --end;
    skipped_comma = true;
    // « Un parent qui a écrit à notre journal, raconte … »: a comma may
    // close the restrictive relative before the verb of its antecedent.
    if (const int m = antecedent_of_relative_with_complements(*this, end, sentence_begin); m != kNone) return m;
    if (const int m = voice_of_body(end, sentence_begin); m != kNone) return m;
    if (const int m = name_before_apposition(end, sentence_begin); m != kNone) return m;
    if (const int m = subject_before_detached_clause(end, sentence_begin); m != kNone) return m;
    if (const int m = subject_before_adjunct(end, sentence_begin); m != kNone) return m;
  }
  Np np = np_backward(end, sentence_begin);
  if (!np.valid() || !np_has_content(np)) return kNone;
  if (!relative && !skipped_comma) {
    if (const int m = antecedent_past_relative(np, sentence_begin); m != kNone) return m;
  }
  // A person's role and the place they work at (responsable à l'OFSP,
  // chercheuse à l'Inserm): the person speaks, not the institution.
  if (np.begin > sentence_begin + 1 && has_extra(np.begin - 1, WordClasses::kAuForm | WordClasses::kAForm)) {
    Np role = np_backward(np.begin - 1, sentence_begin);
    if (role.valid() && !starts_with_name(role) && person_role_head(role)) np.begin = role.begin;
  }
  if (!relative && !skipped_comma) {
    if (const int m = antecedent_past_participle(np, sentence_begin); m != kNone) return m;
  }
  if (relative && np.begin > sentence_begin) {
    int named = named_head_of_appositions(np, sentence_begin);
    if (named != kNone) return named;
  }
  if (relative) {
    np.begin = past_governing_verb(np);
    if (const int m = relative_description(np, first, sentence_end); m != kNone) return m;
    np.begin = past_nouns_of_report(np);
    if (!np.valid()) return kNone;
  }
  np.begin = start_of_subject_list(np, sentence_begin);
  np.begin = past_object_conjunct(np, sentence_begin);
  // A comma after the subject only with a name or apposition before it.
  if (skipped_comma && !is_name_word(np.end - 1) && np.end - np.begin > 6 &&
      !(np.begin > sentence_begin && is_comma(np.begin - 1)))
    return kNone;
  if (const int m = subject_with_apposition_before(np, sentence_begin, sentence_end); m != kNone) return m;
  return make_mention(np.begin, np.end);
}

namespace {
// How many tokens back the first verb of a coordination is looked for, and
// how many coordinated verbs in a row carry one subject: news sentences
// coordinate two or three verbs; the bounds keep a sentence of thousands of
// « et a dit » linear (subject_before and subject_of_first_conjunct call
// each other once per conjunct).
constexpr std::uint32_t kConjunctReach = 40;
constexpr int kConjunctDepth = 4;
thread_local int conjunct_depth = 0;
}  // namespace

int Run::subject_of_first_conjunct(std::uint32_t conj, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  if (conjunct_depth >= kConjunctDepth) return kNone;
  struct Depth {
    Depth() { ++conjunct_depth; }
    ~Depth() { --conjunct_depth; }
  } depth;
  // Verbs coordinated by et, mais, puis share the subject of the first one
  // when the second has none of its own: « Le ministère s'est indigné et se
  // dit consterné », « La syndicaliste a salué l'accord mais a prévenu que
  // … ». The first verb is the nearest verb group back that is not in a
  // subordinate clause: in « Le maire a dit que les travaux commençaient et
  // a ajouté que … », commençaient has its own subject inside the que
  // clause, and a dit is the verb a ajouté is coordinated with.
  for (std::uint32_t v = conj; v-- > sentence_begin && conj - v <= kConjunctReach;) {
    if (tok(v).kind == TokenKind::kQuoteMark || (is_punct(v) && !is_comma(v))) return kNone;
    if (!has(v, WordClasses::kAux) && !(tags_[v].pos & kPosFiniteVerb)) continue;
    // The head of the verb group: auxiliary, object clitics, ne.
    std::uint32_t g = v;
    while (g > sentence_begin && (has(g - 1, WordClasses::kAux) || has_extra(g - 1, WordClasses::kNeForm) ||
                                  (has(g - 1, WordClasses::kObj) && !has(g - 1, WordClasses::kDet))))
      --g;
    if (in_subordinate_clause(g, sentence_begin)) {
      v = g;
      continue;
    }
    const int m = subject_before(g, sentence_begin, sentence_end);
    if (m == kNone || speaker_head_ok(m)) return m;
    out.mentions.pop_back();
    return kNone;
  }
  return kNone;
}

bool Run::in_subordinate_clause(std::uint32_t g, std::uint32_t sentence_begin) const {
  // A que or a subordinator (lorsque, quand, si) between the verb group and
  // the verb before it opens the clause the group belongs to.
  for (std::uint32_t q = g; q-- > sentence_begin;) {
    if (is_que(q) || has(q, WordClasses::kCut)) return true;
    if (has(q, WordClasses::kAux) || (tags_[q].pos & kPosFiniteVerb)) return false;
  }
  return false;
}

std::uint32_t Run::past_object_conjunct(const Np& np, std::uint32_t sentence_begin) const {
  // « Le maire a présenté le budget et Paul Martin a dénoncé … »: a phrase
  // right after a verb is that verb's object, so et after it joins two
  // clauses, and only the phrase after et is the subject of the cue.
  if (np.begin <= sentence_begin) return np.begin;
  const std::uint32_t v = np.begin - 1;
  if (!has(v, WordClasses::kAux) && !(tags_[v].pos & (kPosFiniteVerb | kPosPastParticiple | kPosInfinitive)))
    return np.begin;
  for (std::uint32_t q = np.end; q-- > np.begin + 1;)
    if (has_extra(q, WordClasses::kEtWord) && !tok(q).capitalized) return q + 1 < np.end ? q + 1 : np.begin;
  return np.begin;
}

int Run::group_en_takes_up(std::uint32_t qui, std::uint32_t sentence_begin) {
  // « Beaucoup de détenus se plaignent. Il y en a qui me disent : « … » »:
  // il y en a qui picks some of the people en takes up, the nearest plural
  // phrase that names people, in this sentence or the one before.
  if (qui < sentence_begin + 4 || !has_grammar(qui - 4, WordClasses::kIlWord) ||
      !has_grammar(qui - 3, WordClasses::kYWord) || !has_extra(qui - 2, WordClasses::kEnWord) ||
      !has(qui - 1, WordClasses::kAux))
    return kNone;
  const std::size_t s = doc.sentence_at(tok(sentence_begin).begin);
  const std::uint32_t from = doc.sentences[s > 0 ? s - 1 : s].token_begin;
  for (std::uint32_t b = qui - 4; b-- > from;) {
    if (!(tags_[b].readings & kPosNoun)) continue;  // détenus, élus: also participles
    Np np = np_backward(b + 1, from);
    // A quantity before de (beaucoup de détenus, nombre d'élus): the noun
    // after de names the people, and its number is theirs.
    if (np.valid() && b > np.begin && is_de(b - 1) && !has(np.begin, WordClasses::kDet)) np.begin = b;
    if (!np.valid() || !speaker_like(np)) continue;
    const int m = make_mention(np.begin, np.end);
    if (out.mentions[m].plural && speaker_head_ok(m)) return m;
    out.mentions.pop_back();
  }
  return kNone;
}

int Run::relative_description(const Np& np, std::uint32_t first, std::uint32_t sentence_end) {
  // « Ce sont ceux qui disent : “ … ” »: a demonstrative pronoun (ceux,
  // celles) heads the relative and names no one by itself; the group is
  // what the whole relative describes, up to the end of its verb group.
  // A personal pronoun (« c'est lui qui répète », « nous qui disons »)
  // takes up someone named: not this.
  if (np.end != np.begin + 1 || first != np.end + 1 || is_name_word(np.begin) ||
      (tags_[np.begin].pos & (kPosPronoun | kPosSubjectPronoun)) != kPosPronoun ||
      has(np.begin, WordClasses::kStressedPronoun | WordClasses::kPerson12 | WordClasses::kSubj))
    return kNone;
  std::uint32_t e = first;
  while (e < sentence_end && (has(e, WordClasses::kAux) || (tags_[e].pos & (kPosFiniteVerb | kPosPastParticiple))))
    ++e;
  if (e == first) return kNone;
  return make_mention(np.begin, e);
}

int Run::antecedent_past_relative(const Np& np, std::uint32_t sentence_begin) {
  // « Les enquêteurs qui ont dressé le procès-verbal ont écrit que … »: the
  // phrase before the cue is the object of a restrictive relative (qui and
  // its verb group right before it), and the relative's antecedent is the
  // subject. Any reading counts: the tagger reads « bien connu » after an
  // auxiliary as nouns.
  std::uint32_t v = np.begin;
  while (v > sentence_begin &&
         ((tags_[v - 1].readings & (kPosFiniteVerb | kPosPastParticiple | kPosAdverb)) ||
          has(v - 1, WordClasses::kAux) ||
          has_extra(v - 1, WordClasses::kNeForm) || (has(v - 1, WordClasses::kObj) && !has(v - 1, WordClasses::kDet))) &&
         !is_name_word(v - 1))
    --v;
  const bool right_before = v != np.begin && v > sentence_begin + 1 && has_extra(v - 1, WordClasses::kQuiWord);
  if (right_before) {
    bool verb = false;
    for (std::uint32_t q = v; q < np.begin; ++q) verb |= (tags_[q].pos & kPosFiniteVerb) || has(q, WordClasses::kAux);
    if (!verb) return kNone;
  } else {
    return antecedent_of_relative_with_complements(*this, np.begin, sentence_begin);
  }
  const Np antecedent = np_backward(v - 1, sentence_begin);
  if (!antecedent.valid() || !np_has_content(antecedent)) return kNone;
  const int m = make_mention(antecedent.begin, antecedent.end);
  if (speaker_head_ok(m)) return m;
  out.mentions.pop_back();
  return kNone;
}

int Run::antecedent_of_earlier_qui(std::uint32_t end, std::uint32_t sentence_begin) {
  // "X, qui …, a déclaré": look for ", qui" further back, up to other
  // punctuation than a comma (the last of either, TokenPrefix).
  if (end <= sentence_begin + 2) return kNone;
  const std::uint32_t q = prefix_to(sentence_begin, end).at(end).last_qui_or_stop;
  if (q == TokenPrefix::kNoToken || !has_extra(q, WordClasses::kQuiWord)) return kNone;
  Np np = np_backward(q - 1, sentence_begin);
  np.begin = past_governing_verb(np);
  if (np.valid() && np_has_content(np)) return make_mention(np.begin, np.end);
  return kNone;
}

std::uint32_t Run::past_governing_verb(const Np& np) const {
  std::uint32_t b = np.begin;
  while (b + 1 < np.end && tok(b).kind == TokenKind::kWord && !tok(b).capitalized &&
         (tags_[b].pos & (kPosInfinitive | kPosPastParticiple)) &&
         (has(b + 1, WordClasses::kDet) || is_name_word(b + 1)))
    ++b;
  return b;
}

int Run::name_before_apposition(std::uint32_t end, std::uint32_t sentence_begin) {
  // Two appositions in a row fit (« X, avocat de Y, ancien directeur de Z, »).
  constexpr std::uint32_t kAppositionReach = 24;
  // "Aino Virtanen, désormais envoyée spéciale de l'UE pour l'Arctique,
  // a averti": an apposition with its own prepositions between two
  // commas; the subject is the name before it.
  for (std::uint32_t c2 = end; c2-- > sentence_begin + 1 && c2 + kAppositionReach > end;) {
    // Sentence punctuation ends the search; symbols inside names
    // (Conjoncture & Territoires) do not.
    const std::string_view pw = tok(c2).lower;
    if (is_punct(c2) && (pw == "." || pw == ";" || pw == ":" || pw == "!" || pw == "?" ||
                         tok(c2).kind == TokenKind::kQuoteMark))
      return kNone;
    if (has(c2, WordClasses::kAux) || tok(c2).kind == TokenKind::kQuoteMark) return kNone;
    if (!is_comma(c2)) continue;
    std::uint32_t after_comma = c2 + 1;
    while (after_comma < end && adverb_length(after_comma, end) > 0) after_comma += adverb_length(after_comma, end);
    bool apposition = after_comma < end && (role_of(after_comma) || has(after_comma, WordClasses::kDet) ||
                                            is_de(after_comma) || title_of(after_comma));
    Np name = np_backward(c2, sentence_begin);
    // « Me Jacques Mbuny, avocat du colonel Justin Danwe, ancien directeur
    // de …, a commenté »: a role whose complement holds a name is itself an
    // apposition of the name before it; the head speaks, not the name of its
    // complement (« l'avocat de X » is not X).
    if (name.valid() && name.begin > sentence_begin + 1 && is_comma(name.begin - 1) && !starts_with_name(name) &&
        name_in_complement(name))
      continue;
    // « Le technicien, également adjoint de Marc Roy en équipe nationale,
    // a estimé »: a noun that can speak (roles.tsv, speaking_nouns.tsv),
    // without article, in apposition after a bare description is the
    // speaker's own title; the description speaks, not a noun of the
    // title's complement.
    if (name.valid() && bare_description(name) && after_comma < end && tok(after_comma).kind == TokenKind::kWord &&
        !tok(after_comma).capitalized && !has(after_comma, WordClasses::kDet) &&
        speaking_noun_end(after_comma, end) > after_comma)
      return make_mention(name.begin, name.end);
    // "Paul Girard, boulanger à Lyon, a estimé", "Cécile, 38 ans, …": a
    // bare noun, adjective or age after a person's name or role is an
    // apposition too.
    const bool bare = !apposition && bare_apposition(after_comma, end) && name.valid();
    // Appositions in a row: "Ahmed Benali, 63 ans, ancien mineur, raconte".
    if (bare && !is_name_word(name.end - 1) && bare_apposition(name.begin, c2)) continue;
    if (bare) {
      const int probe = make_mention(name.begin, name.end);
      apposition = out.mentions[probe].type == EntityType::kPerson || names_person_at(name.end - 1, name.begin) ||
                   person_role_head(name);
      out.mentions.pop_back();
    }
    // "Un membre de l'OTAN, la Turquie, s'est prononcé": a state named
    // in the apposition is the subject.
    if (apposition) {
      Np seg = np_forward(after_comma, end);
      if (seg.valid() && seg.end == end) {
        std::uint32_t ab = seg.begin;
        if (has(ab, WordClasses::kDet)) ++ab;
        std::string folded = ab < seg.end ? fold(doc.slice(tok(ab).begin, tok(seg.end - 1).end)) : "";
        if (!folded.empty() && state_or_seat(folded)) return make_mention(seg.begin, seg.end);
      }
    }
    // "Le maire, inquiet, a déclaré": a role with a bare apposition.
    if (!apposition || !name.valid() || (!is_name_word(name.end - 1) && !(bare && person_role_head(name))))
      return kNone;
    int m = make_mention(name.begin, name.end);
    // The title from the apposition, when it has one.
    Np title = np_forward(after_comma, end);
    if (title.valid()) take_title_of(m, title);
    return m;
  }
  return kNone;
}

int Run::voice_of_body(std::uint32_t end, std::uint32_t sentence_begin) {
  // The body before the comma speaks through the person the locution
  // names; the gold gives that person, the body besides (GOLD_FORMAT).
  constexpr std::uint32_t kMaxVoicePhrase = 16;
  for (std::uint32_t c = end; c-- > sentence_begin + 1 && c + kMaxVoicePhrase > end;) {
    if (!is_comma(c)) {
      if (is_punct(c) || tok(c).kind == TokenKind::kQuoteMark) return kNone;
      continue;
    }
    const std::uint32_t k = past_locution(c + 1, end, WordClasses::kVoiceOf);
    if (k == c + 1) return kNone;
    const Np np = np_forward(k, end);
    if (!np.valid() || np.end != end || !np_has_content(np)) return kNone;
    // A person only: « La commune, par la voix d'un communiqué, a affirmé »
    // leaves the body before the adjunct speaking.
    const int m = make_mention(np.begin, np.end);
    if (out.mentions[m].type == EntityType::kPerson && speaker_head_ok(m)) return m;
    out.mentions.pop_back();
    const Np body = np_backward(c, sentence_begin);
    if (!body.valid() || !np_has_content(body)) return kNone;
    const int b = make_mention(body.begin, body.end);
    if (speaker_head_ok(b)) return b;
    out.mentions.pop_back();
    return kNone;
  }
  return kNone;
}

int Run::voice_named_in(std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // « Le syndicat le défie par la voix de son secrétaire général, Noureddine
  // Taboubi. « … », s'indigne-t-il. »: the body acts, its voice speaks, so
  // the person after the locution is the one a later il, elle takes up.
  for (std::uint32_t k = sentence_begin; k < sentence_end; ++k) {
    const std::uint32_t b = past_locution(k, sentence_end, WordClasses::kVoiceOf);
    if (b == k) continue;
    const int m = mention_with_apposition(np_forward(b, sentence_end), sentence_end);
    if (m != kNone && out.mentions[m].type == EntityType::kPerson && speaker_head_ok(m)) return m;
    return kNone;
  }
  return kNone;
}

std::uint32_t Run::past_locution(std::uint32_t k, std::uint32_t end, std::uint64_t extra_bit) const {
  constexpr std::uint32_t kLongestLocution = 4;  // par l' intermédiaire
  if (k >= end) return k;
  std::uint32_t past = has_extra(k, extra_bit) ? k + 1 : k;
  if (past == k && (facts(k).extra_opens & extra_bit)) {
    for (std::uint32_t n = std::min(kLongestLocution, end - k); n >= 2 && past == k; --n)
      if (words.has_extra(fold(doc.slice(tok(k).begin, tok(k + n - 1).end)), extra_bit)) past = k + n;
  }
  // « par la voix de son président », « du côté du PS »: the de after the
  // noun is read here; « représentés par des élus » keeps its article.
  if (past > k && past < end && is_de(past) && !has_extra(past - 1, WordClasses::kParWord)) ++past;
  return past;
}

int Run::side_speaking_as_on(int on) {
  if (on == kNone || !out.mentions[on].pronoun) return kNone;
  const std::uint32_t o = tok_of(out.mentions[on].begin);
  if (!has_grammar(o, WordClasses::kOnWord)) return kNone;
  const std::uint32_t s = doc.sentence_at(out.mentions[on].begin);
  if (const int side = side_opening_on(o, doc.sentences[s].token_begin); side != kNone) return side;
  // On keeps its referent into the next sentence: « Du côté de la CNE, on
  // évoque … . Les aides devraient être conditionnées, suggère-t-on. »
  if (s == 0 || side_phrase_in_sentence(o, doc.sentences[s].token_begin)) return kNone;
  const Sentence& prev = doc.sentences[s - 1];
  for (std::uint32_t k = prev.token_begin + 3; k < prev.token_end; ++k)
    if (has_grammar(k, WordClasses::kOnWord) && is_comma(k - 1)) return side_opening_on(k, prev.token_begin);
  return kNone;
}

bool Run::side_phrase_in_sentence(std::uint32_t end, std::uint32_t sentence_begin) const {
  std::uint32_t k = sentence_begin;
  if (k < end && tags_[k].pos == kPosCoordination) ++k;
  return past_locution(k, end, WordClasses::kSideOf) != k;
}

int Run::side_opening_on(std::uint32_t o, std::uint32_t sentence_begin) {
  // The side phrase opens the sentence (past a coordination: « Mais chez
  // Renault, on … ») and its comma stands right before on.
  if (o < sentence_begin + 3 || !is_comma(o - 1)) return kNone;
  std::uint32_t k = sentence_begin;
  if (tags_[k].pos == kPosCoordination) ++k;
  const std::uint32_t b = past_locution(k, o - 1, WordClasses::kSideOf);
  if (b == k) return kNone;
  const Np np = np_forward(b, o - 1);
  // The side's acronym or gloss in parentheses may close it (« Du côté du
  // Parti libéral-radical (PLR / droite), on parle de … »).
  const bool glossed = np.valid() && np.end < o - 1 && past_parenthesis(np.end, o - 1) + 1 == o - 1;
  if (!np.valid() || (np.end != o - 1 && !glossed) || !np_has_content(np)) return kNone;
  const int m = make_mention(np.begin, np.end);
  if (is_entity_mention(m) && speaker_head_ok(m)) return m;
  out.mentions.pop_back();
  return kNone;
}

int Run::subject_before_detached_clause(std::uint32_t end, std::uint32_t sentence_begin) {
  // The nearest comma back opens the detached clause; a finite verb (but
  // one of a relative clause inside it: « repoussant la main avec un dégoût
  // qui allait jusqu'à l'horreur ») or a sentence's punctuation before it
  // means the comma closes something else.
  constexpr std::uint32_t kMaxDetachedTokens = 20;
  if (tags_.size() != doc.tokens.size()) return kNone;
  for (std::uint32_t c = end; c-- > sentence_begin + 1 && c + kMaxDetachedTokens > end;) {
    if (tok(c).kind == TokenKind::kQuoteMark || (is_punct(c) && !is_comma(c))) return kNone;
    if (!is_comma(c)) {
      if (!(tags_[c].pos & kPosFiniteVerb)) continue;
      std::uint32_t r = c;
      while (r > sentence_begin && (has(r - 1, WordClasses::kObj) || has_extra(r - 1, WordClasses::kNeForm))) --r;
      if (r > sentence_begin && has_extra(r - 1, WordClasses::kQuiWord)) continue;
      return kNone;
    }
    if (!opens_detached_clause(c + 1, end)) return kNone;
    const Np np = np_backward(c, sentence_begin);
    if (!np.valid() || !np_has_content(np)) return kNone;
    // The noun phrase opens its clause: the sentence, a que or a
    // coordination before it, or a fronted adjunct with no verb closed by
    // a comma (« Lundi soir, le procureur, visiblement agacé, a fustigé
    // … »); « il regarda le maire, se tournant … » is an object's.
    const std::uint32_t b = np.begin;
    if (b != sentence_begin && !is_que(b - 1) && !has_extra(b - 1, WordClasses::kEtWord | WordClasses::kMaisWord) &&
        !(is_comma(b - 1) && fronted_adjunct(sentence_begin, b - 1)))
      return kNone;
    return make_mention(np.begin, np.end);
  }
  return kNone;
}

bool Run::opens_adjunct(std::uint32_t k, std::uint32_t end) const {
  // Adverbs and time words may open it: « Paul Girard, actuellement à
  // Paris, a indiqué », « la juge, lundi à Lyon, a estimé ».
  while (k < end && (adverb_length(k, end) > 0 || (tags_[k].pos & kPosAdverb) || bare_time_word(k))) {
    // De after an adverb makes a preposition of them (près de la gare,
    // loin de Paris, autour de la place).
    if (k + 1 < end && (tags_[k].pos & kPosAdverb) && is_de(k + 1)) return true;
    k += std::max<std::uint32_t>(1, adverb_length(k, end));
  }
  if (k >= end) return false;
  const bool preposition = (tags_[k].pos & kPosPreposition) && !is_de(k) &&
                           !has_extra(k, WordClasses::kParWord | WordClasses::kSelonWord);
  // A que after its adverb opens a subordinate clause too (« Les
  // parents, bien qu'ils saluent l'effort, dénoncent … », alors que),
  // and so does the que of a relative (« Le maire, qu'on disait prudent,
  // a lancé … »).
  // So does si, elided before il (« même s'il s'en défend »).
  const bool si = has_extra(k, WordClasses::kSiWord) ||
                  (has_extra(k, WordClasses::kSeForm) && k + 1 < end && has(k + 1, WordClasses::kSubj));
  // An absolute construction of manner, an article and a noun of the
  // voice or the body with its adjective or complement, too (« Le maire,
  // les larmes aux yeux, a annoncé », « La gardienne, la voix tremblante,
  // a raconté »): no apposition naming the subject.
  const bool absolute = k + 2 < end && has_extra(k, WordClasses::kDefiniteArticle) &&
                        has_anchor(k + 1, WordClasses::kMannerNoun);
  return preposition || has(k, WordClasses::kCut) || is_que(k) || si || absolute;
}

std::uint32_t Run::comma_opening_adjunct(std::uint32_t c, std::uint32_t sentence_begin) const {
  constexpr std::uint32_t kMaxAdjunctTokens = 20;
  for (std::uint32_t p = c; p-- > sentence_begin + 1 && p + kMaxAdjunctTokens > c;) {
    if (tok(p).kind == TokenKind::kQuoteMark || (is_punct(p) && !is_comma(p)) ||
        ((tags_[p].pos & kPosFiniteVerb) && !(tags_[p].readings & kPosPastParticiple)) ||
        has(p, WordClasses::kAux))
      return c;
    if (is_comma(p)) return opens_adjunct(p + 1, c) ? p : c;
  }
  return c;
}

int Run::subject_before_adjunct(std::uint32_t end, std::uint32_t sentence_begin) {
  // « Mohamed Traoré, après avoir visité le chantier, a souligné que … »,
  // « La juge, dans son délibéré, a estimé »: an adjunct that a preposition
  // (after adverbs at most: « actuellement à Paris », « toujours en visite »)
  // or a subordinator opens, between two commas, stands between the
  // subject and its verb. Par and selon open a voice or a source, read
  // elsewhere (voice_of_body, before_parenthetical_locution).
  constexpr std::uint32_t kMaxAdjunctTokens = 20;
  // News French stacks a few of them: « Les chauffeurs de taxi en colère,
  // près de la gare centrale, à Bruxelles, ont réclamé … ».
  constexpr int kMaxAdjuncts = 3;
  for (std::uint32_t c = end; c-- > sentence_begin + 1 && c + kMaxAdjunctTokens > end;) {
    if (tok(c).kind == TokenKind::kQuoteMark || (is_punct(c) && !is_comma(c))) return kNone;
    if (!is_comma(c)) continue;
    if (!opens_adjunct(c + 1, end)) return kNone;
    for (int adjunct = 0; adjunct < kMaxAdjuncts; ++adjunct) {
      // The subject may keep its own apposition before the adjunct (« Le
      // Snalc, syndicat minoritaire classé à droite, même s'il s'en défend,
      // fustige … »).
      if (const int m = name_before_apposition(c, sentence_begin); m != kNone) return m;
      const Np np = np_backward(c, sentence_begin);
      if (!np.valid() || !np_has_content(np)) return kNone;
      // The phrase opens its clause, as a subject does.
      const std::uint32_t b = np.begin;
      if (b == sentence_begin || is_que(b - 1) || is_comma(b - 1) ||
          has_extra(b - 1, WordClasses::kEtWord | WordClasses::kMaisWord)) {
        const int m = make_mention(np.begin, np.end);
        if (speaker_head_ok(m)) return m;
        out.mentions.pop_back();
        // A phrase between commas that cannot speak may be one more
        // adjunct (« près de la gare »), read below.
        if (b == sentence_begin || !is_comma(b - 1)) return kNone;
      } else if (const int m = antecedent_past_participle(np, sentence_begin); m != kNone) {
        // « Les syndicats opposés à la réforme, dans un communiqué, ont … »:
        // the phrase is the complement of a participle modifying the subject.
        return m;
      }
      const std::uint32_t before = comma_opening_adjunct(c, sentence_begin);
      if (before == c) return kNone;
      c = before;
    }
    return kNone;
  }
  return kNone;
}

int Run::antecedent_past_participle(const Np& np, std::uint32_t sentence_begin) {
  // « Les syndicats opposés à la réforme ont demandé … », « Des habitants
  // venus de tout le quartier ont raconté … »: the phrase before the cue is
  // the complement of a participle (past or present, no auxiliary before
  // it) that modifies the subject, a relative without qui; the subject is
  // the phrase before the participle, which opens its clause. En and a
  // bare noun are a state of the subject as a participle is (« Les
  // salariés en grève », « les médecins en colère »).
  constexpr std::uint32_t kMaxAdverbs = 2;
  if (tags_.size() != doc.tokens.size() || np.begin < sentence_begin + 3) return kNone;
  std::uint32_t v = np.begin - 1;
  if (!((tags_[v].pos & kPosPreposition) || is_de(v) || has_extra(v, WordClasses::kAuForm | WordClasses::kEnWord)) ||
      has_extra(v, WordClasses::kSelonWord))
    return kNone;
  std::uint32_t p = v;
  const bool state = has_extra(v, WordClasses::kEnWord) && !has(np.begin, WordClasses::kDet) &&
                     !is_name_word(np.begin) && np.end - np.begin <= 2;
  if (!state) {
    for (std::uint32_t n = 0; n < kMaxAdverbs && v > sentence_begin + 1 && (tags_[v - 1].pos & kPosAdverb) &&
                              !has(v - 1, WordClasses::kPrep | WordClasses::kDet);
         ++n)
      --v;
    p = v - 1;
    // A participle opening its sentence has no antecedent before it (and
    // p - 1 below would read the sentence before, or token -1).
    if (p <= sentence_begin) return kNone;
    // Any reading counts: the tagger reads « opposés » after a noun as an
    // adjective or a noun. An adjective with its complement modifies the
    // subject the same way (« hostiles à la réforme », « inquiets pour »).
    if (tok(p).kind != TokenKind::kWord || tok(p).capitalized || (tags_[p].pos & kPosFiniteVerb) ||
        !(tags_[p].readings & (kPosPastParticiple | kPosPresentParticiple | kPosAdjective)) ||
        has(p, WordClasses::kDet | WordClasses::kPrep))
      return kNone;
    if (has(p - 1, WordClasses::kAux | WordClasses::kObj) ||
        has_extra(p - 1, WordClasses::kNeForm | WordClasses::kQuiWord) || is_que(p - 1))
      return kNone;
  }
  const Np antecedent = np_backward(p, sentence_begin);
  if (!antecedent.valid() || !np_has_content(antecedent) || antecedent.end != p) return kNone;
  // The phrase holds its noun: « l'ancien | responsable à l'OFSP » is one
  // phrase, its noun read as an adjective.
  bool noun = false;
  for (std::uint32_t z = antecedent.begin; z < p; ++z)
    noun |= is_name_word(z) || (tags_[z].pos & (kPosNoun | kPosProperNoun | kPosUnknown));
  if (!noun) return kNone;
  const std::uint32_t b = antecedent.begin;
  // A bare noun after a comma is an apposition (« Le syndicat des
  // directeurs, organisation minoritaire classée à droite, »): the subject
  // stands before it, read by the caller's fallbacks.
  if (b != sentence_begin && is_comma(b - 1) && bare_apposition(b, p)) return kNone;
  if (b != sentence_begin && !is_que(b - 1) && !is_comma(b - 1) &&
      !has_extra(b - 1, WordClasses::kEtWord | WordClasses::kMaisWord))
    return kNone;
  const int m = make_mention(antecedent.begin, antecedent.end);
  if (speaker_head_ok(m)) return m;
  out.mentions.pop_back();
  return kNone;
}

bool Run::fronted_adjunct(std::uint32_t b, std::uint32_t e) const {
  if (b >= e) return false;
  for (std::uint32_t z = b; z < e; ++z)
    if ((tags_[z].pos & kPosFiniteVerb) || has(z, WordClasses::kAux) || tok(z).kind == TokenKind::kQuoteMark ||
        (is_punct(z) && !is_comma(z)))
      return false;
  return true;
}

bool Run::opens_detached_clause(std::uint32_t k, std::uint32_t end) const {
  // The negation and adverbs of manner or degree may stand before the
  // participle or the en that opens the clause: « visiblement agacé »,
  // « ne reculant pas devant la polémique », « très en colère ».
  if (k < end && has_extra(k, WordClasses::kNeForm)) ++k;
  while (k < end && !has_extra(k, WordClasses::kEnWord)) {
    const bool tagged_adverb = (tags_[k].pos & kPosAdverb) && !tok(k).capitalized &&
                               !has(k, WordClasses::kDet | WordClasses::kPrep | WordClasses::kObj);
    const std::uint32_t n = adverb_length(k, end);
    if (n == 0 && !tagged_adverb) break;
    k += n == 0 ? 1 : n;
  }
  // En opens a gerund or a state (en souriant, en visite à Brest).
  if (k + 1 < end && has_extra(k, WordClasses::kEnWord) && tok(k + 1).kind == TokenKind::kWord) return true;
  // Object clitics before a participle: se tournant, lui tendant la main.
  while (k < end && has(k, WordClasses::kObj) && !has(k, WordClasses::kDet)) ++k;
  if (k >= end || tok(k).kind != TokenKind::kWord || tok(k).capitalized) return false;
  const PosSet pos = tags_[k].pos;
  return (pos & kPosPresentParticiple) || ((pos & kPosPastParticiple) && !(pos & kPosFiniteVerb));
}

bool Run::bare_apposition(std::uint32_t b, std::uint32_t e) const {
  if (b >= e || tok(b).capitalized) return false;
  if (!(tags_[b].pos & (kPosNoun | kPosAdjective | kPosNumber))) return false;
  for (std::uint32_t q = b; q < e; ++q)
    if ((tags_[q].pos & kPosFiniteVerb) || has(q, WordClasses::kAux) || is_que(q) || (is_punct(q) && !is_comma(q)))
      return false;
  return true;
}

void Run::take_title_of(int m, const Np& title) {
  int t = make_mention(title.begin, title.end);
  const MentionInfo title_mention = out.mentions[t];
  out.mentions.pop_back();
  MentionInfo& named = out.mentions[m];
  if (named.role.empty() && !title_mention.role_head.empty()) {
    named.role = title_mention.role.empty() ? title_mention.text : title_mention.role;
    named.role_head = title_mention.role_head;
    if (named.state.empty()) named.state = title_mention.state;
    if (named.gender == '?') named.gender = title_mention.gender;
  }
}

std::uint32_t Run::past_nouns_of_report(const Np& np) const {
  // "les propos du porte-parole …, qui a déclaré": "qui" is the speaker,
  // not the words: the antecedent after a noun of report or a "suite".
  std::uint32_t begin = np.begin;
  for (std::uint32_t q = np.begin; q + 1 < np.end; ++q) {
    if ((has(q, WordClasses::kReport) || has_grammar(q, WordClasses::kSuiteWord)) &&
        (is_de(q + 1) || has_extra(q + 1, WordClasses::kAuForm))) {
      begin = q + 2;
      q = q + 1;  // and again: "suite aux propos du porte-parole"
    }
  }
  return begin;
}

std::uint32_t Run::start_of_subject_list(const Np& np, std::uint32_t sentence_begin) const {
  // A list of subjects: "La France, l'Allemagne et l'Italie ont appelé".
  bool coordinated = false;
  for (std::uint32_t q = np.begin; q < np.end; ++q) coordinated |= has_extra(q, WordClasses::kEtWord);
  std::uint32_t begin = np.begin;
  while (coordinated && begin > sentence_begin + 1 && is_comma(begin - 1)) {
    Np item = np_backward(begin - 1, sentence_begin);
    bool named = false;
    for (std::uint32_t q = item.begin; q < item.end; ++q) named |= is_name_word(q);
    // List items are named like the others ("La France, l'Allemagne et
    // l'Italie"), unlike a preposed "Dans un communiqué commun,".
    if (!item.valid() || !named || !(starts_with_name(item) || has(item.begin, WordClasses::kDet))) break;
    if (item.begin > sentence_begin && has(item.begin - 1, WordClasses::kPrep) && !is_de(item.begin - 1)) break;
    begin = item.begin;
  }
  return begin;
}

int Run::subject_with_apposition_before(const Np& np, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // Apposition: "Role, Name a déclaré" or "Name, role, a déclaré".
  if (!(np.begin > sentence_begin + 1 && is_comma(np.begin - 1))) return kNone;
  Np before = np_backward(np.begin - 1, sentence_begin);
  // « Le technicien, adjoint de Marc Brys, a estimé »: a description, then
  // a role of its own whose name is its noun's complement; the head of the
  // subject, not the person of the complement, speaks.
  if (bare_description(before) && !starts_with_name(np) && name_in_complement(np)) {
    const int m = make_mention(before.begin, before.end);
    const EntityType type = out.mentions[m].type;
    if (speaker_head_ok(m) && (type == EntityType::kPerson || type == EntityType::kUnknown)) return m;
    out.mentions.pop_back();
  }
  bool before_fits = before.valid() && np_has_content(before) &&
                     (starts_with_name(before) ? !starts_with_name(np) : person_role_head(before));
  if (!before_fits) return kNone;
  // « Me Franck De Vita, l'avocat de Stephan Turk s'engouffre … »: a
  // person's name opens the sentence, a role with its article follows its
  // comma right before the verb; the writer left out the comma that closes
  // the apposition, and the name speaks, not the role's complement.
  if (before.begin == sentence_begin && starts_with_name(before) && !starts_with_name(np) &&
      has(np.begin, WordClasses::kDet) && person_role_head(np) &&
      (title_of(before.begin) || (tags_[before.begin].readings & kPosGivenName)))
    return name_with_role(before, np, false);
  Np joined{before.begin, before.end};
  int m = mention_with_apposition(joined, sentence_end);
  if (m != kNone && out.mentions[m].end >= tok(np.end - 1).end) return m;
  if (m != kNone) out.mentions.pop_back();
  return kNone;
}

int Run::named_head_of_appositions(const Np& np, std::uint32_t sentence_begin) {
  int last = make_mention(np.begin, np.end);
  const MentionInfo& lm = out.mentions[last];
  bool someone = lm.type == EntityType::kPerson || lm.type == EntityType::kGroup ||
                 (lm.type == EntityType::kOrganization && lm.state.empty());
  out.mentions.pop_back();
  if (someone) return kNone;
  std::uint32_t b = np.begin;
  for (int segments = 0; segments < 4 && b > sentence_begin + 1; ++segments) {
    // Back to the comma that opens this apposition.
    std::uint32_t c = b;
    while (c > sentence_begin && !is_punct(c - 1)) --c;
    if (c <= sentence_begin + 1 || !is_comma(c - 1)) return kNone;
    Np head = np_backward(c - 1, sentence_begin);
    if (!head.valid()) return kNone;
    if (is_name_word(head.end - 1)) {
      // The name that ends the phrase: "le cas de Stéphanie".
      std::uint32_t nb = head.end - 1;
      // A capitalised particle between two names stays (Martine Le Goff).
      while (nb > head.begin && (is_name_word(nb - 1) || (tok(nb - 1).capitalized && nb - 1 > head.begin &&
                                                           is_name_word(nb - 2))))
        --nb;
      int m = make_mention(nb, head.end);
      if (out.mentions[m].type == EntityType::kPerson || out.mentions[m].type == EntityType::kUnknown) return m;
      out.mentions.pop_back();
      return kNone;
    }
    b = head.begin;
  }
  return kNone;
}

int Run::sentence_subject(std::uint32_t sentence_begin, std::uint32_t limit, std::uint32_t sentence_end) {
  std::uint32_t k = sentence_begin;
  while (k < limit) {
    if (tok(k).kind == TokenKind::kQuoteMark) break;
    // A coordination opening the sentence is no part of its subject: "Mais
    // le candidat semble …", "Or, la ministre a …".
    if (tags_[k].pos == kPosCoordination) {
      ++k;
      if (k < limit && is_comma(k)) ++k;
      continue;
    }
    // The subject's article (le, la also mark time); not au, aux, the
    // preposition à with its article, which open an adjunct (« Au
    // lendemain de l'incendie, le directeur … »).
    if (has(k, WordClasses::kDet) && !is_de(k) && !has(k, WordClasses::kPrep)) break;
    // Skip a preposed phrase closed by a comma when it starts with a
    // preposition, a time word or a participle.
    // A fronted participle, adjective or preposition by its part of speech
    // too: "Battu à domicile, l'entraîneur …", "Lors de son déplacement, …".
    const bool fronted_adjunct =
        ((tags_[k].pos & (kPosPastParticiple | kPosPresentParticiple | kPosInfinitive | kPosAdjective |
                          kPosAdverb | kPosPreposition)) != 0 && !is_name_word(k)) ||
        ((tags_[k].readings & (kPosPastParticiple | kPosPresentParticiple | kPosInfinitive | kPosAdverb |
                               kPosPreposition)) != 0 &&
         !(tags_[k].readings & kPosProperNoun) && !role_of(k) && !title_of(k));
    // A courtesy title written small before a name opens the subject
    // (« Après une heure d'audience, maître Paul Girard accuse … »).
    if (title_of(k) && k + 1 < limit && is_name_word(k + 1)) break;
    if (has(k, WordClasses::kPrep | WordClasses::kTime | WordClasses::kAdv) || fronted_adjunct ||
        (tok(k).kind == TokenKind::kWord && !tok(k).capitalized && !has(k, WordClasses::kDet))) {
      std::uint32_t c = k;
      while (c < limit && !is_comma(c)) ++c;
      if (c < limit) {
        k = c + 1;
        continue;
      }
      return kNone;
    }
    break;
  }
  if (k >= limit || (k == sentence_begin && dative_clitic_opens(k, sentence_end))) return kNone;
  Np np = np_forward(k, sentence_end);
  if (!np.valid() || !np_has_content(np)) return kNone;
  // An absolute participial clause, a noun phrase with its own participle
  // closed by a comma before any finite verb (« La séance levée, le maire
  // a … », « X désormais remplacée par Y, le ministre n'est pas … »), is
  // an adjunct: the subject follows it.
  if (const std::uint32_t after = absolute_clause_end(np, limit); after != 0) {
    Np main = np_forward(after, sentence_end);
    if (main.valid() && np_has_content(main)) return mention_with_apposition(main, sentence_end);
  }
  return mention_with_apposition(np, sentence_end);
}

bool Run::dative_clitic_opens(std::uint32_t k, std::uint32_t sentence_end) const {
  // The à-complement is looked for within the verb's next words only.
  constexpr std::uint32_t kComplementReach = 8;
  if (k + 1 >= sentence_end || !has_anchor(k, WordClasses::kThirdDative) || forms(k + 1).empty() ||
      !(tags_[k + 1].readings & kPosFiniteVerb))
    return false;
  // Leur before a noun is the possessive (« Leur demande a été rejetée »).
  if (has(k, WordClasses::kDet) && (tags_[k + 1].readings & kPosNoun)) return false;
  for (std::uint32_t q = k + 2; q < sentence_end && q < k + 2 + kComplementReach; ++q) {
    if (is_punct(q) || tok(q).kind == TokenKind::kQuoteMark || is_que(q)) break;
    if (has_anchor(q, WordClasses::kDativeWord)) return false;
  }
  return true;
}

std::uint32_t Run::absolute_clause_end(const Np& np, std::uint32_t limit) const {
  // The participle may have been read into the phrase (« L'ancien
  // directeur parti à la retraite »); the tagger may read it as a noun
  // (« La séance levée »): any participle reading counts. The clause is
  // short: kAbsoluteClauseTokens at most up to its comma.
  constexpr std::uint32_t kAbsoluteClauseTokens = 16;
  const std::uint32_t end = std::min(limit, np.begin + kAbsoluteClauseTokens);
  bool participle = false;
  for (std::uint32_t c = np.begin + 1; c < end; ++c) {
    if ((tags_[c].pos & kPosFiniteVerb) || has(c, WordClasses::kAux) || tok(c).kind == TokenKind::kQuoteMark) return 0;
    if (is_comma(c)) return participle && c + 1 < limit && has(c + 1, WordClasses::kDet) ? c + 1 : 0;
    // Not a noun after its article or preposition (« du musée »).
    participle |= (tags_[c].readings & kPosPastParticiple) != 0 && !is_name_word(c) && !has(c - 1, WordClasses::kDet) &&
                  !(tags_[c - 1].pos & (kPosPreposition | kPosDeterminer));
  }
  return 0;
}

bool Run::compatible(const MentionInfo& pronoun, const MentionInfo& cand) const {
  if (cand.pronoun) return false;
  if (pronoun.plural != cand.plural) {
    // Capitals and states standing for a government are singular.
    return false;
  }
  const Gender gender = cand.gender != '?' ? cand.gender : given_name_gender(cand);
  if (pronoun.gender != '?' && gender != '?' && pronoun.gender != gender) return false;
  return true;
}

Gender Run::given_name_gender(const MentionInfo& cand) const {
  // A person's given name tells the gender no article, title or role gave
  // (« Marie Lenoir a rencontré le juge. Il a estimé … »: il is not Marie).
  if (!by_given_name_ || cand.type != EntityType::kPerson) return '?';
  const std::size_t space = cand.name.find(' ');
  if (space == std::string::npos) return '?';
  return words.given_name_gender(fold_utf8(std::string_view(cand.name).substr(0, space)));
}

void Run::resolve_pronoun(int m) {
  // A copy: the mentions named_before makes may move the list.
  const MentionInfo p = out.mentions[m];
  // The indefinite on names no one, never someone named before it
  // (« Sur la banderole, on pouvait lire : « … » »).
  if (!p.pronoun || has_grammar(tok_of(p.begin), WordClasses::kOnWord) || impersonal_participle(*this, tok_of(p.begin)) != 0)
    return;
  const std::uint32_t at = tok_of(p.begin);
  // A description that names again (ce dernier, l'homme aux 111
  // sélections) was resolved when it was read, by its own rule.
  if (p.end > tok(at).end) return;
  // The gender of a given name first; the dictionary's genders of given
  // names from other languages are less sure (Ibrahima is a man's name):
  // without them when no one agrees.
  for (const bool by_given_name : {true, false}) {
    by_given_name_ = by_given_name;
    const int antecedent = antecedent_of_pronoun(p, m);
    by_given_name_ = false;
    if (antecedent != kNone) {
      out.mentions[m].antecedent = antecedent;
      return;
    }
  }
}

int Run::antecedent_of_pronoun(const MentionInfo& p, int m) {
  const std::uint32_t at = tok_of(p.begin);
  // « celui-ci », « celle-ci » name the one named last, not the subject
  // (« La maire a écrit à la préfète, Sophie Renard. Celle-ci a assuré … »).
  if (has_extra(at, WordClasses::kLatter))
    if (const int named = named_before(p, at, NamedPick::kLast); named != kNone) return named;
  // A singular "il"/"elle" is a person far more often than a state in
  // news prose: persons first, then any compatible entity. The speaker of
  // the last claim counts as a person: a report goes on with the same
  // voice (« … », a annoncé le gouvernement. « … », a-t-il ajouté), unless
  // a person named since is the subject the pronoun takes up.
  // Within a paragraph and the one before it only: a voice does not go on
  // across paragraphs about other things.
  int last_speaker = root_of(last_claim_speaker_);
  const auto paragraph_at = [&](std::uint32_t offset) { return doc.sentences[doc.sentence_at(offset)].paragraph; };
  if (last_speaker != kNone && paragraph_at(out.mentions[last_claim_speaker_].begin) + 1 < paragraph_at(p.begin))
    last_speaker = kNone;
  for (int pass = 0; pass < 2; ++pass) {
    for (auto it = salience.rbegin(); it != salience.rend(); ++it) {
      if (out.mentions[*it].begin >= antecedent_limit_) continue;  // inside the words the pronoun closes
      const int c = root_of(*it);
      if (c == kNone || c == m) continue;
      const MentionInfo& cand = out.mentions[c];
      if (pass == 0 && !p.plural && cand.type != EntityType::kPerson && c != last_speaker) continue;
      if (!compatible(p, cand)) continue;
      // The subject of the clause before takes the pronoun over an object
      // or a complement noted after it, unless that one spoke last.
      const int subject = c == last_speaker ? kNone : subject_before_in_sentence(p, *it);
      return subject != kNone ? subject : c;
    }
    // No salient person agrees: the subject of this sentence or the one
    // before, whatever it names (« Le club ne vendra pas son attaquant, et
    // il l'a fait savoir »), else one named in the sentence before, even as
    // an object or a complement (« Le directeur a reçu la ministre, Agnès
    // Perrin. « … », a-t-elle promis »).
    if (pass == 0) {
      if (const int subject = recent_subject(p); subject != kNone) return subject;
      if (const int named = named_before(p, at, NamedPick::kFirst); named != kNone) return named;
    }
  }
  return kNone;
}

int Run::anaphoric_description(std::uint32_t b, std::uint32_t e, MentionInfo& m) {
  // An article or a demonstrative and one word of words.tsv's classes
  // (ce dernier, l'intéressée, le premier, la seconde), nothing else: « le
  // premier ministre », « ces derniers jours » are other phrases.
  if (e != b + 2 || !has(b, WordClasses::kDet)) return kNone;
  NamedPick pick;
  if (has_anchor(b + 1, WordClasses::kLatterWord)) pick = NamedPick::kLast;
  else if (has_anchor(b + 1, WordClasses::kConcernedWord)) pick = NamedPick::kLastNotAgent;
  else if (has_anchor(b + 1, WordClasses::kFirstOfPair)) pick = NamedPick::kFirstOfPair;
  else if (has_anchor(b + 1, WordClasses::kSecondOfPair)) pick = NamedPick::kSecondOfPair;
  else return kNone;
  // The article tells the gender (la seconde, ce dernier); when it does
  // not (l'intéressée, ces dernières), the word's form does.
  if (m.gender == '?') m.gender = has_anchor(b + 1, WordClasses::kFeminineForm) ? 'f' : 'm';
  MentionInfo probe = m;
  probe.pronoun = true;
  return named_before(probe, b, pick);
}

int Run::recent_subject(const MentionInfo& pronoun) const {
  const std::size_t s = doc.sentence_at(pronoun.begin);
  for (std::size_t back = 0; back < 2 && back <= s; ++back) {
    const int subject = s - back < sentence_subjects_.size() ? sentence_subjects_[s - back] : kNone;
    if (subject == kNone || out.mentions[subject].begin >= std::min(pronoun.begin, antecedent_limit_)) continue;
    const int root = root_of(subject);
    if (root != kNone && compatible(pronoun, out.mentions[root])) return root;
  }
  return kNone;
}

int Run::subject_before_in_sentence(const MentionInfo& pronoun, int entry) const {
  const std::size_t s = doc.sentence_at(out.mentions[entry].begin);
  const int subject = s < sentence_subjects_.size() ? sentence_subjects_[s] : kNone;
  if (subject == kNone || subject == entry || out.mentions[subject].begin >= out.mentions[entry].begin) return kNone;
  const int root = root_of(subject);
  if (root == kNone || root == root_of(entry) || out.mentions[root].type != EntityType::kPerson ||
      !compatible(pronoun, out.mentions[root]))
    return kNone;
  return root;
}

std::vector<Np> Run::phrases_naming_before(std::uint32_t at) const {
  std::vector<Np> phrases;
  const std::size_t s = doc.sentence_at(tok(at).begin);
  std::uint32_t from = doc.sentences[s > 0 ? s - 1 : 0].token_begin;
  if (at > kNamedLookBack) from = std::max(from, at - kNamedLookBack);
  int depth = 0;
  bool straight = false;
  // The look-back may start inside a quotation (a sentence of it, or cut
  // at kNamedLookBack): a straight mark glued to the word before it and
  // not to the word after closes a quotation (« "… on en a marre", a
  // pointé X. Ce dernier … »), one after a space opens one, instead of
  // each mark turning the state over.
  const auto straight_state_after = [&](std::uint32_t k, bool was) {
    const Token& t = tok(k);
    const bool glued_before = t.begin > 0 && !is_space(doc.text[t.begin - 1]);
    const bool glued_after = t.end < doc.text.size() && is_letter(doc.text[t.end]);
    if (glued_before != glued_after) return glued_after;
    return !was;
  };
  for (std::uint32_t k = from; k < at && tok(k).begin < antecedent_limit_; ++k) {
    if (tok(k).kind == TokenKind::kQuoteMark && straight_quote_token(tok(k).lower)) straight = straight_state_after(k, straight);
    else if (tok(k).kind == TokenKind::kQuoteMark) track_quotation_mark(tok(k).lower, depth, straight);
    if (depth > 0 || straight || tok(k).kind != TokenKind::kWord || has(k, WordClasses::kSubj)) continue;
    // A phrase opens on a title, on an article before a role, a title or a
    // name, or on the first word of a name.
    const bool opens = title_of(k) || (is_name_word(k) && (k == from || !is_name_word(k - 1))) ||
                       (has(k, WordClasses::kDet) && k + 1 < at && (role_of(k + 1) || title_of(k + 1) || is_name_word(k + 1)));
    if (!opens) continue;
    const Np np = np_forward(k, at);
    if (!np.valid()) continue;
    phrases.push_back(np);
    k = np.end - 1;
  }
  return phrases;
}

int Run::named_before(const MentionInfo& probe, std::uint32_t at, NamedPick pick) {
  const std::vector<Np> phrases = phrases_naming_before(at);
  // The mention of a phrase, an apposition after it within its sentence
  // (« la préfète, Sophie Renard, »).
  const auto mention_of = [&](const Np& np) {
    return mention_with_apposition(np, std::min(doc.sentences[doc.sentence_at(tok(np.begin).begin)].token_end, at));
  };
  // The one a phrase names, made anew (its apposition folded in) and kept
  // when it is someone who agrees with `probe`: a person (or a group for a
  // plural) except for « ce dernier », which may take up a body.
  const auto agreeing = [&](const Np& np) {
    const std::size_t made = out.mentions.size();
    const int c = mention_of(np);
    const MentionInfo* mi = c == kNone ? nullptr : &out.mentions[c];
    const bool person = mi && (mi->type == EntityType::kPerson || (probe.plural && mi->type == EntityType::kGroup));
    if (mi && !mi->pronoun && (person || pick == NamedPick::kLast) && names_someone(c) && speaker_head_ok(c) &&
        compatible(probe, *mi))
      return c;
    out.mentions.resize(made);
    return kNone;
  };
  if (pick == NamedPick::kFirst) {
    for (const Np& np : phrases)
      if (const int c = agreeing(np); c != kNone) return c;
    return kNone;
  }
  if (pick == NamedPick::kLast || pick == NamedPick::kLastNotAgent) {
    for (auto it = phrases.rbegin(); it != phrases.rend(); ++it) {
      if (pick == NamedPick::kLastNotAgent && it->begin > 0 && has_extra(it->begin - 1, WordClasses::kParWord)) continue;
      if (const int c = agreeing(*it); c != kNone) return c;
    }
    return kNone;
  }
  // « le premier », « la seconde »: the last two persons named, whatever
  // their gender; the one the ordinal picks must agree.
  MentionInfo any_gender = probe;
  any_gender.gender = '?';
  std::vector<Np> persons;
  for (auto it = phrases.rbegin(); it != phrases.rend() && persons.size() < 2; ++it) {
    const std::size_t made = out.mentions.size();
    const int c = mention_of(*it);
    if (c != kNone && out.mentions[c].type == EntityType::kPerson && compatible(any_gender, out.mentions[c]))
      persons.push_back(*it);
    out.mentions.resize(made);
  }
  if (persons.size() < 2) return kNone;
  return agreeing(pick == NamedPick::kSecondOfPair ? persons[0] : persons[1]);
}

int Run::root_of(int m) const {
  while (m != kNone && out.mentions[m].pronoun) m = out.mentions[m].antecedent;
  return m;
}

int Run::antecedent_in_quotation(int pronoun, std::uint32_t quote_begin, int speaker) {
  const MentionInfo p = out.mentions[pronoun];
  const std::uint32_t at = tok_of(p.begin);
  // The subject of a clause before it: its verb (or auxiliary) follows,
  // past a comma, object clitics and ne (« Bechr Chebbi, s'est approché »).
  auto subject_of_clause = [&](std::uint32_t k) {
    if (k < at && is_comma(k)) ++k;
    while (k < at && (has(k, WordClasses::kObj) || has_extra(k, WordClasses::kNeForm))) ++k;
    return k < at && (has(k, WordClasses::kAux) || (tags_[k].pos & kPosFiniteVerb));
  };
  // Phrases of the quotation before the pronoun, in its sentence or the
  // two before, nearest first, subjects of a clause first (a subject
  // pronoun takes up a subject); not the speaker's own je, nous, mon …
  const std::size_t s = doc.sentence_at(p.begin);
  const std::uint32_t from = std::max(quote_begin, doc.sentences[s >= 2 ? s - 2 : 0].token_begin);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint32_t b = at; b-- > from;) {
      if (tok(b).kind != TokenKind::kWord || has(b, WordClasses::kSubj | WordClasses::kPerson12)) continue;
      const Np np = np_forward(b, at);
      if (!np.valid() || np.begin != b || !np_has_content(np) || (pass == 0 && !subject_of_clause(np.end))) continue;
      const int c = make_mention(np.begin, np.end);
      if (!out.mentions[c].pronoun && speaker_head_ok(c) && names_someone(c) && compatible(p, out.mentions[c]))
        return c;
      out.mentions.pop_back();
    }
  }
  for (auto it = salience.rbegin(); it != salience.rend(); ++it) {
    const int c = root_of(*it);
    if (c != kNone && c != speaker && compatible(p, out.mentions[c])) return c;
  }
  return kNone;
}

void Run::note_salient(int m) {
  // A phrase that cannot speak is no antecedent either.
  if (m == kNone || !speaker_head_ok(m)) return;
  resolve_pronoun(m);
  salience.push_back(m);
  if (salience.size() > 64) salience.erase(salience.begin());
}

std::vector<int> Run::conjunct_mentions(const Np& np) {
  std::vector<int> out_mentions;
  std::uint32_t b = np.begin;
  for (std::uint32_t k = np.begin; k <= np.end; ++k) {
    if (k == np.end || ((has_extra(k, WordClasses::kEtWord) || is_comma(k)) && k > b)) {
      Np part{b, k};
      while (part.end > part.begin && is_comma(part.end - 1)) --part.end;
      if (part.valid() && np_has_content(part)) out_mentions.push_back(make_mention(part.begin, part.end));
      b = k + 1;
    }
  }
  return out_mentions;
}

bool Run::is_entity_mention(int m) const {
  const MentionInfo& mi = out.mentions[m];
  return !mi.name.empty() || !mi.state.empty() || mi.type != EntityType::kUnknown;
}

bool Run::type_person_description(int m) {
  MentionInfo& mi = out.mentions[m];
  if (mi.pronoun || is_entity_mention(m) || !gaz.has_speaking_nouns() || tags_.size() != doc.tokens.size()) return false;
  const std::uint32_t b = tok_of(mi.begin), e = tok_of(mi.end - 1) + 1;
  if (e < b + 2 || !has_extra(b, WordClasses::kDefiniteArticle) || !(tags_[b + 1].readings & kPosNoun)) return false;
  const std::uint32_t end = speaking_noun_end(b + 1, e);
  if (end <= b + 1) return false;
  std::string key;
  for (std::uint32_t k = b + 1; k < end; ++k) key += (k > b + 1 ? " " : "") + std::string(tok(k).lower);
  if (!gaz.person_noun(key)) return false;
  mi.type = EntityType::kPerson;
  return true;
}

}  // namespace quotegraph::detail

// Dialogue and interview turns: lines opened by a dialogue dash, labelled
// question and answer lines, question paragraphs of an interview, and the
// narrator's incises that cut a turn in pieces.
#include "quotegraph/quotes/dialogue.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include "quotegraph/text/quote_marks.h"
#include "quotegraph/text/text.h"

namespace quotegraph {
namespace {

using W = WordClasses;

bool is_line_break(char32_t c) { return c == U'\n' || c == 0x2028 || c == 0x2029; }
bool is_opening_mark(char32_t c) {
  return c == 0x00AB || c == 0x201C || c == 0x201E || c == 0x201F || c == 0x2039;
}
bool is_closing_mark(char32_t c) { return c == 0x00BB || c == 0x201D || c == 0x203A; }
bool is_mark(char32_t c) { return is_opening_mark(c) || is_closing_mark(c) || is_straight_double_quote(c); }

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A finite form that can have a third-person subject: French third persons
// never end in s, x, z or -ai (dis, cries, demandons, dites, criai are
// first or second persons; dit, crie, cria, disaient are third).
bool third_person(std::string_view form) {
  if (form.empty()) return false;
  const char last = form.back();
  return last != 's' && last != 'x' && last != 'z' && !ends_with(form, "ai");
}

// Length of a dialogue dash at t[i] (— – ― or --, or a hyphen before a
// space, typed for the dash where the keyboard has none), 0 when there is
// none. A list's hyphen is told apart by what follows it (dash_content).
std::uint32_t dash_length(std::u32string_view t, std::uint32_t i, std::uint32_t end) {
  if (i < end && is_dialogue_dash(t[i])) return 1;
  if (i + 1 < end && t[i] == U'-' && t[i + 1] == U'-') return i + 2 < end && t[i + 2] == U'-' ? 3 : 2;
  if (i + 1 < end && t[i] == U'-' && t[i + 1] == U' ') return 1;
  return 0;
}

// Token-level reading of one document.
class Reader {
 public:
  Reader(const Document& doc, const DialogueVerbs& verbs, const WordClasses& words)
      : doc_(doc), verbs_(verbs), words_(words) {}

  const Token& tok(std::uint32_t i) const { return doc_.tokens[i]; }
  std::string_view low(std::uint32_t i) const { return doc_.tokens[i].lower; }
  bool word(std::uint32_t i) const { return tok(i).kind == TokenKind::kWord; }
  bool punct(std::uint32_t i, std::string_view p) const { return tok(i).kind == TokenKind::kPunct && low(i) == p; }
  char32_t first_char(std::uint32_t i) const { return doc_.text[tok(i).begin]; }

  // First token that begins at or after `offset`.
  std::uint32_t token_from(std::uint32_t offset) const {
    auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), offset,
                               [](const Token& t, std::uint32_t o) { return t.begin < o; });
    return static_cast<std::uint32_t>(it - doc_.tokens.begin());
  }

  std::optional<Incise> find_incise(std::uint32_t tb, std::uint32_t te) const;
  // The incise whose cue verb group starts at token k (after a delimiter),
  // up to te; none when the words there are no incise.
  std::optional<Incise> incise_at(std::uint32_t k, std::uint32_t te) const;
  // The rest of incise `inc`, whose cue starts at token k and whose cue
  // and subject end before token `after`: its end, the one spoken to, and
  // what its subject is; none when a reported clause follows (dit Paul que).
  std::optional<Incise> finish_incise(Incise inc, std::uint32_t k, std::uint32_t after, std::uint32_t te) const;
  // dit Bouvard, répondit enfin la servante, a dit ma mère: the cue `verb`
  // at token j (an auxiliary when `aux`) and its noun-phrase subject after
  // it. Sets the cue and subject of `inc` and `after`, the first token
  // after them; false when there is no such subject.
  bool noun_subject_incise(std::uint32_t k, std::uint32_t j, std::uint32_t te, const std::string& verb, bool aux,
                           Incise& inc, std::uint32_t& after) const;

  // Where speech resumes after the incise ending before token `d`: the
  // token index, or `te` when the rest of the turn is narrative. In a
  // quotation that its closing mark ends (`enclosed`), the sentence after
  // an incise is speech again: the narrator does not speak inside « »
  // (« Le match est perdu, affirme l'entraîneur. L'arbitre s'est excusé. »).
  std::uint32_t resume_after(std::uint32_t d, std::uint32_t te, bool enclosed) const;

  // Splits the content [cb, ce) of a turn (tokens [tb, te)) in pieces
  // around its incises; `enclosed` as for resume_after.
  void split(std::uint32_t cb, std::uint32_t ce, Turn& turn, bool enclosed = false) const;
  // Adds the piece [b, e) of `turn` without the narrator's asides in
  // parentheses (— Vous pourrez le demander à maman (comme si elle avait
  // besoin de se justifier !) ; d'habitude …).
  void add_piece(std::uint32_t b, std::uint32_t e, Turn& turn) const;
  // The piece before an incise that is not the turn's first starts at the
  // sentence the incise cuts: "… de douleur. | Dites-moi, ma chère,
  // ajouta-t-elle, …". Tokens from `from_tok` to `incise_tok`.
  std::uint32_t sentence_start(std::uint32_t from_tok, std::uint32_t incise_tok) const;

  // Fills turn.vocatives from its pieces.
  void find_vocatives(Turn& turn) const;

  // True when the sentence starting at token n reads as speech rather than
  // narration: first or second person, an exclamation or a question, an
  // interjection or an opening quotation mark.
  bool speech_like(std::uint32_t n, std::uint32_t te) const;

  TextSpan trim_piece(std::uint32_t b, std::uint32_t e) const;

  // True when the text just before offset `line` (the start of a turn)
  // is a sentence ending on a colon with a verb of saying in it: "Le
  // pêcheur leva les yeux et dit :", "Puis elle murmura :".
  bool introduced(std::uint32_t line) const;
  // True when that sentence's verb of saying has the narrator for its
  // object: "Il me dit :", "Le notaire me demanda alors :".
  bool to_narrator(std::uint32_t line) const;

 private:
  // A delimiter an incise may follow: , ! ? … ; — or a closing mark, or the
  // last dot of "...".
  bool incise_delimiter(std::uint32_t i) const;
  // A delimiter that ends an incise.
  bool ends_incise(std::uint32_t i) const;
  // The token after the colon that ends the text before offset `line`
  // (the start of a turn, after its dash), 0 when there is none.
  std::uint32_t colon_before(std::uint32_t line) const;
  bool object_clitic(std::uint32_t i) const {
    return word(i) && words_.has(low(i), W::kObj);
  }
  bool adverb(std::uint32_t i) const {
    if (!word(i) || tok(i).capitalized) return false;
    const std::string_view w = low(i);
    if (words_.has(w, W::kNotManner)) return false;
    return words_.has(w, W::kAdv | W::kManner) || (w.size() > 6 && ends_with(w, "ment"));
  }
  // A word that ends a noun phrase read after an inverted verb.
  bool np_stop(std::uint32_t i) const;
  // End (exclusive) of the inverted subject starting at token s, or s when there is none.
  std::uint32_t subject_end(std::uint32_t s, std::uint32_t te) const;
  // True when token `n` opens the narration's own words after an incise: a
  // relative pronoun, puis, a gerund, a present participle, an adjunct.
  bool narrative_marker(std::uint32_t n, std::uint32_t te) const;
  // True when token `n` opens a gerund, past its object clitics: en
  // souriant, en se penchant. Not "en attendant" (meanwhile), "en avant".
  bool gerund_at(std::uint32_t n, std::uint32_t te) const;
  // True for a present participle of a verb the dictionary knows:
  // ajoutant, désignant, and of irregular verbs, faisant, disant, voyant.
  bool present_participle(const std::string& w) const;
  bool participle_of_verb(std::string_view w) const;
  // End of a short manner adjunct starting at token s (avec chaleur, d'une
  // voix douce, à voix basse), or s when there is none.
  std::uint32_t manner_adjunct_end(std::uint32_t s, std::uint32_t te) const;
  // The end of an incise's inverted subject after a detached phrase
  // between commas, the first at token `c` (« dit, fronçant les sourcils,
  // sa mère »); sets `s` to its first token. `c` when there is none.
  std::uint32_t subject_after_detached(std::uint32_t c, std::uint32_t te, std::uint32_t& s) const;
  // True when token `k` is a relative pronoun (qui, que, qu', dont).
  bool opens_relative(std::uint32_t k) const;

  const Document& doc_;
  const DialogueVerbs& verbs_;
  const WordClasses& words_;
};

bool Reader::incise_delimiter(std::uint32_t i) const {
  const Token& t = tok(i);
  if (t.kind == TokenKind::kQuoteMark) return is_closing_mark(first_char(i)) || is_straight_double_quote(first_char(i));
  if (t.kind != TokenKind::kPunct) return false;
  if (one_of(t.lower, {",", "!", "?", "…", ";"}) || is_dialogue_dash(first_char(i))) return true;
  // The last dot of an ellipsis written "...".
  return t.lower == "." && i > 0 && punct(i - 1, ".");
}

bool Reader::ends_incise(std::uint32_t i) const {
  const Token& t = tok(i);
  if (t.kind == TokenKind::kQuoteMark) return true;
  if (t.kind != TokenKind::kPunct) return false;
  if (t.lower == "." && i > 0 && tok(i - 1).kind == TokenKind::kWord && tok(i - 1).end == t.begin) {
    // "M." or an initial inside the incise's noun phrase is no end.
    const std::string_view w = low(i - 1);
    if (tok(i - 1).capitalized && (w.size() == 1 || words_.has(w, W::kTitleAbbrev)))
      return false;
  }
  return one_of(t.lower, {",", ";", ":", ".", "!", "?", "…", "(", ")"}) || is_dialogue_dash(first_char(i));
}

bool Reader::np_stop(std::uint32_t i) const {
  const Token& t = tok(i);
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) return true;
  if (t.capitalized) return false;
  const std::string_view w = t.lower;
  if (words_.has(w, W::kNpStop)) return true;
  if (words_.has(w, W::kPrep | W::kAux)) return true;
  if (adverb(i)) return true;
  return false;
}

std::uint32_t Reader::subject_end(std::uint32_t s, std::uint32_t te) const {
  if (s >= te) return s;
  constexpr std::uint32_t kMaxWords = 6;
  const Token& t = tok(s);
  if (t.kind != TokenKind::kWord) return s;
  const std::string_view w = t.lower;
  std::uint32_t e = s;
  auto extend = [&](std::uint32_t from) {
    std::uint32_t k = from;
    while (k < te && k < from + kMaxWords) {
      if (tok(k).kind == TokenKind::kPunct && low(k) == "." && k > s && tok(k - 1).capitalized &&
          tok(k - 1).end == tok(k).begin && (low(k - 1).size() == 1 || words_.has(low(k - 1), W::kTitleAbbrev))) {
        ++k;  // M. Arnaud, J. Dupont
        continue;
      }
      // Particles inside names: le comte de Faverges, Mme du Plessis; and
      // a noun's complement without article: le chef de gare, la femme de
      // chambre, la concierge du troisième (not "d'une voix", "de partir").
      const bool particle = words_.has(low(k), W::kParticle);
      if (k > s && word(k) && !tok(k).capitalized && (words_.has_extra(low(k), W::kNounLink) || particle) &&
          k + 1 < te && word(k + 1) &&
          (tok(k + 1).capitalized || (!words_.has(low(k + 1), W::kDet) && !words_.infinitive(low(k + 1)) &&
                                      !particle))) {
        k += 2;
        continue;
      }
      if (np_stop(k)) break;
      ++k;
    }
    return k;
  };
  // An elided pronoun written in two tokens: quelqu'un.
  if (!w.empty() && w.back() == '\'' && s + 1 < te && words_.has(std::string(w).append(low(s + 1)), W::kPronounSubject))
    return s + 2;
  if (words_.has(w, W::kPronounSubject)) return s + 1;
  if (words_.has(w, W::kDet) && !words_.has(w, W::kQuantifier)) {
    e = extend(s + 1);
    return e > s + 1 ? e : s;  // an article alone is no subject
  }
  if (t.capitalized) return extend(s);
  // A bare noun (fit papa, me répétait oncle meunier): only when the
  // incise ends right after it.
  e = extend(s);
  if (e > s && e - s <= 2 && (e >= te || ends_incise(e))) return e;
  return s;
}

bool Reader::participle_of_verb(std::string_view w) const { return verbs_.participle(w); }

std::uint32_t Reader::manner_adjunct_end(std::uint32_t s, std::uint32_t te) const {
  if (s >= te || !word(s) || !words_.has(low(s), W::kMannerOpener)) return s;
  // The adjunct's own words: lower case, no delimiter, no verb, at most four.
  std::uint32_t k = s + 1;
  while (k < te && k <= s + 4 && word(k) && !tok(k).capitalized && !words_.infinitive(low(k)) &&
         !verbs_.finite(low(k))) {
    ++k;
    // It ends where an article or a name opens the subject.
    if (k < te && ((words_.has(low(k), W::kDet) && !words_.has_extra(low(k), W::kIndefHead)) || tok(k).capitalized))
      return k;
  }
  return s;
}

std::optional<Incise> Reader::find_incise(std::uint32_t tb, std::uint32_t te) const {
  bool speech = false;  // a word or number seen before the candidate
  for (std::uint32_t k = tb; k + 1 <= te; ++k) {
    if (k > tb && speech && incise_delimiter(k - 1)) {
      if (std::optional<Incise> inc = incise_at(k, te)) return inc;
    }
    const Token& t = tok(k);
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) speech = true;
  }
  return std::nullopt;
}

std::optional<Incise> Reader::incise_at(std::uint32_t k, std::uint32_t te) const {
  std::uint32_t j = k;
  int clitics = 0;
  while (j < te && clitics < 2 && object_clitic(j)) ++j, ++clitics;
  if (!(j < te && word(j) && !tok(j).capitalized)) return std::nullopt;
  std::string verb(low(j));
  std::string pronoun;
  const std::size_t h = verb.rfind('-');
  if (h != std::string::npos && h > 0) {
    std::string tail = verb.substr(h + 1);
    // An incise inverts a third person or the narrator (pensai-je,
    // répondîmes-nous); a verb inverted with tu or vous in a line of
    // dialogue is a question or an imperative (sais-tu, expliquez-vous).
    if (words_.has(tail, W::kSubj12) && !words_.has_extra(tail, W::kNarrator)) return std::nullopt;
    if (words_.has(tail, W::kSubj12)) {
      pronoun = tail;
      verb = verb.substr(0, h);
    }
  }
  Incise inc;
  bool found = false;
  std::uint32_t after = j;  // first token after the cue and a clitic subject
  const bool aux = words_.has(verb, W::kAux);
  if (!pronoun.empty()) {
    // pensai-je, ai-je dit
    if (verbs_.finite(verb)) {
      inc.cue_begin = k, inc.cue_end = j + 1, after = j + 1, found = true;
    } else if (aux && j + 1 < te && participle_of_verb(low(j + 1))) {
      inc.cue_begin = k, inc.cue_end = j + 2, after = j + 2, found = true;
    }
    inc.subject_begin = j, inc.subject_end = j + 1;
    inc.first_person = words_.has_extra(pronoun, W::kNarrator);
  } else if (j + 1 < te && tok(j + 1).kind == TokenKind::kClitic) {
    // dit-il, s'écria-t-elle, a-t-il dit
    if (!third_person(verb)) {
      // demandons-nous is no -il inversion
    } else if (verbs_.finite(verb)) {
      inc.cue_begin = k, inc.cue_end = j + 2, after = j + 2, found = true;
    } else if (aux && j + 2 < te && participle_of_verb(low(j + 2))) {
      inc.cue_begin = k, inc.cue_end = j + 3, after = j + 3, found = true;
    } else if (!aux && j + 2 < te && (ends_incise(j + 2) && !punct(j + 2, "?"))) {
      // Any verb inverted with its subject pronoun between a delimiter
      // and the end of a clause is an incise (— Bien, sourit-il.);
      // followed by ? it is a question (— Oui, viendra-t-il ?).
      inc.cue_begin = k, inc.cue_end = j + 2, after = j + 2, found = true;
    }
    inc.subject_begin = j + 1, inc.subject_end = j + 2;
  } else {
    found = noun_subject_incise(k, j, te, verb, aux, inc, after);
  }
  if (!found) return std::nullopt;
  return finish_incise(inc, k, after, te);
}

std::optional<Incise> Reader::finish_incise(Incise inc, std::uint32_t k, std::uint32_t after, std::uint32_t te) const {
  // The incise runs to the next delimiter: "dit l'étrangère en se
  // parlant avec une sorte d'exaltation".
  std::uint32_t e = after;
  while (e < te && !ends_incise(e)) ++e;
  // A reported clause is no incise: "dit Paul que …". After a subject set
  // off from its verb by a detached phrase, que opens a relative: « dit,
  // fronçant les sourcils, sa mère qu'un tel manque … choquait ».
  const bool detached_subject = inc.subject_begin > inc.cue_end && punct(inc.subject_begin - 1, ",");
  bool clause = false;
  for (std::uint32_t q = after; q < e && q < after + 2; ++q) clause |= words_.has_extra(low(q), W::kComplementizer);
  if (clause && !detached_subject) return std::nullopt;
  // The one spoken to, after the subject: "demanda Laurence bas à Pauline",
  // "dit-il à sa mère".
  for (std::uint32_t q = after; q + 1 < e && inc.addressee_end == 0; ++q) {
    if (!word(q) || !words_.has_extra(low(q), W::kDative)) continue;
    const std::uint32_t ae = subject_end(q + 1, e);
    if (ae > q + 1) inc.addressee_begin = q + 1, inc.addressee_end = ae;
  }
  inc.latter = inc.subject_end == inc.subject_begin + 1 && words_.has_extra(low(inc.subject_begin), W::kLatter);
  // Indefinite subjects name no one: disait l'un, dit quelqu'un, répondit chacun.
  if (!inc.first_person && inc.subject_end > inc.subject_begin) {
    const std::string_view first = low(inc.subject_begin);
    inc.nobody = words_.has_extra(first, W::kNobody) ||
                 (inc.subject_begin + 1 < inc.subject_end &&
                  words_.has_extra(std::string(first) + " " + std::string(low(inc.subject_begin + 1)), W::kNobody));
  }
  inc.span.begin = tok(k).begin;
  inc.span.end = tok(e - 1).end;
  return inc;
}

bool Reader::noun_subject_incise(std::uint32_t k, std::uint32_t j, std::uint32_t te, const std::string& verb,
                                 bool aux, Incise& inc, std::uint32_t& after) const {
  std::uint32_t v_end = 0;
  if (!third_person(verb)) v_end = 0;  // nous vous demandons: not an inverted third person
  else if (verbs_.finite(verb)) v_end = j + 1;
  else if (aux && j + 1 < te && participle_of_verb(low(j + 1))) v_end = j + 2;
  if (!v_end) return false;
  std::uint32_t s = v_end;
  for (int a = 0; a < 2 && s < te && adverb(s); ++a) ++s;
  std::uint32_t se = subject_end(s, te);
  // A manner adjunct before the subject: "dit avec chaleur la bonne
  // Pauline", "répondit d'une voix douce la mère".
  if (se == s) {
    const std::uint32_t pp = manner_adjunct_end(s, te);
    if (pp > s && !words_.has(low(pp), W::kContracted)) {
      const std::uint32_t pe = subject_end(pp, te);
      if (pe > pp && (words_.has(low(pp), W::kDet) || tok(pp).capitalized)) s = pp, se = pe;
    }
  }
  // A detached phrase between commas before the subject: « dit, fronçant
  // les sourcils, sa mère », « murmura enfin, les yeux baissés, le curé ».
  if (se == s) se = subject_after_detached(s, te, s);
  if (se <= s) return false;
  inc.cue_begin = k, inc.cue_end = v_end;
  inc.subject_begin = s, inc.subject_end = se;
  after = se;
  return true;
}

std::uint32_t Reader::subject_after_detached(std::uint32_t c, std::uint32_t te, std::uint32_t& s) const {
  constexpr std::uint32_t kMaxDetachedTokens = 8;
  if (c >= te || !punct(c, ",")) return c;
  std::uint32_t c2 = c + 1;
  while (c2 < te && c2 <= c + kMaxDetachedTokens && word(c2)) ++c2;
  if (c2 == c + 1 || c2 >= te || !punct(c2, ",")) return c;
  // The subject opens with an article or a capital and ends the incise.
  const std::uint32_t b = c2 + 1;
  if (b >= te || !word(b) || !(tok(b).capitalized || words_.has(low(b), W::kDet))) return c;
  const std::uint32_t e = subject_end(b, te);
  // A relative clause may follow the subject: « dit, fronçant les sourcils,
  // sa mère qu'un tel manque de soumission choquait », « répondit, haussant
  // les épaules, son père qui lisait ».
  if (e <= b || (e < te && !ends_incise(e) && !opens_relative(e))) return c;
  s = b;
  return e;
}

bool Reader::opens_relative(std::uint32_t k) const {
  return word(k) && (words_.has_grammar(low(k), W::kRelativePronoun) || words_.has_extra(low(k), W::kQueForm));
}

bool Reader::gerund_at(std::uint32_t n, std::uint32_t te) const {
  if (n >= te || !word(n) || !words_.has_extra(low(n), W::kGerundOpener)) return false;
  std::uint32_t k = n + 1;
  while (k < te && k < n + 3 && object_clitic(k)) ++k;
  return k < te && word(k) && ends_with(low(k), "ant") && !words_.has_extra(low(k), W::kNotGerund);
}

bool Reader::present_participle(const std::string& w) const {
  if (w.size() <= 5 || !ends_with(w, "ant") || words_.has(w, W::kNotParticiple)) return false;
  if (!words_.has_infinitives()) return true;
  const std::string stem = w.substr(0, w.size() - 3);
  const std::string shorter = stem.substr(0, stem.size() - 1);
  auto known = [this](const std::string& infinitive) { return words_.infinitive(infinitive); };
  if (known(stem + "er") || known(stem + "ir") || known(stem + "re") || known(shorter + "cer") ||
      (ends_with(stem, "ge") && known(shorter + "er")) ||
      (ends_with(stem, "iss") && known(stem.substr(0, stem.size() - 3) + "ir")))
    return true;
  // Irregular stems: fais-ant (faire), dis-ant, écriv-ant (écrire),
  // voy-ant (voir), croy-ant (croire), pren-ant (prendre).
  return ((ends_with(stem, "s") || ends_with(stem, "v")) && known(shorter + "re")) ||
         (ends_with(stem, "y") && (known(shorter + "ir") || known(shorter + "ire"))) ||
         (ends_with(stem, "n") && known(stem + "dre"));
}

bool Reader::narrative_marker(std::uint32_t n, std::uint32_t te) const {
  if (n >= te || !word(n) || tok(n).capitalized) return false;
  const std::string w(low(n));
  const std::string next = n + 1 < te ? std::string(low(n + 1)) : std::string();
  if (words_.has(w, W::kNarrative)) return true;
  // ce qui, tout en, et il, d'une voix douce.
  if (n + 1 < te && words_.has_extra(w + " " + next, W::kNarrativePair)) return true;
  // en souriant, et en se penchant: a gerund, alone or coordinated to the
  // incise's own.
  if (gerund_at(words_.has_extra(w, W::kEtWord) ? n + 1 : n, te)) return true;
  if (words_.has_extra(w, W::kAdjunctPrep) && n + 1 < te && words_.has(next, W::kDet)) return true;
  // A present participle: ajoutant qu'il …, désignant sa poitrine.
  return present_participle(w);
}

bool Reader::speech_like(std::uint32_t n, std::uint32_t te) const {
  if (n >= te) return false;
  if (tok(n).kind == TokenKind::kQuoteMark && is_opening_mark(first_char(n))) return true;
  if (word(n) && words_.has(low(n), W::kInterjection)) return true;
  for (std::uint32_t k = n; k < te; ++k) {
    const Token& t = tok(k);
    if (t.kind == TokenKind::kPunct && one_of(t.lower, {"!", "?"})) return true;
    if (t.kind == TokenKind::kPunct && one_of(t.lower, {".", "…"})) return false;
    if (t.kind == TokenKind::kWord && words_.has(t.lower, W::kPerson12)) return true;
    if (t.kind == TokenKind::kWord) {
      // pensai-je, dites-moi, allez-vous
      const std::size_t h = t.lower.rfind('-');
      if (h != std::string::npos && words_.has(t.lower.substr(h + 1), W::kPerson12After))
        return true;
    }
  }
  return false;
}

std::uint32_t Reader::resume_after(std::uint32_t d, std::uint32_t te, bool enclosed) const {
  // A relative clause or a clause of puis after the incise may hold commas
  // of its own (…, répondit Laurence, dont la voix avait pris, avec
  // l'âge, un timbre grave.): past them, only what reads as speech (je,
  // vous, ! or ?) is the speaker's again.
  bool narrator_clause = false;
  for (int guard = 0; guard < 8 && d < te; ++guard) {
    const Token& t = tok(d);
    if (t.kind == TokenKind::kQuoteMark) {
      if (is_opening_mark(first_char(d))) return d;  // …, répondit-il, « je viens »
      ++d;
      continue;
    }
    if (t.kind != TokenKind::kPunct) return d;
    if (one_of(t.lower, {".", "!", "?"})) {
      std::uint32_t n = d + 1;
      while (n < te && tok(n).kind == TokenKind::kPunct && one_of(low(n), {".", "!", "?", "…"})) ++n;
      return enclosed || speech_like(n, te) ? n : te;
    }
    // An ellipsis is the speaker's pause (— Elle est heureuse, pensa-t-elle
    // … heureuse et contente): what follows is speech again.
    // , ; : — and parentheses: speech goes on unless the narrator does.
    std::uint32_t n = d + 1;
    if (n >= te) return te;
    if (!narrative_marker(n, te) && !(narrator_clause && !speech_like(n, te))) return n;
    // Not after que: « Il est évident, dit-elle, que tu … » goes on with the
    // speaker's own sentence.
    narrator_clause |= word(n) && words_.has(low(n), W::kNarrative) && !words_.has(low(n), W::kClauseOpener);
    // The narrator goes on to the next delimiter (…, dit-il, en montrant
    // le bout de sa langue. Puis il …): read what follows that one.
    d = n;
    while (d < te && !ends_incise(d)) ++d;
  }
  return te;
}

std::uint32_t Reader::colon_before(std::uint32_t line) const {
  // Back over the dash (— or --) to the colon.
  std::uint32_t k = token_from(line);
  while (k > 0 && tok(k - 1).kind == TokenKind::kPunct && (is_dialogue_dash(first_char(k - 1)) || low(k - 1) == "-"))
    --k;
  return k > 0 && punct(k - 1, ":") ? k : 0;
}

bool Reader::to_narrator(std::uint32_t line) const {
  const std::uint32_t k = colon_before(line);
  constexpr std::uint32_t kReach = 40;
  for (std::uint32_t i = k > 0 ? k - 1 : 0; i-- > 1 && i + kReach >= k;) {
    const Token& t = tok(i);
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuoteMark) return false;
    if (t.kind != TokenKind::kWord || t.capitalized || !verbs_.finite(t.lower)) continue;
    // me, m' (and te, t' of a narrative in the second person) before the
    // verb or its auxiliary: il me dit, il m'a dit.
    std::uint32_t c = i - 1;
    if (words_.has(low(c), W::kAux) && c > 0) --c;
    return word(c) && words_.has(low(c), W::kObj) && words_.has(low(c), W::kPerson12) && !words_.has(low(c), W::kSubj);
  }
  return false;
}

bool Reader::introduced(std::uint32_t line) const {
  const std::uint32_t k = colon_before(line);
  if (k == 0) return false;
  // The sentence before the colon, back to its start (a verb of saying
  // stands near the colon that closes its clause).
  constexpr std::uint32_t kReach = 40;
  for (std::uint32_t i = k - 1; i-- > 0 && i + kReach >= k;) {
    const Token& t = tok(i);
    if (t.kind == TokenKind::kPunct && one_of(t.lower, {".", "!", "?", "…", ":"})) break;
    if (t.kind == TokenKind::kQuoteMark) break;
    if (t.kind == TokenKind::kWord && !t.capitalized && verbs_.finite(t.lower)) return true;
    if (t.kind == TokenKind::kClitic && i > 0 && verbs_.finite(low(i - 1))) return true;
  }
  return false;
}

TextSpan Reader::trim_piece(std::uint32_t b, std::uint32_t e) const {
  std::u32string_view t(doc_.text);
  int opening = 0, closing = 0;
  for (std::uint32_t i = b; i < e; ++i) {
    if (is_opening_mark(t[i])) ++opening;
    if (is_closing_mark(t[i])) ++closing;
  }
  auto junk_front = [&](char32_t c) {
    if (is_space(c) || is_dialogue_dash(c) || c == U',' || c == U';' || c == U':') return true;
    // An opening mark whose partner is not in the piece: the turn's own « .
    if (is_opening_mark(c) && opening > closing) return --opening, true;
    return false;
  };
  auto junk_back = [&](char32_t c) {
    if (is_space(c) || c == U',' || c == U';' || c == U':' || is_dialogue_dash(c)) return true;
    if (is_closing_mark(c) && closing > opening) return --closing, true;
    return false;
  };
  while (b < e && junk_front(t[b])) ++b;
  while (e > b && junk_back(t[e - 1])) --e;
  // « … » around the whole piece: the opening mark's partner is the last
  // character (not « Oui » et « non »).
  while (e > b + 1 && is_opening_mark(t[b]) && is_closing_mark(t[e - 1])) {
    int depth = 0;
    std::uint32_t partner = e;
    for (std::uint32_t i = b; i < e && partner == e; ++i) {
      if (is_opening_mark(t[i])) ++depth;
      if (is_closing_mark(t[i]) && --depth == 0) partner = i;
    }
    if (partner != e - 1) break;
    ++b, --e;
    while (b < e && is_space(t[b])) ++b;
    while (e > b && (is_space(t[e - 1]) || t[e - 1] == U',')) --e;
  }
  return TextSpan{b, e};
}

void Reader::add_piece(std::uint32_t b, std::uint32_t e, Turn& turn) const {
  std::u32string_view t(doc_.text);
  std::uint32_t from = b;
  for (std::uint32_t i = b; i <= e; ++i) {
    if (i < e && t[i] != U'(') continue;
    std::uint32_t close = i;
    if (i < e) {
      while (close < e && t[close] != U')') ++close;
      if (close >= e) i = e;  // an unclosed parenthesis stays in the speech
    }
    TextSpan p = trim_piece(from, i);
    bool letters = false;
    for (std::uint32_t c = p.begin; c < p.end && !letters; ++c) letters = is_letter(t[c]);
    if (letters) turn.pieces.push_back(p);
    if (i >= e) break;
    from = close + 1;
    i = close;
  }
}

std::uint32_t Reader::sentence_start(std::uint32_t from_tok, std::uint32_t incise_tok) const {
  std::uint32_t start = from_tok;
  for (std::uint32_t k = from_tok; k + 1 < incise_tok; ++k) {
    if (tok(k).kind != TokenKind::kPunct || !one_of(low(k), {".", "!", "?", "…"})) continue;
    const Token& n = tok(k + 1);
    if ((n.kind == TokenKind::kWord && n.capitalized) || (n.kind == TokenKind::kPunct && n.lower == "…"))
      start = k + 1;
  }
  return start;
}

void Reader::split(std::uint32_t cb, std::uint32_t ce, Turn& turn, bool enclosed) const {
  const std::uint32_t tb = token_from(cb), te = token_from(ce);
  auto add_piece = [&](std::uint32_t b, std::uint32_t e) { this->add_piece(b, e, turn); };
  std::uint32_t piece_begin = cb;
  std::uint32_t k = tb;
  for (int guard = 0; guard < 16; ++guard) {
    std::optional<Incise> inc = find_incise(k, te);
    if (!inc) {
      add_piece(piece_begin, ce);
      return;
    }
    if (!turn.incises.empty()) {
      const std::uint32_t s = sentence_start(k, inc->cue_begin);
      if (s > k) {
        add_piece(piece_begin, tok(s).begin);
        piece_begin = tok(s).begin;
      }
    }
    add_piece(piece_begin, inc->span.begin);
    turn.incises.push_back(*inc);
    const std::uint32_t d = token_from(inc->span.end);
    const std::uint32_t resume = resume_after(d, te, enclosed);
    if (resume >= te) return;
    piece_begin = tok(resume).begin;
    k = resume;
  }
  add_piece(piece_begin, ce);
}

void Reader::find_vocatives(Turn& turn) const {
  // A word of the closed classes is no name even when capitalised at the
  // start of a piece (Bien, Mais, Mon Dieu, Tiens).
  constexpr std::uint64_t kNotName = W::kDet | W::kSubj | W::kConj | W::kAdv | W::kPrep | W::kInterjection |
                                     W::kPerson12 | W::kObj;
  for (const TextSpan& p : turn.pieces) {
    const std::uint32_t tb = token_from(p.begin), te = token_from(p.end);
    for (std::uint32_t k = tb; k < te; ++k) {
      // Set off before: a comma, an interjection (Voyons Firmin), or the
      // piece's start when a comma or ! ? follows (Firmin, viens !).
      const bool after_comma = k > tb && punct(k - 1, ",");
      const bool after_interjection = k > tb && word(k - 1) && words_.has(low(k - 1), W::kInterjection);
      // A courtesy title, an article and a noun in lower case call the one
      // that noun names: « Monsieur le comte ! », « Bonsoir, madame la
      // baronne, … ».
      if (word(k) && words_.has_extra(low(k), W::kVocativeTitle) && k + 3 <= te && word(k + 1) &&
          words_.has(low(k + 1), W::kArticle) && word(k + 2) && !tok(k + 2).capitalized &&
          (k + 3 == te || punct(k + 3, ",") || punct(k + 3, "!") || punct(k + 3, "?")) &&
          (k == tb || after_comma || after_interjection)) {
        turn.vocatives.emplace_back(k + 1, k + 3);
        k += 2;
        continue;
      }
      if (!word(k) || !tok(k).capitalized || tok(k).all_caps || words_.has(low(k), kNotName)) continue;
      // A possessive set off by a comma calls someone too: « Quant à toi,
      // ma Pauline, … », « Viens, mon Jacques ! ».
      const bool after_possessive =
          k > tb + 1 && word(k - 1) && words_.has(low(k - 1), W::kPoss) && punct(k - 2, ",");
      std::uint32_t e = k;
      while (e < te && word(e) && tok(e).capitalized && !words_.has(low(e), kNotName)) ++e;
      const bool closed = e >= te || punct(e, ",") || punct(e, "!") || punct(e, "?") || punct(e, ".") ||
                          punct(e, "…");
      const bool strong = e < te && (punct(e, ",") || punct(e, "!") || punct(e, "?"));
      if (closed && (after_comma || after_interjection || after_possessive || (k == tb && strong)) &&
          !verbs_.finite(low(k)))
        turn.vocatives.emplace_back(k, e);
      k = e;
    }
  }
}

// A physical line of a paragraph, without the white space before it.
struct Line {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t paragraph = 0;
};

std::vector<Line> lines_of(const Document& doc) {
  std::vector<Line> lines;
  std::u32string_view t(doc.text);
  for (std::uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    std::uint32_t b = para.begin;
    while (b < para.end) {
      std::uint32_t e = b;
      while (e < para.end && !is_line_break(t[e])) ++e;
      std::uint32_t s = b;
      while (s < e && is_space(t[s])) ++s;
      if (s < e) lines.push_back(Line{s, e, p});
      b = e + 1;
    }
  }
  return lines;
}

// Content of a dash line after its dash, or nullopt when the line is not
// one. A line that reads like a list item is no turn: lower case, a digit
// or a symbol after the dash, or an item ending on ; or ,.
std::optional<std::uint32_t> dash_content(const Document& doc, const Line& l) {
  std::u32string_view t(doc.text);
  const std::uint32_t n = dash_length(t, l.begin, l.end);
  if (n == 0) return std::nullopt;
  std::uint32_t c = l.begin + n;
  if (c < l.end && !is_space(t[c]) && !is_opening_mark(t[c])) return std::nullopt;  // --x, —word
  while (c < l.end && (is_space(t[c]) || is_mark(t[c]))) ++c;
  if (c >= l.end) return std::nullopt;
  const char32_t first = t[c];
  // Speech opens with a capital or an ellipsis (— … et puis ?).
  if (!(is_upper(first) || first == 0x2026 || first == U'.')) return std::nullopt;
  std::uint32_t e = l.end;
  while (e > c && is_space(t[e - 1])) --e;
  if (e > c && (t[e - 1] == U';' || t[e - 1] == U',')) return std::nullopt;
  return l.begin + n;
}

bool ends_with_question(const Document& doc, std::uint32_t b, std::uint32_t e) {
  std::u32string_view t(doc.text);
  while (e > b && (is_space(t[e - 1]) || is_mark(t[e - 1]))) --e;
  return e > b && t[e - 1] == U'?';
}

// True when [b, e) ends on a suspension: « … » or three full stops.
bool ends_with_suspension(const Document& doc, std::uint32_t b, std::uint32_t e) {
  std::u32string_view t(doc.text);
  while (e > b && (is_space(t[e - 1]) || is_mark(t[e - 1]))) --e;
  return (e > b && t[e - 1] == 0x2026) || (e >= b + 3 && t[e - 1] == U'.' && t[e - 2] == U'.' && t[e - 3] == U'.');
}

// A label written as labels are: a capital, then lower case or capitals
// only (Q, Question, QUESTION).
bool label_case(std::u32string_view w) {
  if (w.empty() || !is_upper(w[0])) return false;
  bool lower = false, upper = false;
  for (std::size_t i = 1; i < w.size(); ++i) (is_upper(w[i]) ? upper : lower) = true;
  return !(lower && upper);
}

// True when folded text `folded` holds the two words of a byline of
// words.tsv's byline class (propos recueillis).
bool has_byline(const std::string& folded, const WordClasses& words) {
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '\''; };
  // The words are views into `folded`: a pair is joined only after a
  // first word that opens a byline.
  const std::string_view text(folded);
  std::string_view previous;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && word_char(text[i])) ++i;
    const std::string_view current = text.substr(start, i - start);
    if (!previous.empty() && (words.extra_opened_by(previous) & W::kByline) &&
        words.has_extra(std::string(previous) + " " + std::string(current), W::kByline))
      return true;
    previous = current;
  }
  return false;
}

// An interview label at the start of a line: "Q :", "R.", "Question :",
// "Marie Dupont :", "LE FIGARO. –". Fills the label span and the content
// start; `qr` is 'Q', 'R' or 0 for a name.
bool read_label(const Document& doc, const WordClasses& words, const Line& l, TextSpan& label, std::uint32_t& content,
                char& qr) {
  std::u32string_view t(doc.text);
  // Q and R, with their long forms.
  std::uint32_t w = l.begin;
  while (w < l.end && is_letter(t[w])) ++w;
  const std::string word = fold(t.substr(l.begin, w - l.begin));
  qr = 0;
  if (label_case(t.substr(l.begin, w - l.begin))) {
    if (words.has_extra(word, W::kQuestionLabel)) qr = 'Q';
    if (words.has_extra(word, W::kAnswerLabel)) qr = 'R';
  }
  if (qr) {
    std::uint32_t k = w;
    while (k < l.end && is_space(t[k])) ++k;
    if (k < l.end && (t[k] == U':' || t[k] == U'.' || t[k] == U'-' || t[k] == U'/' || t[k] == U')' ||
                      is_dialogue_dash(t[k]))) {
      ++k;
      while (k < l.end && (is_space(t[k]) || is_dialogue_dash(t[k]))) ++k;
      if (k < l.end && (is_upper(t[k]) || is_opening_mark(t[k]) || t[k] == 0x2026)) {
        label = TextSpan{l.begin, w};
        content = k;
        return true;
      }
    }
    qr = 0;
  }
  // A name or a title before a colon, in at most six words and 50
  // characters, opening with a capital: "Marie Dupont :", "M. Arnaud :";
  // a subject pronoun opens a clause (« Nous leur disons : … »), no label.
  if (words.has(word, W::kSubj)) return false;
  constexpr std::uint32_t kMaxLabel = 50;
  // No colon within reach (most lines): no label, known from one tight
  // search before the test of each code point below.
  const std::uint32_t reach = std::min(l.end, l.begin + kMaxLabel);
  if (std::find(t.begin() + l.begin, t.begin() + reach, U':') == t.begin() + reach) return false;
  std::uint32_t colon = l.begin;
  int word_count = 0;
  bool in_word = false;
  while (colon < l.end && colon < l.begin + kMaxLabel && t[colon] != U':') {
    const char32_t c = t[colon];
    if (c == U'!' || c == U'?' || c == U',' || c == U';' || is_mark(c) || is_digit(c)) return false;
    if (is_letter(c) && !in_word) ++word_count;
    in_word = is_letter(c) || is_apostrophe(c) || is_word_hyphen(c);
    ++colon;
  }
  // A newspaper's name may open on an elided article in lower case
  // (« l’Eveil calédonien : », « l'Express : »): the capital is the name's.
  const bool elided = l.begin + 2 < l.end && (t[l.begin] == U'l' || t[l.begin] == U'd') &&
                      is_apostrophe(t[l.begin + 1]) && is_upper(t[l.begin + 2]);
  if (colon >= l.end || t[colon] != U':' || word_count == 0 || word_count > 6 || !(is_upper(t[l.begin]) || elided))
    return false;
  std::uint32_t le = colon;
  while (le > l.begin && is_space(t[le - 1])) --le;
  std::uint32_t k = colon + 1;
  while (k < l.end && is_space(t[k])) ++k;
  if (k >= l.end) return false;
  label = TextSpan{l.begin, le};
  content = k;
  return true;
}

// Paragraph of an interview that stops the answer before it: a byline
// ("Propos recueillis par …") or a short headline with no final stop.
bool ends_answers(const Document& doc, const WordClasses& words, const Paragraph& p) {
  std::u32string_view t(doc.text);
  const std::string folded = fold(t.substr(p.begin, std::min<std::uint32_t>(p.end - p.begin, 200)));
  if (has_byline(folded, words)) return true;
  std::uint32_t e = p.end;
  while (e > p.begin && (is_space(t[e - 1]) || is_mark(t[e - 1]))) --e;
  if (e == p.begin) return true;
  const char32_t last = t[e - 1];
  const bool stop = last == U'.' || last == U'!' || last == U'?' || last == 0x2026;
  return !stop && p.end - p.begin < 80;
}

// Finds the turns of one document, stage by stage (detect_dialogue).
class Finder {
 public:
  Finder(const Document& doc, const std::vector<Quote>& quotes, const DialogueVerbs& verbs, const WordClasses& words)
      : doc_(doc), quotes_(quotes), words_(words), reader_(doc, verbs, words), lines_(lines_of(doc)) {}

  std::vector<Turn> run() {
    dash_turns();
    labelled_turns();
    if (turns_.empty()) opening_exchange_turns();
    if (turns_.empty()) signed_interview_turns();
    quotation_turns();
    title_turn();
    std::sort(turns_.begin(), turns_.end(),
              [](const Turn& a, const Turn& b) { return a.line.begin < b.line.begin; });
    return std::move(turns_);
  }

 private:
  struct DashTurn {
    Turn turn;
    bool question = false;
  };
  struct Labelled {
    std::size_t line;
    TextSpan label;
    std::uint32_t content;
    char qr;
    std::string key;
  };

  // 1. Dash lines. Each runs to the next line that opens with a dash, or
  // to its paragraph's end (soft-wrapped text continues on the next lines).
  void dash_turns();
  std::vector<DashTurn> dash_lines() const;
  // A turn whose « runs over the next paragraphs (each reopening with «):
  // one turn per paragraph, continuing `first`.
  void continued_paragraphs(const Turn& first);
  // 2. Labelled lines: Q/R, or names before a colon.
  void labelled_turns();
  // True when labelled line `l` is no question and the line before it is.
  bool answers_question(const Labelled& l) const;
  // The labelled line `l` of an interview as a turn, and, for an answer,
  // the paragraphs that go on with it up to `next_para`.
  void interview_turn(const Labelled& l, bool question, std::uint32_t next_para, std::vector<Turn>& interview) const;
  // 2b. An interview opened by one labelled exchange, a question after
  // the newspaper's name and the answer after the interviewee's, then
  // laid out as question paragraphs and answer paragraphs (« franceinfo :
  // Vous avez comparé … ? » ¶ « Dominique Simonnot : Exactement. … » ¶ …
  // ¶ « Est-ce que … ? » ¶ « Oui, … »).
  void opening_exchange_turns();
  // 3b. An interview's title that gives the interviewee's words after a
  // person's name and a colon (« Chimène Badi : Je n'oublierai jamais
  // d'où je viens (10/08/2025) »): when the document holds interview
  // answers and no turn covers its first paragraph, that first line is
  // the named person's answer, less a final bracketed date; not when it
  // holds a quotation.
  void title_turn();
  // True when label `l` reads as a person's name: two words or more, each
  // capitalised, the first no determiner (Dominique Simonnot, M. KONE
  // Marc; not « Ordre du jour », « La Commission »).
  bool person_label(const Labelled& l) const;
  // True when label `l` is written in initials: capitals only, one or two
  // to a word, with or without dots (« A.C. », « JR », « K M »).
  bool initials_label(const Labelled& l) const;
  // The label opening paragraph `p` when it may name who speaks there: a
  // person's name, initials, or a noun phrase opened by a determiner (a
  // function, « La présidente du jury : »; the attribution stage checks
  // that its noun is a person's). False when `p` opens with no such label.
  bool speaker_label_of(std::uint32_t p, Labelled& l) const;
  // A newspaper's name written in lower case before a colon opens a
  // question too (« franceinfo : Vous avez … ? »): one word of letters.
  // Fills `l`'s label and content; false when `line` is no such line.
  bool brand_label(const Line& line, Labelled& l) const;
  // Paragraphs from `from` on that end on a question: short, not a
  // quotation opening the paragraph.
  std::vector<std::uint32_t> question_paragraphs(std::uint32_t from) const;
  // `questions` (paragraphs ending on a question, in order) with the
  // journalist's relaunches between them: once the questions make the
  // text an interview, a short paragraph after the first question that
  // puts something to the interviewee in the second person and trails off
  // on a suspension, with no question mark (« Vous n'avez aucun regret… »),
  // asks too; the paragraph after it answers. The layout of French press
  // interviews (a « relance »); an answer that ends on a suspension says
  // no vous, or runs longer.
  std::vector<std::uint32_t> with_relaunches(const std::vector<std::uint32_t>& questions) const;
  // Sets the pieces of paragraph turn `t`, after the label its line may
  // open with (« Le Soir : Et le service ? », « MO : Moi, … »): an
  // answer's label names its speaker.
  void after_label(Turn& t) const;
  // The turns of question paragraphs `all_questions` and of the answer
  // paragraphs after each.
  void question_paragraph_turns(const std::vector<std::uint32_t>& all_questions);
  // 3. An article signed "Propos recueillis par …", or laid out as an
  // interview (unsigned_interview), with no labels or dashes: paragraphs
  // ending on a question are the journalist's, the paragraphs after them
  // the interviewee's answers.
  void signed_interview_turns();
  // True when the paragraphs `questions` (ending on a question mark) and
  // the paragraphs after them read as an interview without a byline.
  bool unsigned_interview(const std::vector<std::uint32_t>& questions) const;
  // True when a paragraph before the first of `questions` announces an
  // interview (a pair of words.tsv's interviewword: entretien avec …) and
  // one of them is put to someone in the second person.
  bool announced_interview(const std::vector<std::uint32_t>& questions) const;
  // True when paragraph `p` holds a word of the first or second person.
  bool addresses_someone(std::uint32_t p) const;
  // True when a negation word (pas, jamais) stands in the kNegationReach
  // tokens before token `k`, from `tb` on: « Le ministère n'a pas répondu
  // à nos questions » announces no interview.
  bool negated_before(std::uint32_t k, std::uint32_t tb) const {
    constexpr std::uint32_t kNegationReach = 6;
    for (std::uint32_t j = k; j > tb && k - j < kNegationReach; --j)
      if (words_.has(doc_.tokens[j - 1].lower, W::kNegation)) return true;
    return false;
  }
  // 4. Quotations in « » outside those turns, cut by an incise inside.
  void quotation_turns();

  const Document& doc_;
  const std::vector<Quote>& quotes_;
  const WordClasses& words_;
  const Reader reader_;
  const std::vector<Line> lines_;
  std::vector<Turn> turns_;
};

std::vector<Finder::DashTurn> Finder::dash_lines() const {
  std::vector<DashTurn> dash;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    std::optional<std::uint32_t> content = dash_content(doc_, lines_[i]);
    if (!content) continue;
    std::uint32_t end = lines_[i].end;
    for (std::size_t j = i + 1; j < lines_.size() && lines_[j].paragraph == lines_[i].paragraph; ++j) {
      if (dash_length(doc_.text, lines_[j].begin, lines_[j].end) > 0) break;
      end = lines_[j].end;
    }
    DashTurn d;
    d.turn.paragraph = lines_[i].paragraph;
    d.turn.line = TextSpan{*content, end};
    reader_.split(*content, end, d.turn);
    if (d.turn.pieces.empty()) continue;
    reader_.find_vocatives(d.turn);
    d.turn.to_narrator = reader_.to_narrator(*content);
    d.question = ends_with_question(doc_, *content, end);
    dash.push_back(std::move(d));
  }
  return dash;
}

void Finder::dash_turns() {
  std::vector<DashTurn> dash = dash_lines();
  bool any_incise = false;
  for (const DashTurn& d : dash) any_incise |= !d.turn.incises.empty() || reader_.introduced(d.turn.line.begin);
  if (any_incise) {
    for (DashTurn& d : dash) {
      const Turn first = d.turn;
      turns_.push_back(std::move(d.turn));
      continued_paragraphs(first);
    }
    return;
  }
  // No incise anywhere: an interview when questions and answers
  // alternate, at least twice; otherwise no dialogue at all.
  int pairs = 0;
  for (std::size_t i = 0; i + 1 < dash.size(); ++i)
    if (dash[i].question && !dash[i + 1].question) ++pairs;
  if (pairs < 2) return;
  for (DashTurn& d : dash) {
    d.turn.kind = d.question ? TurnKind::kQuestion : TurnKind::kAnswer;
    // An interviewer's question carries no incise worth splitting.
    // assign(1, x) rather than = {x}: GCC 12 gives a false -Wnonnull on the latter.
    if (d.question) d.turn.pieces.assign(1, reader_.trim_piece(d.turn.line.begin, d.turn.line.end));
    turns_.push_back(std::move(d.turn));
  }
}

void Finder::continued_paragraphs(const Turn& first) {
  // Quotations are ordered by their opening mark.
  auto from = std::lower_bound(quotes_.begin(), quotes_.end(), first.line.begin,
                               [](const Quote& q, std::uint32_t o) { return q.open < o; });
  for (auto it = from; it != quotes_.end() && it->open < first.line.end; ++it) {
    const Quote& q = *it;
    if (q.depth != 0) continue;
    if (q.last_paragraph <= first.paragraph) break;
    for (std::uint32_t p = first.paragraph + 1; p <= q.last_paragraph && p < doc_.paragraphs.size(); ++p) {
      const Paragraph& para = doc_.paragraphs[p];
      if (dash_length(doc_.text, para.begin, para.end) > 0) break;
      Turn c;
      c.paragraph = p;
      c.continues = true;
      c.line = TextSpan{para.begin, std::min(para.end, q.balanced ? q.close : para.end)};
      reader_.split(c.line.begin, c.line.end, c);
      if (!c.pieces.empty()) turns_.push_back(std::move(c));
    }
    break;
  }
}

void Finder::labelled_turns() {
  std::vector<Labelled> labelled;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (dash_length(doc_.text, lines_[i].begin, lines_[i].end) > 0) continue;
    Labelled l{i, {}, 0, 0, {}};
    if (!read_label(doc_, words_, lines_[i], l.label, l.content, l.qr)) continue;
    l.key = l.qr ? std::string(1, l.qr) : fold(doc_.slice(l.label.begin, l.label.end));
    labelled.push_back(std::move(l));
  }
  std::map<std::string, std::pair<int, int>> by_label;  // lines, questions
  for (const Labelled& l : labelled) {
    auto& [count, questions] = by_label[l.key];
    ++count;
    if (ends_with_question(doc_, l.content, lines_[l.line].end)) ++questions;
  }
  const bool qr_interview = by_label.count("Q") && by_label.count("R");
  int frequent = 0;
  bool asks = false;
  for (const auto& [key, counts] : by_label) {
    if (key == "Q" || key == "R" || counts.first < 2) continue;
    ++frequent;
    asks |= 2 * counts.second >= counts.first;
  }
  const bool name_interview = !qr_interview && frequent >= 2 && asks;
  if (!qr_interview && !name_interview) return;
  std::vector<Turn> interview;
  for (std::size_t n = 0; n < labelled.size(); ++n) {
    const Labelled& l = labelled[n];
    const auto& counts = by_label[l.key];
    if (qr_interview && !l.qr) continue;
    if (name_interview && counts.first < 2 && !answers_question(l)) continue;
    const bool question = qr_interview ? l.qr == 'Q' : 2 * counts.second >= counts.first;
    const std::uint32_t next_para = n + 1 < labelled.size() ? lines_[labelled[n + 1].line].paragraph
                                                            : static_cast<std::uint32_t>(doc_.paragraphs.size());
    interview_turn(l, question, next_para, interview);
  }
  turns_.insert(turns_.end(), interview.begin(), interview.end());
}

bool Finder::answers_question(const Labelled& l) const {
  // The interviewee's label is often spelt several ways (M. Koné Marc :,
  // K M :, KM :): in an interview, a label of one line that answers the
  // question on the line before it is the interviewee's too.
  return l.line > 0 && !ends_with_question(doc_, l.content, lines_[l.line].end) &&
         ends_with_question(doc_, lines_[l.line - 1].begin, lines_[l.line - 1].end);
}

void Finder::interview_turn(const Labelled& l, bool question, std::uint32_t next_para,
                            std::vector<Turn>& interview) const {
  Turn t;
  t.kind = question ? TurnKind::kQuestion : TurnKind::kAnswer;
  t.paragraph = lines_[l.line].paragraph;
  if (!l.qr) t.label = l.label;
  std::uint32_t end = lines_[l.line].end;
  for (std::size_t j = l.line + 1; j < lines_.size() && lines_[j].paragraph == t.paragraph; ++j) {
    TextSpan ignored;
    std::uint32_t c;
    char q;
    if (read_label(doc_, words_, lines_[j], ignored, c, q)) break;
    end = lines_[j].end;
  }
  t.line = TextSpan{l.content, end};
  t.pieces.assign(1, reader_.trim_piece(l.content, end));
  interview.push_back(t);
  // An answer goes on over the paragraphs that follow it, up to the
  // next labelled line. At a round table the guests answer one question
  // in turn, each after a label of their own (« Arnaud Cathrine : … »,
  // later « A.C. : … »): such a paragraph opens the answer of the one its
  // label names, and the paragraphs after it go on with that one.
  if (question) return;
  TextSpan label = t.label;
  for (std::uint32_t p = t.paragraph + 1; p < next_para; ++p) {
    const Paragraph& para = doc_.paragraphs[p];
    if (ends_answers(doc_, words_, para) || dash_length(doc_.text, para.begin, para.end) > 0) break;
    Turn c;
    c.kind = TurnKind::kAnswer;
    c.paragraph = p;
    c.line = TextSpan{para.begin, para.end};
    Labelled own{0, {}, 0, 0, {}};
    c.continues = !speaker_label_of(p, own);
    if (!c.continues) {
      label = own.label;
      c.line.begin = own.content;
    }
    c.label = label;
    c.pieces.assign(1, reader_.trim_piece(c.line.begin, para.end));
    interview.push_back(c);
  }
}

bool Finder::addresses_someone(std::uint32_t p) const {
  const Paragraph& para = doc_.paragraphs[p];
  if (para.sentence_begin >= para.sentence_end) return false;
  const std::uint32_t tb = doc_.sentences[para.sentence_begin].token_begin;
  const std::uint32_t te = doc_.sentences[para.sentence_end - 1].token_end;
  for (std::uint32_t k = tb; k < te; ++k) {
    const Token& t = doc_.tokens[k];
    if (t.kind != TokenKind::kWord) continue;
    if (words_.has_extra(t.lower, W::kSecondPerson)) return true;
    // Avez-vous, trouves-tu: the pronoun after the verb's hyphen.
    const std::size_t hyphen = t.lower.rfind('-');
    if (hyphen != std::string::npos &&
        words_.has_extra(t.lower.substr(hyphen + 1), W::kSecondPerson))
      return true;
  }
  return false;
}

bool Finder::unsigned_interview(const std::vector<std::uint32_t>& questions) const {
  // A row of questions each answered by the paragraphs after it, most of
  // them put to someone in the second person (vous, votre, avez-vous): the
  // layout of an interview even with no byline. A news article's
  // rhetorical questions are fewer, and in the first person when they are
  // (« Que pouvons-nous faire ? » is put to no interviewee). Two questions
  // in a row, the first unanswered, start the count again.
  constexpr int kMinRow = 3;
  int row = 0, addressed = 0;
  for (std::size_t q = 0; q < questions.size(); ++q) {
    const std::uint32_t next = questions[q] + 1;
    const bool answered = next < doc_.paragraphs.size() && (q + 1 == questions.size() || questions[q + 1] != next);
    if (!answered) {
      row = addressed = 0;
      continue;
    }
    ++row;
    addressed += addresses_someone(questions[q]);
    if (row >= kMinRow && 2 * addressed >= row) return true;
  }
  return false;
}

std::vector<std::uint32_t> Finder::question_paragraphs(std::uint32_t from) const {
  constexpr std::uint32_t kMaxQuestionChars = 400;
  std::vector<std::uint32_t> questions;
  for (std::uint32_t p = from; p < doc_.paragraphs.size(); ++p) {
    const Paragraph& para = doc_.paragraphs[p];
    if (ends_with_question(doc_, para.begin, para.end) && para.end - para.begin < kMaxQuestionChars &&
        !is_opening_mark(doc_.text[para.begin]))
      questions.push_back(p);
  }
  return questions;
}

std::vector<std::uint32_t> Finder::with_relaunches(const std::vector<std::uint32_t>& questions) const {
  constexpr std::uint32_t kMaxRelaunchChars = 200;
  if (questions.empty()) return questions;
  std::vector<std::uint32_t> all;
  std::size_t q = 0;
  for (std::uint32_t p = questions.front(); p + 1 < doc_.paragraphs.size(); ++p) {
    if (q < questions.size() && questions[q] == p) {
      all.push_back(p);
      ++q;
      continue;
    }
    const Paragraph& para = doc_.paragraphs[p];
    const bool after_question = !all.empty() && all.back() + 1 == p;
    if (!after_question && para.end - para.begin < kMaxRelaunchChars && !is_opening_mark(doc_.text[para.begin]) &&
        ends_with_suspension(doc_, para.begin, para.end) && addresses_someone(p) &&
        !(q < questions.size() && questions[q] == p + 1))
      all.push_back(p);
  }
  for (; q < questions.size(); ++q) all.push_back(questions[q]);
  return all;
}

void Finder::signed_interview_turns() {
  // Without two questions there is no interview: the bylines (folding the
  // start of every paragraph) are looked for only then, up to the first.
  const std::vector<std::uint32_t> questions = question_paragraphs(0);
  if (questions.size() < 2) return;
  bool signed_interview = false;
  for (std::size_t p = 0; p < doc_.paragraphs.size() && !signed_interview; ++p) {
    const Paragraph& para = doc_.paragraphs[p];
    const std::uint32_t end = std::min<std::uint32_t>(para.end, para.begin + 200);
    signed_interview = has_byline(fold(doc_.slice(para.begin, end)), words_);
  }
  if (!(signed_interview || announced_interview(questions) || unsigned_interview(questions))) return;
  question_paragraph_turns(with_relaunches(questions));
}

bool Finder::announced_interview(const std::vector<std::uint32_t>& questions) const {
  // « Entrevue avec le premier ministre », « Notre envoyée s'est
  // entretenue avec lui » right before the first question (one of the two
  // paragraphs before it) announce an interview as a byline does; one
  // question at least is put to someone (vous). An interview mentioned in
  // passing (« lors d'un entretien avec l'AFP, l'élu a précisé … ») is
  // one conversation among others, not the article's form: the pair after
  // an indefinite article (words.tsv indefhead) does not count.
  bool addressed = false;
  for (std::uint32_t q : questions) addressed = addressed || addresses_someone(q);
  if (!addressed) return false;
  // The title (the first paragraph) is a heading wherever the first
  // question stands.
  const std::uint32_t first = questions.front();
  const std::uint32_t window = first >= 2 ? first - 2 : 0;
  for (std::uint32_t p = window > 0 ? 0 : window; p < first; p = p == 0 && window > 1 ? window : p + 1) {
    const Paragraph& para = doc_.paragraphs[p];
    if (para.sentence_begin >= para.sentence_end) continue;
    const std::uint32_t tb = doc_.sentences[para.sentence_begin].token_begin;
    const std::uint32_t te = doc_.sentences[para.sentence_end - 1].token_end;
    // « Rencontre avec X », « Trois questions à X »: a heading.
    constexpr std::uint32_t kHeadingReach = 3;
    for (std::uint32_t k = tb; k + 1 < te && k < tb + kHeadingReach; ++k)
      if (words_.has_anchor(fold_utf8(doc_.tokens[k].lower) + " " + fold_utf8(doc_.tokens[k + 1].lower),
                            W::kInterviewHeading))
        return true;
    if (p < window) continue;  // the title, out of the window
    for (std::uint32_t k = tb; k + 1 < te; ++k)
      if ((k == tb || !words_.has_extra(doc_.tokens[k - 1].lower, W::kIndefHead)) &&
          words_.has_anchor(std::string(doc_.tokens[k].lower) + " " + std::string(doc_.tokens[k + 1].lower),
                            W::kInterviewWord) &&
          !negated_before(k, tb))
        return true;
  }
  return false;
}

void Finder::question_paragraph_turns(const std::vector<std::uint32_t>& all_questions) {
  // A question is answered: the paragraph right after it is the answer,
  // even when it ends on a question of its own (« Oui, imaginez-vous … ?
  // Comment faites-vous … ? »).
  std::vector<std::uint32_t> questions;
  for (std::uint32_t p : all_questions)
    if (questions.empty() || p != questions.back() + 1) questions.push_back(p);
  for (std::size_t q = 0; q < questions.size(); ++q) {
    const std::uint32_t qp = questions[q];
    Turn t;
    t.kind = TurnKind::kQuestion;
    t.paragraph = qp;
    t.line = TextSpan{doc_.paragraphs[qp].begin, doc_.paragraphs[qp].end};
    after_label(t);
    turns_.push_back(t);
    const std::uint32_t next =
        q + 1 < questions.size() ? questions[q + 1] : static_cast<std::uint32_t>(doc_.paragraphs.size());
    for (std::uint32_t p = qp + 1; p < next; ++p) {
      const Paragraph& para = doc_.paragraphs[p];
      // The paragraph right after a question answers it even without a
      // final stop (« Joe Sacco (c'est de la BD) »); a later one without
      // one is a heading.
      const bool heading = p > qp + 1 && ends_answers(doc_, words_, para);
      if (heading || has_byline(fold(doc_.slice(para.begin, std::min<std::uint32_t>(para.end, para.begin + 200))),
                                words_))
        break;
      Turn a;
      a.kind = TurnKind::kAnswer;
      a.paragraph = p;
      a.line = TextSpan{para.begin, para.end};
      after_label(a);
      a.continues = p > qp + 1 && a.label.empty();
      turns_.push_back(a);
    }
  }
}

void Finder::title_turn() {
  if (lines_.empty() || lines_[0].paragraph != 0) return;
  bool answers = false;
  for (const Turn& t : turns_) {
    if (t.paragraph == 0) return;
    answers |= t.kind == TurnKind::kAnswer;
  }
  const Line& first = lines_[0];
  Labelled l{0, {}, 0, 0, {}};
  if (!answers || dash_length(doc_.text, first.begin, first.end) > 0 ||
      !read_label(doc_, words_, first, l.label, l.content, l.qr) || l.qr || !person_label(l) ||
      ends_with_question(doc_, l.content, first.end))
    return;
  // A title that quotes (« André Dang : « … » ») is read by the quotation
  // rules, which also find its targets.
  auto quote = std::lower_bound(quotes_.begin(), quotes_.end(), l.content,
                                [](const Quote& q, std::uint32_t o) { return q.open < o; });
  if (quote != quotes_.end() && quote->open < first.end) return;
  // The date the title ends on, in brackets, is the paper's, not the words.
  std::u32string_view t(doc_.text);
  std::uint32_t end = first.end;
  while (end > l.content && is_space(t[end - 1])) --end;
  if (end > l.content && t[end - 1] == U')') {
    // `inside` runs back from the closing bracket to the opening one.
    std::uint32_t inside = end - 1;
    bool digit = false;
    while (inside > l.content && t[inside - 1] != U'(') {
      --inside;
      digit |= t[inside] >= U'0' && t[inside] <= U'9';
    }
    if (inside > l.content && digit) {
      end = inside - 1;
      while (end > l.content && is_space(t[end - 1])) --end;
    }
  }
  if (end <= l.content) return;
  Turn a;
  a.kind = TurnKind::kAnswer;
  a.paragraph = 0;
  a.label = l.label;
  a.line = TextSpan{l.content, end};
  a.pieces.assign(1, reader_.trim_piece(l.content, end));
  turns_.push_back(a);
}

bool Finder::brand_label(const Line& line, Labelled& l) const {
  std::u32string_view t(doc_.text);
  std::uint32_t w = line.begin;
  while (w < line.end && is_letter(t[w])) ++w;
  std::uint32_t colon = w;
  while (colon < line.end && is_space(t[colon])) ++colon;
  if (w == line.begin || colon >= line.end || t[colon] != U':') return false;
  std::uint32_t content = colon + 1;
  while (content < line.end && is_space(t[content])) ++content;
  if (content >= line.end || !is_upper(t[content])) return false;
  l.label = TextSpan{line.begin, w};
  l.content = content;
  l.qr = 0;
  return true;
}

void Finder::after_label(Turn& t) const {
  auto line = std::lower_bound(lines_.begin(), lines_.end(), t.line.begin,
                               [](const Line& l, std::uint32_t o) { return l.end <= o; });
  Labelled l{0, {}, 0, 0, {}};
  if (line != lines_.end() && line->paragraph == t.paragraph &&
      (read_label(doc_, words_, *line, l.label, l.content, l.qr) || brand_label(*line, l))) {
    t.line.begin = l.content;
    if (t.kind == TurnKind::kAnswer && !l.qr) t.label = l.label;
  }
  t.pieces.assign(1, reader_.trim_piece(t.line.begin, t.line.end));
}

bool Finder::person_label(const Labelled& l) const {
  std::u32string_view label = doc_.slice(l.label.begin, l.label.end);
  int words = 0;
  std::size_t i = 0;
  while (i < label.size()) {
    while (i < label.size() && is_space(label[i])) ++i;
    if (i >= label.size()) break;
    std::size_t j = i;
    while (j < label.size() && !is_space(label[j])) ++j;
    if (!is_upper(label[i])) return false;
    if (words == 0 && words_.has(fold(label.substr(i, j - i)), W::kDet)) return false;
    ++words;
    i = j;
  }
  return words >= 2;
}

bool Finder::initials_label(const Labelled& l) const {
  std::u32string_view label = doc_.slice(l.label.begin, l.label.end);
  std::size_t run = 0, capitals = 0;
  for (char32_t c : label) {
    if (is_upper(c)) {
      if (++run > 2) return false;
      ++capitals;
    } else if (c == U'.' || is_space(c)) {
      run = 0;
    } else {
      return false;
    }
  }
  return capitals >= 2;
}

bool Finder::speaker_label_of(std::uint32_t p, Labelled& l) const {
  const Paragraph& para = doc_.paragraphs[p];
  auto line = std::lower_bound(lines_.begin(), lines_.end(), para.begin,
                               [](const Line& x, std::uint32_t o) { return x.end <= o; });
  if (line == lines_.end() || line->paragraph != p || !read_label(doc_, words_, *line, l.label, l.content, l.qr) ||
      l.qr)
    return false;
  const std::string first = fold(doc_.slice(l.label.begin, l.label.end));
  // The first word, an elided article with its apostrophe (l'avocate).
  const std::size_t apostrophe = first.find('\'');
  const std::size_t space = first.find(' ');
  const std::size_t cut = apostrophe < space ? apostrophe + 1 : space;
  const bool determiner = words_.has(first.substr(0, cut), W::kDet);
  return person_label(l) || initials_label(l) || determiner;
}

void Finder::opening_exchange_turns() {
  std::vector<Labelled> labelled;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    Labelled l{i, {}, 0, 0, {}};
    if (dash_length(doc_.text, lines_[i].begin, lines_[i].end) > 0) continue;
    if (!read_label(doc_, words_, lines_[i], l.label, l.content, l.qr) && !brand_label(lines_[i], l)) continue;
    if (l.qr) continue;
    l.key = fold(doc_.slice(l.label.begin, l.label.end));
    labelled.push_back(std::move(l));
  }
  for (std::size_t n = 0; n + 1 < labelled.size(); ++n) {
    const Labelled& question = labelled[n];
    const Labelled& answer = labelled[n + 1];
    if (answer.line != question.line + 1 || answer.key == question.key || !person_label(answer) ||
        !ends_with_question(doc_, question.content, lines_[question.line].end) ||
        ends_with_question(doc_, answer.content, lines_[answer.line].end))
      continue;
    const std::vector<std::uint32_t> questions = question_paragraphs(lines_[answer.line].paragraph + 1);
    const std::uint32_t next = questions.empty() ? static_cast<std::uint32_t>(doc_.paragraphs.size()) : questions[0];
    std::vector<Turn> exchange;
    interview_turn(question, true, next, exchange);
    interview_turn(answer, false, next, exchange);
    turns_.insert(turns_.end(), exchange.begin(), exchange.end());
    question_paragraph_turns(with_relaunches(questions));
    return;
  }
}

void Finder::quotation_turns() {
  std::vector<TextSpan> taken;  // disjoint lines, ordered
  for (const Turn& t : turns_) taken.push_back(t.line);
  std::sort(taken.begin(), taken.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  for (const Quote& q : quotes_) {
    // A quotation left open at its paragraph's end counts when it opens the
    // paragraph (« Eh quoi ! lui dit quelqu'un, la petite Kitty est morte !).
    const bool whole_paragraph = q.paragraph < doc_.paragraphs.size() && doc_.paragraphs[q.paragraph].begin == q.open;
    if ((!q.balanced && !whole_paragraph) || q.end <= q.begin) continue;
    auto line = std::upper_bound(taken.begin(), taken.end(), q.begin,
                                 [](std::uint32_t o, const TextSpan& l) { return o < l.end; });
    const bool inside = line != taken.end() && line->begin < q.end;
    // A quotation inside another one or inside a turn is reported on its
    // own when a colon introduces it.
    const std::uint32_t open_tok = reader_.token_from(q.open);
    const bool after_colon = open_tok > 0 && reader_.punct(open_tok - 1, ":");
    const bool nested = (q.depth > 0 || inside) && after_colon && q.balanced;
    if ((inside || q.depth != 0) && !nested) continue;
    Turn t;
    t.kind = TurnKind::kQuotation;
    t.nested = nested;
    t.paragraph = q.paragraph;
    t.line = TextSpan{q.begin, q.end};
    reader_.split(q.begin, q.end, t, q.balanced);
    if (nested ? !t.pieces.empty() : (!t.incises.empty() && t.pieces.size() >= 2)) turns_.push_back(std::move(t));
  }
}

}  // namespace

std::optional<Incise> find_incise(const Document& doc, std::uint32_t token_begin, std::uint32_t token_end,
                                  const DialogueVerbs& verbs, const WordClasses& words) {
  token_end = std::min<std::uint32_t>(token_end, static_cast<std::uint32_t>(doc.tokens.size()));
  if (token_begin >= token_end) return std::nullopt;
  return Reader(doc, verbs, words).find_incise(token_begin, token_end);
}

std::vector<Turn> detect_dialogue(const Document& doc, const std::vector<Quote>& quotes, const DialogueVerbs& verbs,
                                  const WordClasses& words) {
  return Finder(doc, quotes, verbs, words).run();
}

}  // namespace quotegraph

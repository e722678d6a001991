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
#include "quotegraph/attributor.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "quotegraph/text.h"

namespace quotegraph {

namespace detail {
namespace {

using W = WordClasses;
constexpr int kNone = -1;
constexpr std::uint32_t kMaxNpTokens = 14;

// A cue verb group in a sentence: tokens [first, last) with the verb at `verb`.
struct CueHit {
  std::uint32_t first = 0, verb = 0, last = 0;
  const CueEntry* entry = nullptr;
  VerbForm form = VerbForm::kFinite;
  bool plural = false;
  int clitic = kNone;        // token of an inverted subject (-t-il) or kNone
  bool reflexive = false;    // se / s' before the verb
  bool used = false;         // consumed by a quotation (incise or introduction)
  int speaker = kNone;       // mention index once known
  bool incise = false;       // "…, a insisté M. Peskov." with no quotation
  bool passive = false;      // "a été condamnée par X": the agents speak
};

// A noun phrase found by the scanners, as token range plus its parts.
struct Np {
  std::uint32_t begin = 0, end = 0;  // tokens
  bool valid() const { return end > begin; }
};

struct Run {
  Run(const Document& d, const Lexicon& l, const Gazetteer& g, const WordClasses& w, GazetteerCache& c)
      : doc(d), lex(l), gaz(g), words(w), cache(c) {}

  const Document& doc;
  const Lexicon& lex;
  const Gazetteer& gaz;
  const WordClasses& words;
  GazetteerCache& cache;
  Attribution out;
  // Most recent subjects and speakers, for pronouns: mention indexes.
  std::vector<int> salience;
  // Source markers of the current sentence already used by a quotation.
  std::vector<std::uint32_t> consumed_markers;

  const Token& tok(std::uint32_t i) const { return doc.tokens[i]; }
  std::string text_of(std::uint32_t b, std::uint32_t e) const {
    return to_utf8(doc.slice(tok(b).begin, tok(e - 1).end));
  }
  bool is(std::uint32_t i, std::string_view w) const { return tok(i).lower == w; }
  bool is_punct(std::uint32_t i) const {
    return tok(i).kind == TokenKind::kPunct || tok(i).kind == TokenKind::kQuoteMark;
  }
  bool is_comma(std::uint32_t i) const { return tok(i).kind == TokenKind::kPunct && tok(i).lower == ","; }
  // Per-token look-ups done once per document (index_tokens): word
  // classes, cue readings and whether the token is a proper-name word.
  std::vector<std::uint32_t> classes_;
  std::vector<const std::vector<CueForm>*> forms_;
  std::vector<char> name_word_;

  void index_tokens() {
    const std::size_t n = doc.tokens.size();
    classes_.resize(n);
    forms_.resize(n);
    name_word_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Token& t = doc.tokens[i];
      classes_[i] = t.kind == TokenKind::kWord || t.kind == TokenKind::kClitic ? words.classes(t.lower) : 0;
      forms_[i] = t.kind == TokenKind::kWord ? &lex.forms(t.lower) : &lex.forms("");
    }
    looked_up_.assign(n, 0);
    role_.assign(n, nullptr);
    nationality_.assign(n, nullptr);
    title_.assign(n, std::nullopt);
    for (std::size_t i = 0; i < n; ++i) name_word_[i] = compute_name_word(static_cast<std::uint32_t>(i));
  }
  const std::vector<CueForm>& forms(std::uint32_t i) const { return *forms_[i]; }
  // A state named directly or through its capital or seat of power.
  const State* state_or_seat(std::string_view folded) const {
    return cache.state_or_seat(std::string(folded));
  }
  // Single-token gazetteer look-ups, each made on first use and kept for
  // the document (most tokens are never looked up).
  mutable std::vector<char> looked_up_;  // bit 1 role, 2 nationality, 4 title
  mutable std::vector<const Role*> role_;
  mutable std::vector<const State*> nationality_;
  mutable std::vector<std::optional<Gender>> title_;
  const Role* role_of(std::uint32_t i) const {
    if (!(looked_up_[i] & 1)) looked_up_[i] |= 1, role_[i] = cache.role(doc.tokens[i].lower);
    return role_[i];
  }
  const State* nationality_of(std::uint32_t i) const {
    if (!(looked_up_[i] & 2)) looked_up_[i] |= 2, nationality_[i] = cache.nationality(doc.tokens[i].lower);
    return nationality_[i];
  }
  std::optional<Gender> title_of(std::uint32_t i) const {
    if (!(looked_up_[i] & 4)) looked_up_[i] |= 4, title_[i] = cache.courtesy_title(doc.tokens[i].lower);
    return title_[i];
  }
  bool has(std::uint32_t i, std::uint32_t bits) const { return (classes_[i] & bits) != 0; }
  bool is_de(std::uint32_t i) const {
    const std::string& w = tok(i).lower;
    return w == "de" || w == "d'" || w == "du" || w == "des";
  }
  bool is_que(std::uint32_t i) const { return is(i, "que") || is(i, "qu'"); }
  bool is_name_word(std::uint32_t i) const { return name_word_[i] != 0; }
  bool compute_name_word(std::uint32_t i) const {
    const Token& t = tok(i);
    if (t.kind != TokenKind::kWord || !t.capitalized) return false;
    if (has(i, W::kDet | W::kPrep | W::kSubj | W::kObj | W::kAux | W::kTime | W::kCut | W::kConj))
      return false;
    // In an all-capitals headline only acronyms and place names are names.
    if (t.all_caps && t.end - t.begin > 5 && !state_or_seat(t.lower)) return false;
    return true;
  }
  // A lower-case word that can be part of a noun phrase (noun, adjective).
  bool is_np_word(std::uint32_t i) const {
    const Token& t = tok(i);
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    if (has(i, W::kAux | W::kSubj | W::kCut)) return false;
    if (t.lower == "que" || t.lower == "qu'" || t.lower == "qui" || t.lower == "et" ||
        t.lower == "ou" || t.lower == "mais" || t.lower == "ne" || t.lower == "n'" ||
        t.lower == "se" || t.lower == "s'" || t.lower == "y")
      return false;
    if (!forms(i).empty() && (!t.capitalized || t.all_caps)) {
      // Past participles used as adjectives stay in the phrase only after
      // a noun (les séparatistes soutenus); a finite cue form ends it.
      for (const CueForm& f : forms(i))
        if (f.form == VerbForm::kFinite || f.form == VerbForm::kPresentParticiple) return false;
    }
    return true;
  }

  // ---- Cue detection -------------------------------------------------

  bool is_infinitive_like(std::uint32_t i, std::uint32_t end) const {
    if (i >= end) return false;
    const Token& t = tok(i);
    if (t.kind != TokenKind::kWord || t.capitalized) return false;
    if (t.lower == "ne" || t.lower == "n'") return true;  // ne pas avoir …
    if (t.lower == "avoir" || t.lower == "être") return true;
    if (has(i, W::kDet | W::kPrep | W::kTime | W::kAdv)) return false;
    for (const CueForm& f : forms(i))
      if (f.form == VerbForm::kInfinitive) return true;
    if (words.has_infinitives()) return words.infinitive(t.lower);
    // Without a dictionary: the endings of infinitives, minus common nouns.
    static const char* kNotVerbs[] = {"hier", "premier", "dernier", "cher", "leur", "pour", "sur",
                                      "contre", "entre", "notre", "votre", "autre", "soir",
                                      "ministre", "membre", "guerre", "ordre", "nombre", "centre",
                                      "libre", "propre", "titre", "lettre", "cadre", "chiffre",
                                      "offre", "œuvre", "livre", "terre", "hiver", "mer", "fer",
                                      "dossier", "quartier", "foyer", "danger", "espoir", "devoir",
                                      "pouvoir", "forfait", "octobre", "novembre", "décembre",
                                      "septembre", "manière", "frontière", "colère", "entière"};
    for (const char* w : kNotVerbs)
      if (t.lower == w) return false;
    const std::string& w = t.lower;
    auto ends = [&](std::string_view suf) {
      return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
    };
    if (ends("aire") || ends("ère") || ends("ière") || ends("ier") || ends("eur")) return false;
    return ends("er") || ends("ir") || ends("dre") || ends("tre") || ends("ire") || ends("oir") ||
           ends("ure") || ends("ivre") || ends("aindre") || ends("cre") || ends("pre");
  }

  // Skips adverbs inside a verb group ("a notamment souligné", "a par la
  // suite affirmé", "se sont mutuellement accusés").
  std::uint32_t skip_adverbs(std::uint32_t i, std::uint32_t end) const {
    std::uint32_t k = i;
    for (int steps = 0; k < end && steps < 5; ++steps) {
      std::uint32_t n = adverb_length(k, end);
      if (n == 0) break;
      k += n;
    }
    return k;
  }

  // Number of tokens of the adverb starting at k: one for "notamment",
  // several for "par la suite", 0 when none starts there.
  std::uint32_t adverb_length(std::uint32_t k, std::uint32_t end) const {
    for (std::uint32_t n = 4; n >= 2; --n) {
      if (k + n > end) continue;
      std::string joined;
      for (std::uint32_t j = k; j < k + n; ++j) {
        if (j > k) joined += ' ';
        joined += tok(j).lower;
      }
      if (words.phrase(joined)) return n;
    }
    // "ne" opens a negated complement (assure ne pas avoir …): no adverb.
    if (tok(k).kind == TokenKind::kWord && !tok(k).capitalized && has(k, W::kAdv) && forms(k).empty() &&
        !is(k, "ne") && !is(k, "n'"))
      return 1;
    return 0;
  }

  // Number of tokens of the adverb ending just before `end` (scanning back).
  std::uint32_t adverb_length_before(std::uint32_t end, std::uint32_t sb) const {
    for (std::uint32_t n = 4; n >= 1; --n) {
      if (end < sb + n) continue;
      if (adverb_length(end - n, end) == n) return n;
    }
    return 0;
  }

  // Finds the cue verb groups of sentence [sb, se).
  std::vector<CueHit> find_cues(std::uint32_t sb, std::uint32_t se) const {
    std::vector<CueHit> hits;
    for (std::uint32_t i = sb; i < se; ++i) {
      const Token& t = tok(i);
      if (t.kind != TokenKind::kWord) continue;
      const auto& forms = this->forms(i);
      if (forms.empty()) continue;
      // A determiner before the word makes it a noun (la critique,
      // l'attaque, la presse) unless it is an object clitic, which a
      // subject or negation precedes (il le dit, elle l'affirme).
      if (i > sb && has(i - 1, W::kDet)) {
        bool participle = std::any_of(forms.begin(), forms.end(), [](const CueForm& f) {
          return f.form == VerbForm::kPresentParticiple;
        });
        bool clitic = has(i - 1, W::kObj) && i >= sb + 2 &&
                      (has(i - 2, W::kSubj) || is(i - 2, "ne") || is(i - 2, "n'") ||
                       has(i - 2, W::kObj) || is_name_word(i - 2) || participle);
        if (!clitic) continue;
      }
      const bool has_participle = std::any_of(forms.begin(), forms.end(), [](const CueForm& f) {
        return f.form == VerbForm::kPastParticiple;
      });
      for (const CueForm& f : forms) {
        // "mis", "dit", "promis" are participles in news prose; their
        // first-person passé simple readings would make any participle a verb.
        // ("dit", "écrit" are also present tense: only -s forms are skipped).
        if (f.form == VerbForm::kFinite && has_participle && !t.lower.empty() && t.lower.back() == 's') continue;
        CueHit h;
        h.entry = f.entry;
        h.form = f.form;
        h.plural = f.plural;
        h.verb = i;
        h.first = i;
        h.last = i + 1;
        // The locution's tail: mis en garde, fait valoir, s'en prendre à.
        bool tail_ok = true;
        std::uint32_t k = i + 1;
        for (const std::string& w : f.entry->tail) {
          k = skip_adverbs(k, se);
          const std::string& tw = tok(k).lower;
          bool same = k < se && (tw == w || (w == "à" && (tw == "au" || tw == "aux")) ||
                                 (w == "de" && (tw == "d'" || tw == "du" || tw == "des")));
          if (!same) {
            tail_ok = false;
            break;
          }
          ++k;
        }
        if (!tail_ok) continue;
        h.last = k;
        // Inverted subject right after the verb: déclare-t-il, estime-t-elle.
        if (h.last < se && tok(h.last).kind == TokenKind::kClitic && f.form == VerbForm::kFinite) {
          h.clitic = static_cast<int>(h.last);
          ++h.last;
        }
        // Auxiliary, adverbs and clitics before a participle: a déclaré,
        // a-t-il averti, s'est engagé, se sont mutuellement accusés, l'a affirmé.
        std::uint32_t b = i;
        if (f.form == VerbForm::kPastParticiple) {
          std::uint32_t k2 = b;
          for (int adv = 0; adv < 5 && k2 > sb && !has(k2 - 1, W::kAux); ++adv) {
            std::uint32_t n = adverb_length_before(k2, sb);
            if (n == 0) break;
            k2 -= n;
          }
          if (k2 > sb && tok(k2 - 1).kind == TokenKind::kClitic) {
            h.clitic = static_cast<int>(k2 - 1);
            --k2;
          }
          // "a, une nouvelle fois, mis en garde": an adverbial between commas.
          if (k2 > sb + 1 && is_comma(k2 - 1) && !has(k2 - 2, W::kAux)) {
            for (std::uint32_t q = k2 - 1; q-- > sb + 1;) {
              if (is_comma(q)) {
                if (has(q - 1, W::kAux)) k2 = q;
                break;
              }
              if (is_punct(q)) break;
            }
          }
          if (!(k2 > sb && has(k2 - 1, W::kAux))) {
            // A participle coordinated with an earlier cue: "a affirmé … et confirmé que".
            bool coordinated = k2 > sb && (is(k2 - 1, "et") || is_comma(k2 - 1)) && !hits.empty() &&
                               hits.back().form == VerbForm::kPastParticiple;
            if (!coordinated) continue;
            h.first = k2;
            hits.push_back(h);
            break;
          }
          // Passives: an act whose agents follow "par" ("a été condamnée par
          // l'UE, les États-Unis et la Russie"); other passives are no cue.
          bool passive_aux = is(k2 - 1, "été") || is(k2 - 1, "étant");
          if (passive_aux) {
            std::uint32_t after = skip_adverbs(h.last, se);
            while (after < se && has(after, W::kTime) && !has(after, W::kDet)) ++after;
            if (!(f.entry->frames & kFrameAct) || after >= se || !is(after, "par")) continue;
            std::uint32_t aux = k2 - 1;
            if (aux > sb && has(aux - 1, W::kAux)) --aux;  // a été, avait été
            h.first = aux;
            h.passive = true;
            hits.push_back(h);
            break;
          }
          // Être with a participle is passive unless the verb is pronominal
          // (s'est engagé) or moves (est revenu): "les propos sont repris".
          bool etre = is(k2 - 1, "est") || is(k2 - 1, "sont") || is(k2 - 1, "était") ||
                      is(k2 - 1, "étaient") || is(k2 - 1, "sera") || is(k2 - 1, "seront") ||
                      is(k2 - 1, "serait") || is(k2 - 1, "fut");
          bool reflexive_before = k2 > sb + 1 && (is(k2 - 2, "s'") || is(k2 - 2, "se") ||
                                                  (k2 > sb + 2 && (is(k2 - 3, "s'") || is(k2 - 3, "se"))));
          if (etre && !reflexive_before && !f.entry->pronominal) continue;
          b = k2 - 1;
        }
        if (f.form == VerbForm::kFinite || f.form == VerbForm::kPastParticiple) {
          // Object and reflexive clitics before the verb or auxiliary.
          while (b > sb && has(b - 1, W::kObj) && tok(b - 1).kind == TokenKind::kWord &&
                 !tok(b - 1).capitalized) {
            if (is(b - 1, "se") || is(b - 1, "s'")) h.reflexive = true;
            // "le/la/les" just before a finite verb is a clitic only when a
            // subject or another clitic stands before it; keep it simple
            // and accept it (il le dit, l'a affirmé).
            --b;
            if (b > sb && (is(b, "le") || is(b, "la") || is(b, "les")) && has(b - 1, W::kDet)) {
              ++b;
              break;
            }
          }
          // Negation: ne … pas around the verb (ne nie pas).
          if (b > sb && (is(b - 1, "ne") || is(b - 1, "n'"))) --b;
        }
        if (f.form == VerbForm::kPresentParticiple && b > sb && is(b - 1, "en")) {
          --b;  // en affirmant
          if (b > sb && is(b - 1, "tout")) --b;  // tout en pointant
        }
        if (f.form == VerbForm::kInfinitive) {
          // Only "avant d'ajouter", "avant de conclure": the writer's way of
          // chaining statements; "permet de confirmer" is no speech.
          // "Et d'ajouter : « … »" likewise.
          if (!(b > sb + 1 && (is(b - 1, "d'") || is(b - 1, "de")) && (is(b - 2, "avant") || is(b - 2, "et"))))
            continue;
          b -= 2;
        }
        if (f.entry->pronominal != h.reflexive && f.entry->pronominal) continue;
        h.first = b;
        hits.push_back(h);
        break;  // first reading of the form wins
      }
    }
    // Drop cues nested in another's group (same verb counted twice).
    std::vector<CueHit> kept;
    for (const CueHit& h : hits) {
      if (!kept.empty() && h.first < kept.back().last) continue;
      kept.push_back(h);
    }
    return kept;
  }

  // ---- Noun phrases and mentions --------------------------------------

  // Reads a noun phrase forward from token i: det? words* Name* (de NP)*.
  Np np_forward(std::uint32_t i, std::uint32_t end, bool allow_complements = true) const {
    Np np{i, i};
    std::uint32_t k = i;
    Gender pronoun_gender;
    bool pronoun_plural;
    if (k < end && tok(k).kind == TokenKind::kWord &&
        words.subject(tok(k).lower, pronoun_gender, pronoun_plural)) {
      return Np{i, i + 1};
    }
    // "selon certains", "plusieurs ont estimé": a determiner standing alone.
    if (k < end && has(k, W::kStandalone) && (k + 1 >= end || is_punct(k + 1))) return Np{i, i + 1};
    if (k < end && (has(k, W::kDet) || title_of(k))) {
      ++k;
      if (k < end && tok(k).lower == ".") ++k;  // M.
    }
    std::uint32_t words_in = 0;
    while (k < end && words_in < kMaxNpTokens) {
      // Right after a determiner a verb form is a noun: la presse, la critique.
      bool after_det = k > i && has(k - 1, W::kDet) && tok(k).kind == TokenKind::kWord &&
                       !has(k, W::kDet | W::kPrep | W::kAux);
      // A past participle after a name starts a modifier, not the name:
      // "la Cour des comptes publié mercredi".
      bool named_so_far = false;
      for (std::uint32_t z = i; z < k && !named_so_far; ++z) named_so_far = is_name_word(z);
      if (k > i && named_so_far && tok(k).kind == TokenKind::kWord && !tok(k).capitalized && !has(k - 1, W::kDet)) {
        const std::string& w = tok(k).lower;
        auto ends = [&](std::string_view suf) {
          return w.size() > suf.size() + 2 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
        };
        if (ends("é") || ends("ée") || ends("és") || ends("ées")) break;
      }
      if (is_name_word(k) || after_det || (is_np_word(k) && !has(k, W::kPrep | W::kTime | W::kAdv))) {
        ++k;
        ++words_in;
        continue;
      }
      // Courtesy title inside: le Premier ministre M. X.
      if (tok(k).lower == "." && k > i && title_of(k - 1)) {
        ++k;
        continue;
      }
      // Complements: de/du/des/d' + phrase; au/aux + a state (ambassadeur
      // de Russie aux États-Unis).
      if (allow_complements && words_in > 0 && k + 1 < end && is_de(k) &&
          (is_name_word(k + 1) || (is_np_word(k + 1) && !is_infinitive_like(k + 1, end)) ||
           has(k + 1, W::kDet))) {
        ++k;
        if (k < end && has(k, W::kDet)) ++k;
        continue;
      }
      if (allow_complements && words_in > 0 && k + 1 < end && (is(k, "aux") || is(k, "au")) &&
          is_name_word(k + 1) && state_or_seat(tok(k + 1).lower)) {
        ++k;
        continue;
      }
      // Particles inside a name: Noël Le Graët, Ursula von der Leyen.
      if (k > i && is_name_word(k - 1) && k + 1 < end && is_name_word(k + 1) &&
          (is(k, "von") || is(k, "van") || is(k, "der") || is(k, "ben") || is(k, "al") ||
           is(k, "bin") || is(k, "da") || is(k, "dos") || is(k, "di") ||
           (tok(k).capitalized && (is(k, "le") || is(k, "la") || is(k, "de") || is(k, "du"))))) {
        ++k;
        continue;
      }
      break;
    }
    // A phrase does not end on a preposition or determiner.
    while (k > i && (has(k - 1, W::kDet | W::kPrep) && !is_name_word(k - 1))) --k;
    np.end = k;
    return np;
  }

  bool np_has_content(const Np& np) const {
    if (np.end == np.begin + 1 && has(np.begin, W::kStandalone)) return true;
    for (std::uint32_t k = np.begin; k < np.end; ++k)
      if (tok(k).kind == TokenKind::kWord && !has(k, W::kDet | W::kPrep)) return true;
    return false;
  }

  // Reads a noun phrase that ends just before token `end`, scanning back.
  Np np_backward(std::uint32_t end, std::uint32_t sb) const {
    std::uint32_t k = end;
    std::uint32_t n = 0;
    while (k > sb && n < kMaxNpTokens) {
      std::uint32_t p = k - 1;
      const Token& t = tok(p);
      bool ok = false;
      if (t.kind == TokenKind::kWord) {
        if (is_name_word(p) || has(p, W::kDet) || is_de(p) || is_np_word(p)) ok = true;
        if (p > sb && has(p - 1, W::kAux) && !forms(p).empty()) ok = false;  // a qualifié
        // After an article or "de" a verb form is a noun: de presse, la critique.
        if (!ok && p > sb && (has(p - 1, W::kDet) || is_de(p - 1)) && !has(p, W::kDet | W::kPrep | W::kAux))
          ok = true;
        if (is(p, "et") && p > sb && p + 1 < end && (is_name_word(p - 1) || is_np_word(p - 1)) &&
            (is_name_word(p + 1) || has(p + 1, W::kDet) || is_np_word(p + 1)))
          ok = true;  // Moscou et Washington, des politiciens et militants
        if (is(p, "aux") || is(p, "au")) ok = true;
        if (has(p, W::kTime) && !t.capitalized && !has(p, W::kDet)) ok = false;
        // A subject pronoun ("il", or "Il" opening the sentence).
        if (has(p, W::kSubj) && (!t.capitalized || p == sb || is_punct(p - 1))) {
          if (k == end) return Np{p, end};  // a pronoun subject
          ok = false;
        }
        if (has(p, W::kAdv) && !has(p, W::kDet) && !is_de(p) && !is_name_word(p)) ok = false;
        // Prepositions other than de/au/aux end a phrase read backwards:
        // "réagissait à | des informations de presse".
        // "l'ambassade de Chine à Paris" keeps its place name.
        // Institution names keep their "pour": le Haut-Commissariat des
        // Nations unies pour les réfugiés.
        bool named_before = false;
        for (std::uint32_t z = p; z-- > sb && z + 4 > p;) named_before |= is_name_word(z);
        if (has(p, W::kPrep) && !has(p, W::kDet) && !is_de(p) && !is(p, "au") && !is(p, "aux") &&
            !(is(p, "à") && p + 1 < end && is_name_word(p + 1)) && !(is(p, "pour") && named_before))
          ok = false;
      } else if (t.kind == TokenKind::kNumber) {
        ok = true;
      } else if (t.lower == "." && p > sb && title_of(p - 1)) {
        ok = true;
      }
      if (!ok) break;
      --k;
      ++n;
    }
    // Start on a determiner, title or content word, not on "de".
    while (k < end && (is_de(k) && !has(k, W::kDet))) ++k;
    while (k < end && (is(k, "et") || is(k, "aux") || is(k, "au"))) ++k;
    return Np{k, end};
  }

  // Builds a mention for tokens [b, e) and returns its index.
  int make_mention(std::uint32_t b, std::uint32_t e) {
    MentionInfo m;
    m.begin = tok(b).begin;
    m.end = tok(e - 1).end;
    m.text = to_utf8(doc.slice(m.begin, m.end));
    Gender g;
    bool pl;
    if (e == b + 1 && words.subject(tok(b).lower, g, pl)) {
      m.pronoun = true;
      m.gender = g;
      m.plural = pl;
      out.mentions.push_back(std::move(m));
      resolve_pronoun(static_cast<int>(out.mentions.size() - 1));
      return static_cast<int>(out.mentions.size() - 1);
    }
    if (e == b + 1 && (is(b, "lui") || is(b, "eux"))) {
      m.pronoun = true;
      m.gender = 'm';
      m.plural = is(b, "eux");
      out.mentions.push_back(std::move(m));
      resolve_pronoun(static_cast<int>(out.mentions.size() - 1));
      return static_cast<int>(out.mentions.size() - 1);
    }
    // Parts: determiner/title, role words, name run (not inside a de-complement).
    std::uint32_t k = b;
    if (has(k, W::kDet)) {
      const std::string& d = tok(k).lower;
      if (d == "la" || d == "une" || d == "cette" || d == "sa") m.gender = 'f';
      else if (d == "le" || d == "un" || d == "ce" || d == "cet" || d == "du" || d == "au") m.gender = 'm';
      if (d == "les" || d == "des" || d == "ces" || d == "leurs" || d == "ses" || d == "aux" ||
          d == "plusieurs" || d == "certains" || d == "certaines")
        m.plural = true;
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
    // The name is the last run of capitalised words (with inner particles:
    // Noël Le Graët, Ursula von der Leyen) that is not the complement of a
    // preposition: "le secrétaire d'État américain Antony Blinken" names
    // Antony Blinken, "le porte-parole du Kremlin" names nobody.
    std::uint32_t name_b = 0, name_e = 0;
    std::uint32_t role_b = k, role_e = k;
    {
      // Capitalised particles inside a name count as name words: Noël Le
      // Graët, Erwan Le Du, Ursula von der Leyen, Charles de Gaulle.
      std::vector<char> name_like(e - b, 0);
      for (std::uint32_t j = k; j < e; ++j) {
        bool particle = j > k && name_like[j - 1 - b] && j + 1 < e &&
                        // Lower-case "de" is a complement far more often than a
                        // particle (le collège Jean-Moulin de Montauban).
                        ((tok(j).capitalized && (is(j, "le") || is(j, "la") || is(j, "de") || is(j, "du") ||
                                                 is(j, "des"))) ||
                         ((is(j, "von") || is(j, "van") || is(j, "der") || is(j, "ben") || is(j, "al") ||
                           is(j, "el") || is(j, "di") || is(j, "da") || is(j, "del") || is(j, "della")) &&
                          is_name_word(j + 1)));
        name_like[j - b] = is_name_word(j) || particle || (j > k && name_like[j - 1 - b] && tok(j).capitalized &&
                                                          tok(j).kind == TokenKind::kWord && has(j, W::kDet));
      }
      std::uint32_t j = e;
      while (j > k) {
        if (!name_like[j - 1 - b] || (has(j - 1, W::kDet) && !tok(j - 1).capitalized)) {
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
        if (before_run > b && has(before_run - 1, W::kDet) && !is_de(before_run - 1)) --before_run;  // de l'Azerbaïdjan
        bool complement = before_run > b && (is_de(before_run - 1) || is(before_run - 1, "au") ||
                                             is(before_run - 1, "aux") || is(before_run - 1, "à") ||
                                             is(before_run - 1, "en"));
        // "le secrétaire d'État Antony Blinken", "le ministre de l'Intérieur
        // Paul Durand": the complement's capitalised word runs into the
        // name; a run of three words or more keeps its last ones as the name.
        if (complement && run_e - run_b >= 3) {
          ++run_b;
          complement = false;
        }
        // Capitalised role words are no name: le Premier ministre.
        while (run_b < run_e && (role_of(run_b) || is(run_b, "premier") || is(run_b, "première")))
          ++run_b;
        // "la direction du groupe Altéra": after an institution noun and a
        // complement, the capitalised run names the institution, not a person.
        if (!complement && run_b < run_e) {
          for (std::uint32_t q = k; q < run_b && !complement; ++q) {
            if (!is_de(q)) continue;
            for (std::uint32_t h = k; h < q; ++h) {
              const Role* r = role_of(h);
              if (r && r->type != EntityType::kPerson) complement = true;
              if (r) break;
            }
          }
        }
        if (!complement && run_b < run_e) {
          name_b = run_b;
          name_e = run_e;
        }
        break;
      }
      role_e = name_e > name_b ? name_b : e;
    }
    // Capitalised titles are roles: le Premier ministre, le Président.
    if (name_e > name_b) m.name = text_of(name_b, name_e);
    if (role_e > role_b) {
      m.role = text_of(role_b, role_e);
      // Head noun: the first content word of the role, "premier ministre"
      // counted as one noun.
      // French noun phrases are head-initial: the head is the first noun
      // after the article and prenominal adjectives (le haut responsable,
      // le nouveau ministre), "premier ministre" counted as one noun. Words
      // after it (nationality adjectives, complements) are no head.
      for (std::uint32_t j = role_b; j < role_e; ++j) {
        if (tok(j).kind != TokenKind::kWord || has(j, W::kDet) || is_de(j)) continue;
        std::string head = tok(j).lower;
        if (j + 1 < role_e && cache.role(head + " " + tok(j + 1).lower)) head += " " + tok(j + 1).lower;
        if (!cache.role(head) && has(j, W::kPrenominal) && j + 1 < role_e) continue;
        m.role_head = head;
        break;
      }
    }
    // State: a nationality adjective or a state/seat named inside.
    for (std::uint32_t j = b; j < e; ++j) {
      if (const State* s = nationality_of(j)) {
        m.state = s->name;
        break;
      }
    }
    if (m.state.empty()) {
      for (std::uint32_t j = b; j < e; ++j) {
        if (!is_name_word(j)) continue;
        // Longest run of capitalised words (and inner de/du) naming a state;
        // state names end on a capitalised word (Corée du Sud, États-Unis).
        for (std::uint32_t jj = std::min(e, j + 5); jj > j; --jj) {
          if (!is_name_word(jj - 1)) continue;
          std::string cand = fold(doc.slice(tok(j).begin, tok(jj - 1).end));
          const State* s = state_or_seat(cand);
          if (s) {
            m.state = s->name;
            j = e;
            break;
          }
        }
      }
    }
    // The whole phrase names a state or a seat of power: le Quai d'Orsay,
    // la Maison-Blanche, la Fédération de Russie.
    bool has_name_word = false;
    for (std::uint32_t j = k; j < e && !has_name_word; ++j) has_name_word = is_name_word(j);
    if (k < e && e - k <= 6 && has_name_word) {  // such names are capitalised and short
      std::string whole = fold(doc.slice(tok(k).begin, tok(e - 1).end));
      const State* s = state_or_seat(whole);
      if (s) {
        m.name = s->name;
        m.state = s->name;
        m.role.clear();
        m.role_head.clear();
        m.type = s->type;
        m.gender = s->gender;
        m.plural = s->plural;
        out.mentions.push_back(std::move(m));
        return static_cast<int>(out.mentions.size() - 1);
      }
    }
    // An institution's proper name: a capitalised word after the article
    // and lower-case words after it (le Parti socialiste, la Confédération
    // africaine de football, le Conseil national de l'ordre des médecins).
    if (name_e == name_b + 1 && name_b == k && name_e < e && !role_of(name_b) &&
        !tok(name_b).all_caps && !tok(name_e).capitalized) {
      bool person_role = false;
      for (std::uint32_t j = name_e; j < e; ++j)
        if (const Role* r = role_of(j)) person_role |= r->type == EntityType::kPerson;
      if (!person_role) {
        m.name = text_of(name_b, e);
        m.role.clear();
        m.type = EntityType::kOrganization;
        for (std::uint32_t j = b; j < e; ++j)
          if (const State* st = nationality_of(j)) m.state = st->name;
        out.mentions.push_back(std::move(m));
        return static_cast<int>(out.mentions.size() - 1);
      }
    }
    // The government or authorities of a state speak for the state.
    if (m.name.empty() && !m.state.empty() && words.has(m.role_head, W::kStateProxy)) {
      if (const State* st = state_or_seat(fold_utf8(m.state))) {
        m.name = st->name;
        m.role.clear();
        m.type = st->type;
        m.gender = st->gender;
        m.plural = st->plural;
        out.mentions.push_back(std::move(m));
        return static_cast<int>(out.mentions.size() - 1);
      }
    }
    // Type.
    const Role* role_entry = m.role_head.empty() ? nullptr : cache.role(m.role_head);
    if (!m.name.empty()) {
      std::string folded = fold(doc.slice(tok(name_b).begin, tok(name_e - 1).end));
      const State* s = state_or_seat(folded);
      if (s && m.role.empty()) {
        m.type = s->type;
        m.state = s->name;
        m.name = s->name;
        m.gender = s->gender;
        m.plural = s->plural;
      } else if (m.type != EntityType::kPerson) {
        bool all_caps = name_e == name_b + 1 && tok(name_b).all_caps;
        if (role_entry && role_entry->type == EntityType::kPerson) m.type = EntityType::kPerson;
        else if (role_entry && role_entry->type != EntityType::kPerson) m.type = role_entry->type;
        else if (all_caps) m.type = EntityType::kOrganization;
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
    out.mentions.push_back(std::move(m));
    return static_cast<int>(out.mentions.size() - 1);
  }

  // True when the phrase opens with a proper name (after an optional
  // article or courtesy title), false when it opens with a role noun:
  // "M. Peskov", "Dmitri Peskov" vs "le Premier ministre arménien".
  bool starts_with_name(const Np& n) const {
    std::uint32_t k = n.begin;
    if (k < n.end && has(k, W::kDet)) ++k;
    if (k < n.end && title_of(k)) return true;
    if (k >= n.end || !is_name_word(k)) return false;
    const std::string& w = tok(k).lower;
    if (cache.role(w)) return false;
    if ((w == "premier" || w == "première" || w == "vice") && k + 1 < n.end) return false;
    return true;
  }

  // True when the phrase's head noun is a role that names a person.
  bool person_role_head(const Np& n) const {
    for (std::uint32_t k = n.begin; k < n.end; ++k) {
      if (tok(k).kind != TokenKind::kWord || has(k, W::kDet)) continue;
      // "les allégations du premier ministre": the role after the report noun.
      if (has(k, W::kReport) && k + 1 < n.end && is_de(k + 1)) {
        ++k;
        continue;
      }
      std::string head = tok(k).lower;
      if ((head == "premier" || head == "première" || head == "vice") && k + 1 < n.end) head += " " + tok(k + 1).lower;
      const Role* r = cache.role(head);
      if (!r) r = role_of(k);
      return r && r->type == EntityType::kPerson;
    }
    return false;
  }

  // A mention for an NP, with an apposition after it (", Dmitri Peskov,")
  // or before it folded in so that the name wins over the title.
  int mention_with_apposition(Np np, std::uint32_t se) {
    if (!np.valid() || !np_has_content(np)) return kNone;
    // "Le médiateur nommé par le ministère du Travail, Alain Corbière, …":
    // a modifier with its own prepositions before the apposition's comma.
    if (np.end < se && !is_comma(np.end) && !starts_with_name(np)) {
      for (std::uint32_t c = np.end; c < se && c < np.end + 10; ++c) {
        if (is_comma(c)) {
          if (c + 1 < se && is_name_word(c + 1)) np.end = c;
          break;
        }
        if (is_punct(c) || has(c, W::kAux) || has(c, W::kSubj) || is_que(c) ||
            tok(c).kind == TokenKind::kQuoteMark)
          break;
        bool finite = false;
        for (const CueForm& f : forms(c)) finite |= f.form == VerbForm::kFinite;
        if (finite) break;
      }
    }
    std::uint32_t e = np.end;
    // Apposition after: ", Name" or ", role phrase" closed by a comma or the clause end.
    if (e + 1 < se && is_comma(e)) {
      Np app = np_forward(e + 1, se);
      bool closes = app.end >= se || is_comma(app.end) || is_punct(app.end) ||
                    has(app.end, W::kPrep) || has(app.end, W::kAux) || !forms(app.end).empty() ||
                    (has(app.end, W::kObj) && !has(app.end, W::kDet)) || is(app.end, "ne") || is(app.end, "n'");
      bool np_is_role = !starts_with_name(np);
      bool app_is_name = app.valid() && starts_with_name(app) && !state_or_seat(tok(app.begin).lower);
      if (!app_is_name && app.valid() && np_is_role && is_name_word(app.end - 1)) {
        // A title and a name in apposition: "…, le capitaine Julien Morand".
        int probe = make_mention(app.begin, app.end);
        app_is_name = !out.mentions[probe].name.empty() && out.mentions[probe].type == EntityType::kPerson;
        out.mentions.pop_back();
      }
      // A role after a name is a person's title (Matthew Miller,
      // porte-parole du département d'État) closed by a comma or the end.
      bool app_is_role = app.valid() && !starts_with_name(app) && person_role_head(app) &&
                         (app.end >= se || is_comma(app.end) || is_punct(app.end));
      // "Un membre de l'OTAN, la Turquie, s'est prononcé": the apposition
      // names a state, which is the entity.
      if (closes && app.valid() && np_is_role) {
        std::uint32_t ab = app.begin;
        if (has(ab, W::kDet)) ++ab;
        if (ab < app.end) {
          std::string folded = fold(doc.slice(tok(ab).begin, tok(app.end - 1).end));
          const State* st = state_or_seat(folded);
          if (st) return make_mention(app.begin, app.end);
        }
      }
      if (closes && app.valid() && ((np_is_role && app_is_name) || (!np_is_role && app_is_role))) {
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
    }
    return make_mention(np.begin, np.end);
  }

  // ---- Speakers --------------------------------------------------------

  // The subject after an inverted verb: "a déclaré mardi l'ambassadeur …,
  // Anatoly Antonov, sur …". Skips time words, adverbs and the audience.
  int subject_after(std::uint32_t i, std::uint32_t se) {
    std::uint32_t k = i;
    for (int guard = 0; guard < 12 && k < se; ++guard) {
      const Token& t = tok(k);
      if (t.kind == TokenKind::kWord && !t.capitalized && (has(k, W::kTime) || has(k, W::kAdv)) &&
          !has(k, W::kDet)) {
        ++k;
        continue;
      }
      if (t.kind == TokenKind::kWord && t.capitalized && has(k, W::kTime) && !is_name_word(k)) {
        ++k;
        continue;
      }
      if (t.kind == TokenKind::kWord && has(k, W::kTime) && t.capitalized) {
        ++k;
        continue;
      }
      // Time phrases with a determiner: la semaine dernière, ce jeudi.
      if ((is(k, "la") || is(k, "ce") || is(k, "cette") || is(k, "le")) && k + 1 < se &&
          has(k + 1, W::kTime) && !has(k + 1, W::kDet) && !is_name_word(k + 1)) {
        k += 2;
        continue;
      }
      // Audience and circumstances: à la presse, aux parlementaires, dans
      // un communiqué, lors d'une audience, sur Telegram.
      if (is(k, "à") || is(k, "aux") || is(k, "au") || is(k, "dans") || is(k, "lors") ||
          is(k, "sur") || is(k, "devant") || is(k, "en") || is(k, "chez") || is(k, "auprès")) {
        std::uint32_t j = k + 1;
        if (j < se && (is(j, "d'") || is(j, "de"))) ++j;
        Np np = np_forward(j, se, false);
        if (!np.valid()) break;
        // "à la presse Matthew Miller": a name after lower-case audience
        // words is the subject.
        std::uint32_t stop = np.end;
        for (std::uint32_t q = j + 1; q < np.end; ++q) {
          if ((is_name_word(q) && !is_name_word(q - 1) && !is_de(q - 1) && !has(q - 1, W::kDet)) ||
              title_of(q)) {
            stop = q;
            break;
          }
        }
        k = stop;
        continue;
      }
      break;
    }
    if (k >= se) return kNone;
    if (tok(k).kind != TokenKind::kWord) return kNone;
    Np np = np_forward(k, se);
    if (!np.valid()) return kNone;
    return mention_with_apposition(np, se);
  }

  // The subject before a verb group starting at token `first` in sentence
  // [sb, se). Handles an apposition before the verb (X, porte-parole, a
  // déclaré), relative clauses (X, qui … , a déclaré) and VP coordination
  // (X s'est entretenu … et a affirmé): the latter returns kNone.
  int subject_before(std::uint32_t first, std::uint32_t sb, std::uint32_t se) {
    std::uint32_t end = first;
    bool relative = false;
    if (end > sb && is(end - 1, "qui")) {
      // Relative clause: the antecedent before "qui".
      end = end - 1;
      if (end > sb && is_comma(end - 1)) --end;
      relative = true;
    }
    if (end > sb && (is(end - 1, "et") || is(end - 1, "mais") || is(end - 1, "puis"))) return kNone;
    bool skipped_comma = false;
    if (end > sb && is_comma(end - 1)) {
      // "X, qui …, a déclaré": look for ", qui" further back.
      for (std::uint32_t q = end - 1; q > sb + 1; --q) {
        if (is(q, "qui") && is_comma(q - 1)) {
          Np np = np_backward(q - 1, sb);
          if (np.valid() && np_has_content(np)) return make_mention(np.begin, np.end);
          break;
        }
        if (is_punct(q) && !is_comma(q)) break;
      }
      --end;
      skipped_comma = true;
      // "Aino Virtanen, désormais envoyée spéciale de l'UE pour l'Arctique,
      // a averti": an apposition with its own prepositions between two
      // commas; the subject is the name before it.
      for (std::uint32_t c2 = end; c2-- > sb + 1 && c2 + 16 > end;) {
        // Sentence punctuation ends the search; symbols inside names
        // (Conjoncture & Territoires) do not.
        const std::string& pw = tok(c2).lower;
        if (is_punct(c2) && (pw == "." || pw == ";" || pw == ":" || pw == "!" || pw == "?" ||
                             tok(c2).kind == TokenKind::kQuoteMark))
          break;
        if (has(c2, W::kAux) || tok(c2).kind == TokenKind::kQuoteMark) break;
        if (!is_comma(c2)) continue;
        std::uint32_t first = c2 + 1;
        while (first < end && adverb_length(first, end) > 0) first += adverb_length(first, end);
        bool apposition = first < end && (role_of(first) || has(first, W::kDet) || is_de(first) ||
                                          title_of(first));
        Np name = np_backward(c2, sb);
        // "Un membre de l'OTAN, la Turquie, s'est prononcé": a state named
        // in the apposition is the subject.
        if (apposition) {
          Np seg = np_forward(first, end);
          if (seg.valid() && seg.end == end) {
            std::uint32_t ab = seg.begin;
            if (has(ab, W::kDet)) ++ab;
            std::string folded = ab < seg.end ? fold(doc.slice(tok(ab).begin, tok(seg.end - 1).end)) : "";
            if (!folded.empty() && state_or_seat(folded)) return make_mention(seg.begin, seg.end);
          }
        }
        if (apposition && name.valid() && is_name_word(name.end - 1)) {
          int m = make_mention(name.begin, name.end);
          // The title from the apposition, when it has one.
          Np title = np_forward(first, end);
          if (title.valid()) {
            int t = make_mention(title.begin, title.end);
            const MentionInfo tm = out.mentions[t];
            out.mentions.pop_back();
            MentionInfo& mm = out.mentions[m];
            if (mm.role.empty() && !tm.role_head.empty()) {
              mm.role = tm.role.empty() ? tm.text : tm.role;
              mm.role_head = tm.role_head;
              if (mm.state.empty()) mm.state = tm.state;
              if (mm.gender == '?') mm.gender = tm.gender;
            }
          }
          return m;
        }
        break;
      }
    }
    Np np = np_backward(end, sb);
    if (!np.valid() || !np_has_content(np)) return kNone;
    // "les propos du porte-parole …, qui a déclaré": "qui" is the speaker,
    // not the words: the antecedent after a noun of report or a "suite".
    if (relative) {
      for (std::uint32_t q = np.begin; q + 1 < np.end; ++q) {
        if ((has(q, W::kReport) || is(q, "suite")) && (is_de(q + 1) || is(q + 1, "aux") || is(q + 1, "au"))) {
          np.begin = q + 2;
          q = q + 1;  // and again: "suite aux propos du porte-parole"
        }
      }
      if (!np.valid()) return kNone;
    }
    // A list of subjects: "La France, l'Allemagne et l'Italie ont appelé".
    bool coordinated = false;
    for (std::uint32_t q = np.begin; q < np.end; ++q) coordinated |= is(q, "et");
    while (coordinated && np.begin > sb + 1 && is_comma(np.begin - 1)) {
      Np item = np_backward(np.begin - 1, sb);
      bool named = false;
      for (std::uint32_t q = item.begin; q < item.end; ++q) named |= is_name_word(q);
      // List items are named like the others ("La France, l'Allemagne et
      // l'Italie"), unlike a preposed "Dans un communiqué commun,".
      if (!item.valid() || !named || !(starts_with_name(item) || has(item.begin, W::kDet))) break;
      if (item.begin > sb && has(item.begin - 1, W::kPrep) && !is_de(item.begin - 1)) break;
      np.begin = item.begin;
    }
    // A comma after the subject only with a name or apposition before it.
    if (skipped_comma && !is_name_word(np.end - 1) && np.end - np.begin > 6 &&
        !(np.begin > sb && is_comma(np.begin - 1)))
      return kNone;
    // Apposition: "Role, Name a déclaré" or "Name, role, a déclaré".
    if (np.begin > sb + 1 && is_comma(np.begin - 1)) {
      Np before = np_backward(np.begin - 1, sb);
      bool before_fits = before.valid() && np_has_content(before) &&
                         (starts_with_name(before) ? !starts_with_name(np) : person_role_head(before));
      if (before_fits) {
        Np joined{before.begin, before.end};
        int m = mention_with_apposition(joined, se);
        if (m != kNone && out.mentions[m].end >= tok(np.end - 1).end) return m;
        if (m != kNone) out.mentions.pop_back();
      }
    }
    return make_mention(np.begin, np.end);
  }

  // The subject of the sentence's main clause: the first noun phrase after
  // preposed adverbials ("Dimanche, M. X, a critiqué", "Dans le même
  // temps, Moscou a accusé").
  int sentence_subject(std::uint32_t sb, std::uint32_t limit, std::uint32_t se) {
    std::uint32_t k = sb;
    while (k < limit) {
      if (tok(k).kind == TokenKind::kQuoteMark) break;
      if (has(k, W::kDet) && !is_de(k)) break;  // the subject's article (le, la also mark time)
      // Skip a preposed phrase closed by a comma when it starts with a
      // preposition, a time word or a participle.
      if (has(k, W::kPrep | W::kTime | W::kAdv) || (tok(k).kind == TokenKind::kWord && !tok(k).capitalized &&
                                                    !has(k, W::kDet))) {
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
    if (k >= limit) return kNone;
    Np np = np_forward(k, se);
    if (!np.valid() || !np_has_content(np)) return kNone;
    return mention_with_apposition(np, se);
  }

  // ---- Pronouns and salience --------------------------------------------

  bool compatible(const MentionInfo& pronoun, const MentionInfo& cand) const {
    if (cand.pronoun) return false;
    if (pronoun.plural != cand.plural) {
      // Capitals and states standing for a government are singular.
      return false;
    }
    if (pronoun.gender != '?' && cand.gender != '?' && pronoun.gender != cand.gender) return false;
    return true;
  }

  // Resolves a pronoun mention to the most recent compatible salient mention.
  void resolve_pronoun(int m) {
    MentionInfo& p = out.mentions[m];
    if (!p.pronoun) return;
    // A singular "il"/"elle" is a person far more often than a state in
    // news prose: persons first, then any compatible entity.
    for (int pass = 0; pass < 2; ++pass) {
      for (auto it = salience.rbegin(); it != salience.rend(); ++it) {
        int c = *it;
        while (c != kNone && out.mentions[c].pronoun) c = out.mentions[c].antecedent;
        if (c == kNone || c == m) continue;
        const MentionInfo& cand = out.mentions[c];
        if (pass == 0 && !p.plural && cand.type != EntityType::kPerson) continue;
        if (compatible(p, cand)) {
          p.antecedent = c;
          return;
        }
      }
    }
  }

  void note_salient(int m) {
    if (m == kNone) return;
    resolve_pronoun(m);
    salience.push_back(m);
    if (salience.size() > 64) salience.erase(salience.begin());
  }

  // ---- Claims ----------------------------------------------------------

  // Where a reported clause that starts at token i ends: the sentence end,
  // or before a subordinate clause of time, an incise, a source marker or
  // the next cue.
  std::uint32_t clause_end(std::uint32_t i, std::uint32_t se, const std::vector<CueHit>& cues,
                           std::uint32_t after_cue) const {
    std::uint32_t e = se;
    for (const CueHit& c : cues) {
      if (c.first > i && c.first < e && c.first > after_cue) {
        // A participial or coordinated cue starts another claim: cut before
        // the comma or "et" that introduces it.
        std::uint32_t cut = c.first;
        if (cut > i && (is_comma(cut - 1) || is(cut - 1, "et"))) e = std::min(e, cut - 1);
        else if (c.form == VerbForm::kPresentParticiple || c.clitic != kNone) e = std::min(e, cut);
      }
    }
    for (std::uint32_t k = i + 1; k < e; ++k) {
      if (has(k, W::kCut) && !tok(k).capitalized) {
        const std::string& w = tok(k).lower;
        bool needs_que = w == "alors" || w == "pendant" || w == "tandis" || w == "avant" || w == "afin";
        if (!needs_que || (k + 1 < e && is_que(k + 1))) {
          if (w == "avant" || w == "afin") continue;
          e = k;
          if (e > i && is_comma(e - 1)) --e;
          break;
        }
      }
      if ((is(k, "après") || is(k, "pendant")) && k + 1 < e && is_que(k + 1)) {
        e = k;
        break;
      }
      if (is_comma(k) && k + 2 < e && ((is(k + 1, "même") && is(k + 2, "si")) || (is(k + 1, "bien") && is_que(k + 2)))) {
        e = k;
        break;
      }
      if (is_comma(k) && k + 1 < e && is(k + 1, "mais") && !(k + 2 < e && is_que(k + 2))) {
        e = k;  // "…, mais nombre d'entre eux refusent": another clause
        break;
      }
      if (is_comma(k) && k + 1 < e && (is(k + 1, "selon") || (is(k + 1, "d'") && k + 2 < e && is(k + 2, "après")))) {
        e = k;
        break;
      }
      if (is_comma(k) && k + 1 < e && (is(k + 1, "cité") || is(k + 1, "citée") || is(k + 1, "rapporte"))) {
        e = k;
        break;
      }
    }
    // Trailing punctuation and closing marks belong to the sentence.
    while (e > i + 1 && (tok(e - 1).kind == TokenKind::kPunct)) --e;
    return e;
  }

  void add_claim(ClaimKind kind, std::uint32_t b, std::uint32_t e, const std::string& cue,
                 Relation rel, int speaker, std::vector<int> targets) {
    if (e <= b) return;
    AttributedClaim c;
    c.kind = kind;
    c.begin = b;
    c.end = e;
    c.cue = cue;
    c.relation = rel;
    c.speaker = speaker;
    c.targets = std::move(targets);
    out.claims.push_back(std::move(c));
  }

  std::string cue_text(const CueHit& h) const { return text_of(h.first, h.last); }

  // ---- Targets ---------------------------------------------------------

  // Splits a coordinated phrase "Séoul et Washington" into mentions.
  std::vector<int> conjunct_mentions(const Np& np) {
    std::vector<int> out_mentions;
    std::uint32_t b = np.begin;
    for (std::uint32_t k = np.begin; k <= np.end; ++k) {
      if (k == np.end || ((is(k, "et") || is_comma(k)) && k > b)) {
        Np part{b, k};
        while (part.end > part.begin && is_comma(part.end - 1)) --part.end;
        if (part.valid() && np_has_content(part)) out_mentions.push_back(make_mention(part.begin, part.end));
        b = k + 1;
      }
    }
    return out_mentions;
  }

  bool is_entity_mention(int m) const {
    const MentionInfo& mi = out.mentions[m];
    return !mi.name.empty() || !mi.state.empty() || mi.type != EntityType::kUnknown;
  }

  // Entities a claim's content is aimed at:
  //  - the object of a cue inside the content (« Nous exhortons
  //    Washington à … », avoir demandé au président russe X …);
  //  - states named in argument position, not as a place (en Arménie, au
  //    Karabakh, dans la région) nor as the complement of an ordinary noun
  //    (le territoire de l'Azerbaïdjan, le président de la Turquie), but
  //    as the complement of a noun of blame (les actions de l'Azerbaïdjan);
  //  - a nationality adjective on a noun of blame (les forces azerbaïdjanaises).
  // The speaker's own side is removed later, in the entity stage.
  std::vector<int> content_targets(std::uint32_t tb, std::uint32_t te) {
    std::vector<int> found;
    auto already = [&](std::uint32_t b) {
      for (int m : found)
        if (out.mentions[m].begin <= tok(b).begin && tok(b).begin < out.mentions[m].end) return true;
      return false;
    };
    // Objects of cues inside the content; what follows a nested cue
    // belongs to the nested report, not to this claim.
    const std::uint32_t te_all = te;
    std::uint32_t scan_end = te;
    for (CueHit& h : find_cues(tb, te)) {
      // "Je pense que la Russie …": the speaker's own verb of opinion opens
      // no report of someone else.
      bool own = h.first > tb && (is(h.first - 1, "je") || is(h.first - 1, "j'") || is(h.first - 1, "nous") ||
                                  is(h.first - 1, "on") || is(h.first - 1, "vous"));
      if (!own) scan_end = std::min(scan_end, h.first);
      if (h.entry->target == TargetSlot::kNone) continue;
      for (int m : cue_object_targets(h, te))
        if (is_entity_mention(m)) found.push_back(m);
    }
    te = scan_end;
    for (std::uint32_t k = tb; k < te && found.size() < 4; ++k) {
      // Nationality adjective right after a noun of blame.
      if (k > tb && has(k - 1, W::kBlame) && tok(k).kind == TokenKind::kWord && !tok(k).capitalized) {
        if (const State* st = nationality_of(k)) {
          int m = make_mention(k - 1, k + 1);
          out.mentions[m].state = st->name;
          out.mentions[m].name = st->name;
          out.mentions[m].role.clear();
          out.mentions[m].type = st->type;
          out.mentions[m].gender = st->gender;
          found.push_back(m);
          continue;
        }
      }
      if (!is_name_word(k) || already(k)) continue;
      if (k > tb && is_name_word(k - 1)) continue;  // inside a run already seen
      std::uint32_t e = k;
      while (e < te && is_name_word(e)) ++e;
      // Longest run naming a state: Corée du Sud, États-Unis.
      const State* s = nullptr;
      std::uint32_t se2 = e;
      for (std::uint32_t jj = std::min(te, k + 4); jj > k && !s; --jj) {
        std::string folded = fold(doc.slice(tok(k).begin, tok(jj - 1).end));
        s = state_or_seat(folded);
        if (s) se2 = jj;
      }
      if (!s) {
        // A person named in full (Jean-François Delfraissy, M. Pachinyan)
        // in argument position: the one the content is about.
        std::uint32_t p = k;
        bool titled = p > tb + 1 && tok(p - 1).lower == "." && title_of(p - 2);
        if (titled) p -= 2;
        else if (p > tb && title_of(p - 1)) titled = true, --p;
        bool full_name = e - k >= 2 || titled;
        bool genitive_blame = false;
        if (p > tb && is_de(p - 1))
          for (std::uint32_t z = p - 1; z-- > tb && z + 4 > p;)
            if (has(z, W::kBlame) || has(z, W::kReport)) genitive_blame = true;
        // Only as the subject of the content or after a noun of blame or
        // report (la déclaration de M. X), not "la rencontre entre X et Y".
        bool subject = p == tb || (p == tb + 1 && has(tb, W::kDet));
        // The subject of a report inside the content is its speaker, not a
        // target: "Selon la KCNA, Kim Yong-bok a affirmé que …".
        if (subject && e < te_all) {
          std::uint32_t v = skip_adverbs(e, te_all);
          while (v < te_all && (has(v, W::kAux) || has(v, W::kObj))) ++v;
          if (v < te_all && !forms(v).empty()) subject = false;
        }
        if (full_name && (subject || genitive_blame) && !tok(k).all_caps) {
          int m = make_mention(p, e);
          if (out.mentions[m].type == EntityType::kPerson && !out.mentions[m].name.empty()) found.push_back(m);
          else out.mentions.pop_back();
        }
        k = e;
        continue;
      }
      e = se2;
      std::uint32_t p = k;
      if (p > tb && (has(p - 1, W::kDet) && !is_de(p - 1))) --p;
      bool locative = p > tb && (is(p - 1, "en") || is(p - 1, "au") || is(p - 1, "aux") ||
                                 is(p - 1, "dans") || is(p - 1, "à") || is(p - 1, "vers") ||
                                 is(p - 1, "depuis") || is(p - 1, "sur") || is(p - 1, "avec") ||
                                 is(p - 1, "entre") || is(p - 1, "par"));
      // "avec la Russie et l'Azerbaïdjan": the second is a place too.
      if (!locative && p > tb + 1 && is(p - 1, "et")) {
        for (std::uint32_t z = p - 1; z-- > tb && z + 6 > p;) {
          if (is_punct(z)) break;
          if (is(z, "avec") || is(z, "entre") || is(z, "en") || is(z, "dans") || is(z, "au") || is(z, "aux")) {
            locative = true;
            break;
          }
        }
      }
      if (locative) continue;
      // "de X" names a target only after a noun of blame, maybe with its
      // adjectives: les actions militaires inacceptables de l'Azerbaïdjan.
      bool genitive = p > tb && is_de(p - 1);
      bool blamed = false;
      for (std::uint32_t z = p - 1; genitive && z-- > tb && z + 5 > p;) {
        if (is_punct(z) || has(z, W::kAux)) break;
        if (has(z, W::kBlame)) blamed = true;
      }
      if (genitive && !blamed) continue;
      int m = make_mention(p, e);
      MentionInfo& mi = out.mentions[m];
      mi.name = s->name;
      mi.state = s->name;
      mi.role.clear();
      mi.type = s->type;
      mi.gender = s->gender;
      mi.plural = s->plural;
      found.push_back(m);
      k = e;
    }
    return found;
  }

  // ---- The document pass -----------------------------------------------

  std::uint32_t tok_of(std::uint32_t offset) const { return doc.token_at(offset); }

  void run(const std::vector<Quote>& quotes) {
    index_tokens();
    const auto& sentences = doc.sentences;
    std::vector<std::vector<CueHit>> cues(sentences.size());
    // Tokens inside quotations: cues there belong to the quoted speaker.
    std::vector<char> quoted(doc.tokens.size(), 0);
    for (const Quote& q : quotes) {
      for (std::uint32_t k = tok_of(q.begin); k < doc.tokens.size() && tok(k).begin < q.end; ++k)
        quoted[k] = 1;
    }
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      auto hits = find_cues(sentences[s].token_begin, sentences[s].token_end);
      for (auto& h : hits)
        if (!quoted[h.verb]) cues[s].push_back(h);
    }
    std::vector<char> quote_done(quotes.size(), 0);
    std::vector<int> quote_speaker(quotes.size(), kNone);
    std::vector<std::string> quote_cue(quotes.size());
    std::vector<Relation> quote_rel(quotes.size(), Relation::kStates);
    std::vector<std::vector<int>> quote_targets(quotes.size());
    std::vector<char> quote_direct(quotes.size(), 0);
    int last_speaker = kNone;
    std::uint32_t last_speaker_paragraph = 0;


    std::size_t next_quote = 0;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      consumed_markers.clear();
      const Sentence& S = sentences[s];
      const std::uint32_t sb = S.token_begin, se = S.token_end;
      if (last_speaker != kNone && S.paragraph > last_speaker_paragraph + 1) last_speaker = kNone;

      // Subject of the sentence, for pronouns later on.
      if (!quoted[sb] && tok(sb).kind != TokenKind::kQuoteMark) {
        int subj = sentence_subject(sb, se, se);
        if (subj != kNone && is_entity_mention(subj)) note_salient(subj);
      }

      // (a) Quotations opening in this sentence: incise after, introduction before.
      std::vector<std::size_t> here;
      while (next_quote < quotes.size() && quotes[next_quote].open < S.end) {
        if (quotes[next_quote].depth == 0 && quotes[next_quote].open >= S.begin) here.push_back(next_quote);
        ++next_quote;
      }
      for (std::size_t qi : here) {
        const Quote& q = quotes[qi];
        std::uint32_t qo = tok_of(q.open);
        std::uint32_t qc = q.balanced ? tok_of(q.close) : tok_of(q.end);
        std::uint32_t cs = doc.sentence_at(q.balanced ? q.close : (q.end ? q.end - 1 : 0));
        const std::uint32_t ce = sentences[cs].token_end;
        // Direct: nothing of the writer's own sentence before the opener
        // but an introduction (X a déclaré :, Selon X,).
        bool direct = qo == sb || (qo > sb && tok(qo - 1).lower == ":");
        // Incise after the closing mark.
        std::uint32_t k = qc + 1;
        if (k < ce && is_comma(k)) ++k;
        for (CueHit& h : cues[cs]) {
          if (h.used || h.first != k) continue;
          if (!(h.entry->frames & (kFrameIncise | kFrameQue | kFrameObject))) continue;
          int sp = kNone;
          if (h.clitic != kNone) sp = make_mention(static_cast<std::uint32_t>(h.clitic), static_cast<std::uint32_t>(h.clitic) + 1);
          else sp = subject_after(h.last, ce);
          if (sp == kNone && h.form == VerbForm::kFinite) continue;
          h.used = true;
          h.speaker = sp;
          note_salient(sp);
          quote_speaker[qi] = sp;
          quote_cue[qi] = cue_text(h);
          quote_rel[qi] = h.entry->relation;
          if (q.end > q.begin && (direct || qo == sb)) direct = true;
          // A quote ending its sentence is a whole statement even after
          // words of the writer (« … » a déclaré X): only when it opens the sentence.
          break;
        }
        // An incise inside the quotation: « Nous ne céderons pas, a-t-il
        // déclaré, car la loi est de notre côté. »
        if (quote_speaker[qi] == kNone) {
          std::uint32_t cb = tok_of(q.begin), cend = std::min<std::uint32_t>(qc, ce);
          for (CueHit& h : find_cues(cb, cend)) {
            if (!(h.entry->frames & kFrameIncise) || h.first == cb || !is_comma(h.first - 1)) continue;
            int sp = kNone;
            if (h.clitic != kNone) {
              sp = make_mention(static_cast<std::uint32_t>(h.clitic), static_cast<std::uint32_t>(h.clitic) + 1);
            } else if (h.form == VerbForm::kPastParticiple || h.form == VerbForm::kFinite) {
              std::uint32_t close = h.last;
              while (close < cend && !is_comma(close) && !is_punct(close)) ++close;
              if (close < cend && is_comma(close)) sp = subject_after(h.last, close);
            }
            if (sp == kNone) continue;
            note_salient(sp);
            quote_speaker[qi] = sp;
            quote_cue[qi] = cue_text(h);
            quote_rel[qi] = h.entry->relation;
            break;
          }
        }
        // A source marker after the quotation: « … », selon son président, X.
        if (quote_speaker[qi] == kNone && k < ce &&
            (is(k, "selon") || (is(k, "d'") && k + 1 < ce && is(k + 1, "après")))) {
          std::uint32_t np_b = is(k, "selon") ? k + 1 : k + 2;
          Np np = np_forward(np_b, ce);
          if (np.valid() && speaker_like(np)) {
            int sp = mention_with_apposition(np, ce);
            if (sp != kNone) {
              note_salient(sp);
              quote_speaker[qi] = sp;
              quote_cue[qi] = text_of(k, np_b);
              if (qo == sb) direct = true;
              consumed_markers.push_back(k);
            }
          }
        }
        // Subject then cue after the quote, in the same sentence or the
        // next one: « … » Blinken a déclaré mardi dans un communiqué.
        if (quote_speaker[qi] == kNone) {
          std::uint32_t ns = cs;
          std::uint32_t from = qc + 1;
          if (from >= ce && cs + 1 < sentences.size() && sentences[cs + 1].paragraph == S.paragraph) {
            ns = cs + 1;
            from = sentences[ns].token_begin;
          }
          for (CueHit& h : cues[ns]) {
            if (h.used || h.first <= from || h.first > from + 6) continue;
            // The cue must have no complement of its own.
            std::uint32_t after = skip_adverbs(h.last, sentences[ns].token_end);
            if (after < sentences[ns].token_end && (is_que(after) || is_infinitive_like(after, sentences[ns].token_end) ||
                                                   tok(after).kind == TokenKind::kQuoteMark))
              continue;
            if (after < sentences[ns].token_end && tok(after).lower == ":") continue;
            int sp = h.clitic != kNone ? make_mention(h.clitic, h.clitic + 1) : subject_before(h.first, from, sentences[ns].token_end);
            if (sp == kNone) continue;
            h.used = true;
            h.speaker = sp;
            note_salient(sp);
            quote_speaker[qi] = sp;
            quote_cue[qi] = cue_text(h);
            if (qo == sb) direct = true;
            break;
          }
        }
        // Introduction before: X a déclaré : « … » ; Selon X, « … ».
        if (quote_speaker[qi] == kNone && qo > sb) {
          std::uint32_t before = qo;
          if (tok(before - 1).lower == ":" || is_comma(before - 1)) --before;
          for (CueHit& h : cues[s]) {
            if (h.used || h.last > before) continue;
            // Adjuncts may stand between the cue and the colon (a déclaré
            // devant les préfets : « … »), but no clause of its own.
            bool adjuncts_only = h.last == before || tok(qo - 1).lower == ":";
            for (std::uint32_t q = h.last; q < before && adjuncts_only; ++q)
              if (is_que(q) || tok(q).kind == TokenKind::kQuoteMark || (is_punct(q) && !is_comma(q))) adjuncts_only = false;
            if (!adjuncts_only || before - h.last > 10) continue;
            int sp = h.clitic != kNone ? make_mention(h.clitic, h.clitic + 1)
                     : h.form == VerbForm::kInfinitive ? kNone
                                                       : subject_before(h.first, sb, se);
            if (sp == kNone) sp = last_speaker;
            // "Et d'ajouter : « … »" continues the last subject or speaker.
            if (sp == kNone && h.form == VerbForm::kInfinitive && !salience.empty()) sp = salience.back();
            h.used = true;
            h.speaker = sp;
            note_salient(sp);
            quote_speaker[qi] = sp;
            quote_cue[qi] = cue_text(h);
            if (tok(qo - 1).lower == ":") direct = true;
            break;
          }
          // A headline or lead-in "X : « … »" with no verb: the name before
          // the colon speaks ("Emmanuel Macron : « Nous tiendrons »").
          if (quote_speaker[qi] == kNone && tok(qo - 1).lower == ":" && qo - 1 > sb) {
            Np np = np_backward(qo - 1, sb);
            if (np.valid() && np.begin == sb && speaker_like(np)) {
              int sp = mention_with_apposition(np, qo - 1);
              // Only someone: a named person or a state, not a topic
              // ("Réforme des retraites : « … »").
              if (sp != kNone) {
                const MentionInfo& mi = out.mentions[sp];
                bool someone = (mi.type == EntityType::kPerson && (!mi.name.empty() || !mi.role_head.empty())) ||
                               mi.type == EntityType::kCountry;
                if (!someone) sp = kNone;
              }
              if (sp != kNone) {
                note_salient(sp);
                quote_speaker[qi] = sp;
                direct = true;
              }
            }
          }
          if (quote_speaker[qi] == kNone && is_comma(qo - 1)) {
            // Selon X, « … » / Pour X, « … » / D'après X, « … »
            std::uint32_t m = sb;
            if (is(m, "mais") || is(m, "et")) ++m;
            bool marker = is(m, "selon") || is(m, "pour") || (is(m, "d'") && m + 1 < se && is(m + 1, "après"));
            if (marker) {
              std::uint32_t np_b = is(m, "d'") ? m + 2 : m + 1;
              Np np = np_forward(np_b, qo - 1);
              if (np.valid() && speaker_like(np)) {
                int sp = mention_with_apposition(np, se);
                if (sp != kNone && tok_of(out.mentions[sp].end - 1) + 1 >= qo - 1) {
                  note_salient(sp);
                  quote_speaker[qi] = sp;
                  quote_cue[qi] = text_of(m, np_b);
                  direct = true;
                }
              }
            }
          }
        }
        quote_direct[qi] = direct;
      }

      // (b) Cues of this sentence that no quotation consumed. An incise
      // without quotation marks takes the whole clause before it, cues
      // inside that clause included (« La Russie espère que …, a déclaré X »).
      for (std::size_t c = cues[s].size(); c-- > 0;) {
        CueHit& h = cues[s][c];
        if (h.used || !mark_incise(h, sb, se)) continue;
        for (std::size_t d = 0; d < c; ++d) cues[s][d].used = true;
        break;
      }
      int previous_speaker = kNone;
      for (const CueHit& h : cues[s])
        if (h.used && h.speaker != kNone) previous_speaker = h.speaker;
      for (CueHit& h : cues[s]) {
        if (h.used) {
          if (h.speaker != kNone) previous_speaker = h.speaker;
          continue;
        }
        handle_cue(h, s, quotes, quote_done, quoted, previous_speaker, cues[s]);
        if (h.speaker != kNone) {
          previous_speaker = h.speaker;
          last_speaker = h.speaker;
          last_speaker_paragraph = S.paragraph;
        }
      }

      // (c) Source markers.
      handle_source_markers(s, quoted, cues[s], quotes, quote_done);

      // (d) Quotations not absorbed by a clause.
      for (std::size_t qi : here) {
        if (quote_done[qi]) continue;
        const Quote& q = quotes[qi];
        quote_done[qi] = 1;
        int sp = quote_speaker[qi];
        std::string cue = quote_cue[qi];
        Relation rel = quote_rel[qi];
        ClaimKind kind = quote_direct[qi] ? ClaimKind::kDirect : ClaimKind::kMixed;
        std::uint32_t qo = tok_of(q.open);
        // A quoted "oui" or "non" inside a sentence is a vote or an answer.
        if (!quote_direct[qi]) {
          std::string f = fold(doc.slice(q.begin, q.end));
          if (f == "oui" || f == "non") continue;
        }
        if (sp == kNone && !quote_direct[qi]) {
          // A fragment governed by a cue just before it: qualifié d'« … »,
          // appelé à « … », a évoqué une alliance « … », ce qu'il appelle « … ».
          for (CueHit& h : cues[s]) {
            if (h.last > qo || qo - h.last > 8) continue;
            bool only_np = true;
            for (std::uint32_t k = h.last; k < qo; ++k)
              if (is_punct(k) && !is_comma(k)) only_np = false;
            if (!only_np) continue;
            sp = h.speaker != kNone ? h.speaker : speaker_of_cue(h, s, previous_speaker);
            cue = cue_text(h);
            rel = h.entry->relation;
            if (h.entry->target != TargetSlot::kNone) {
              for (int t : cue_object_targets(h, qo)) quote_targets[qi].push_back(t);
            }
            h.used = true;
            break;
          }
          if (cue.empty()) {
            // A title or name in quotation marks is no speech: « Ulchi Freedom Shield ».
            bool all_caps_words = true;
            for (std::uint32_t k = tok_of(q.begin); k < doc.tokens.size() && tok(k).begin < q.end; ++k)
              if (tok(k).kind == TokenKind::kWord && !tok(k).capitalized && !has(k, W::kDet | W::kPrep))
                all_caps_words = false;
            if (all_caps_words) continue;
            if (last_speaker != kNone && S.paragraph <= last_speaker_paragraph + 0) sp = last_speaker;
            else continue;  // scare quotes with no source in sight
          }
        }
        if (sp == kNone && quote_direct[qi]) {
          // A quotation continuing the speaker of the paragraph or the one before.
          if (last_speaker != kNone && S.paragraph <= last_speaker_paragraph + 1) sp = last_speaker;
        }
        std::vector<int> targets = quote_targets[qi];
        std::uint32_t cb = tok_of(q.begin), cend = tok_of(q.end);
        for (int t : content_targets(cb, cend)) targets.push_back(t);
        add_claim(kind, q.begin, q.end, cue, rel, sp, std::move(targets));
        if (sp != kNone) {
          last_speaker = sp;
          last_speaker_paragraph = quotes[qi].last_paragraph;
        }
      }
    }
    std::sort(out.claims.begin(), out.claims.end(),
              [](const AttributedClaim& a, const AttributedClaim& b) { return a.begin < b.begin; });
  }

  bool speaker_like(const Np& np) const {
    if (!np.valid()) return false;
    std::uint32_t k = np.begin;
    if (has(k, W::kPoss) && !is(k, "son") && !is(k, "sa") && !is(k, "leur")) return false;  // selon nos informations
    if (is(k, "lui") || is(k, "elle") || is(k, "eux") || is(k, "elles")) return true;
    if (np.end == np.begin + 1 && has(k, W::kStandalone)) return true;
    if (has(k, W::kDet)) ++k;
    if (k >= np.end) return false;
    if (has(k, W::kNoSource)) return false;
    if (is_name_word(k)) return true;
    if (title_of(k)) return true;
    std::string head = tok(k).lower;
    if ((head == "premier" || head == "première") && k + 1 < np.end) head += " " + tok(k + 1).lower;
    const Role* r = cache.role(head);
    if (!r) r = role_of(k);
    return r != nullptr;
  }

  // The deeds of a state stand for the state as a target: "l'opération
  // azérie", "les objectifs de la dernière opération militaire de X".
  void deed_to_state(int m) {
    MentionInfo& mi = out.mentions[m];
    if (mi.type != EntityType::kUnknown || !mi.name.empty() || mi.state.empty()) return;
    bool blame = words.has(mi.role_head, W::kBlame);
    for (std::uint32_t q = tok_of(mi.begin); q < tok_of(mi.end - 1) + 1 && !blame; ++q) blame = has(q, W::kBlame);
    if (!blame) return;
    mi.name = mi.state;
    mi.type = EntityType::kCountry;
    mi.role.clear();
  }

  // Object targets of a cue: accuser X, reprocher à X, exhorter X.
  std::vector<int> cue_object_targets(const CueHit& h, std::uint32_t limit) {
    std::vector<int> t;
    std::uint32_t k = skip_adverbs(h.last, limit);
    // Skip time words: a accusé lundi l'Arménie.
    while (k < limit && has(k, W::kTime) && !has(k, W::kDet)) ++k;
    if (h.entry->target == TargetSlot::kIndirect) {
      if (k < limit && (is(k, "à") || is(k, "aux") || is(k, "au"))) {
        std::uint32_t b = is(k, "à") ? k + 1 : k;
        Np np = np_forward(b, limit, true);
        if (is(k, "aux") || is(k, "au")) np = Np{k + 1, np_forward(k + 1, limit, true).end};
        // Stop the object before de + infinitive.
        for (std::uint32_t j = np.begin; j < np.end; ++j)
          if (is_de(j) && j + 1 < limit && is_infinitive_like(j + 1, limit)) { np.end = j; break; }
        if (np.valid() && np_has_content(np)) for (int m : conjunct_mentions(np)) t.push_back(m);
      }
      return t;
    }
    if (h.entry->target == TargetSlot::kObject) {
      if (k < limit && (is_name_word(k) || has(k, W::kDet))) {
        Np np = np_forward(k, limit, true);
        for (std::uint32_t j = np.begin; j < np.end; ++j) {
          // The object ends before "de" + the accusation: accuser X de mentir,
          // d'« … », and after a name d'ingérence (a name takes no "de").
          bool after_name = j > np.begin && is_name_word(j - 1) && (h.entry->frames & kFrameDe);
          if (is_de(j) && j + 1 < limit &&
              (is_infinitive_like(j + 1, limit) || tok(j + 1).kind == TokenKind::kQuoteMark || after_name)) {
            np.end = j;
            break;
          }
        }
        // Coordinated objects: Séoul et Washington.
        std::uint32_t e = np.end;
        while (e + 1 < limit && is(e, "et") && (is_name_word(e + 1) || has(e + 1, W::kDet))) {
          Np more = np_forward(e + 1, limit, true);
          if (!more.valid()) break;
          e = more.end;
        }
        np.end = e;
        if (np.valid() && np_has_content(np)) for (int m : conjunct_mentions(np)) t.push_back(m);
      }
    }
    for (int m : t) deed_to_state(m);
    // Only entities are targets: not "l'attaque", "l'opération", "les
    // objectifs de l'opération de X".
    t.erase(std::remove_if(t.begin(), t.end(),
                           [&](int m) {
                             const MentionInfo& mi = out.mentions[m];
                             return !is_entity_mention(m) || (mi.type == EntityType::kUnknown && mi.name.empty());
                           }),
            t.end());
    return t;
  }

  // The speaker of a cue that no quotation consumed.
  int speaker_of_cue(CueHit& h, std::size_t s, int previous_speaker) {
    const Sentence& S = doc.sentences[s];
    int sp = kNone;
    if (h.clitic != kNone) {
      sp = make_mention(h.clitic, h.clitic + 1);
    } else if (h.form == VerbForm::kPresentParticiple) {
      bool comma_before = h.first > S.token_begin && is_comma(h.first - 1);
      if (!comma_before && h.first > S.token_begin) {
        Np np = np_backward(h.first, S.token_begin);
        if (np.valid() && np_has_content(np) && is_name_word(np.end - 1)) sp = subject_before(h.first, S.token_begin, S.token_end);
      }
      if (sp == kNone) sp = previous_speaker;
      // The subject of the nearest finite clause before the participle:
      // "… que certains hauts responsables n'ont pas apprécié, accusant …".
      for (std::uint32_t q = h.first; sp == kNone && q-- > S.token_begin;) {
        if (!(has(q, W::kAux) || is(q, "ne") || is(q, "n'"))) continue;
        std::uint32_t end = q;
        while (end > S.token_begin && (is(end - 1, "ne") || is(end - 1, "n'") || has(end - 1, W::kObj))) --end;
        Np np = np_backward(end, S.token_begin);
        if (np.valid() && np_has_content(np)) sp = make_mention(np.begin, np.end);
        break;
      }
      if (sp == kNone) sp = sentence_subject(S.token_begin, h.first, S.token_end);
      // A sentence with no subject of its own ("Avant de conclure en
      // affirmant que …") continues the last speaker.
      if (sp == kNone && !salience.empty()) sp = salience.back();
    } else if (h.form == VerbForm::kInfinitive) {
      sp = previous_speaker;
      if (sp == kNone && !salience.empty()) sp = salience.back();
    } else {
      sp = subject_before(h.first, S.token_begin, S.token_end);
      if (sp == kNone) sp = previous_speaker;
      if (sp == kNone) sp = sentence_subject(S.token_begin, h.first, S.token_end);
    }
    return sp;
  }

  void absorb_quotes(std::uint32_t b, std::uint32_t e, const std::vector<Quote>& quotes,
                     std::vector<char>& quote_done, bool& has_quote) {
    // Quotes are ordered by their opening mark: visit only those in [b, e).
    auto first = std::lower_bound(quotes.begin(), quotes.end(), b,
                                  [](const Quote& q, std::uint32_t offset) { return q.open < offset; });
    for (auto it = first; it != quotes.end() && it->open < e; ++it) {
      quote_done[static_cast<std::size_t>(it - quotes.begin())] = 1;
      has_quote = true;
    }
  }

  // "L'attaque a été condamnée par la France, l'Allemagne et l'Italie": one
  // act per agent, aimed at the subject when it names an entity.
  void handle_passive_act(CueHit& h, std::uint32_t sb, std::uint32_t se) {
    std::uint32_t par = skip_adverbs(h.last, se);
    while (par < se && !is(par, "par")) ++par;
    if (par >= se) return;
    Np agents = np_forward(par + 1, se);
    std::uint32_t e = agents.end;
    // The list goes on over commas and "et": par X, Y et Z.
    while (e + 1 < se && (is_comma(e) || is(e, "et"))) {
      Np more = np_forward(e + 1, se);
      if (!more.valid() || !(starts_with_name(more) || has(more.begin, W::kDet))) break;
      e = more.end;
    }
    agents.end = e;
    if (!agents.valid()) return;
    Np object = np_backward(h.first, sb);
    if (!object.valid() || !np_has_content(object)) return;
    int object_m = make_mention(object.begin, object.end);
    deed_to_state(object_m);
    std::vector<int> targets;
    if (is_entity_mention(object_m)) targets.push_back(object_m);
    for (int m : conjunct_mentions(agents)) {
      if (!is_entity_mention(m)) continue;
      note_salient(m);
      add_claim(ClaimKind::kAct, tok(object.begin).begin, tok(object.end - 1).end, cue_text(h), h.entry->relation,
                m, targets);
    }
  }

  // True (and sets h.speaker) when h is an incise closing its sentence:
  // after a comma, an inverted subject (a-t-il dit, a insisté M. Peskov)
  // and nothing after the subject but punctuation or circumstances.
  bool mark_incise(CueHit& h, std::uint32_t sb, std::uint32_t se) {
    if (!(h.first > sb + 1 && is_comma(h.first - 1))) return false;
    if (!(h.entry->frames & kFrameIncise)) return false;
    if (h.form != VerbForm::kFinite && h.form != VerbForm::kPastParticiple) return false;
    if (h.clitic != kNone) {
      std::uint32_t k = skip_adverbs(h.last, se);
      if (k < se && (is_que(k) || is_infinitive_like(k, se))) return false;
      h.speaker = make_mention(h.clitic, h.clitic + 1);
      // "a-t-on précisé de source préfectorale": the source is named after "on".
      if (is(h.clitic, "on") && k + 1 < se && is_de(k) && (is(k + 1, "source") || is(k + 1, "sources"))) {
        Np source = np_forward(k + 1, se);
        if (source.valid()) h.speaker = make_mention(source.begin, source.end);
      }
      h.incise = true;
      return true;
    }
    int sp = subject_after(h.last, se);
    if (sp == kNone) return false;
    std::uint32_t me = tok_of(out.mentions[sp].end - 1) + 1;
    // After the subject only circumstances may follow (lors d'un point de
    // presse, dans un communiqué, selon …), not an object's complement
    // (a critiqué Moscou pour …: that is no incise but a subject before).
    static const char* kCircumstance[] = {"lors", "dans", "sur", "devant", "à", "au", "aux", "en",
                                          "selon", "depuis", "pendant", "après", "avant", "chez", "cité",
                                          "citée", "auprès"};
    bool circumstance = false;
    if (me < se)
      for (const char* w : kCircumstance)
        if (tok(me).lower == w) circumstance = true;
    bool ends = me >= se || tok(me).lower == "." || tok(me).lower == "!" || tok(me).lower == "?" ||
                is_comma(me) || circumstance || tok(me).kind == TokenKind::kQuoteMark;
    // The clause before the comma must be a statement, not just a preposed
    // time phrase and a subject ("Dimanche, M. X, a critiqué …").
    std::uint32_t words_before = 0;
    for (std::uint32_t q = sb; q + 1 < h.first; ++q)
      if (tok(q).kind == TokenKind::kWord) ++words_before;
    if (words_before < 5) ends = false;
    // Nor a subject with its apposition: "Le ministre, Grégoire Vallin, a
    // déclaré devant les préfets : « … »" has its subject before the verb.
    {
      Np subject = np_forward(sb, h.first);
      std::uint32_t reach = subject.end;
      if (subject.valid() && reach + 1 < h.first && is_comma(reach)) {
        Np app = np_forward(reach + 1, h.first);
        if (app.valid()) reach = app.end;
      }
      if (subject.valid() && reach + 1 >= h.first) ends = false;
    }
    if (!ends) {
      out.mentions.pop_back();
      return false;
    }
    // "a appris l'AFP auprès de la cour d'appel": the source is the one
    // asked, not the news agency that learnt it.
    if (h.entry->lemma == "apprendre" && me + 2 < se && is(me, "auprès") && is_de(me + 1)) {
      std::uint32_t nb = me + 2;
      if (nb < se && has(nb, W::kDet) && !is_de(nb)) {}  // the article stays in the phrase
      Np source = np_forward(nb, se);
      if (source.valid() && np_has_content(source)) sp = make_mention(source.begin, source.end);
    }
    h.speaker = sp;
    h.incise = true;
    return true;
  }

  void handle_cue(CueHit& h, std::size_t s, const std::vector<Quote>& quotes, std::vector<char>& quote_done,
                  const std::vector<char>& quoted, int previous_speaker, const std::vector<CueHit>& all) {
    const Sentence& S = doc.sentences[s];
    const std::uint32_t sb = S.token_begin, se = S.token_end;
    const CueEntry& e = *h.entry;
    if (h.incise) {
      std::uint32_t ce = h.first - 1;
      if (ce <= sb || quoted[sb]) return;
      note_salient(h.speaker);
      bool has_quote = false;
      absorb_quotes(tok(sb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
      add_claim(has_quote ? ClaimKind::kMixed : ClaimKind::kIndirect, tok(sb).begin, tok(ce - 1).end,
                cue_text(h), e.relation, h.speaker, content_targets(sb, ce));
      return;
    }
    // "des rapports évoquant un retrait": a participle right after a noun
    // that names no one describes the noun; nobody speaks.
    if (h.form == VerbForm::kPresentParticiple && h.first > sb && !is_comma(h.first - 1) &&
        tok(h.first - 1).kind == TokenKind::kWord && !is_name_word(h.first - 1) && !role_of(h.first - 1) &&
        !has(h.first - 1, W::kObj | W::kSubj | W::kConj | W::kAdv))
      return;
    std::uint32_t k = skip_adverbs(h.last, se);
    // Time words and the audience between the cue and its complement.
    for (int guard = 0; guard < 6 && k < se; ++guard) {
      if (has(k, W::kTime) && !has(k, W::kDet) && !is_name_word(k)) { ++k; continue; }
      if ((is(k, "la") || is(k, "ce")) && k + 1 < se && has(k + 1, W::kTime) && !has(k + 1, W::kDet)) { k += 2; continue; }
      if (has(k, W::kAudience) && e.target != TargetSlot::kIndirect) {
        // The audience (à la presse, chez BFM TV, devant les députés): skip
        // to the que or infinitive that follows it within a few words.
        std::uint32_t j = k + 1;
        if (j < se && (is_infinitive_like(j, se) || tok(j).kind == TokenKind::kQuoteMark)) break;
        std::uint32_t q = j;
        // (a verb form after an article or "de" is a noun: "conférence de presse")
        while (q < se && q < j + 12 && !is_que(q) && (!is_punct(q) || is_comma(q)) &&
               (forms(q).empty() || (q > 0 && (has(q - 1, W::kDet) || is_de(q - 1)))))
          ++q;
        if (q < se && is_que(q)) { k = q; continue; }
        break;
      }
      if (is(k, "en") && k + 1 < se && tok(k + 1).lower != "garde") {
        // en fin de journée, en privé
        std::uint32_t j = k + 1;
        if (j < se && tok(j).kind == TokenKind::kWord && forms(j).empty()) {
          Np np = np_forward(j, se, false);
          if (np.valid() && np.end < se && (is_que(np.end) || is_infinitive_like(np.end, se))) { k = np.end; continue; }
        }
        break;
      }
      break;
    }
    std::vector<int> targets;
    std::uint32_t content_b = 0;
    bool act = false;
    Np act_np;  // the object of a speech act: "a condamné les violences …"
    if (h.passive) {
      handle_passive_act(h, sb, se);
      return;
    }
    bool incise = false;
    if (k < se && is_que(k) && (e.frames & kFrameQue)) {
      content_b = k + 1;
    } else if (k < se && tok(k).kind == TokenKind::kQuoteMark) {
      return;  // a fragment right after the cue: handled with the quotation
    } else if (k < se && (e.frames & kFrameInfinitive) && is_infinitive_like(k, se) &&
               e.target == TargetSlot::kNone) {
      content_b = k;
    } else if (k < se && h.reflexive && (e.verb == "dire" || e.verb == "déclarer") &&
               tok(k).kind == TokenKind::kWord && !tok(k).capitalized &&
               !has(k, W::kDet | W::kPrep | W::kAux | W::kSubj) && !is_que(k)) {
      content_b = k;  // "s'est dit satisfait de …": what he said he was
    } else if (k < se && is(k, "sur") && words.has(e.lemma, W::kSurContent)) {
      content_b = k + 1;  // insister sur …
    } else {
      targets = cue_object_targets(h, se);
      // Past the object: de/à + infinitive, pour + clause.
      std::uint32_t j = k;
      if (!targets.empty()) j = tok_of(out.mentions[targets.back()].end) ;
      while (j < se && j < k + kMaxNpTokens && !(is_de(j) || is(j, "à") || is(j, "pour") || is(j, "contre") ||
                                                 is_que(j) || is_punct(j)))
        ++j;
      if (j < se && is_de(j) && (e.frames & kFrameDe) && j + 1 < se &&
          (is_infinitive_like(j + 1, se) || tok(j + 1).kind == TokenKind::kQuoteMark || has(j + 1, W::kDet) ||
           is(j + 1, "ne") || is(j + 1, "n'"))) {
        if (tok(j + 1).kind == TokenKind::kQuoteMark) return;  // qualifié d'« … »: the quotation's
        content_b = j + 1;
      } else if (j < se && is(j, "à") && (e.frames & kFrameA) && j + 1 < se) {
        if (tok(j + 1).kind == TokenKind::kQuoteMark) return;
        if (is_infinitive_like(j + 1, se)) content_b = j + 1;
      } else if (j < se && is(j, "pour") && (e.frames & kFramePour) && j + 1 < se) {
        content_b = j + 1;
      } else if (j < se && is_de(j) && (e.frames & kFrameDe) && j + 1 < se && !targets.empty() &&
                 (e.relation == Relation::kAccuses || e.relation == Relation::kCriticises) &&
                 tok(j + 1).kind == TokenKind::kWord) {
        content_b = j + 1;  // accuser X d'ingérence: the accusation as a noun
      } else if (j < se && is_que(j) && (e.frames & kFrameQue)) {
        content_b = j + 1;
      } else if ((e.frames & kFrameAct) && k < se && (has(k, W::kDet) || is_name_word(k))) {
        act = true;
        act_np = np_forward(k, se);
      } else if (k < se && (e.frames & kFrameObject) && has(k, W::kDet) && targets.empty() &&
                 words.has(e.lemma, W::kObjContent)) {
        // a souligné le déploiement de …: the object is the content.
        std::uint32_t q = k;
        bool quote_in_np = false;
        Np np = np_forward(k, se);
        for (; q < std::min<std::uint32_t>(se, np.end + 1); ++q)
          if (tok(q).kind == TokenKind::kQuoteMark) quote_in_np = true;
        if (quote_in_np) return;  // a évoqué une alliance « … »: the quotation's
        content_b = k;
      }
    }
    // "conclure en affirmant que …": the second cue carries the content.
    for (const CueHit& other : all)
      if (&other != &h && other.form == VerbForm::kPresentParticiple && other.first >= h.last &&
          other.first <= k && k < se)
        return;
    if (content_b == 0 && !act) {
      // Incises without quotation marks were taken by mark_incise() before.
      if (!incise && !targets.empty() && (e.frames & kFrameAct)) {
        act = true;
        act_np = Np{tok_of(out.mentions[targets.front()].begin), tok_of(out.mentions[targets.back()].end - 1) + 1};
      }
      if (!incise && !act) {
        // "Le parquet l'a affirmé dans un communiqué": the object clitic
        // stands for the statement of the sentence before.
        bool clitic_object = (is(h.first, "l'") || is(h.first, "le")) && h.first + 1 <= h.verb;
        if (clitic_object && s > 0 && doc.sentences[s - 1].paragraph == S.paragraph) {
          const Sentence& prev = doc.sentences[s - 1];
          std::uint32_t pb = prev.token_begin, pe = prev.token_end;
          bool question = pe > pb && tok(pe - 1).lower == "?";
          bool has_cue_before = false;
          for (const AttributedClaim& c : out.claims) has_cue_before |= c.begin >= tok(pb).begin && c.begin < prev.end;
          if (!question && !has_cue_before && !quoted[pb]) {
            while (pe > pb + 1 && tok(pe - 1).kind == TokenKind::kPunct) --pe;
            int sp = speaker_of_cue(h, s, previous_speaker);
            if (sp != kNone) {
              h.speaker = sp;
              note_salient(sp);
              add_claim(ClaimKind::kIndirect, tok(pb).begin, tok(pe - 1).end, cue_text(h), e.relation, sp,
                        content_targets(pb, pe));
            }
          }
        }
        return;
      }
      if (incise) return;
    }
    int sp = speaker_of_cue(h, s, previous_speaker);
    // Coordinated speakers each say it ("Le candidat et son avocat avaient
    // estimé que …"); with a reflexive verb they say it of each other
    // ("Moscou et Washington se sont mutuellement accusés de …").
    std::vector<int> speakers{sp};
    const bool mutual = h.reflexive && h.plural;
    if (sp != kNone && !out.mentions[sp].pronoun && out.mentions[sp].text.find(" et ") != std::string::npos) {
      const MentionInfo& mi = out.mentions[sp];
      std::uint32_t b = tok_of(mi.begin), en = tok_of(mi.end - 1) + 1;
      std::vector<int> parts = conjunct_mentions(Np{b, en});
      bool all_entities = parts.size() >= 2;
      for (int m : parts) {
        // Each conjunct a full phrase: a name, a state, or a determiner
        // and a noun ("des politiciens et militants" is one group).
        const MentionInfo& pm = out.mentions[m];
        std::uint32_t pb = tok_of(pm.begin);
        bool full = !pm.name.empty() || !pm.state.empty() || has(pb, W::kDet) || title_of(pb);
        all_entities = all_entities && full && is_entity_mention(m) && pm.type != EntityType::kUnknown;
      }
      if (all_entities) speakers = parts;
    }
    // A speaker is someone: a person, an institution, a group, a state or a
    // pronoun, not "la nouvelle loi" (…menaçait la liberté de la presse).
    // The check applies to cues inside another claim's content, where a
    // clause subject is often a thing; elsewhere unknown nouns are accepted
    // (the gazetteer cannot list every human noun).
    if (sp != kNone && !out.mentions[sp].pronoun && !is_entity_mention(sp)) {
      for (const AttributedClaim& c : out.claims)
        if (c.begin <= tok(h.first).begin && tok(h.first).begin < c.end) return;
    }
    h.speaker = speakers.front();
    for (int m : speakers) note_salient(m);
    // The person accused or urged is as salient as the speaker for the
    // pronouns that follow (accusent le Premier ministre X … lorsqu'il a déclaré).
    for (int t : targets) note_salient(t);
    if (act) {
      if (!act_np.valid()) return;
      for (int m : speakers)
        add_claim(ClaimKind::kAct, tok(act_np.begin).begin, tok(act_np.end - 1).end, cue_text(h), e.relation, m,
                  targets);
      return;
    }
    std::uint32_t ce = clause_end(content_b, se, all, h.last);
    if (ce <= content_b) return;
    // Coordinated reported clauses: "que A et surtout, que B" are two claims.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> parts;
    std::uint32_t part_b = content_b;
    for (std::uint32_t k2 = content_b + 1; k2 + 1 < ce; ++k2) {
      if (!is(k2, "et") && !is_comma(k2)) continue;
      std::uint32_t q = k2 + 1;
      while (q < ce && (adverb_length(q, ce) > 0 || is_comma(q))) q += std::max<std::uint32_t>(1, adverb_length(q, ce));
      bool et_near = false;
      for (std::uint32_t z = k2; z + 3 >= k2 && z >= content_b && z < q; --z) {
        if (is(z, "et")) et_near = true;
        if (z == 0) break;
      }
      if (q < ce && is_que(q) && et_near) {
        std::uint32_t pe = k2;
        while (pe > part_b && (is_comma(pe - 1) || is(pe - 1, "et"))) --pe;
        if (pe > part_b) parts.emplace_back(part_b, pe);
        part_b = q + 1;
        k2 = q;
      }
    }
    parts.emplace_back(part_b, ce);
    for (const auto& [pb, pe] : parts) {
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
        add_claim(kind, cb_off, ce_off, cue_text(h), e.relation, m, std::move(t));
      }
    }
  }

  void handle_source_markers(std::size_t s, const std::vector<char>& quoted, const std::vector<CueHit>& cues,
                             const std::vector<Quote>& quotes, std::vector<char>& quote_done) {
    const Sentence& S = doc.sentences[s];
    const std::uint32_t sb = S.token_begin, se = S.token_end;
    for (std::uint32_t i = sb; i < se; ++i) {
      if (quoted[i]) continue;
      bool selon = is(i, "selon");
      bool dapres = is(i, "d'") && i + 1 < se && is(i + 1, "après");
      bool pour = is(i, "pour") && (i == sb || (i == sb + 1 && (is(sb, "mais") || is(sb, "et"))));
      if (!selon && !dapres && !pour) continue;
      if (std::find(consumed_markers.begin(), consumed_markers.end(), i) != consumed_markers.end()) continue;
      std::uint32_t np_b = dapres ? i + 2 : i + 1;
      if (np_b >= se) continue;
      std::string cue = text_of(i, np_b);
      // Allegations: « les allégations de X selon lesquelles … ».
      if (selon && (is(np_b, "lesquelles") || is(np_b, "lequel") || is(np_b, "laquelle") || is(np_b, "lesquels"))) {
        int sp = subject_before(i, sb, se);
        // Only speech is reported: "les allégations de X selon lesquelles",
        // not "l'hypothèse selon laquelle".
        if (sp != kNone) {
          const MentionInfo& am = out.mentions[sp];
          std::uint32_t hb = tok_of(am.begin);
          if (has(hb, W::kDet)) ++hb;
          bool speech = has(hb, W::kReport) || !am.name.empty() || am.type == EntityType::kPerson ||
                        am.type == EntityType::kOrganization || am.type == EntityType::kGroup ||
                        am.type == EntityType::kCountry;
          if (!speech) continue;
        }
        if (sp != kNone) {
          // "les allégations du premier ministre" -> the source after de.
          const MentionInfo& mi = out.mentions[sp];
          std::uint32_t mb = tok_of(mi.begin), me = tok_of(mi.end - 1) + 1;
          std::uint32_t j = mb;
          if (has(j, W::kDet)) ++j;
          if (j < me && has(j, W::kReport) && j + 1 < me && is_de(j + 1)) {
            std::uint32_t nb = j + 2;
            if (nb < me && has(nb, W::kDet) && !is_de(j + 1)) ++nb;
            if (nb < me) sp = make_mention(nb, me);
          } else if (j < me && has(j, W::kReport) && j + 1 == me) {
            sp = kNone;  // "les rumeurs selon lesquelles": hearsay with no source
          }
        }
        if (sp != kNone) note_salient(sp);
        std::uint32_t cb = np_b + 1;
        std::uint32_t ce = clause_end(cb, se, cues, cb);
        if (ce > cb) {
          std::vector<char> dummy;
          add_claim(ClaimKind::kIndirect, tok(cb).begin, content_end_offset(cb, ce), text_of(i, np_b + 1),
                    Relation::kStates, sp, content_targets(cb, ce));
          bool has_quote = false;
          absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
          mark_mixed(out.claims.back(), cb, ce);
        }
        continue;
      }
      Np np = np_forward(np_b, se);
      if (!np.valid()) continue;
      // "Selon un communiqué du ministère", "d'après le rapport de l'ONG":
      // the source is the author after "de"; a document with no author
      // named ("selon le rapport") is no speaker.
      Np whole = np;
      {
        std::uint32_t h = np.begin;
        if (has(h, W::kDet)) ++h;
        if (h < np.end && has(h, W::kReport) && !pour) {
          std::uint32_t d = h + 1;
          while (d < np.end && !is_de(d)) ++d;
          if (d + 1 >= np.end) continue;
          np = Np{has(d + 1, W::kDet) && !is_de(d) ? d + 1 : d + 1, np.end};
          if (is(d, "des") || is(d, "du")) np.begin = d + 1;
        }
      }
      if (!speaker_like(np)) continue;
      // "Pour X," gives an opinion only when X can hold one: a person or a
      // state ("Pour l'économiste X, …", "Pour Moscou, …"), not "Pour le
      // Stade toulousain, la saison s'est achevée".
      if (pour) {
        int probe = make_mention(np.begin, np.end);
        const MentionInfo pm = out.mentions[probe];
        out.mentions.pop_back();
        bool holder = pm.pronoun || pm.type == EntityType::kPerson || pm.type == EntityType::kCountry ||
                      title_of(np.begin) || (has(np.begin, W::kDet) && np.begin + 1 < np.end && title_of(np.begin + 1));
        if (is(np.begin, "lui") || is(np.begin, "elle") || is(np.begin, "eux") || is(np.begin, "elles")) holder = true;
        if (!holder) continue;
      }
      std::uint32_t after = np.end;
      // Apposition inside the marker: selon le secrétaire d'État, Antony Blinken.
      int sp = mention_with_apposition(np, se);
      if (sp == kNone) continue;
      const MentionInfo& mi = out.mentions[sp];
      after = std::max({after, tok_of(mi.end - 1) + 1, whole.end});
      // "Selon le rapport de la Cour des comptes publié mercredi, …": a
      // fronted source may end with modifiers before its comma.
      bool fronted = i == sb || (i == sb + 1 && (is(sb, "mais") || is(sb, "et")));
      if (fronted && after < se && !is_comma(after)) {
        for (std::uint32_t c = after; c < se && c < after + 8; ++c) {
          if (is_comma(c)) {
            after = c;
            break;
          }
          if (has(c, W::kAux) || is_que(c) || is_punct(c) || tok(c).kind == TokenKind::kQuoteMark) break;
        }
      }
      bool comma_after = after < se && is_comma(after);
      bool comma_before = i > sb && is_comma(i - 1);
      std::uint32_t cb = 0, ce = 0;
      if (comma_after && (i == sb || comma_before || pour || (i > sb && is_comma(i - 1)) ||
                          (i == sb + 1 && (is(sb, "mais") || is(sb, "et"))))) {
        cb = after + 1;
        if (cb < se && tok(cb).kind == TokenKind::kQuoteMark) continue;  // Selon X, « … »: the quotation's
        if (cb < se && (is(cb, "dont") || is(cb, "qui") || is(cb, "que"))) continue;  // a relative clause
        ce = clause_end(cb, se, cues, cb);
      } else if (comma_before && after >= se - 1 && !pour) {
        // "…, selon X." at the end: only when nothing else in the sentence
        // carries a source already.
        bool other = false;
        for (const CueHit& h : cues) if (h.first < i) other = true;
        for (std::uint32_t k = sb; k < i; ++k) if (tok(k).kind == TokenKind::kQuoteMark) other = true;
        if (other) continue;
        cb = sb;
        ce = i - 1;
      } else {
        continue;
      }
      if (ce <= cb) continue;
      note_salient(sp);
      add_claim(ClaimKind::kIndirect, tok(cb).begin, content_end_offset(cb, ce), cue, Relation::kStates, sp,
                content_targets(cb, ce));
      bool has_quote = false;
      absorb_quotes(tok(cb).begin, tok(ce - 1).end, quotes, quote_done, has_quote);
      mark_mixed(out.claims.back(), cb, ce);
    }
  }

  // Start offset of a content [cb, ce): an opening quotation mark that
  // starts it is not part of the span (que « si … » starts at "si").
  std::uint32_t content_begin_offset(std::uint32_t cb, std::uint32_t ce) const {
    std::uint32_t begin = tok(cb).begin;
    if (cb + 1 < ce && tok(cb).kind == TokenKind::kQuoteMark) {
      begin = tok(cb).end;
      while (begin < tok(ce - 1).end && is_space(doc.text[begin])) ++begin;
    }
    return begin;
  }

  // End offset of a content [cb, ce): a closing quotation mark that ends
  // the clause is not part of the span (GOLD_FORMAT.md).
  std::uint32_t content_end_offset(std::uint32_t cb, std::uint32_t ce) const {
    std::uint32_t end = tok(ce - 1).end;
    if (ce - 1 > cb && tok(ce - 1).kind == TokenKind::kQuoteMark) end = tok(ce - 1).begin;
    while (end > tok(cb).begin && is_space(doc.text[end - 1])) --end;
    return end;
  }

  void mark_mixed(AttributedClaim& c, std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t k = b; k < e; ++k)
      if (tok(k).kind == TokenKind::kQuoteMark) c.kind = ClaimKind::kMixed;
  }
};

}  // namespace
}  // namespace detail

Attribution Attributor::attribute(const Document& doc, const std::vector<Quote>& quotes) const {
  GazetteerCache local(gazetteer_);
  detail::Run run(doc, lexicon_, gazetteer_, words_, cache_ ? *cache_ : local);
  run.run(quotes);
  return std::move(run.out);
}

}  // namespace quotegraph

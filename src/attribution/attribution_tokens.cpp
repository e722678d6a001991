// Per-token look-ups of a document and the cue verb groups (a déclaré,
// a-t-il ajouté, accusant, s'est dit, mis en garde …) of its sentences.
#include "attribution_run.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <string_view>

namespace quotegraph::detail {

namespace {

// The endings of French infinitives: -er (1st group), -ir (2nd and 3rd),
// and the 3rd group's -re verbs by their stems (prendre, mettre, dire,
// croire, conclure, suivre, craindre, vaincre, rompre) and -oir (savoir).
// Read only when no dictionary of infinitives is installed.
constexpr std::string_view kInfinitiveEndings[] = {"er",  "ir",   "dre",    "tre", "ire", "oir",
                                                   "ure", "ivre", "aindre", "cre", "pre"};
// Noun and adjective suffixes that end like an infinitive: -aire
// (secrétaire), -ère/-ière (frontière), -ier (premier), -eur (sénateur).
constexpr std::string_view kNounEndingsLikeInfinitives[] = {"aire", "ère", "ière", "ier", "eur"};

}  // namespace

namespace {

// The gazetteer answers on a form that the process already asked for
// (role_of, nationality_of, title_of, state_of_tokens): the word table
// remembers them, so the document needs no look-up of its own. They are
// the same answers those calls would get.
void take_known_answers(const WordInfo& w, Run::FormFacts& f) {
  if (w.known & WordInfo::kRole) f.looked_up |= 1, f.role = w.role;
  if (w.known & WordInfo::kNationality) f.looked_up |= 2, f.nationality = w.nationality;
  if (w.known & WordInfo::kTitle) f.looked_up |= 4, f.title = w.title;
  if (w.known & WordInfo::kOpensStateOrSeat) f.looked_up |= 8, f.opens_state = w.opens_state_or_seat;
}

// Whether `word` is an adverb in -ment that the dictionary reads as nothing
// else (finalement, totalement, initialement, normalement). French derives
// adverbs of manner from any adjective by -ment, an open class that
// words.tsv's adv list cannot hold, and they stand where its adverbs do:
// inside a verb group (« a finalement affirmé », « n'a finalement pas
// dit »), after a cue. Nouns in -ment (le gouvernement, l'argument) have
// other readings, and interrogative comment, which the dictionary reads
// as an adverb too (po:advint), opens a clause (words.tsv questionword).
// The words of words.tsv's negation classes keep the classes it gives
// them: ne … nullement negates the verb like ne … pas (negation and adv).
bool derived_adverb(const PosLexicon* dictionary, std::string_view word, const Run::FormFacts& f) {
  constexpr std::string_view kSuffix = "ment";
  if ((f.classes & (WordClasses::kAdv | WordClasses::kNegation)) ||
      (f.grammar & (WordClasses::kNegationWord | WordClasses::kNegationEmphasis | WordClasses::kQuestionWord)))
    return false;
  if (!dictionary || word.size() < kSuffix.size() + 3 || word.substr(word.size() - kSuffix.size()) != kSuffix)
    return false;
  return dictionary->readings(word) == kPosAdverb;
}

}  // namespace

namespace {

// The forms of the documents one thread attributes: the facts of each
// (form, kind) and the tagger's readings, kept from one document to the
// next while the documents come from the same form table (one segmenter)
// and the same lexicons, so that a form is looked up once a thread, not
// once a document. Bounded by the form table's bound.
struct ThreadForms {
  std::weak_ptr<const FormTable> table;
  const void* lexicons[4] = {};  // lex, words, gazetteer, pos_lexicon
  std::vector<std::array<std::uint32_t, 3>> facts_of;  // by form id, per kind (kUnseen when not yet)
  std::vector<Run::FormFacts> facts;
  std::vector<PosSet> readings;
  std::unordered_map<std::string, bool> compound_speaking;  // Run::compound_speaking_
};

thread_local ThreadForms thread_forms;

}  // namespace

void Run::index_tokens() {
  const std::size_t n = doc.tokens.size();
  // Words, inverted subject clitics (no cue readings) and other tokens (no
  // classes) are three kinds of form even when their folded text is the
  // same: "il" and "-t-il", "." the full stop. The form ids of the
  // segmenter's table (Document::forms) index the form of each kind: no
  // text is hashed here, and a form the thread met before is not looked
  // up again.
  enum FormKind { kWordForm, kCliticForm, kOtherForm, kFormKinds };
  static constexpr std::uint32_t kUnseen = 0xffffffffu;
  ThreadForms& kept = thread_forms;
  const void* lexicons[4] = {&lex, &words, &gaz, pos_lexicon};
  const bool same_table = doc.forms && !kept.table.expired() && kept.table.lock() == doc.forms;
  if (!same_table || !std::equal(std::begin(lexicons), std::end(lexicons), std::begin(kept.lexicons))) {
    kept.table = doc.forms;
    std::copy(std::begin(lexicons), std::end(lexicons), std::begin(kept.lexicons));
    kept.facts_of.clear();
    kept.facts.clear();
    kept.readings.clear();
    kept.compound_speaking.clear();
  }
  // Keys of several words are not bounded by the form table: started
  // afresh past a bound, so memory stays bounded.
  constexpr std::size_t kMaxCompoundKeys = 1 << 16;
  if (kept.compound_speaking.size() > kMaxCompoundKeys) kept.compound_speaking.clear();
  form_facts_ = &kept.facts;
  form_readings_ = &kept.readings;
  compound_speaking_ = &kept.compound_speaking;
  form_of_.resize(n);
  name_word_.resize(n);
  std::array<std::uint32_t, kFormKinds> unseen;
  unseen.fill(kUnseen);
  kept.facts_of.resize(doc.forms ? doc.forms->size() : 0, unseen);
  const std::vector<CueForm>* no_forms = &lex.forms("");
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    const FormKind kind = t.kind == TokenKind::kWord     ? kWordForm
                          : t.kind == TokenKind::kClitic ? kCliticForm
                                                         : kOtherForm;
    std::uint32_t& form = kept.facts_of[t.form][kind];
    if (form == kUnseen) {
      FormFacts f;
      f.forms = no_forms;
      f.opens = words.opens(t.lower);
      f.extra_opens = words.extra_opened_by(t.lower);
      if (kind != kOtherForm) {
        // One look-up in the interned word table answers both.
        const WordInfo& w = cache.word(t.lower);
        f.classes = w.classes;
        f.extra = w.extra;
        f.grammar = w.grammar;
        f.anchor = w.anchor;
        if (kind == kWordForm) {
          f.forms = w.forms;
          f.judging = &lex.judging_forms(t.lower);
        }
        if (kind == kWordForm && derived_adverb(pos_lexicon, t.lower, f))
          f.classes |= WordClasses::kAdv;
        take_known_answers(w, f);
      }
      kept.facts.push_back(f);
      form = static_cast<std::uint32_t>(kept.facts.size() - 1);
    }
    form_of_[i] = form;
  }
  for (std::size_t i = 0; i < n; ++i) name_word_[i] = compute_name_word(static_cast<std::uint32_t>(i));
}

std::vector<std::uint64_t> Run::token_classes() const {
  std::vector<std::uint64_t> classes(form_of_.size());
  for (std::size_t i = 0; i < form_of_.size(); ++i) classes[i] = (*form_facts_)[form_of_[i]].classes;
  return classes;
}

bool Run::compute_name_word(std::uint32_t i) const {
  const Token& t = tok(i);
  if (t.kind == TokenKind::kWord && !t.capitalized) return particle_joined_name(i);
  if (t.kind != TokenKind::kWord) return false;
  // A capital letter with its full stop before a name is an initial,
  // whatever else the letter reads as (A. Diallo: « a » is the auxiliary).
  // M. is a courtesy title, read as one (title_of), not an initial.
  if (t.end - t.begin == 1 && !title_of(i) && initials_end(i) != i) return true;
  if (has(i, WordClasses::kDet | WordClasses::kPrep | WordClasses::kSubj | WordClasses::kObj | WordClasses::kAux |
                 WordClasses::kTime | WordClasses::kCut | WordClasses::kConj))
    return false;
  // Que, si and the words that open a question (pourquoi, comment, quand,
  // où, combien, quel) owe a sentence's start its capital, and no name
  // starts with them (« Que Paul Martin n'a jamais évoqué », « Si Madame
  // Durand l'avait su », « Pourquoi Madame Morel n'a rien dit ? »).
  if (has_extra(i, WordClasses::kQueForm | WordClasses::kSiWord) || has_grammar(i, WordClasses::kQuestionWord))
    return false;
  // An abbreviation glued to a number by its full stop (le candidat
  // No.4, l'Art.12) is a number's label, not a name.
  if (i + 2 < doc.tokens.size() && tok(i + 1).lower == "." && tok(i + 1).begin == t.end &&
      tok(i + 2).begin == tok(i + 1).end && tok(i + 2).kind == TokenKind::kNumber)
    return false;
  // In an all-capitals headline only acronyms and place names are names;
  // a surname printed in capitals after a given name or a title is one
  // (Jean DUPONT, Mme BERNARD), as agencies and official notices write it.
  if (t.all_caps && t.end - t.begin > 5 && !state_or_seat(t.lower) && !surname_in_capitals(i)) return false;
  return true;
}

bool Run::particle_joined_name(std::uint32_t i) const {
  // Arabic names join their article to the name by a hyphen, in lower
  // case: al-Sissi, el-Béchir, al-Assad. The word is a name when a
  // particle of words.tsv and a hyphen open it before a capital letter.
  const Token& t = tok(i);
  const std::size_t hyphen = t.lower.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0 || !words.has(t.lower.substr(0, hyphen), WordClasses::kParticle))
    return false;
  const std::u32string_view text(doc.text);
  const std::size_t after = t.begin + hyphen + 1;  // the particle is ASCII: its bytes are its code points
  return after < t.end && is_upper(text[after]);
}

bool Run::surname_in_capitals(std::uint32_t i) const {
  if (i == 0) return false;
  const Token& before = tok(i - 1);
  if (before.kind == TokenKind::kWord && before.capitalized && !before.all_caps) return compute_name_word(i - 1);
  if (title_of(i - 1)) return true;
  return before.lower == "." && i >= 2 && title_of(i - 2);
}

std::uint32_t Run::initials_end(std::uint32_t i) const {
  // French writes a given name as its initials, each a capital letter and
  // a full stop, hyphenated when the name is (J.-L. Martin, A. Diallo,
  // J.-P. Dupont): up to three, then the surname. Returns the surname's
  // token, or i when no initial opens at i.
  const std::size_t n = doc.tokens.size();
  auto attached = [&](std::uint32_t a) { return a + 1 < n && tok(a + 1).begin == tok(a).end; };
  auto initial = [&](std::uint32_t a) {
    return a + 1 < n && tok(a).kind == TokenKind::kWord && tok(a).capitalized && tok(a).end - tok(a).begin == 1 &&
           tok(a + 1).lower == "." && attached(a) && !title_of(a);
  };
  std::uint32_t k = i;
  for (int count = 0; count < 3 && initial(k); ++count) {
    k += 2;
    if (k + 1 < n && tok(k).lower == "-" && tok(k).begin == tok(k - 1).end &&
        attached(k) && initial(k + 1)) {
      ++k;
      continue;
    }
    if (k >= n || tok(k).kind != TokenKind::kWord || !tok(k).capitalized || tok(k).end - tok(k).begin < 2 ||
        !compute_name_word(k))
      return i;
    return k;
  }
  return i;
}

bool Run::initial_mark(std::uint32_t i) const {
  if (i == 0 || i + 1 >= doc.tokens.size()) return false;
  auto initial_letter = [&](std::uint32_t a) { return tok(a).end - tok(a).begin == 1 && is_name_word(a); };
  if (tok(i).lower == ".") return initial_letter(i - 1) && tok(i).begin == tok(i - 1).end;
  return tok(i).lower == "-" && tok(i - 1).lower == "." && i >= 2 && initial_letter(i - 2) && initial_letter(i + 1);
}

bool Run::is_np_word(std::uint32_t i) const {
  const Token& t = tok(i);
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (has(i, WordClasses::kAux | WordClasses::kSubj | WordClasses::kCut)) return false;
  if (has(i, WordClasses::kNotNpWord)) return false;
  // After a bare de a cue form is a noun (son service de presse).
  const bool after_bare_de = i > 0 && is_bare_de(i - 1);
  if (!forms(i).empty() && (!t.capitalized || t.all_caps) && !after_bare_de) {
    // Past participles used as adjectives stay in the phrase only after
    // a noun (les séparatistes soutenus); a finite cue form ends it.
    for (const CueForm& f : forms(i))
      if (f.form == VerbForm::kFinite || f.form == VerbForm::kPresentParticiple) return false;
  }
  return true;
}

bool Run::infinitive_after_clitics(std::uint32_t i, std::uint32_t end) const {
  // « de le faire évacuer », « de l'y conduire », « de leur parler »: up
  // to two object clitics, then the infinitive.
  std::uint32_t j = i;
  while (j < end && j < i + 2 && has(j, WordClasses::kObj) && !has(j, WordClasses::kSubj)) ++j;
  return j > i && is_infinitive_like(j, end);
}

bool Run::is_infinitive_like(std::uint32_t i, std::uint32_t end) const {
  if (i >= end) return false;
  const Token& t = tok(i);
  if (t.kind != TokenKind::kWord || t.capitalized) return false;
  if (has_extra(i, WordClasses::kNeForm)) return true;  // ne pas avoir …
  // A reflexive clitic opens an infinitive too: affirme s'être trompé,
  // rappelle s'opposer à, appelle à se mobiliser, dit s'en inquiéter.
  // Only se: the other clitics also open nouns (le dîner) or a narrator's
  // requests (me pria de me taire).
  if (has_extra(i, WordClasses::kSeForm)) {
    std::uint32_t j = i + 1;
    if (j < end && has(j, WordClasses::kObj) && !has(j, WordClasses::kDet | WordClasses::kSubj)) ++j;  // s'en, s'y
    return j < end && !has(j, WordClasses::kObj) && is_infinitive_like(j, end);
  }
  if (has_grammar(i, WordClasses::kAuxInfinitive)) return true;
  if (has(i, WordClasses::kDet | WordClasses::kPrep | WordClasses::kTime | WordClasses::kAdv)) return false;
  for (const CueForm& f : forms(i))
    if (f.form == VerbForm::kInfinitive) return true;
  if (words.has_infinitives()) return words.infinitive(t.lower);
  // Without a dictionary: the endings of infinitives, minus common nouns
  // (words.tsv class notverb).
  if (has(i, WordClasses::kNotVerb)) return false;
  const std::string_view w = t.lower;
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  auto ends_any = [&](const auto& endings) { return std::any_of(std::begin(endings), std::end(endings), ends); };
  return !ends_any(kNounEndingsLikeInfinitives) && ends_any(kInfinitiveEndings);
}

std::uint32_t Run::skip_adverbs(std::uint32_t i, std::uint32_t end) const {
  std::uint32_t k = i;
  for (int steps = 0; k < end && steps < 5; ++steps) {
    std::uint32_t n = adverb_length(k, end);
    if (n == 0) break;
    k += n;
  }
  return k;
}

std::uint32_t Run::adverb_length(std::uint32_t k, std::uint32_t end) const {
  const bool opens_phrase = (facts(k).opens & WordClasses::kOpensPhrase) != 0;
  if (opens_phrase && k < end) {
    // The phrases of 4, 3 and 2 words from k, longest first, that end by
    // `end`.
    const std::uint32_t last = std::min(end, k + 4);
    if (last >= k + 2) {
      const std::uint8_t phrases = phrases_from(k);
      for (std::uint32_t n = last - k; n >= 2; --n)
        if (phrases & (1u << n)) return n;
    }
  }
  // "ne" opens a negated complement (assure ne pas avoir …): no adverb.
  if (tok(k).kind == TokenKind::kWord && !tok(k).capitalized && has(k, WordClasses::kAdv) && forms(k).empty() &&
      !has_extra(k, WordClasses::kNeForm))
    return 1;
  return 0;
}

std::uint8_t Run::phrases_from(std::uint32_t k) const {
  if (phrases_from_.size() != doc.tokens.size()) phrases_from_.assign(doc.tokens.size(), 0);
  std::uint8_t& phrases = phrases_from_[k];
  if (phrases != 0) return phrases;
  phrases = 1;
  // The words from k joined once, in a buffer that keeps its capacity (no
  // allocation per call): the phrases of 2, 3 and 4 words are its
  // prefixes.
  const std::uint32_t last = static_cast<std::uint32_t>(std::min<std::size_t>(doc.tokens.size(), k + 4));
  static thread_local std::string joined;
  joined.clear();
  for (std::uint32_t j = k; j < last; ++j) {
    if (j > k) joined += ' ';
    joined += tok(j).lower;
    if (j > k && words.phrase(joined)) phrases |= static_cast<std::uint8_t>(1u << (j - k + 1));
  }
  return phrases;
}

std::uint32_t Run::adverb_length_before(std::uint32_t end, std::uint32_t sentence_begin) const {
  for (std::uint32_t n = 4; n >= 1; --n) {
    if (end < sentence_begin + n) continue;
    if (adverb_length(end - n, end) == n) return n;
  }
  return 0;
}

bool Run::naming_participle(std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end) const {
  constexpr std::uint32_t kMaxNameWords = 4;  // Jean-Pierre Le Morel, dit Jeannot
  if (i < sentence_begin + 2 || i + 3 >= sentence_end || !is_comma(i - 1)) return false;
  // The name: capitalised words read as names, after at most a determiner
  // and its nouns or adjectives from the sentence start (Le fermier Jean
  // Morel).
  std::uint32_t name = i - 1;
  while (name > sentence_begin && i - 1 - name < kMaxNameWords && tok(name - 1).kind == TokenKind::kWord &&
         tok(name - 1).capitalized && (tags_[name - 1].readings & (kPosProperNoun | kPosUnknown)))
    --name;
  if (name == i - 1 || name - sentence_begin > kMaxNameWords) return false;
  for (std::uint32_t k = sentence_begin; k < name; ++k)
    if (!(tags_[k].pos & (kPosDeterminer | kPosNoun | kPosAdjective))) return false;
  // The nickname: capitalised words, then a comma and the main verb. A
  // given name and a surname after dit name a person who speaks (« Marc
  // Petit, dit Paul Roy, a trahi … » is an incise), not a nickname.
  std::uint32_t k = i + 1;
  while (k < sentence_end && k <= i + kMaxNameWords && tok(k).kind == TokenKind::kWord && tok(k).capitalized) ++k;
  if (k == i + 1 || k + 1 >= sentence_end || !is_comma(k)) return false;
  if (k > i + 2 && (tags_[i + 1].readings & kPosGivenName)) return false;
  return has(k + 1, WordClasses::kAux) || (tags_[k + 1].pos & kPosFiniteVerb);
}

std::vector<CueHit> Run::find_cues(std::uint32_t sentence_begin, std::uint32_t sentence_end) const {
  std::vector<CueHit> hits;
  for (std::uint32_t i = sentence_begin; i < sentence_end; ++i) {
    const Token& t = tok(i);
    if (t.kind != TokenKind::kWord) continue;
    const std::vector<CueForm>& readings = forms(i);
    if (readings.empty()) continue;
    // A determiner before the word makes it a noun (la critique,
    // l'attaque, la presse) unless it is an object clitic.
    if (i > sentence_begin && has(i - 1, WordClasses::kDet) && !object_clitic_before(i, sentence_begin, readings))
      continue;
    const bool has_participle = std::any_of(readings.begin(), readings.end(), [](const CueForm& f) {
      return f.form == VerbForm::kPastParticiple;
    });
    // A bare « de » governs an infinitive or a noun, never a conjugated
    // verb: « conférence de presse », « point de presse » name no act.
    // Nor does « sans », never an adverb before a verb: « sans doute »,
    // « sans cesse » are locutions of a noun.
    // « Jean Morel, dit Jeannot, a raconté »: the participle names, and its
    // form (dit, also present tense) reports nothing.
    if (has_participle && naming_participle(i, sentence_begin, sentence_end)) continue;
    const bool after_bare_de =
        i > sentence_begin && (is_bare_de(i - 1) || has_anchor(i - 1, WordClasses::kNounOnlyPreposition));
    for (const CueForm& f : readings) {
      if (after_bare_de && f.form != VerbForm::kInfinitive) continue;
      // "mis", "dit", "promis" are participles in news prose; their
      // first-person passé simple readings would make any participle a verb.
      // ("dit", "écrit" are also present tense: only -s forms are skipped).
      if (f.form == VerbForm::kFinite && has_participle && !t.lower.empty() && t.lower.back() == 's') continue;
      // An adverb in -ant before que is a conjunction (maintenant que,
      // pendant que), no participle, unless en makes it a gerund (en
      // maintenant que …).
      if (f.form == VerbForm::kPresentParticiple && has(i, WordClasses::kNotParticiple) && i + 1 < sentence_end &&
          is_que(i + 1) && !(i > sentence_begin && has_extra(i - 1, WordClasses::kEnWord)))
        continue;
      CueHit h;
      if (!read_cue_group(f, i, sentence_begin, sentence_end, hits, h)) continue;
      if (likeness_idiom(h, sentence_begin)) break;
      // A reflexive group is the pronominal verb's when the form has one:
      // « s'est félicitée que … » is se féliciter (que), not féliciter X.
      if (h.reflexive && !f.entry->pronominal)
        for (const CueForm& g : readings) {
          CueHit pronominal;
          if (g.entry->pronominal && g.form == f.form &&
              read_cue_group(g, i, sentence_begin, sentence_end, hits, pronominal)) {
            h = pronominal;
            break;
          }
        }
      hits.push_back(h);
      break;  // first reading of the form wins
    }
  }
  // Drop cues nested in another's group (same verb counted twice). An
  // infinitive cue whose group takes in the verb before it (a souhaité
  // rappeler, continue d'affirmer) replaces that verb's own reading.
  // Filtered in place (no second vector a call): the first `kept` hits are
  // the ones kept so far.
  std::size_t kept = 0;
  for (std::size_t r = 0; r < hits.size(); ++r) {
    const CueHit h = hits[r];
    if (kept > 0 && h.first <= hits[kept - 1].first && hits[kept - 1].last <= h.verb) {
      hits[kept - 1] = h;
      continue;
    }
    if (kept > 0 && h.first < hits[kept - 1].last) continue;
    hits[kept++] = h;
  }
  hits.resize(kept);
  for (std::size_t r = 1; r < hits.size(); ++r)
    if (hits[r - 1].last > hits[r].first) {
      for (CueHit& h : hits) h.in_order = false;
      break;
    }
  return hits;
}

CueRange Run::cues_of_sentence(std::size_t s) const {
  if (sentence_cue_begin_.empty()) {
    sentence_cue_begin_.reserve(doc.sentences.size() + 1);
    for (const Sentence& sentence : doc.sentences) {
      sentence_cue_begin_.push_back(static_cast<std::uint32_t>(sentence_cue_hits_.size()));
      const std::vector<CueHit> hits = find_cues(sentence.token_begin, sentence.token_end);
      sentence_cue_hits_.insert(sentence_cue_hits_.end(), hits.begin(), hits.end());
    }
    sentence_cue_begin_.push_back(static_cast<std::uint32_t>(sentence_cue_hits_.size()));
  }
  const CueHit* hits = sentence_cue_hits_.data();
  return CueRange{hits + sentence_cue_begin_[s], hits + sentence_cue_begin_[s + 1]};
}

bool Run::likeness_idiom(const CueHit& h, std::uint32_t sentence_begin) const {
  if (!words.has_grammar(h.entry->verb, WordClasses::kLikenessForm)) return false;  // dire
  bool likeness = false;
  for (std::uint32_t k = h.first; k <= h.verb; ++k) likeness |= has_grammar(k, WordClasses::kLikenessForm);
  // The auxiliary may stand outside the group, dit read as a present:
  // « on eût dit que ».
  std::uint32_t first = h.first;
  if (!likeness && first > sentence_begin && has_grammar(first - 1, WordClasses::kLikenessForm)) likeness = true, --first;
  if (!likeness) return false;
  return (h.clitic != kNone && has_grammar(static_cast<std::uint32_t>(h.clitic), WordClasses::kOnWord)) ||
         (first > sentence_begin && has_grammar(first - 1, WordClasses::kOnWord));
}

bool Run::object_clitic_before(std::uint32_t i, std::uint32_t sentence_begin,
                               const std::vector<CueForm>& readings) const {
  // A subject or negation precedes an object clitic (il le dit, elle
  // l'affirme), or a comparison (comme le souligne X, ainsi que le dit X).
  bool participle = std::any_of(readings.begin(), readings.end(), [](const CueForm& f) {
    return f.form == VerbForm::kPresentParticiple;
  });
  // After a preposition, a determiner never opens an infinitive of saying:
  // leur, le, la, les there are its object clitics (« pour leur dire
  // que … », « a tenu à leur rappeler que … », « afin de les prévenir »).
  const bool infinitive = std::any_of(readings.begin(), readings.end(), [](const CueForm& f) {
    return f.form == VerbForm::kInfinitive;
  });
  return has(i - 1, WordClasses::kObj) && i >= sentence_begin + 2 &&
         (has(i - 2, WordClasses::kSubj) || has_extra(i - 2, WordClasses::kNeForm) || has(i - 2, WordClasses::kObj) ||
          opens_comparison(i - 2, sentence_begin) || is_name_word(i - 2) || participle ||
          (infinitive && has(i - 2, WordClasses::kPrep)));
}

bool Run::read_cue_group(const CueForm& f, std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                         const std::vector<CueHit>& hits, CueHit& h) const {
  h.entry = f.entry;
  h.form = f.form;
  h.plural = f.plural;
  h.verb = i;
  h.first = i;
  h.last = i + 1;
  if (!read_locution_tail(f, i, sentence_end, h)) return false;
  // « Il est (formellement) interdit de … »: a participle of a rule after
  // être, whatever reading the form has (il interdit), reports no demand.
  if (has_anchor(i, WordClasses::kRuleParticiple)) {
    std::uint32_t e = i;
    if (e > sentence_begin + 1 && has(e - 1, WordClasses::kAdv) && !has(e - 1, WordClasses::kDet)) --e;
    if (e > sentence_begin && has(e - 1, WordClasses::kEtreForm)) return false;
  }
  std::uint32_t b = i;
  if (f.form == VerbForm::kPastParticiple) {
    switch (participle_group_start(f, sentence_begin, sentence_end, hits, h, b)) {
      case GroupStart::kNoCue: return false;
      case GroupStart::kComplete: return true;
      case GroupStart::kOpen: break;
    }
  }
  if (f.form == VerbForm::kFinite || f.form == VerbForm::kPastParticiple)
    b = clitics_and_negation_start(b, sentence_begin, h);
  if (f.form == VerbForm::kPresentParticiple && b > sentence_begin && has_extra(b - 1, WordClasses::kEnWord)) {
    --b;  // en affirmant
    if (b > sentence_begin && has_extra(b - 1, WordClasses::kToutWord)) --b;  // tout en pointant
  }
  if (f.form == VerbForm::kInfinitive) {
    // A semi-auxiliary lends its group and subject (a tenu à rappeler).
    if (semi_auxiliary_group(sentence_begin, h)) return !f.entry->pronominal || h.reflexive;
    // Otherwise only "avant d'ajouter", "avant de conclure": the writer's
    // way of chaining statements; "permet de confirmer" is no speech.
    // "Et d'ajouter : « … »" likewise. The infinitive's object clitics
    // stand between (« pour leur dire que », « avant de lui rappeler »).
    std::uint32_t c = infinitive_clitics_start(b, sentence_begin, true);
    // A pronominal verb keeps its se before the infinitive, before the
    // other clitics: « avant de s'interroger : », « et de s'en prendre à ».
    if (f.entry->pronominal && c > sentence_begin + 1 && has_extra(c - 1, WordClasses::kSeForm)) {
      --c;
      h.reflexive = true;
    }
    if (c > sentence_begin + 1 && is_bare_de(c - 1) && has_grammar(c - 2, WordClasses::kChainingWord)) {
      b = c - 2;
    } else if (const std::uint32_t purpose = purpose_before(c, sentence_begin);
               purpose != c && (content_follows(h.last, sentence_end) || demand_follows(*f.entry, h.last, sentence_end))) {
      b = purpose;
    } else if (narrative_infinitive(c, sentence_begin)) {
      b = c - 1;
    } else if (coordinated_purpose(c, sentence_begin) && content_follows(h.last, sentence_end)) {
      b = c;  // « pour vanter ce modèle et dire que … »
    } else if (perceived_speaker(c, sentence_begin).valid() && content_follows(h.last, sentence_end)) {
      b = c;  // « a entendu le ministre dire que … »: the minister speaks
    } else {
      return false;
    }
  }
  if (f.entry->pronominal != h.reflexive && f.entry->pronominal) return false;
  h.first = b;
  return true;
}

std::uint32_t Run::infinitive_clitics_start(std::uint32_t k, std::uint32_t sentence_begin, bool third_person) const {
  // An infinitive's object clitics stand right before it, at most two
  // (« tient à nous le dire »). Those of the first and second persons and
  // se may make the verb reflexive (« pour m'assurer que » is checking).
  for (int n = 0; n < 2 && k > sentence_begin + 1 && has(k - 1, WordClasses::kObj); ++n) {
    if (third_person && (has(k - 1, WordClasses::kPerson12) || has_extra(k - 1, WordClasses::kSeForm))) break;
    --k;
  }
  return k;
}

bool Run::narrative_infinitive(std::uint32_t k, std::uint32_t sentence_begin) const {
  // The narrative infinitive: « Et le maire de rappeler que … », « Et la
  // ministre d'ajouter que … »: after a sentence's et, a subject noun
  // phrase and de stand for a past verb of that subject.
  if (k < sentence_begin + 3 || !is_bare_de(k - 1) || !has_extra(sentence_begin, WordClasses::kEtWord)) return false;
  if (!has(sentence_begin + 1, WordClasses::kDet) && !is_name_word(sentence_begin + 1)) return false;
  const Np subject = np_forward(sentence_begin + 1, k - 1);
  if (!subject.valid() || subject.end != k - 1) return false;
  // Someone, by name or role: « Et la possibilité d'annoncer la date
  // revient au préfet » has a noun of a thing before its de.
  for (std::uint32_t q = subject.begin; q < subject.end; ++q)
    if (is_name_word(q) || role_of(q)) return true;
  return false;
}

std::uint32_t Run::purpose_before(std::uint32_t b, std::uint32_t sentence_begin) const {
  // An adverb or two may stand between (« pour ensuite dire que », « afin
  // de mieux expliquer que »); not a negation (« pour ne pas dire que »
  // is the writer's own hedge).
  std::uint32_t k = b;
  for (int n = 0; n < 2 && k > sentence_begin + 1 && has(k - 1, WordClasses::kAdv) &&
                  !has(k - 1, WordClasses::kDet | WordClasses::kObj | WordClasses::kNegation) &&
                  !has_extra(k - 1, WordClasses::kNeForm);
       ++n)
    --k;
  if (k > sentence_begin && has_grammar(k - 1, WordClasses::kPurposeWord)) return k - 1;  // pour dire
  if (k > sentence_begin + 1 && is_bare_de(k - 1) && has_grammar(k - 2, WordClasses::kPurposeWord))
    return k - 2;  // afin de rappeler
  return b;
}

bool Run::coordinated_purpose(std::uint32_t c, std::uint32_t sentence_begin) const {
  // The first infinitive and its object: a few words with no punctuation,
  // que or finite verb (a bounded look back).
  constexpr std::uint32_t kMaxFirstGroup = 8;
  if (c < sentence_begin + 3 || !has_extra(c - 1, WordClasses::kEtWord)) return false;
  for (std::uint32_t v = c - 1; v-- > sentence_begin + 1 && c - v <= kMaxFirstGroup;) {
    if (is_punct(v) || is_que(v) || (tags_[v].pos & kPosFiniteVerb)) return false;
    if (!(tags_[v].pos & kPosInfinitive)) continue;
    const std::uint32_t first = infinitive_clitics_start(v, sentence_begin, true);
    return purpose_before(first, sentence_begin) != first;
  }
  return false;
}

Np Run::perceived_speaker(std::uint32_t c, std::uint32_t sentence_begin) const {
  // The object is a phrase of a few words right after the verb of
  // perception (a bounded look back); the group must open with the
  // infinitive or its clitics, not with a preposition (« a vu le
  // ministre pour dire » is no perception of his words).
  constexpr std::uint32_t kMaxObject = 10;
  if (c <= sentence_begin + 1 || is_de(c) || (tags_[c].pos & kPosPreposition)) return Np{};
  for (std::uint32_t v = c - 1; v-- > sentence_begin && c - v <= kMaxObject;) {
    if (is_punct(v) || is_que(v)) return Np{};
    if (!has_anchor(v, WordClasses::kPerceptionVerb)) continue;
    const Np object = np_forward(v + 1, c);
    if (!object.valid() || object.begin != v + 1 || object.end != c) return Np{};
    // A name, a role, or a noun of someone who speaks (« entendit des
    // marins crier », « a vu sa voisine dire »).
    for (std::uint32_t q = object.begin; q < object.end; ++q)
      if (is_name_word(q) || role_of(q) || (tags_[q].pos == kPosNoun && speaks_as_noun(q, object.end)))
        return object;
    return Np{};
  }
  return Np{};
}

bool Run::content_follows(std::uint32_t k, std::uint32_t sentence_end) const {
  // Past adverbs and a short adverbial with no verb (à haute voix, devant
  // la presse): a colon, que or a quotation mark.
  constexpr std::uint32_t kMaxAdverbial = 4;
  k = skip_adverbs(k, sentence_end);
  auto opens_content = [&](std::uint32_t q) {
    return tok(q).lower == ":" || is_que(q) || tok(q).kind == TokenKind::kQuoteMark;
  };
  if (k >= sentence_end || opens_content(k)) return k < sentence_end;
  // Not an object (contester les estimations qu'elle juge …).
  if (!(tags_[k].pos & kPosPreposition) || is_de(k)) return false;
  for (std::uint32_t q = k + 1; q < sentence_end && q <= k + kMaxAdverbial; ++q) {
    if (opens_content(q)) return true;
    if (is_punct(q) || tok(q).kind != TokenKind::kWord || (tags_[q].readings & kPosFiniteVerb) || !forms(q).empty())
      return false;
  }
  return false;
}

bool Run::demand_follows(const CueEntry& e, std::uint32_t k, std::uint32_t sentence_end) const {
  if (!(e.frames & (kFrameDe | kFrameA))) return false;
  k = skip_adverbs(k, sentence_end);
  if (k < sentence_end && (has(k, WordClasses::kDet) || is_name_word(k))) {
    const Np asked = np_forward(k, sentence_end);
    if (!asked.valid()) return false;
    k = asked.end;
  }
  const bool de_or_a = k < sentence_end && ((is_de(k) && (e.frames & kFrameDe)) ||
                                            (has_extra(k, WordClasses::kAForm) && (e.frames & kFrameA)));
  return de_or_a && opens_infinitive(k + 1, sentence_end);
}

bool Run::read_locution_tail(const CueForm& f, std::uint32_t i, std::uint32_t sentence_end, CueHit& h) const {
  // The locution's tail: mis en garde, fait valoir, s'en prendre à.
  std::uint32_t k = i + 1;
  for (const std::string& w : f.entry->tail) {
    k = skip_adverbs(k, sentence_end);
    const std::string_view tw = tok(k).lower;
    // The lexicon writes a tail's à and de bare; the text contracts or
    // elides them (s'en prendre aux, faire part d'): à matches au and aux,
    // de matches d', du and des. The token's own classes are asked first:
    // they are read from its form, the tail word's are looked up.
    bool same = k < sentence_end &&
                (tw == w || (has_extra(k, WordClasses::kAuForm) && words.has_extra(w, WordClasses::kAForm)) ||
                 (is_de(k) && words.has_extra(w, WordClasses::kDeForm) && !words.has(w, WordClasses::kDet)));
    if (!same) return false;
    ++k;
  }
  h.last = k;
  // Inverted subject right after the verb: déclare-t-il, estime-t-elle.
  if (h.last < sentence_end && tok(h.last).kind == TokenKind::kClitic && f.form == VerbForm::kFinite) {
    h.clitic = static_cast<int>(h.last);
    ++h.last;
  }
  return true;
}

std::uint32_t Run::auxiliary_end(std::uint32_t b, std::uint32_t sentence_begin, CueHit& h) const {
  std::uint32_t aux_end = b;
  for (int adv = 0; adv < 5 && aux_end > sentence_begin && !has(aux_end - 1, WordClasses::kAux); ++adv) {
    std::uint32_t n = adverb_length_before(aux_end, sentence_begin);
    if (n == 0) break;
    aux_end -= n;
  }
  if (aux_end > sentence_begin && tok(aux_end - 1).kind == TokenKind::kClitic) {
    h.clitic = static_cast<int>(aux_end - 1);
    --aux_end;
  }
  // "a, une nouvelle fois, mis en garde": an adverbial between commas.
  if (aux_end > sentence_begin + 1 && is_comma(aux_end - 1) && !has(aux_end - 2, WordClasses::kAux)) {
    for (std::uint32_t q = aux_end - 1; q-- > sentence_begin + 1;) {
      if (is_comma(q)) {
        if (has(q - 1, WordClasses::kAux)) aux_end = q;
        break;
      }
      if (is_punct(q)) break;
    }
  }
  return aux_end;
}

GroupStart Run::participle_group_start(const CueForm& f, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                       const std::vector<CueHit>& hits, CueHit& h, std::uint32_t& b) const {
  // Auxiliary, adverbs and clitics before a participle: a déclaré,
  // a-t-il averti, s'est engagé, se sont mutuellement accusés, l'a affirmé.
  const std::uint32_t aux_end = auxiliary_end(b, sentence_begin, h);
  if (!(aux_end > sentence_begin && has(aux_end - 1, WordClasses::kAux))) {
    // A participle coordinated with an earlier cue: "a affirmé … et confirmé que".
    bool coordinated = aux_end > sentence_begin &&
                       (has_extra(aux_end - 1, WordClasses::kEtWord) || is_comma(aux_end - 1)) && !hits.empty() &&
                       hits.back().form == VerbForm::kPastParticiple;
    // Without a cue before it, only a reported clause or a colon right
    // after the participle makes it speech (« et annoncé que … »); its
    // complements otherwise belong to the verb's other readings (« et
    // demandé aux enfants ce qu'ils … »: an audience, left to the cue lexicon).
    const bool content_next = h.last < sentence_end && (is_que(h.last) || tok(h.last).lower == ":");
    // A bare participle of accusation after the noun or name it qualifies
    // (« L'homme de 32 ans accusé d'avoir incendié la grange », « Le maire,
    // accusé d'avoir favorisé un proche, ») is a passive report whose
    // source the sentence does not name (docs/GOLD_FORMAT.md, speaker).
    if (!coordinated && f.entry->relation == Relation::kAccuses && aux_end == b &&
        participle_after_noun(b, sentence_begin) && reported_passive_de(*f.entry, sentence_begin, h, sentence_end)) {
      h.first = b;
      h.passive = true;
      return GroupStart::kComplete;
    }
    if (!coordinated && !(content_next && shares_earlier_auxiliary(b, sentence_begin))) return GroupStart::kNoCue;
    h.first = aux_end;
    return GroupStart::kComplete;
  }
  // Passives: an act whose agents follow "par" ("a été condamnée par
  // l'UE, les États-Unis et la Russie"); other passives are no cue.
  bool passive_aux = has_grammar(aux_end - 1, WordClasses::kPassiveParticiple);
  if (passive_aux) {
    std::uint32_t after = skip_adverbs(h.last, sentence_end);
    while (after < sentence_end && has(after, WordClasses::kTime) && !has(after, WordClasses::kDet)) ++after;
    const bool agents = after < sentence_end && has_extra(after, WordClasses::kParWord);
    if (!((f.entry->frames & kFrameAct) && agents) && !reported_passive_de(*f.entry, sentence_begin, h, sentence_end) &&
        !impersonal_report(sentence_begin, aux_end - 1, h, sentence_end))
      return GroupStart::kNoCue;
    std::uint32_t aux = aux_end - 1;
    if (aux > sentence_begin && has(aux - 1, WordClasses::kAux)) --aux;  // a été, avait été
    h.first = aux;
    h.passive = true;
    return GroupStart::kComplete;
  }
  // Être with a participle is passive unless the verb is pronominal
  // (s'est engagé) or moves (est revenu): "les propos sont repris".
  bool etre = has(aux_end - 1, WordClasses::kEtreForm);
  bool reflexive_before =
      aux_end > sentence_begin + 1 && (has_extra(aux_end - 2, WordClasses::kSeForm) ||
                                       (aux_end > sentence_begin + 2 && has_extra(aux_end - 3, WordClasses::kSeForm)));
  if (etre && !reflexive_before && !f.entry->pronominal) {
    if (!reported_passive_de(*f.entry, sentence_begin, h, sentence_end) &&
        !impersonal_report(sentence_begin, aux_end - 1, h, sentence_end))
      return GroupStart::kNoCue;
    h.first = aux_end - 1;
    h.passive = true;
    return GroupStart::kComplete;
  }
  b = aux_end - 1;
  return GroupStart::kOpen;
}

bool Run::participle_after_noun(std::uint32_t b, std::uint32_t sentence_begin) const {
  if (b <= sentence_begin + 1) return false;
  std::uint32_t n = b - 1;
  if (is_comma(n)) --n;  // an apposition: « Le maire, accusé de … »
  if (n < sentence_begin || tok(n).kind != TokenKind::kWord) return false;
  if (has(n, WordClasses::kDet | WordClasses::kPrep | WordClasses::kAux | WordClasses::kObj | WordClasses::kSubj))
    return false;
  return is_name_word(n) || (tags_[n].readings & (kPosNoun | kPosProperNoun));
}

bool Run::shares_earlier_auxiliary(std::uint32_t participle, std::uint32_t sentence_begin) const {
  // A participle after et, mais, puis shares the auxiliary of the compound
  // verb it is coordinated with, speech or not: « a d'abord démenti, puis
  // affirmé que … », « a visité le chantier et annoncé que … ». The
  // auxiliary is in the same clause: no que, no sentence punctuation between;
  // être makes a passive or a pronominal verb, left to the cue lexicon.
  if (participle <= sentence_begin) return false;
  const std::uint32_t conj = participle - 1;
  if (!has_extra(conj, WordClasses::kEtWord | WordClasses::kMaisWord) && !has_grammar(conj, WordClasses::kPuisWord))
    return false;
  // The nearest verb back decides: a participle of that auxiliary, not a
  // simple tense (« rit de mon adresse, et dit ») nor a bare participle
  // (« un penalty accordé … et jugé »).
  for (std::uint32_t q = conj; q-- > sentence_begin;) {
    if (tok(q).kind == TokenKind::kQuoteMark || (is_punct(q) && !is_comma(q)) || is_que(q)) return false;
    if (has(q, WordClasses::kAux) || !((tags_[q].pos & kPosVerb) || (tags_[q].readings & kPosPastParticiple)))
      continue;
    if (!(tags_[q].readings & kPosPastParticiple)) return false;
    // Adverbs between (a d'abord démenti, n'a pas vraiment dit).
    std::uint32_t a = q;
    for (int adv = 0; adv < 3 && a > sentence_begin && !has(a - 1, WordClasses::kAux); ++adv) {
      const std::uint32_t n = adverb_length_before(a, sentence_begin);
      if (n == 0) break;
      a -= n;
    }
    // A passive (a été arrêté puis accusé) shares no agent that speaks.
    return a > sentence_begin && has(a - 1, WordClasses::kAux) && !has(a - 1, WordClasses::kEtreForm) &&
           !has_grammar(a - 1, WordClasses::kPassiveParticiple);
  }
  return false;
}

bool Run::reported_passive_de(const CueEntry& entry, std::uint32_t sentence_begin, const CueHit& h,
                              std::uint32_t sentence_end) const {
  // Inside quotation marks the accusation is the speaker's own statement.
  return (passive_de_report(entry, h.last, sentence_end) || passive_charge(entry, h.last, sentence_end)) &&
         outside_quotation(sentence_begin, h.verb);
}

bool Run::impersonal_report(std::uint32_t sentence_begin, std::uint32_t aux, const CueHit& h,
                            std::uint32_t sentence_end) const {
  // Only the participles of impersonalpassive (words.tsv), which take no
  // person as object: in « il a été averti que … » il is the one told.
  if (!(h.entry->frames & kFrameQue) || !has_grammar(h.verb, WordClasses::kImpersonalPassive)) return false;
  std::uint32_t s = aux;                                                   // été, est, était
  if (s > sentence_begin && has(s - 1, WordClasses::kAux)) --s;            // a été
  if (s > sentence_begin && has_extra(s - 1, WordClasses::kNeForm)) --s;  // il n'est
  if (s <= sentence_begin || !has_grammar(s - 1, WordClasses::kIlWord)) return false;
  // The que may follow the agent or circumstances: « il a été précisé
  // par la direction que », « il est rappelé aux usagers que ».
  const std::uint32_t k = complement_start(h, sentence_end);
  return k < sentence_end && is_que(k) && outside_quotation(sentence_begin, h.verb);
}

bool Run::outside_quotation(std::uint32_t sentence_begin, std::uint32_t i) const {
  if (i <= sentence_begin) return true;
  return prefix_to(sentence_begin, i).at(i).quote_state == 0;
}

const TokenPrefix& Run::prefix_to(std::uint32_t begin, std::uint32_t end) const {
  TokenPrefix& p = prefix_;
  if (p.begin != begin) {
    p.begin = begin;
    p.before.assign(1, TokenPrefix::Before{});
  }
  for (std::uint32_t q = begin + static_cast<std::uint32_t>(p.before.size()) - 1; q < end; ++q) {
    TokenPrefix::Before next = p.before.back();
    const bool word = tok(q).kind == TokenKind::kWord;
    next.words += word ? 1 : 0;
    next.verbs += word && ((tags_[q].pos & (kPosFiniteVerb | kPosPastParticiple | kPosInfinitive)) ||
                           has(q, WordClasses::kAux))
                      ? 1
                      : 0;
    const bool quote = tok(q).kind == TokenKind::kQuoteMark;
    if (quote) next.last_quote = q;
    if (q >= begin + 2 &&
        ((has_extra(q, WordClasses::kQuiWord) && is_comma(q - 1)) || (is_punct(q) && !is_comma(q))))
      next.last_qui_or_stop = q;
    if (quote) {
      // quote_state packs track_quotation_mark's reading: bit 0 a straight
      // quotation open, the bits above the depth of the others.
      int depth = static_cast<int>(next.quote_state >> 1U);
      bool straight = (next.quote_state & 1U) != 0;
      track_quotation_mark(tok(q).lower, depth, straight);
      next.quote_state = (static_cast<std::uint32_t>(depth) << 1U) | (straight ? 1U : 0U);
    }
    p.before.push_back(next);
  }
  return p;
}

std::uint32_t Run::passive_de_report(const CueEntry& entry, std::uint32_t last, std::uint32_t sentence_end,
                                     Np* blamed) const {
  // A demand put to the subject is reported as an accusation is: by others,
  // about the one asked (« Les riverains ont été priés de quitter les lieux »).
  if ((entry.relation != Relation::kAccuses && entry.relation != Relation::kCallsOn) || !(entry.frames & kFrameDe))
    return 0;
  // « Il est interdit aux joueurs de … » states a rule.
  if (last > 0 && has_anchor(last - 1, WordClasses::kRuleParticiple)) return 0;
  std::uint32_t k = skip_adverbs(last, sentence_end);
  // « Il est reproché au directeur d'avoir … »: a cue whose target follows
  // à names the one blamed between the participle and de.
  if (entry.target == TargetSlot::kIndirect && k < sentence_end &&
      has_extra(k, WordClasses::kAForm | WordClasses::kAuForm)) {
    // The phrase may hold de complements (au directeur de la maison de
    // retraite d'avoir …): it ends at the de of an infinitive.
    std::uint32_t j = k + 1;
    while (j + 1 < sentence_end && j < k + kMaxNpTokens && !is_punct(j) && !is_que(j) &&
           !(is_de(j) && is_infinitive_like(j + 1, sentence_end)))
      ++j;
    if (j == k + 1) return 0;
    if (blamed) *blamed = Np{k + 1, j};
    k = j;
  }
  return k + 1 < sentence_end && is_de(k) && is_infinitive_like(k + 1, sentence_end) ? k : 0;
}

bool Run::semi_auxiliary_group(std::uint32_t sentence_begin, CueHit& h) const {
  // The object clitics of the infinitive stand before it, after de or à
  // (« vient de nous annoncer », « a tenu à lui rappeler »).
  std::uint32_t k = infinitive_clitics_start(h.verb, sentence_begin, false);
  // « a fini par reconnaître », « commence par rappeler »: par only after
  // the semi-auxiliaries of an end or a start (not « a fini de dire »).
  const bool par = k > sentence_begin && has_extra(k - 1, WordClasses::kParWord);
  if (k > sentence_begin && (is_bare_de(k - 1) || has_extra(k - 1, WordClasses::kAForm) || par)) --k;
  // An adverb between the semi-auxiliary and its infinitive (« va
  // ensuite rappeler que », « tient toujours à dire que »), one at most.
  if (k > sentence_begin + 1 && !has_grammar(k - 1, WordClasses::kSemiAuxiliary | WordClasses::kSemiAuxiliaryNe) &&
      !has(k - 1, WordClasses::kNegation))
    if (const std::uint32_t n = adverb_length_before(k, sentence_begin); n != 0 && k - n > sentence_begin &&
        has_grammar(k - n - 1, WordClasses::kSemiAuxiliary | WordClasses::kSemiAuxiliaryNe))
      k -= n;
  if (k == sentence_begin) return false;
  std::uint32_t outer = k - 1;
  // « ne manque pas de rappeler », « ne cesse jamais de dire »: the
  // negation word after a conjugated semi-auxiliary.
  if (outer > sentence_begin && has(outer, WordClasses::kNegation) &&
      has_grammar(outer - 1, WordClasses::kSemiAuxiliary | WordClasses::kSemiAuxiliaryNe))
    --outer;
  // Cesser chains only negated, as a litotes: « n'a cessé de rappeler que »
  // reports, « a cessé de dire que » says the speech stopped.
  const bool needs_ne = !par && has_grammar(outer, WordClasses::kSemiAuxiliaryNe);
  const bool semi = par ? has_extra(outer, WordClasses::kSemiAuxiliaryPar)
                        : needs_ne || has_grammar(outer, WordClasses::kSemiAuxiliary);
  if (!semi) return false;
  CueHit group = h;
  group.clitic = kNone;
  std::uint32_t start = outer;
  const std::uint32_t aux_end = auxiliary_end(outer, sentence_begin, group);
  if (aux_end > sentence_begin && has(aux_end - 1, WordClasses::kAux)) {
    start = aux_end - 1;
    group.form = VerbForm::kPastParticiple;
  } else {
    group.clitic = kNone;  // a clitic before a finite verb is no inverted subject
    group.form = VerbForm::kFinite;
  }
  start = clitics_and_negation_start(start, sentence_begin, group);
  if (needs_ne && !has_extra(start, WordClasses::kNeForm)) return false;
  group.first = start;
  h = group;
  return true;
}

bool Run::infinitive_after_audience(const CueHit& h, std::uint32_t q, std::uint32_t sentence_end) const {
  if (!(h.entry->frames & kFrameInfinitive) || q == 0 || !is_infinitive_like(q, sentence_end)) return false;
  if (tok(q - 1).kind != TokenKind::kWord || has(q - 1, WordClasses::kPrep | WordClasses::kDet | WordClasses::kObj) ||
      is_de(q - 1) || has_extra(q - 1, WordClasses::kAForm | WordClasses::kAuForm | WordClasses::kPourWord))
    return false;
  // Only the audience's noun phrase before it, no comma or clause (a été
  // rappelée à Paris, pour y faire …).
  for (std::uint32_t k = q; k-- > h.last && !has(k, WordClasses::kAudience);)
    if (is_punct(k)) return false;
  return true;
}

std::uint32_t Run::clitics_and_negation_start(std::uint32_t b, std::uint32_t sentence_begin, CueHit& h) const {
  // Object and reflexive clitics before the verb or auxiliary.
  while (b > sentence_begin && has(b - 1, WordClasses::kObj) && tok(b - 1).kind == TokenKind::kWord &&
         !tok(b - 1).capitalized) {
    if (has_extra(b - 1, WordClasses::kSeForm)) h.reflexive = true;
    // "le/la/les" just before a finite verb is a clitic only when a
    // subject or another clitic stands before it; keep it simple
    // and accept it (il le dit, l'a affirmé).
    --b;
    if (b > sentence_begin && has_extra(b, WordClasses::kDefiniteArticle) && has(b - 1, WordClasses::kDet)) {
      ++b;
      break;
    }
  }
  // Negation: ne … pas around the verb (ne nie pas).
  if (b > sentence_begin && has_extra(b - 1, WordClasses::kNeForm)) --b;
  return b;
}

}  // namespace quotegraph::detail

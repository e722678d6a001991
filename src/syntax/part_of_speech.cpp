// Readings of word forms from hunspell-fr's morphology (po: fields):
// nom, adj, adv, v1/v2/v3 with ipre/ppas/ppre/infi, det/detpos/detdem,
// properobj/propersuj/prorel, prep, cjco/cjsub, npr/prn/patr.
#include "quotegraph/syntax/part_of_speech.h"

#include <hunspell/hunspell.hxx>

#include <mutex>
#include <string>
#include <vector>

#include "quotegraph/lexicon/string_table.h"

#include <sys/stat.h>

namespace quotegraph {

namespace {

bool readable(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The readings of one po: value.
PosSet reading_of_tag(std::string_view tag) {
  if (tag == "nom" || tag == "titr") return kPosNoun;
  if (tag == "adj") return kPosAdjective;
  // Adverbs: plain, negative (ne, jamais, non), interrogative (comment,
  // pourquoi), and interjections (oh, hélas), which the project has no
  // class of its own for and which head no phrase either.
  if (tag == "adv" || tag == "negadv" || tag == "advint" || tag == "interj") return kPosAdverb;
  if (tag == "npr") return kPosProperNoun | kPosPlace;
  if (tag == "prn") return kPosProperNoun | kPosGivenName;
  if (tag == "patr") return kPosProperNoun | kPosSurname;
  if (tag == "ppas") return kPosPastParticiple;
  if (tag == "ppre") return kPosPresentParticiple;
  if (tag == "infi") return kPosInfinitive;
  if (tag == "ipre" || tag == "iimp" || tag == "ipsi" || tag == "ifut" || tag == "cond" ||
      tag == "spre" || tag == "simp" || tag == "impe")
    return kPosFiniteVerb;
  if (tag == "detpos") return kPosDeterminer | kPosPossessive;
  if (starts_with(tag, "det")) return kPosDeterminer;
  if (tag == "propersuj") return kPosPronoun | kPosSubjectPronoun;
  if (starts_with(tag, "pro")) return kPosPronoun;
  if (tag == "prep" || tag == "prepv") return kPosPreposition;
  if (tag == "cjco") return kPosCoordination;
  if (tag == "cjsub") return kPosSubordination;
  if (tag == "nb") return kPosNumber;
  return 0;
}

// The readings of one po: value that marks the first word of a locution:
// auprès, quant, afin (de, à: prepositional), parce (que: conjunctive),
// etc. (adverbial). A word that is also a word of its own (face, bien)
// keeps only its own readings (Dictionary::analyse).
PosSet locution_reading_of_tag(std::string_view tag) {
  if (tag == "loc.prep" || tag == "loc.prepv") return kPosPreposition;
  if (tag == "loc.cj" || tag == "loc.cjsub") return kPosSubordination;
  if (tag == "loc.adv") return kPosAdverb;
  return 0;
}

// The readings that `reading` gives to the po: fields of `analysis`.
PosSet readings_of_fields(std::string_view analysis, PosSet (*reading)(std::string_view)) {
  PosSet out = 0;
  std::size_t i = 0;
  while (i < analysis.size()) {
    while (i < analysis.size() && analysis[i] == ' ') ++i;
    std::size_t j = analysis.find(' ', i);
    if (j == std::string_view::npos) j = analysis.size();
    std::string_view field = analysis.substr(i, j - i);
    if (starts_with(field, "po:")) out |= reading(field.substr(3));
    i = j;
  }
  return out;
}

}  // namespace

PosSet readings_from_morphology(std::string_view analysis) {
  PosSet out = readings_of_fields(analysis, reading_of_tag);
  // The negation that stands before its verb: a negative adverb that is
  // also a preverb in the same analysis (ne, n'; not pas, jamais).
  if (analysis.find("po:negadv") != std::string_view::npos && analysis.find("po:preverb") != std::string_view::npos)
    out |= kPosPreverbalNegation;
  // The gender of a noun reading, from the same analysis (a form may be a
  // feminine noun and a verb: pierre, critique).
  if (analysis.find("po:nom") != std::string_view::npos) {
    if (analysis.find("is:fem") != std::string_view::npos) out |= kPosFeminineNoun;
    if (analysis.find("is:mas") != std::string_view::npos) out |= kPosMasculineNoun;
  }
  return out;
}

PosSet locution_readings_from_morphology(std::string_view analysis) {
  return readings_of_fields(analysis, locution_reading_of_tag);
}

namespace {

// Forgets every form of `cache` when adding `form` would pass the bounds
// of PosLexicon::readings, then adds it.
void remember(StringTable<PosSet>& cache, std::string_view form, PosSet set) {
  if (cache.size() >= PosLexicon::kMaxCached ||
      cache.key_bytes() + form.size() > PosLexicon::kMaxCachedKeyBytes)
    cache.clear();
  cache.add(form, set);
}

// One loaded dictionary, shared by the PosLexicons of every thread:
// libhunspell keeps state while it analyses, so one analysis at a time.
// The readings of every form analysed so far are kept here too, under the
// same lock: a thread that meets a form for the first time takes the lock
// anyway, and finds the form there when another thread has analysed it
// (the analysis costs far more than the look-up; worker threads read the
// same common words).
struct Dictionary {
  Dictionary(const std::string& aff_path, const std::string& dic_path)
      : hunspell(aff_path.c_str(), dic_path.c_str()) {}

  // The readings of `form` (not empty), analysed at most once per process
  // while the shared table is within its bounds; a form the dictionary
  // does not know takes the readings of its first variant that it knows
  // (variant_readings). Thread-safe.
  PosSet readings(std::string_view form) {
    std::lock_guard<std::mutex> hold(analysing);
    if (const PosSet* known = analysed.find(form)) return *known;
    PosSet set = analyse(std::string(form));
    if (set == 0) set = variant_readings(form);
    if (set == 0) set = kPosUnknown;
    remember(analysed, form, set);
    ++analyses;
    return set;
  }

  // The dictionary's readings of `form`, 0 when it does not know it; those
  // of the locutions it opens when it is no word of its own (auprès, parce);
  // sets `prefix` when one reading is a prefix (semi, which takes a hyphen).
  PosSet analyse(const std::string& form, bool* prefix = nullptr) {
    PosSet set = 0;
    PosSet locution = 0;
    for (const std::string& analysis : hunspell.analyze(form)) {
      set |= readings_from_morphology(analysis);
      locution |= locution_readings_from_morphology(analysis);
      if (prefix && analysis.find("po:pfx") != std::string::npos) *prefix = true;
    }
    return set ? set : locution;
  }

  // analyse(form, prefix) of a part of an unknown form (variant_readings),
  // each part analysed once while the table of parts is within its bounds:
  // the same parts (vous, là, semi) come back form after form. Under
  // `analysing`.
  PosSet known(std::string_view form, bool* prefix = nullptr) {
    constexpr PosSet kPrefixPart = 1u << 31;  // no reading: the prefix flag
    PosSet set = 0;
    if (const PosSet* part = parts.find(form)) {
      set = *part;
    } else {
      bool is_prefix = false;
      set = analyse(std::string(form), &is_prefix) | (is_prefix ? kPrefixPart : 0);
      remember(parts, form, set);
    }
    if (prefix && (set & kPrefixPart)) *prefix = true;
    return set & ~kPrefixPart;
  }

  // The readings of a spelling of `form` that the dictionary (classical
  // spelling) knows, 0 when none: a word joined by a hyphen to what the
  // dictionary reads as a pronoun reads as its verb (avez-vous, dis-je,
  // est-ce), to an adverb as the word (moment-là, celui-ci), a word after a prefix and its hyphen as that word
  // (semi-confinement); in lower-case forms only, oe is the ligature œ
  // (coeur, oeuvre), and, since the 1990 spelling drops the circumflex of
  // i and u, which stands mostly after a vowel (connait, entraineur, s'y
  // traine, boite, aout, gout), each i or u after a, e, o or u in turn
  // takes it back, at most kMaxCircumflexTries of them; a form that opens on a
  // digit is a number (48e, 21h30). A handful of analyses, once per
  // unknown form.
  PosSet variant_readings(std::string_view form) {
    if (form[0] >= '0' && form[0] <= '9') return kPosNumber;
    const std::size_t last_hyphen = form.rfind('-');
    if (last_hyphen != std::string_view::npos && last_hyphen > 0 && last_hyphen + 1 < form.size()) {
      // A pronoun joined to the verb before it (est-ce, dit-elle, dites-moi)
      // leaves the verb's readings; an adverb (là, ci) the word's.
      const PosSet tail = known(form.substr(last_hyphen + 1));
      if (tail & (kPosPronoun | kPosAdverb)) {
        const PosSet head = known(form.substr(0, last_hyphen));
        return (tail & kPosPronoun) && (head & kPosVerb) ? head & kPosVerb : head;
      }
      const std::size_t first_hyphen = form.find('-');
      bool prefix = false;
      known(form.substr(0, first_hyphen), &prefix);
      if (prefix) return first_hyphen == last_hyphen ? tail : known(form.substr(first_hyphen + 1));
      return 0;
    }
    // Names are no reformed spellings (Blinken, Coetzee): lower case only.
    for (char c : form)
      if (c >= 'A' && c <= 'Z') return 0;
    std::string variant(form);
    for (std::size_t at = variant.find("oe"); at != std::string::npos; at = variant.find("oe", at))
      variant.replace(at, 2, "\xC5\x93");
    if (variant != form) return analyse(variant);
    int tries = 0;
    for (std::size_t i = 1; i < form.size() && tries < kMaxCircumflexTries; ++i) {
      const bool after_vowel = std::string_view("aeou").find(form[i - 1]) != std::string_view::npos;
      if ((form[i] != 'i' && form[i] != 'u') || !after_vowel) continue;
      ++tries;
      variant.assign(form.substr(0, i)).append(form[i] == 'i' ? "\xC3\xAE" : "\xC3\xBB").append(form.substr(i + 1));
      if (const PosSet set = analyse(variant)) return set;
    }
    return 0;
  }

  static constexpr int kMaxCircumflexTries = 3;

  Hunspell hunspell;
  std::mutex analysing;
  StringTable<PosSet> analysed;  // under `analysing`
  StringTable<PosSet> parts;     // under `analysing`: analyse() of the parts of unknown forms (known)
  std::size_t analyses = 0;      // under `analysing`: calls to hunspell.analyze
};

}  // namespace

struct PosLexicon::Impl {
  std::shared_ptr<Dictionary> dictionary;
  mutable StringTable<PosSet> cache;  // this thread's, without a lock; the dictionary's is shared
};

PosLexicon::PosLexicon() : impl_(std::make_unique<Impl>()) {}
PosLexicon::~PosLexicon() = default;

std::unique_ptr<PosLexicon> PosLexicon::open(const std::string& aff_path, const std::string& dic_path) {
  if (!readable(aff_path) || !readable(dic_path)) return nullptr;
  std::unique_ptr<PosLexicon> lexicon(new PosLexicon());
  lexicon->impl_->dictionary = std::make_shared<Dictionary>(aff_path, dic_path);
  return lexicon;
}

std::unique_ptr<PosLexicon> PosLexicon::share() const {
  std::unique_ptr<PosLexicon> lexicon(new PosLexicon());
  lexicon->impl_->dictionary = impl_->dictionary;
  return lexicon;
}

std::unique_ptr<PosLexicon> PosLexicon::open_default() {
  for (const char* base : {"/usr/share/hunspell/fr_FR", "/usr/share/hunspell/fr"}) {
    auto lexicon = open(std::string(base) + ".aff", std::string(base) + ".dic");
    if (lexicon) return lexicon;
  }
  return nullptr;
}

PosSet PosLexicon::readings(std::string_view form) const {
  if (form.empty()) return kPosUnknown;
  if (const PosSet* known = impl_->cache.find(form)) return *known;
  const PosSet set = impl_->dictionary->readings(form);
  remember(impl_->cache, form, set);
  return set;
}

std::size_t PosLexicon::dictionary_analyses() const {
  std::lock_guard<std::mutex> hold(impl_->dictionary->analysing);
  return impl_->dictionary->analyses;
}

}  // namespace quotegraph

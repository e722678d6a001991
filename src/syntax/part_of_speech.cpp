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
  if (tag == "adv") return kPosAdverb;
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

}  // namespace

PosSet readings_from_morphology(std::string_view analysis) {
  PosSet out = 0;
  std::size_t i = 0;
  while (i < analysis.size()) {
    while (i < analysis.size() && analysis[i] == ' ') ++i;
    std::size_t j = analysis.find(' ', i);
    if (j == std::string_view::npos) j = analysis.size();
    std::string_view field = analysis.substr(i, j - i);
    if (starts_with(field, "po:")) out |= reading_of_tag(field.substr(3));
    i = j;
  }
  return out;
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
  // while the shared table is within its bounds. Thread-safe.
  PosSet readings(std::string_view form) {
    std::lock_guard<std::mutex> hold(analysing);
    if (const PosSet* known = analysed.find(form)) return *known;
    PosSet set = 0;
    for (const std::string& analysis : hunspell.analyze(std::string(form)))
      set |= readings_from_morphology(analysis);
    if (set == 0) set = kPosUnknown;
    remember(analysed, form, set);
    ++analyses;
    return set;
  }

  Hunspell hunspell;
  std::mutex analysing;
  StringTable<PosSet> analysed;  // under `analysing`
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

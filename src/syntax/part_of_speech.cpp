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

// One loaded dictionary, shared by the PosLexicons of every thread:
// libhunspell keeps state while it analyses, so one analysis at a time.
struct Dictionary {
  Dictionary(const std::string& aff_path, const std::string& dic_path)
      : hunspell(aff_path.c_str(), dic_path.c_str()) {}
  Hunspell hunspell;
  std::mutex analysing;
};

}  // namespace

struct PosLexicon::Impl {
  std::shared_ptr<Dictionary> dictionary;
  mutable StringTable<PosSet> cache;  // this thread's; looked up without copying the form
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
  std::vector<std::string> analyses;
  {
    std::lock_guard<std::mutex> hold(impl_->dictionary->analysing);
    analyses = impl_->dictionary->hunspell.analyze(std::string(form));
  }
  PosSet set = 0;
  for (const std::string& analysis : analyses) set |= readings_from_morphology(analysis);
  if (set == 0) set = kPosUnknown;
  if (impl_->cache.size() >= kMaxCached || impl_->cache.key_bytes() + form.size() > kMaxCachedKeyBytes)
    impl_->cache.clear();
  impl_->cache.add(form, set);
  return set;
}

}  // namespace quotegraph

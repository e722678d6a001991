// WordClasses loading and look-ups, and the gazetteer look-up cache.
#include "quotegraph/lexicon/word_classes.h"

#include <fstream>
#include <string_view>
#include <vector>

#include "quotegraph/lexicon/tsv.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

std::optional<WordClasses> WordClasses::load(const std::string& data_dir, Diagnostics& diags) {
  const std::string path = data_dir + "/words.tsv";
  auto lines = read_tsv(path, diags);
  if (!lines) {
    diags.error(DiagCode::kIoError, path, 0, "cannot open word list");
    return std::nullopt;
  }
  static const std::pair<const char*, std::uint64_t> kNames[] = {
      {"det", kDet}, {"prep", kPrep}, {"subj", kSubj}, {"obj", kObj}, {"aux", kAux},
      {"adv", kAdv}, {"time", kTime}, {"cut", kCut}, {"poss", kPoss},
      {"nosource", kNoSource}, {"report", kReport}, {"objcontent", kObjContent},
      {"surcontent", kSurContent}, {"advphrase", kAdvPhrase},
      {"conj", kConj}, {"standalone", kStandalone}, {"audience", kAudience},
      {"blame", kBlame}, {"stateproxy", kStateProxy}, {"prenominal", kPrenominal},
      {"particle", kParticle}, {"capparticle", kCapParticle}, {"notverb", kNotVerb},
      {"circumstance", kCircumstance}, {"leader", kLeader}, {"genericleader", kGenericLeader},
      {"feminine", kFeminine}, {"masculine", kMasculine}, {"plural", kPlural},
      {"roleprefix", kRolePrefix}, {"ordinal", kOrdinal}, {"article", kArticle},
      {"notmanner", kNotManner}, {"manner", kManner}, {"titleabbrev", kTitleAbbrev}, {"npstop", kNpStop},
      {"pronounsubject", kPronounSubject}, {"quantifier", kQuantifier}, {"manneropener", kMannerOpener},
      {"contracted", kContracted}, {"narrative", kNarrative}, {"notparticiple", kNotParticiple},
      {"interjection", kInterjection}, {"person12", kPerson12}, {"person12after", kPerson12After},
      {"subj12", kSubj12}, {"circumstanceprep", kCircumstancePrep}, {"locative", kLocative},
      {"locativecoord", kLocativeCoord}, {"notnpword", kNotNpWord}, {"etreform", kEtreForm},
      {"clauseopener", kClauseOpener}, {"firstpossessive", kFirstPossessive},
      {"answerverb", kAnswerVerb}, {"impersonal", kImpersonal}, {"cutneedsque", kCutNeedsQue},
      {"relativelequel", kRelativeLequel}, {"negation", kNegation},
      {"stressedpronoun", kStressedPronoun}};
  WordClasses w;
  for (const TsvLine& data_line : *lines) {
    const std::string& line = data_line.text;
    const std::size_t number = data_line.number;
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      diags.error(DiagCode::kBadData, path, number, "expected class<TAB>word", line, "line");
      continue;
    }
    std::string cls = line.substr(0, tab);
    std::string word = fold_utf8(line.substr(tab + 1));
    if (cls == "advphrase" || cls == "marker" || cls == "markerself") {
      // Stored word by word, joined by single spaces, as the tokens fold.
      std::string joined;
      for (char ch : word) {
        if (ch == '\'') { joined += "' "; continue; }
        joined += ch;
      }
      while (!joined.empty() && joined.back() == ' ') joined.pop_back();
      if (cls == "advphrase") w.phrases_.insert(joined);
      else w.markers_[joined] = cls == "marker" ? SourceMarker::kBeforeSource : SourceMarker::kStandsForSource;
      continue;
    }
    Gender gender = '?';
    bool plural = false;
    if (cls.rfind("subj:", 0) == 0 && cls.size() == 8) {
      gender = cls[5];
      plural = cls[7] == 'p';
      w.subjects_[word] = {gender, plural};
      cls = "subj";
    }
    std::uint64_t bit = 0;
    for (const auto& [name, b] : kNames)
      if (cls == name) bit = b;
    if (bit == 0) {
      diags.error(DiagCode::kBadData, path, number, "unknown word class '" + cls + "'", line, "line");
      continue;
    }
    w.classes_[word] |= bit;
  }
  w.load_judgements(data_dir + "/judgements.tsv", diags);
  return w;
}

namespace {

// The feminine and plural forms of a French adjective or noun, by the
// regular rules (courageux -> courageuse, courageuses; inacceptable ->
// inacceptables; fautif -> fautive; criminel -> criminelle; illégal ->
// illégaux). Irregular forms are listed in the data file itself.
std::vector<std::string> inflections(const std::string& w) {
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  auto stem = [&](std::size_t cut) { return w.substr(0, w.size() - cut); };
  std::vector<std::string> out{w};
  if (w.find(' ') != std::string::npos) return out;
  if (ends("eux")) {
    out.push_back(stem(1) + "se");
    out.push_back(stem(1) + "ses");
  } else if (ends("if")) {
    out.push_back(stem(1) + "ve");
    out.push_back(stem(1) + "ves");
    out.push_back(w + "s");
  } else if (ends("el") || ends("en")) {
    out.push_back(w + w.back() + "e");
    out.push_back(w + w.back() + "es");
    out.push_back(w + "s");
  } else if (ends("al")) {
    out.push_back(stem(2) + "aux");
    out.push_back(w + "e");
    out.push_back(w + "es");
  } else if (ends("e")) {
    out.push_back(w + "s");
  } else if (!ends("s") && !ends("x")) {
    out.push_back(w + "e");
    out.push_back(w + "s");
    out.push_back(w + "es");
  }
  return out;
}

}  // namespace

void WordClasses::load_judgements(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path);
  if (!in) return;  // optional: without it no content is judged
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      diags.error(DiagCode::kBadData, path, number, "expected class<TAB>word", line, "line");
      continue;
    }
    const std::string cls = line.substr(0, tab);
    std::uint32_t bit = 0;
    if (cls == "negative") bit = kNegative;
    if (cls == "positive") bit = kPositive;
    if (cls == "deed") bit = kDeed;
    if (bit == 0) {
      diags.error(DiagCode::kBadData, path, number, "unknown judgement class '" + cls + "'", line, "line");
      continue;
    }
    for (const std::string& form : inflections(fold_utf8(line.substr(tab + 1)))) classes_[form] |= bit;
  }
}

template <typename T, typename F>
T GazetteerCache::memo(std::unordered_map<std::string, T>& map, const std::string& key, F look_up) {
  auto it = map.find(key);
  if (it != map.end()) return it->second;
  if (map.size() >= kMaxEntries) map.clear();
  T value = look_up();
  map.emplace(key, value);
  return value;
}

const State* GazetteerCache::state_or_seat(const std::string& folded) {
  return memo(states_, folded, [&] {
    const State* s = gaz_.state(folded);
    return s ? s : gaz_.seat(folded);
  });
}

const Role* GazetteerCache::role(const std::string& folded) {
  return memo(roles_, folded, [&] { return gaz_.role(folded); });
}

const State* GazetteerCache::nationality(const std::string& folded) {
  return memo(nationalities_, folded, [&] { return gaz_.nationality(folded); });
}

std::optional<Gender> GazetteerCache::courtesy_title(const std::string& folded) {
  return memo(titles_, folded, [&] { return gaz_.courtesy_title(folded); });
}

bool WordClasses::load_infinitives(const std::string& dic_path) {
  std::ifstream in(dic_path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    // "Marie/L'D'Q' po:prn is:fem is:inv": a given name and its gender.
    if (line.find(" po:prn") != std::string::npos) {
      const std::string name = fold_utf8(line.substr(0, line.find_first_of("/ \t")));
      const bool fem = line.find("is:fem") != std::string::npos, mas = line.find("is:mas") != std::string::npos;
      if (fem != mas) given_names_[name] = fem ? 'f' : 'm';
      continue;
    }
    // "prendre/tF() po:v3_itnq__a": the word, its flags, its morphology.
    if (line.find(" po:v") == std::string::npos) continue;
    std::size_t end = line.find_first_of("/ \t");
    std::string word = line.substr(0, end);
    auto ends = [&](std::string_view suf) {
      return word.size() > suf.size() && word.compare(word.size() - suf.size(), suf.size(), suf) == 0;
    };
    if (ends("er") || ends("ir") || ends("re") || ends("oir")) infinitives_.insert(fold_utf8(word));
  }
  return !infinitives_.empty();
}

Gender WordClasses::given_name_gender(const std::string& folded) const {
  auto it = given_names_.find(folded);
  return it == given_names_.end() ? '?' : it->second;
}

std::uint64_t WordClasses::classes(const std::string& folded) const {
  auto it = classes_.find(folded);
  return it == classes_.end() ? 0 : it->second;
}

bool WordClasses::has(const std::string& folded, std::uint64_t bits) const {
  auto it = classes_.find(folded);
  return it != classes_.end() && (it->second & bits) != 0;
}

bool WordClasses::subject(const std::string& folded, Gender& gender, bool& plural) const {
  auto it = subjects_.find(folded);
  if (it == subjects_.end()) return false;
  gender = it->second.first;
  plural = it->second.second;
  return true;
}

}  // namespace quotegraph

// WordClasses loading and look-ups, and the gazetteer look-up cache.
#include "quotegraph/lexicon/word_classes.h"

#include <fstream>

#include "quotegraph/text/text.h"

namespace quotegraph {

std::optional<WordClasses> WordClasses::load(const std::string& data_dir, Diagnostics& diags) {
  const std::string path = data_dir + "/words.tsv";
  std::ifstream in(path);
  if (!in) {
    diags.error(DiagCode::kIoError, path, 0, "cannot open word list");
    return std::nullopt;
  }
  static const std::pair<const char*, std::uint32_t> kNames[] = {
      {"det", kDet}, {"prep", kPrep}, {"subj", kSubj}, {"obj", kObj}, {"aux", kAux},
      {"adv", kAdv}, {"time", kTime}, {"cut", kCut}, {"poss", kPoss},
      {"nosource", kNoSource}, {"report", kReport}, {"objcontent", kObjContent},
      {"surcontent", kSurContent}, {"advphrase", kAdvPhrase},
      {"conj", kConj}, {"standalone", kStandalone}, {"audience", kAudience},
      {"blame", kBlame}, {"stateproxy", kStateProxy}, {"prenominal", kPrenominal}};
  WordClasses w;
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
    std::string cls = line.substr(0, tab);
    std::string word = fold_utf8(line.substr(tab + 1));
    if (cls == "advphrase") {
      // Stored word by word, joined by single spaces, as the tokens fold.
      std::string joined;
      for (char ch : word) {
        if (ch == '\'') { joined += "' "; continue; }
        joined += ch;
      }
      while (!joined.empty() && joined.back() == ' ') joined.pop_back();
      w.phrases_.insert(joined);
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
    std::uint32_t bit = 0;
    for (const auto& [name, b] : kNames)
      if (cls == name) bit = b;
    if (bit == 0) {
      diags.error(DiagCode::kBadData, path, number, "unknown word class '" + cls + "'", line, "line");
      continue;
    }
    w.classes_[word] |= bit;
  }
  return w;
}

const State* GazetteerCache::state_or_seat(const std::string& folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kStateOrSeat)) {
    const State* s = gaz_.state(folded);
    w.state_or_seat = s ? s : gaz_.seat(folded);
    w.known |= WordInfo::kStateOrSeat;
  }
  return w.state_or_seat;
}

const Role* GazetteerCache::role(const std::string& folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kRole)) {
    w.role = gaz_.role(folded);
    w.known |= WordInfo::kRole;
  }
  return w.role;
}

const State* GazetteerCache::nationality(const std::string& folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kNationality)) {
    w.nationality = gaz_.nationality(folded);
    w.known |= WordInfo::kNationality;
  }
  return w.nationality;
}

std::optional<Gender> GazetteerCache::courtesy_title(const std::string& folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kTitle)) {
    w.title = gaz_.courtesy_title(folded);
    w.known |= WordInfo::kTitle;
  }
  return w.title;
}

bool WordClasses::load_infinitives(const std::string& dic_path) {
  std::ifstream in(dic_path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
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

std::uint32_t WordClasses::classes(const std::string& folded) const {
  auto it = classes_.find(folded);
  return it == classes_.end() ? 0 : it->second;
}

bool WordClasses::has(const std::string& folded, std::uint32_t bits) const {
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

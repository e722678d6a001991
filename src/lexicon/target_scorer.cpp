// Loads the weights of the learned target scorer (data/target_scorer.tsv)
// and computes a candidate's score; the candidates and their clues are
// read in src/attribution/target_scorer.cpp.
#include "quotegraph/lexicon/target_scorer.h"

#include <cstdlib>

#include "quotegraph/lexicon/tsv.h"

namespace quotegraph {

const std::array<const char*, kTargetFeatureCount> kTargetFeatureNames = {
    "person_named", "role",          "organization",  "group",           "state",   "unknown_name", "in_content",
    "before_content", "clause_subject", "after_against", "after_dative", "after_de",        "place_use",
    "judged_near",  "blame_near",    "second_person", "speaks_elsewhere", "named_often",  "target_elsewhere", "in_lead", "cue_not_states",
    "claim_has_targets",
};

double TargetScorer::score(const TargetFeatures& f) const {
  double s = bias;
  for (std::size_t i = 0; i < kTargetFeatureCount; ++i) s += weights[i] * f[i];
  return s;
}

namespace {

// The slot of `name` in `s`: a feature's weight, the bias or the threshold.
double* slot_of(TargetScorer& s, const std::string& name) {
  if (name == "bias") return &s.bias;
  if (name == "threshold") return &s.threshold;
  for (std::size_t i = 0; i < kTargetFeatureCount; ++i)
    if (name == kTargetFeatureNames[i]) return &s.weights[i];
  return nullptr;
}

}  // namespace

TargetScorer TargetScorer::load(const std::string& path, Diagnostics& diags) {
  TargetScorer s;
  const char* dump = std::getenv("QUOTEGRAPH_TARGET_DUMP");
  s.dump = dump != nullptr && std::string(dump) == "1";
  const auto lines = read_tsv(path, diags);
  if (!lines) return s;  // optional: without it the rules' targets alone
  s.loaded = true;
  for (const TsvLine& line : *lines) {
    double* slot = line.fields.size() == 2 ? slot_of(s, line.fields[0]) : nullptr;
    char* end = nullptr;
    const double value = slot ? std::strtod(line.fields[1].c_str(), &end) : 0;
    if (!slot || end == line.fields[1].c_str() || *end != '\0') {
      diags.error(DiagCode::kBadData, path, line.number, "expected feature<TAB>weight", line.text, "line");
      continue;
    }
    *slot = value;
  }
  return s;
}

}  // namespace quotegraph

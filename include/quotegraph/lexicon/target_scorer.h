// TargetScorer: the weights of the learned weighing of a claim's other
// named entities as its targets (issue 10), read from
// data/target_scorer.tsv (format documented at its top). The rules of
// target_judgement.cpp find the targets their constructions name; the
// scorer weighs every other entity the claim's content or reporting
// sentence names by generic clues (its kind, where it stands, the words of
// judgement near it …), a logistic regression trained on corpus tune by
// scripts/train_target_scorer.py, and adds those above its threshold.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "quotegraph/status.h"

namespace quotegraph {

// The clues, in the order of the feature vector; kTargetFeatureNames gives
// the name each has in the data file and in the feature dump.
enum TargetFeature : std::size_t {
  kTfPersonNamed,    // a person named by name
  kTfRole,           // a person named by a role alone (le maire, la ministre de la Santé)
  kTfOrganisation,   // a named organisation
  kTfGroup,          // a group or an institution named by its noun (les syndicats)
  kTfState,          // a state or its capital standing for it
  kTfUnknownName,    // a name of no known kind (le FMI, Médavie)
  kTfInContent,      // inside the reported content
  kTfBeforeContent,  // in the reporting sentence, before the content
  kTfClauseSubject,  // opens a clause and a verb follows it
  kTfAfterAgainst,   // after contre, envers, à l'encontre de
  kTfAfterDative,    // after à, au, aux
  kTfAfterDe,        // after de, du, des
  kTfPlaceUse,       // a state or place after à, au, en, dans: a setting
  kTfJudgedNear,     // a word of judgement within a few words in the same clause
  kTfBlameNear,      // a noun of blame or deed within a few words
  kTfSecondPerson,   // the content speaks in the second person
  kTfSpeaksElsewhere,  // the entity speaks in another claim of the document
  kTfNamedOften,     // log2 of how many mentions of the document bear its name
  kTfTargetElsewhere,  // the rules found it a target of some claim of the document
  kTfInLead,         // the headline or the lead (first two paragraphs) names it
  kTfCueNotStates,   // the claim's relation is not states
  kTfClaimHasTargets,  // the rules already found a target for the claim
  kTargetFeatureCount
};

extern const std::array<const char*, kTargetFeatureCount> kTargetFeatureNames;

using TargetFeatures = std::array<double, kTargetFeatureCount>;

struct TargetScorer {
  bool loaded = false;      // false: no file, the scorer adds nothing
  double bias = 0;
  double threshold = 0;     // a candidate whose score is above it is added
  TargetFeatures weights{};
  // Set by QUOTEGRAPH_TARGET_DUMP=1 at load: every candidate is added and
  // its features written to stderr, for the training script.
  bool dump = false;

  // A threshold of kOff or more turns the scorer off (the training script
  // writes it when no threshold gains on held-out articles): no candidate is
  // read.
  static constexpr double kOff = 1000;
  bool active() const { return loaded && threshold < kOff; }

  // The logit of candidate `f`: bias plus the weighted clues.
  double score(const TargetFeatures& f) const;

  // Reads `path` (lines `name<TAB>weight`, with `bias` and `threshold`).
  // A missing file gives a scorer that is not loaded; an unknown name or a
  // bad number adds kBadData to `diags` and is skipped.
  static TargetScorer load(const std::string& path, Diagnostics& diags);
};

}  // namespace quotegraph

// Parts of speech of French word forms. Every reading a form can have comes
// from the morphology fields (po:) of Debian's hunspell-fr dictionary,
// read through libhunspell's analyser, plus the project's closed classes
// (data/words.tsv). The analyser is slow, so each form is analysed once and
// remembered; the tagger then picks one reading per token in context.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace quotegraph {

// A set of readings: a form such as "mardi" is both kAdverb and kNoun.
using PosSet = std::uint32_t;

enum Pos : PosSet {
  kPosNoun = 1u << 0,               // ministre, syndicat
  kPosProperNoun = 1u << 1,         // Macron, Lyon, Marie (hunspell npr, prn, patr)
  kPosGivenName = 1u << 2,          // Marie, Emmanuel (prn)
  kPosSurname = 1u << 3,            // Dupont (patr)
  kPosPlace = 1u << 4,              // Lyon, Bruxelles (npr)
  kPosFiniteVerb = 1u << 5,         // déclare, affirmait
  kPosPastParticiple = 1u << 6,     // déclaré, fustigée
  kPosPresentParticiple = 1u << 7,  // ajoutant
  kPosInfinitive = 1u << 8,         // déclarer
  kPosAdjective = 1u << 9,
  kPosAdverb = 1u << 10,            // ailleurs, notamment, hier
  kPosDeterminer = 1u << 11,        // le, sa, ces
  kPosPronoun = 1u << 12,           // il, elle, qui, que
  kPosSubjectPronoun = 1u << 13,    // il, elle, ils, on
  kPosPreposition = 1u << 14,       // dans, pour, selon
  kPosCoordination = 1u << 15,      // mais, or, et, donc
  kPosSubordination = 1u << 16,     // que, si, lorsque
  kPosNumber = 1u << 17,            // 2024, 3,5
  kPosPunctuation = 1u << 18,       // , . « »
  kPosTime = 1u << 19,              // mardi, hier, matin (closed class)
  kPosUnknown = 1u << 20,           // not in the dictionary
  kPosPossessive = 1u << 21,        // son, sa, leur (with kPosDeterminer)
  kPosPreverbalNegation = 1u << 22, // ne, n' (po:negadv with po:preverb; with kPosAdverb)
  // The grammatical gender of a noun reading (po:nom with is:fem or is:mas;
  // with kPosNoun): tante, actrice are feminine, employeur, oncle
  // masculine; an epicene noun (juge, is:epi) has neither. Never chosen in
  // context: they only qualify kPosNoun.
  kPosFeminineNoun = 1u << 23,
  kPosMasculineNoun = 1u << 24,
};

constexpr PosSet kPosVerb = kPosFiniteVerb | kPosPastParticiple | kPosPresentParticiple | kPosInfinitive;
// What a noun phrase can be headed by when it names someone who speaks.
constexpr PosSet kPosNominal = kPosNoun | kPosProperNoun | kPosPronoun | kPosUnknown;

// The readings of French word forms from a Hunspell dictionary with
// Grammalecte morphology (hunspell-fr). One per thread: its own cache is
// not locked; share() gives another thread its own over the same
// dictionary. A form missing from a thread's cache is looked up, under the
// dictionary's lock, in the readings every thread has found so far, and
// only then analysed: each form is analysed once per process, not once per
// thread.
class PosLexicon {
 public:
  // Opens `aff_path` and `dic_path`; nullptr when either cannot be read.
  static std::unique_ptr<PosLexicon> open(const std::string& aff_path, const std::string& dic_path);
  // Tries Debian's usual places (/usr/share/hunspell/fr_FR, fr); nullptr
  // when hunspell-fr is not installed.
  static std::unique_ptr<PosLexicon> open_default();
  ~PosLexicon();
  // Another lexicon over the same loaded dictionary (loading hunspell-fr
  // takes a few tenths of a second and tens of megabytes), with a cache of
  // its own, for another thread: the dictionary itself is locked while it
  // analyses a form. Gives the same readings as this one. Never fails.
  std::unique_ptr<PosLexicon> share() const;

  // Every reading of the UTF-8 word `form` as written ("Banque" has the
  // readings of "banque"). A form the dictionary does not know reads as a
  // variant it knows: the word before a hyphen and a clitic (avez-vous,
  // moment-là) or after a prefix (semi-confinement), oe as œ (coeur), the
  // circumflex of the classical spelling put back on an i or a u of a
  // lower-case form (connait, entraineur); a form opening on a digit is a
  // number (48e). kPosUnknown when neither it nor a variant is known.
  // Empty input gives kPosUnknown. Remembered in this lexicon's cache and
  // in the dictionary's, shared by every thread: at most kMaxCached forms
  // and kMaxCachedKeyBytes of their bytes each, then that cache is cleared.
  PosSet readings(std::string_view form) const;

  // How many forms the dictionary has analysed for this lexicon and every
  // lexicon share() gave (forms found in a cache are not counted).
  std::size_t dictionary_analyses() const;

  static constexpr std::size_t kMaxCached = 500000;
  static constexpr std::size_t kMaxCachedKeyBytes = std::size_t{1} << 25;  // 32 MiB of forms at most

 private:
  PosLexicon();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses the morphology strings Hunspell gives for one form (for instance
// " st:déclarer po:v1__tnq__a po:ppas po:adj is:mas is:sg") into readings.
// Unknown fields are ignored. Exposed for tests.
PosSet readings_from_morphology(std::string_view analysis);

// The readings of the locutions whose first word the same strings analyse
// (po:loc.prep auprès → preposition, po:loc.cj parce → subordination,
// po:loc.adv etc → adverb): what a form reads as when it is no word of its
// own. Exposed for tests.
PosSet locution_readings_from_morphology(std::string_view analysis);

}  // namespace quotegraph

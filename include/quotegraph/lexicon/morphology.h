// Morphology: French verb conjugation, used to generate every form of the
// speech verbs the press uses from their infinitive. The rules cover the
// first group with its spelling changes (lancer/lança, juger/jugea,
// appeler/appelle, espérer/espère, employer/emploie, lever/lève) and the
// second group (avertir/avertissait); the irregular families found among
// verbs of saying (dire, écrire, mettre, prendre, tenir/venir, répondre and
// the other -dre verbs, reconnaître, conclure, suivre, faire,
// craindre/plaindre, démentir) and the exceptions to the rules are rows of
// data/irregular_verbs.tsv.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/status.h"

namespace quotegraph {

struct Conjugation {
  std::string infinitive;
  // déclaré, déclarée, déclarés, déclarées
  std::vector<std::string> past_participles;
  std::string present_participle;  // déclarant
  // Finite forms of the indicative and conditional, third persons first
  // (déclare, déclarent, déclarait, déclaraient, déclara, déclarèrent,
  // déclarera, déclareront, déclarerait, déclareraient), then the first and
  // second persons of the present (déclare, déclares, déclarons, déclarez).
  std::vector<std::string> finite_singular;  // 1st/2nd/3rd person singular forms
  std::vector<std::string> finite_plural;    // plural forms
};

// One row of data/irregular_verbs.tsv (columns documented at its top):
// the verbs ending in `ending`, after one of `prefixes` (any prefix when
// empty), and their paradigm, every form written after the prefix.
struct IrregularVerb {
  enum class Kind { kForms, kNone, kSecondGroup, kGrave };
  std::u32string ending;
  std::vector<std::u32string> prefixes;
  Kind kind = Kind::kForms;
  std::array<std::vector<std::u32string>, 6> present;  // je … ils, variants
  std::u32string imperfect_stem;
  std::u32string past_stem;
  char past_kind = 'i';  // 'a', 'i', 'u' or 'n' (the -ins, -inrent endings)
  std::vector<std::u32string> future_stems;
  std::u32string present_participle;
  std::u32string past_participle;
};

// French conjugation: the rules of the first and second groups and the rows
// of data/irregular_verbs.tsv.
class Conjugator {
 public:
  // Reads `data_dir`/irregular_verbs.tsv. A malformed row adds a kBadData
  // diagnostic naming the file and line and is skipped; an error Status
  // (kIoError) when the file cannot be opened.
  static Result<Conjugator> load(const std::string& data_dir, Diagnostics& diags);

  // Conjugates a lower-case UTF-8 infinitive. Returns false (and leaves
  // `out` empty) when neither a row nor the rules give its paradigm:
  // "xyz", "devoir" (a row says no paradigm is known), "vivre" (no row).
  bool conjugate(std::string_view infinitive, Conjugation& out) const;

  std::size_t size() const { return rows_.size(); }

 private:
  // Longest ending first; rows that restrict the prefix before the others.
  std::vector<IrregularVerb> rows_;
  const IrregularVerb* row_for(const std::u32string& infinitive) const;
};

}  // namespace quotegraph

// Morphology: French verb conjugation by rule, used to generate every form
// of the speech verbs the press uses from their infinitive. Covers the first
// group with its spelling changes (lancer/lança, juger/jugea, appeler/appelle,
// espérer/espère, employer/emploie, lever/lève), the second group
// (avertir/avertissait) and the irregular families found among verbs of
// saying (dire, écrire, mettre, prendre, tenir/venir, répondre and the other
// -dre verbs, reconnaître, conclure, suivre, faire, craindre/plaindre,
// démentir).
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// Conjugates a lower-case UTF-8 infinitive. Returns false (and leaves `out`
// empty) when the verb ending is not one the rules know ("xyz").
bool conjugate(std::string_view infinitive, Conjugation& out);

}  // namespace quotegraph

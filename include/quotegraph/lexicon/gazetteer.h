// Gazetteer: generic world knowledge read from plain TSV files in data/:
// states with their French names, genders and nationality adjectives
// (russe, azéri, américaine), capitals and seats of power that stand for a
// state by metonymy (Moscou, le Kremlin, la Maison-Blanche, l'Élysée),
// international organisations (UE, OTAN, ONU) and role nouns (porte-parole,
// ministre, ambassadrice, ministère, diplomatie) with gender and the kind of
// entity they name. Nothing in these files is specific to one article.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/status.h"

namespace quotegraph {

class WordClasses;  // word_classes.h, which includes this header

enum class EntityType : unsigned char { kUnknown, kPerson, kOrganization, kCountry, kGroup };
// "unknown", "person", "organization", "country", "group".
const char* entity_type_name(EntityType t);
std::optional<EntityType> parse_entity_type(std::string_view name);

// Grammatical gender as the text shows it: 'm', 'f', or '?' (epicene/unknown).
using Gender = char;

struct State {
  std::string name;     // canonical French name: "Russie", "États-Unis"
  EntityType type = EntityType::kCountry;  // kOrganization for UE, OTAN, ONU
  Gender gender = '?';
  bool plural = false;  // les États-Unis
};

struct Role {
  std::string noun;     // folded: "porte-parole", "ministère", "ambassadrice"
  EntityType type = EntityType::kPerson;   // person, organization or group
  Gender gender = '?';
  bool plural = false;  // "manifestants", "autorités"
  // roles.tsv's optional fifth column: the family of functions a broader
  // noun of the same family may take up (procureure and magistrate:
  // justice; conseiller municipal and élu: elu); empty when none.
  std::string family;
};

class Gazetteer {
 public:
  // Reads states.tsv, seats.tsv, nationalities.tsv and roles.tsv from
  // `data_dir`, and speaking_nouns.tsv when it is there (then
  // professions.tsv too when it is there) (each documents
  // its columns in its header comment). A name that opens with an article
  // of `words`' keyarticle class (la Russie) is also found without it;
  // `words` is read here and need not outlive the gazetteer. A bad line
  // adds a kBadData diagnostic naming file and line and is skipped; an
  // error Status (kIoError) when a file is missing, naming the first
  // missing file and, in its message, every other one.
  static Result<Gazetteer> load(const std::string& data_dir, const WordClasses& words,
                                Diagnostics& diags);

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  // Lookups take folded text (see fold()), accents optional, leading article
  // optional: "la russie", "russie", "fédération de russie", "etats-unis".
  // A state or international organisation by one of its names.
  const State* state(std::string_view folded_name) const;
  // A capital or seat of power standing for its state: "moscou",
  // "le kremlin", "la maison-blanche", "quai d'orsay" -> Russie, …
  const State* seat(std::string_view folded_name) const;
  // Whether some text that opens with the folded token `folded_token` can
  // be a name state() or seat() finds: "corée" (Corée du Sud), "la" (la
  // Maison-Blanche), "maison" give true, "ministre" false. False promises
  // that state(t + rest) and seat(t + rest) are nullptr for every `rest`,
  // so a caller trying the runs of tokens after `t` may skip them. Never
  // fails; true for tokens it cannot judge.
  bool may_open_state_or_seat(std::string_view folded_token) const;
  // A nationality adjective in any gender and number: "russe", "russes",
  // "azérie", "américaines" -> the state.
  const State* nationality(std::string_view folded_adjective) const;
  // A role, title or institution noun: "porte-parole", "ministre",
  // "présidente", "ministère", "diplomatie", "manifestants". The feminine
  // of a masculine or epicene person's role that roles.tsv does not list is
  // derived at load by French morphology (gouverneure, défenseuse: gender
  // 'f'), and an office after a prefix of words.tsv's officeprefix class is
  // found as the office ("ex-ministre", "co-président" give the entries of
  // ministre, président).
  const Role* role(std::string_view folded_noun) const;

  // True when a common noun can head a speaker's noun phrase: a role of
  // roles.tsv or a noun of speaking_nouns.tsv (voisin, association, rapport,
  // quotidien) or of professions.tsv (nouns of person from the dictionary's
  // morphology: régisseur, accompagnateur), singular or plural (voisins,
  // journaux), in the feminine derived from a person noun (charpentière,
  // coordinatrice), after an office prefix (ex-compagne), a compound given
  // from its head on ("partie civile"). "crise", "case", "vallée" give false.
  bool speaking_noun(std::string_view folded_noun) const;
  // True when the noun is of kind source in speaking_nouns.tsv (rapport,
  // préavis, autopsie, sondage, estimation): a text, a study, a figure or a
  // medium, which speaks through its author (after de where one is named).
  bool source_noun(std::string_view folded_noun) const;
  // True when the noun is of kind person in speaking_nouns.tsv (voisin,
  // prévenu, boulangère, quadragénaire), singular or plural: one person
  // described by a common noun. Roles of roles.tsv give false here.
  bool person_noun(std::string_view folded_noun) const;
  // False when data/speaking_nouns.tsv was absent at load: then the caller
  // cannot tell a speaking noun from another and should accept any noun.
  bool has_speaking_nouns() const;

  // Courtesy titles that precede a name: "m.", "mme", "mlle", "me", "dr",
  // "pr", "mgr", with their gender ('?' for Dr).
  std::optional<Gender> courtesy_title(std::string_view folded) const;

 private:
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quotegraph

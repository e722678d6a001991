// Entities: the corpus-wide registry that turns what each document knows
// about a speaker or target into one canonical entity, merging spelling and
// transliteration variants (Pachinian, Pachinyan, Pashinyan; Aliev, Aliyev)
// while keeping different people apart (another given name, an incompatible
// role). In-document coreference (pronouns, titles, appositions) comes
// first, in DocEntityBuilder (doc_entities.h); the registry sees one
// DocEntity per entity and document.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quotegraph/lexicon/gazetteer.h"

namespace quotegraph {

class WordClasses;  // lexicon/word_classes.h

// What one document knows about one of its entities after coreference.
struct DocEntity {
  // The fullest name the document gives: "Dmitri Peskov", "Russie",
  // "ministère russe des Affaires étrangères", "un ministre".
  std::string name;
  std::string given_name;  // persons: "Dmitri", "Jean-Dominique" (may be empty)
  std::string surname;     // persons: "Peskov", "Le Graët" (may be empty)
  EntityType type = EntityType::kUnknown;
  std::string role;        // "porte-parole du Kremlin" (persons, when given)
  std::string state;       // canonical state the entity belongs to or stands for
  Gender gender = '?';
  std::vector<std::string> aliases;  // each surface form once per occurrence
};

// A canonical entity of the corpus.
struct Entity {
  std::string id;    // stable slug, first assigned: "dmitri-peskov", "russie"
  std::string name;  // canonical name (the fullest, most frequent form)
  EntityType type = EntityType::kUnknown;
  std::string role;
  std::string state;
  Gender gender = '?';
  std::vector<std::pair<std::string, int>> aliases;  // surface form, count
  // The documents it occurs in, in order of first mention. A registry's
  // entities view its own table of document names, each name held once
  // however many entities occur in it: they stay valid while the registry
  // lives (retired entities included).
  std::vector<std::string_view> documents;
  int claims_said = 0;
  int claims_targeted = 0;
  // Earliest and latest day (YYYY-MM-DD) of the entity's dated documents;
  // both empty when none had a date.
  std::string first_date, last_date;
};

// A key under which transliteration variants of one name meet: ICU
// Any-Latin; Latin-ASCII, then French/English spelling equivalences
// (sh/ch, y/i between vowels, doubled consonants, final silent letters).
// "Pachinian", "Pachinyan" and "Pashinyan" give one key; "Peskov" and
// "Pesko" do not. Empty input gives "".
std::string name_key(std::string_view name);

// True when two given names can belong to one person: either is empty, or
// their keys are equal, or one is the initial of the other ("J." / "Jean").
bool given_names_compatible(std::string_view a, std::string_view b);

class EntityRegistry {
 public:
  // `words` (its descdet class tells "Le porte-parole" from "Le Pen") must
  // outlive the registry.
  explicit EntityRegistry(const WordClasses& words);
  ~EntityRegistry();
  EntityRegistry(EntityRegistry&&) noexcept;
  EntityRegistry& operator=(EntityRegistry&&) noexcept;

  // Merges `e` seen in `document` into the registry and returns the id of
  // its canonical entity. Persons merge on name_key(surname) when their
  // given names are compatible and their states do not conflict; states and
  // organisations on their folded, accent-free name. An entity with an empty
  // name gets no id (returns "").
  std::string add(const DocEntity& e, std::string_view document);

  // Widens entity `id`'s first/last dates to include `day` (YYYY-MM-DD,
  // compared as text). Ignored when `id` is unknown or `day` is empty.
  void note_date(std::string_view id, std::string_view day);

  // Counts one claim said by / aimed at entity `id` (ignored if unknown).
  void count_claim(std::string_view id, bool as_speaker);

  // nullptr when `id` is unknown.
  const Entity* find(std::string_view id) const;
  // All entities in order of creation (retired ones excepted).
  std::vector<const Entity*> entities() const;

  // An entity with its place in the order of creation of all the entities
  // this registry ever made (retired ones included).
  struct RankedEntity {
    std::size_t rank = 0;
    const Entity* entity = nullptr;
  };
  // entities(), each with its rank, in order of creation.
  std::vector<RankedEntity> ranked_entities() const;

  // A document-local entity handed out by retire_local_entities().
  struct RetiredEntity {
    std::size_t rank = 0;
    Entity entity;
  };
  // Removes the document-local entities made since the last call (the
  // anonymous descriptions, "un ministre", that add() never merges across
  // documents) and returns them, final, in order of creation. Call it once
  // a document's claims are resolved and counted, so that the registry
  // keeps only entities that can recur: memory then grows with the named
  // entities of the corpus, not with its documents. Their ids are never
  // given again; find() no longer knows them.
  std::vector<RetiredEntity> retire_local_entities();

 private:
  struct Impl;
  const WordClasses* words_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quotegraph

// DocEntityBuilder: in-document coreference. Groups the mentions of one
// attributed document into the entities of that document (DocEntity):
// pronouns follow their antecedents, "Blinken" joins "Antony Blinken", "le
// porte-parole du Kremlin" joins the person named with that role, "le
// ministère russe" the latest Russian ministry. The corpus-wide registry
// (entities.h) then merges these across documents.
#pragma once

#include <memory>
#include <vector>

#include "quotegraph/attribution/attributor.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/word_classes.h"

namespace quotegraph {

class DocEntityBuilder {
 public:
  // Builds the entities of `attribution`'s mentions, on demand, as
  // cluster() is asked for them. `attribution`, `gazetteer` (states and
  // nationalities) and `words` (name particles, articles, leaders' roles)
  // must outlive the builder. Not thread-safe.
  DocEntityBuilder(const Attribution& attribution, const Gazetteer& gazetteer, const WordClasses& words);
  ~DocEntityBuilder();
  DocEntityBuilder(const DocEntityBuilder&) = delete;
  DocEntityBuilder& operator=(const DocEntityBuilder&) = delete;

  // The index of the entity of mention `mention` (an index into
  // attribution.mentions), made when first met: a pronoun takes its
  // antecedent's entity, other mentions join or start an entity, and each
  // non-pronoun mention adds its text to the entity's aliases. -1 for a
  // negative or out-of-range index and for a pronoun without antecedent.
  int cluster(int mention);

  // True when a claim by entity `speaker` aimed at entity `target` (indexes
  // from cluster()) aims at the speaker's own side: the same entity, a
  // spokesman of Russia naming Russia, Russia naming its own president.
  // False when either index is -1 or unknown.
  bool same_side(int speaker, int target) const;

  // The entities made so far, in the order cluster() made them (their
  // indexes); the builder is spent afterwards.
  std::vector<DocEntity> take();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quotegraph

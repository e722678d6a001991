// Attribution: finds reported speech in a segmented document (quotations,
// indirect speech with que/infinitive/de/à, incises, source markers selon /
// d'après / pour, participial cues, speech acts) and ties each claim to the
// mention of its speaker and of its targets. Mentions carry what the text
// says about the entity (name, role, state, gender, number) and, for
// pronouns and bare roles, the mention they refer back to, so that the
// entity stage can build one entity per real-world referent.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "quotegraph/attribution/claim.h"
#include "quotegraph/structure/document.h"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/quotes/dialogue.h"
#include "quotegraph/quotes/quote_detector.h"
#include "quotegraph/status.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/syntax/part_of_speech.h"

namespace quotegraph {


// A stretch of text that names, describes or stands for an entity.
struct MentionInfo {
  std::uint32_t begin = 0, end = 0;  // code points
  std::string text;                  // as written
  std::string name;                  // proper name without title: "Dmitri Peskov"
  std::string role;                  // role phrase: "porte-parole du Kremlin"
  std::string role_head;             // folded head noun of the role: "porte-parole"
  std::string state;                 // canonical state it belongs to or stands for
  EntityType type = EntityType::kUnknown;
  Gender gender = '?';
  bool plural = false;
  bool pronoun = false;
  int antecedent = -1;               // mention this one refers back to, or -1
};

struct AttributedClaim {
  ClaimKind kind = ClaimKind::kDirect;
  std::uint32_t begin = 0, end = 0;
  std::string cue;
  Relation relation = Relation::kStates;
  int speaker = -1;                  // index into Attribution::mentions
  std::vector<int> targets;          // indexes into Attribution::mentions
};

struct Attribution {
  std::vector<MentionInfo> mentions;
  std::vector<AttributedClaim> claims;  // ordered by begin
};


class Attributor {
 public:
  // The lexicons must outlive the Attributor. `cache`, when given, keeps
  // gazetteer look-ups from one document to the next.
  // `pos`, the parts of speech of the syntactic layer, may be null (then
  // only closed classes and capitals tell a noun from other words).
  Attributor(const Lexicon& lexicon, const Gazetteer& gazetteer, const WordClasses& words,
             GazetteerCache* cache = nullptr, const PosLexicon* pos = nullptr)
      : lexicon_(lexicon), gazetteer_(gazetteer), words_(words), cache_(cache), pos_(pos) {}

  // Finds the claims of `doc`, given its quotations. Never fails; what it
  // cannot attribute gets no speaker.
  Attribution attribute(const Document& doc, const std::vector<Quote>& quotes) const;

  // Same, with the dialogue and interview turns of `doc` (detect_dialogue):
  // each piece of a dialogue turn or an interview answer is a direct claim
  // whose speaker is the subject of the turn's incise, its label, the
  // interviewee or, with no incise, the other of the last two speakers;
  // questions give no claim, and what the other rules found inside the
  // turns gives way. Never fails.
  Attribution attribute(const Document& doc, const std::vector<Quote>& quotes,
                        const std::vector<Turn>& turns) const;

 private:
  const Lexicon& lexicon_;
  const Gazetteer& gazetteer_;
  const WordClasses& words_;
  GazetteerCache* cache_;
  const PosLexicon* pos_;
};

}  // namespace quotegraph

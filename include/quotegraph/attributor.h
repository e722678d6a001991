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

#include "quotegraph/claim.h"
#include "quotegraph/document.h"
#include "quotegraph/gazetteer.h"
#include "quotegraph/lexicon.h"
#include "quotegraph/quote_detector.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Closed-class French words by class, read from data/words.tsv.
class WordClasses {
 public:
  enum Bits : std::uint32_t {
    kDet = 1, kPrep = 2, kSubj = 4, kObj = 8, kAux = 16, kAdv = 32, kTime = 64,
    kCut = 128, kPoss = 256, kNoSource = 512, kReport = 1024, kObjContent = 2048,
    kSurContent = 4096, kAdvPhrase = 8192, kConj = 16384, kStandalone = 32768,
    kAudience = 65536, kBlame = 131072, kStateProxy = 262144, kPrenominal = 524288,
  };
  // Reads `data_dir`/words.tsv; a bad line adds kBadData and is skipped;
  // nullopt when the file is missing.
  static std::optional<WordClasses> load(const std::string& data_dir, Diagnostics& diags);
  bool has(const std::string& folded, std::uint32_t bits) const;
  // All the classes of `folded` as a bit set (0 for none).
  std::uint32_t classes(const std::string& folded) const;
  // Gender and number of a subject pronoun ("elle" -> 'f', singular).
  bool subject(const std::string& folded, Gender& gender, bool& plural) const;
  // True when `folded` is a French verb infinitive ("protéger", "être").
  // Known from the French Hunspell dictionary (hunspell-fr) when it is
  // installed; `has_infinitives()` says whether it was found.
  bool infinitive(const std::string& folded) const { return infinitives_.count(folded) != 0; }
  bool has_infinitives() const { return !infinitives_.empty(); }
  // Reads the infinitives of a Hunspell dictionary whose entries carry
  // Grammalecte morphology (po:v…), as Debian's hunspell-fr does. Returns
  // false when the file cannot be read.
  bool load_infinitives(const std::string& dic_path);
  // True for a several-word adverb given as folded tokens joined by single
  // spaces: "par la suite", "d' ailleurs".
  bool phrase(const std::string& joined) const { return phrases_.count(joined) != 0; }

 private:
  std::unordered_map<std::string, std::uint32_t> classes_;
  std::unordered_map<std::string, std::pair<Gender, bool>> subjects_;
  std::unordered_set<std::string> phrases_;
  std::unordered_set<std::string> infinitives_;
};

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

// Gazetteer look-ups by folded text, remembered across the documents one
// Pipeline processes (one thread: not thread-safe). Names of states, roles
// and titles repeat from article to article, and each look-up normalises
// its key. Bounded: cleared when it holds kMaxEntries entries.
class GazetteerCache {
 public:
  static constexpr std::size_t kMaxEntries = 200000;
  explicit GazetteerCache(const Gazetteer& gazetteer) : gaz_(gazetteer) {}
  // A state named directly or by its capital or seat of power; nullptr if none.
  const State* state_or_seat(const std::string& folded);
  const Role* role(const std::string& folded);
  const State* nationality(const std::string& folded);
  std::optional<Gender> courtesy_title(const std::string& folded);
  const Gazetteer& gazetteer() const { return gaz_; }

 private:
  template <typename T, typename F>
  T memo(std::unordered_map<std::string, T>& map, const std::string& key, F look_up);
  const Gazetteer& gaz_;
  std::unordered_map<std::string, const State*> states_;
  std::unordered_map<std::string, const Role*> roles_;
  std::unordered_map<std::string, const State*> nationalities_;
  std::unordered_map<std::string, std::optional<Gender>> titles_;
};

class Attributor {
 public:
  // The lexicons must outlive the Attributor. `cache`, when given, keeps
  // gazetteer look-ups from one document to the next.
  Attributor(const Lexicon& lexicon, const Gazetteer& gazetteer, const WordClasses& words,
             GazetteerCache* cache = nullptr)
      : lexicon_(lexicon), gazetteer_(gazetteer), words_(words), cache_(cache) {}

  // Finds the claims of `doc`, given its quotations. Never fails; what it
  // cannot attribute gets no speaker.
  Attribution attribute(const Document& doc, const std::vector<Quote>& quotes) const;

 private:
  const Lexicon& lexicon_;
  const Gazetteer& gazetteer_;
  const WordClasses& words_;
  GazetteerCache* cache_;
};

}  // namespace quotegraph

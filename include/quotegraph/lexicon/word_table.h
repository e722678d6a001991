// WordTable: every folded word form one Pipeline meets, interned once with
// what the lexicons and the gazetteer say about it (word classes, speech
// verb readings, state, role, nationality, courtesy title), so that a token
// costs one look-up in one flat table instead of one string hash per
// lexicon. A StringTable: a look-up touches a 16-byte slot, the entry and
// its key, never a list of nodes. Not thread-safe (one per Pipeline, i.e.
// per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/lexicon/string_table.h"

namespace quotegraph {

class WordClasses;

// What is known of one folded word form. The lexicon fields are filled when
// the word is interned; the gazetteer fields on first use (`known` bits).
struct WordInfo {
  enum Known : std::uint8_t { kStateOrSeat = 1, kRole = 2, kNationality = 4, kTitle = 8, kOpensStateOrSeat = 16 };
  std::uint64_t classes = 0;                  // WordClasses bits (64 classes)
  std::uint64_t extra = 0;                    // WordClasses::Extra bits (the classes past 64)
  std::uint64_t grammar = 0;                  // WordClasses::Grammar bits (the third set)
  std::uint64_t anchor = 0;                   // WordClasses::Anchor bits (the fourth set)
  const std::vector<CueForm>* forms = nullptr;  // Lexicon::forms, never null once interned
  std::uint8_t known = 0;
  std::optional<Gender> title;
  bool opens_state_or_seat = false;  // Gazetteer::may_open_state_or_seat
  const State* state_or_seat = nullptr;
  const Role* role = nullptr;
  const State* nationality = nullptr;
};

class WordTable {
 public:
  // At most `max_words` forms are kept; the table starts afresh when full,
  // so memory stays bounded over any corpus. `lexicon` and `words` (may be
  // null: then every word has no class and no reading) must outlive it.
  explicit WordTable(const Lexicon* lexicon, const WordClasses* words, std::size_t max_words = 200000);

  // The entry of `folded` ("déclaré", "le kremlin"), interning it on first
  // sight. The reference is valid until the next call. Never fails.
  WordInfo& find(std::string_view folded);

  // Number of forms interned since the table was made or last started afresh.
  std::size_t size() const { return table_.size(); }

 private:
  // What the lexicons say of a form seen for the first time.
  WordInfo intern(std::string_view folded) const;

  const Lexicon* lexicon_;
  const WordClasses* words_;
  std::size_t max_words_;
  StringTable<WordInfo> table_;
};

}  // namespace quotegraph

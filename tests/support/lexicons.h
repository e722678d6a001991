// The lexicons of the source tree's data/ folder, each loaded once per test
// executable and shared by the test cases that read real entries (the
// lexicon, gazetteer, word class and dialogue tests, and every entity
// registry). Loading fails the test when a file is missing or any line of
// it is reported.
#pragma once

#include <utility>

#include "../catch.hpp"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/status.h"

namespace quotegraph_test {

// The value of `loaded`, a loader's result over the source tree's data/;
// fails the test when it is an error or `diags` holds anything.
template <typename T>
T require_clean(quotegraph::Result<T> loaded, const quotegraph::Diagnostics& diags) {
  if (!loaded) FAIL("cannot load the lexicons of " QUOTEGRAPH_SOURCE_DATA_DIR ": " << loaded.status().to_string());
  if (!diags.empty()) FAIL("problems in the lexicons of " QUOTEGRAPH_SOURCE_DATA_DIR);
  return std::move(*loaded);
}

// The word classes: a Segmenter reads its elided words, inverted pronouns
// and abbreviations from them, an EntityRegistry its determiners.
inline const quotegraph::WordClasses& shared_words() {
  static const quotegraph::WordClasses words = [] {
    quotegraph::Diagnostics diags;
    return require_clean(quotegraph::WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags), diags);
  }();
  return words;
}

inline const quotegraph::Lexicon& source_lexicon() {
  static const quotegraph::Lexicon lexicon = [] {
    quotegraph::Diagnostics diags;
    return require_clean(quotegraph::Lexicon::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags), diags);
  }();
  return lexicon;
}

inline const quotegraph::Gazetteer& source_gazetteer() {
  static const quotegraph::Gazetteer gazetteer = [] {
    quotegraph::Diagnostics diags;
    return require_clean(quotegraph::Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, shared_words(), diags), diags);
  }();
  return gazetteer;
}

}  // namespace quotegraph_test

// The lexicons of the source tree's data/ folder, each loaded once per test
// executable and shared by the test cases that read real entries (the
// lexicon, gazetteer and dialogue verb tests). Loading fails the test when
// a file is missing or any line of it is reported bad.
#pragma once

#include "../catch.hpp"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/status.h"

namespace quotegraph_test {

inline const quotegraph::Lexicon& source_lexicon() {
  static quotegraph::Diagnostics diags;
  static quotegraph::Result<quotegraph::Lexicon> lexicon =
      quotegraph::Lexicon::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(lexicon.ok());
  REQUIRE(diags.empty());
  return *lexicon;
}

inline const quotegraph::Gazetteer& source_gazetteer() {
  static quotegraph::Diagnostics diags;
  static quotegraph::Result<quotegraph::Gazetteer> gazetteer =
      quotegraph::Gazetteer::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  REQUIRE(gazetteer.ok());
  REQUIRE(diags.empty());
  return *gazetteer;
}

}  // namespace quotegraph_test

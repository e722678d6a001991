// Quote detection: quotations delimited by « », “ ”, „ “ or straight "
// marks, found paragraph by paragraph in a segmented Document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "quotegraph/structure/document.h"
#include "quotegraph/status.h"

namespace quotegraph {

struct Quote {
  std::uint32_t open = 0;    // offset of the opening mark
  std::uint32_t close = 0;   // offset of the closing mark (== end when unbalanced)
  std::uint32_t begin = 0;   // content, without the marks and the spaces inside them
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;       // paragraph of the opening mark
  std::uint32_t last_paragraph = 0;  // paragraph of the closing mark
  int depth = 0;             // 0 for an outermost quote, 1 inside another …
  bool balanced = true;      // false: no closing mark, content ends at the paragraph end
};

// Finds the quotations of `doc`, ordered by opening offset. Nested quotes
// are reported with depth > 0. A quote left open at a paragraph end
// continues into the next paragraph when that paragraph opens with « (or
// starts with », the other French convention); otherwise it ends at the
// paragraph end and a kUnbalancedQuote warning is added. A closing mark
// with no partner adds a kStrayQuote warning. A closer of another family
// closes an open quote when its own closer never comes in the paragraph
// (« … ”). A « opened inside a « of the same paragraph that no » closes,
// in a paragraph the next one does not continue, ends that first quote at
// its last sentence end (the writer forgot its »). ‘ … ’ quotes nest like
// “ … ”: ’ closes an open ‘ only before a non-letter (it is otherwise the
// apostrophe), and a ‘ never closed quotes nothing. The ways web text
// mistypes marks are read too: << >> for « » (when a >> comes), «« and »»
// typed twice, ” or “ typed for both ends (the direction told by where the
// mark stands: after a space before a word it opens, after a word before a
// space or punctuation it closes), a single ' or ’ as a quotation mark
// (opening after a space before a word when a closing one comes in the
// paragraph; never holding another family's quotation), and a closing mark
// with no opening one before « , a dit X »: the quotation starts after the
// sentence end or colon before it when no comma or quotation stands between
// (a kStrayQuote warning is still given). Never fails.
std::vector<Quote> detect_quotes(const Document& doc, Diagnostics& diags);

// Bounds on what detect_quotes accepts from hostile text. The defaults are
// far above any real article (the longest quotation in the repository's
// corpora is 7,122 code points, the deepest nesting 3).
struct QuoteLimits {
  std::size_t max_quote_chars = 100000;  // longer content is no quotation
  std::size_t max_depth = 16;            // openers nested deeper are ignored
};

// detect_quotes with explicit limits: a quotation whose content is longer
// than `limits.max_quote_chars` code points is dropped with a kLimit
// warning; an opening mark that would nest deeper than `limits.max_depth`
// is ignored, with one kLimit warning per paragraph. Never fails.
std::vector<Quote> detect_quotes(const Document& doc, Diagnostics& diags, const QuoteLimits& limits);

}  // namespace quotegraph

// The XML 1.0 character filter shared by the GraphML and DOT exporters.
// Entity names and claim texts come from news articles and from other
// tools' JSON, so they may hold NUL, stray control characters or bytes that
// are not UTF-8; a strict XML parser (expat in networkx, Java's StAX in
// Gephi) rejects the whole file for one such character.
#include "xml_safe.h"

#include "quotegraph/text/text.h"

namespace quotegraph::detail {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// XML 1.0 production Char: #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool xml_allows(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

}  // namespace

std::string xml_safe(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t start = i;
    char32_t cp = 0;
    if (!next_code_point(bytes, i, cp)) {
      out += kReplacement;  // one per maximal ill-formed subsequence
      continue;
    }
    if (xml_allows(cp)) out.append(bytes.data() + start, i - start);
  }
  return out;
}

}  // namespace quotegraph::detail

// The XML 1.0 character filter shared by the GraphML and DOT exporters.
// Entity names and claim texts come from news articles and from other
// tools' JSON, so they may hold NUL, stray control characters or bytes that
// are not UTF-8; a strict XML parser (expat in networkx, Java's StAX in
// Gephi) rejects the whole file for one such character.
#include "xml_safe.h"

namespace quotegraph::detail {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// XML 1.0 production Char: #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool xml_allows(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

// Length of the UTF-8 sequence at `s[i]` and its code point, or 0 when the
// bytes there are malformed (overlong, truncated, above U+10FFFF). Encoded
// surrogates are decoded here so that the caller can drop them whole.
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong 3-byte forms
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // no overlong 4-byte forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(b) || (k == 1 && (b < lo || b > hi))) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

}  // namespace

std::string xml_safe(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    char32_t cp = 0;
    const std::size_t len = decode_one(bytes, i, cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (xml_allows(cp)) out.append(bytes.data() + i, len);
    i += len;
  }
  return out;
}

}  // namespace quotegraph::detail

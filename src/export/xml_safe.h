// Internal to the exporters: makes any byte string safe to carry in an
// XML 1.0 document (GraphML, and the SVG Graphviz renders from DOT labels).
#pragma once

#include <string>
#include <string_view>

namespace quotegraph::detail {

// Returns `bytes` as well-formed UTF-8 without the characters XML 1.0
// forbids: U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF.
// Tab, LF and CR are kept. Bytes that are not UTF-8 (decoded by the text
// stage's next_code_point, through ICU) become one U+FFFD per maximal
// ill-formed subsequence, as Unicode recommends: an encoded surrogate
// "\xED\xA0\x80" gives three. "a\x01b\x80" gives "ab\uFFFD".
std::string xml_safe(std::string_view bytes);

}  // namespace quotegraph::detail

// Internal to the exporters: makes any byte string safe to carry in an
// XML 1.0 document (GraphML, and the SVG Graphviz renders from DOT labels).
#pragma once

#include <string>
#include <string_view>

namespace quotegraph::detail {

// Returns `bytes` as well-formed UTF-8 without the characters XML 1.0
// forbids: U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF
// and surrogates (a CESU-style "\xED\xA0\x80" lone surrogate is dropped).
// Tab, LF and CR are kept. Each byte that starts no valid UTF-8 sequence
// becomes U+FFFD, so nothing else is lost. "a\x01b\x80" gives "ab\uFFFD".
std::string xml_safe(std::string_view bytes);

}  // namespace quotegraph::detail

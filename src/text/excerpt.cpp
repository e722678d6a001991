// Escaping, cutting and locating excerpts of input for diagnostics. UTF-8 is
// decoded with ICU's U8_NEXT, as everywhere else in the library.
#include "quotegraph/text/excerpt.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include <unicode/utf8.h>

#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

void append_hex_byte(std::string& out, unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", value & 0xFF);
  out += buf;
}

}  // namespace

std::string escape_controls(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      // An ill-formed sequence: show each of its bytes.
      for (int32_t k = start; k < i; ++k) append_hex_byte(out, s[k]);
    } else if (c < 0x20 || c == 0x7F) {
      append_hex_byte(out, static_cast<unsigned>(c));
    } else if (c >= 0x80 && c <= 0x9F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(bytes.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

std::string cut_excerpt(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Do not cut a UTF-8 sequence in two: back off over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

std::string cut_excerpt(std::u32string_view text, std::size_t begin, std::size_t max_chars) {
  begin = std::min(begin, text.size());
  std::u32string_view rest = text.substr(begin);
  if (rest.size() <= max_chars) return to_utf8(rest);
  return to_utf8(rest.substr(0, max_chars)) + "\xE2\x80\xA6";  // …
}

std::vector<TextPosition> positions_of(std::string_view bytes, const std::vector<std::size_t>& offsets,
                                       bool in_bytes) {
  std::vector<TextPosition> out(offsets.size());
  std::vector<std::size_t> order(offsets.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
  int32_t i = 0;
  std::size_t chars = 0;  // code points before i
  TextPosition here;
  for (std::size_t k : order) {
    const std::size_t target = offsets[k];
    while (i < length && (in_bytes ? static_cast<std::size_t>(i) : chars) < target) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      ++chars;
      if (c == '\n') {
        ++here.line;
        here.column = 1;
      } else {
        ++here.column;
      }
    }
    out[k] = here;
  }
  return out;
}

void locate_diagnostics(Diagnostics& diags, std::size_t first, std::string_view file,
                        std::string_view bytes) {
  for (const bool in_bytes : {false, true}) {
    std::vector<std::size_t> which, offsets;
    for (std::size_t i = first; i < diags.size(); ++i) {
      const Diagnostic& d = diags.at(i);
      const std::string_view unit(d.offset_unit);
      if (d.file != file || unit == "line" || (unit == "byte") != in_bytes) continue;
      which.push_back(i);
      offsets.push_back(d.offset);
    }
    if (which.empty()) continue;
    const std::vector<TextPosition> at = positions_of(bytes, offsets, in_bytes);
    for (std::size_t k = 0; k < which.size(); ++k) {
      diags.at(which[k]).line = at[k].line;
      diags.at(which[k]).column = at[k].column;
    }
  }
}

}  // namespace quotegraph

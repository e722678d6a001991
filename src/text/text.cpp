// UTF-8 decoding through ICU and the character classes of French typography.
#include "quotegraph/text/text.h"

#include "quotegraph/text/quote_marks.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

// The eight-byte path reads a block in memory order as a little-endian
// integer; SSE2's 64-bit move exists on x86-64 only.
#if defined(__SSE2__) && defined(__x86_64__)
#define QUOTEGRAPH_WIDEN_SSE2 1
#include <emmintrin.h>
#endif

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace quotegraph {

bool next_code_point(std::string_view bytes, std::size_t& i, char32_t& c) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  // U8_NEXT takes int32_t indexes: decode from a window that fits.
  const std::size_t base = i;
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(bytes.size() - base, 8));
  int32_t k = 0;
  UChar32 cp;
  U8_NEXT(s + base, k, length, cp);
  i = base + static_cast<std::size_t>(k);
  if (cp < 0) return false;
  c = static_cast<char32_t>(cp);
  return true;
}

namespace {

// Writes the eight bytes of `block` (in memory order) as eight code points
// at `out`: with SSE2 two stores of four, else one at a time.
void widen_ascii(std::uint64_t block, char32_t* out) {
#if defined(QUOTEGRAPH_WIDEN_SSE2)
  const __m128i zero = _mm_setzero_si128();
  const __m128i units = _mm_unpacklo_epi8(_mm_cvtsi64_si128(static_cast<long long>(block)), zero);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_unpacklo_epi16(units, zero));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 4), _mm_unpackhi_epi16(units, zero));
#else
  for (int k = 0; k < 8; ++k) out[k] = static_cast<char32_t>((block >> (8 * k)) & 0xFF);
#endif
}

}  // namespace

// Whether bytes in memory order are an integer's low bytes first, which
// the eight-byte ASCII path assumes (elsewhere bytes go one at a time).
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kLittleEndian = true;
#else
constexpr bool kLittleEndian = false;
#endif

DecodeResult decode_utf8(std::string_view bytes) {
  // Through a buffer on the stack appended a block at a time, not into a
  // string filled with zeros first; eight ASCII bytes (most of French
  // text) are read and widened at once, other bytes through U8_NEXT.
  constexpr std::size_t kBlock = 256;
  char32_t buffer[kBlock + 8];
  std::u32string out;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    char32_t* next = buffer;
    char32_t* const full = buffer + kBlock;
    while (next < full && i < n) {
      if (kLittleEndian && i + 8 <= n) {
        std::uint64_t block;
        std::memcpy(&block, s + i, 8);
        const std::uint64_t high = block & 0x8080808080808080ull;
        // The ASCII bytes before the first other one (little-endian:
        // the lowest byte is the first).
        const int ascii = high == 0 ? 8 : __builtin_ctzll(high) / 8;
        widen_ascii(block, next);
        next += ascii;
        i += static_cast<std::size_t>(ascii);
        if (ascii == 8) continue;
      } else if (s[i] < 0x80) {
        *next++ = s[i++];
        continue;
      }
      // é, è, à, ç …: two bytes, decoded here (U8_NEXT checks the rest).
      if (i + 1 < n && s[i] >= 0xC2 && s[i] <= 0xDF && (s[i + 1] & 0xC0) == 0x80) {
        *next++ = static_cast<char32_t>(((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F));
        i += 2;
        continue;
      }
      const std::size_t start = i;
      char32_t c = 0;
      if (!next_code_point(bytes, i, c)) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02X", static_cast<unsigned char>(bytes[start]));
        return DecodeResult(DecodeError{start, msg});
      }
      *next++ = c;
    }
    // A word or a line of a lexicon fits one block: one string made
    // from it, with no room reserved for more.
    if (i == n && out.empty()) return DecodeResult(std::u32string(buffer, next));
    if (out.empty()) out.reserve(bytes.size());
    out.append(buffer, next);
  }
  return DecodeResult(std::move(out));
}

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

// Code points converted at a time into a buffer of 4 bytes each.
constexpr std::size_t kUtf8Chunk = 32;

// Writes `c` in UTF-8 at `out` (room for 4 bytes) as append_utf8 does, and
// returns the end of what it wrote.
char* put_utf8(char* out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// ASCII lower-cased by a table: fold_into's common case in one load.
constexpr std::array<char, 128> kAsciiLower = [] {
  std::array<char, 128> lower{};
  for (int c = 0; c < 128; ++c) lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower;
}();

#if defined(QUOTEGRAPH_WIDEN_SSE2)
// Writes the four code points at `in` as four bytes at `out`, lower-cased
// when `lower` is set, when all four are ASCII (a French word is mostly
// ASCII letters), and returns false, writing nothing, when one is not.
// With `capitals`, subtracts one from a lane of it for each A-Z lowered
// (its lanes then count them negatively: one instruction a block).
bool narrow_four_ascii(const char32_t* in, char* out, bool lower, __m128i* capitals = nullptr) {
  __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  const __m128i high = _mm_and_si128(units, _mm_set1_epi32(~0x7F));
  if (_mm_movemask_epi8(_mm_cmpeq_epi32(high, _mm_setzero_si128())) != 0xFFFF) return false;
  if (lower) {
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi32(units, _mm_set1_epi32('A' - 1)),
                                        _mm_cmpgt_epi32(_mm_set1_epi32('Z' + 1), units));
    units = _mm_add_epi32(units, _mm_and_si128(upper, _mm_set1_epi32(0x20)));
    if (capitals) *capitals = _mm_add_epi32(*capitals, upper);
  }
  const __m128i words = _mm_packs_epi32(units, units);
  const int bytes = _mm_cvtsi128_si32(_mm_packus_epi16(words, words));
  std::memcpy(out, &bytes, 4);
  return true;
}
#endif

// Whether fold() may write code point `c` otherwise than as written: an
// upper-case ASCII or Latin-1 letter, a no-break space, and past Latin-1
// every code point (without asking ICU: such a word is then taken as
// changed, which is never wrong, only slower for its readers).
bool fold_may_change(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  return c > 0xFF || c == 0xA0 || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

// Writes the folded form of `text` at `out` (room for 4 bytes a code
// point) and returns its end. With kCount, adds to `changed` the number
// of code points of `text` fold_may_change(), counted as they are folded.
template <bool kCount>
char* fold_into(char* out, std::u32string_view text, std::size_t& changed) {
  std::size_t count = 0;
#if defined(QUOTEGRAPH_WIDEN_SSE2)
  // Four ASCII code points at a time while they are (a French word opens
  // with ASCII letters most of the time); the rest one at a time.
  __m128i capitals = _mm_setzero_si128();
  while (text.size() >= 4 && narrow_four_ascii(text.data(), out, true, kCount ? &capitals : nullptr)) {
    text.remove_prefix(4);
    out += 4;
  }
  if (kCount) {
    // The lanes hold minus the capitals of their blocks.
    capitals = _mm_add_epi32(capitals, _mm_shuffle_epi32(capitals, _MM_SHUFFLE(1, 0, 3, 2)));
    capitals = _mm_add_epi32(capitals, _mm_shuffle_epi32(capitals, _MM_SHUFFLE(2, 3, 0, 1)));
    count = static_cast<std::size_t>(-_mm_cvtsi128_si32(capitals));
  }
#endif
  for (char32_t c : text) {
    if (c < 0x80) {
      *out++ = kAsciiLower[c];
      if (kCount) count += c - U'A' < 26u ? 1 : 0;
      continue;
    }
    if (kCount) count += fold_may_change(c) ? 1 : 0;
    if (c == 0x2019 || c == 0x02BC) {
      *out++ = '\'';
    } else if (c == 0x00A0 || c == 0x202F) {
      *out++ = ' ';
    } else if (c == 0x2010 || c == 0x2011) {
      *out++ = '-';
    } else if (c <= 0xFF) {
      // Latin-1 (é, È, ç …): u_tolower moves À-Þ but × by 0x20 and keeps
      // the rest, so the common French letters skip the call into ICU.
      out = put_utf8(out, c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 0x20 : c);
    } else {
      // French lower-casing never changes the length of a letter except
      // for exotic cases (İ); u_tolower is the simple mapping, enough here.
      out = put_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
  }
  if (kCount) changed += count;
  return out;
}

char* fold_into(char* out, std::u32string_view text) {
  std::size_t unused = 0;
  return fold_into<false>(out, text, unused);
}

}  // namespace

std::string to_utf8(std::u32string_view text) {
  // In chunks through a buffer, as fold does: claims and mentions are cut
  // from the text of every document.
  char buffer[4 * kUtf8Chunk];
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); i += kUtf8Chunk) {
    char* next = buffer;
    std::u32string_view chunk = text.substr(i, kUtf8Chunk);
#if defined(QUOTEGRAPH_WIDEN_SSE2)
    // Four ASCII code points at a time (most of French); a block holding
    // another code point one at a time.
    while (chunk.size() >= 4) {
      if (narrow_four_ascii(chunk.data(), next, false)) {
        next += 4;
      } else {
        for (char32_t c : chunk.substr(0, 4)) next = put_utf8(next, c);
      }
      chunk.remove_prefix(4);
    }
#endif
    for (char32_t c : chunk) next = put_utf8(next, c);
    out.append(buffer, next);
  }
  return out;
}

bool utf8_equals(std::u32string_view text, std::string_view utf8) {
  if (utf8.size() < text.size()) return false;  // a code point takes a byte at least
  char buffer[4 * kUtf8Chunk];
  std::size_t at = 0;
  for (std::size_t i = 0; i < text.size(); i += kUtf8Chunk) {
    char* next = buffer;
    for (char32_t c : text.substr(i, kUtf8Chunk)) next = put_utf8(next, c);
    const auto n = static_cast<std::size_t>(next - buffer);
    if (n > utf8.size() - at || utf8.compare(at, n, std::string_view(buffer, n)) != 0) return false;
    at += n;
  }
  return at == utf8.size();
}

bool is_space(char32_t c) {
  switch (c) {
    case U' ': case U'\t': case U'\n': case U'\r': case U'\v': case U'\f':
    case 0x00A0: case 0x202F: case 0x2009: case 0x200A: case 0x2007: case 0x2002:
    case 0x2003: case 0x2008: case 0x205F: case 0x3000: case 0xFEFF: case 0x200B:
    case 0x1680: case 0x2000: case 0x2001: case 0x2004: case 0x2005: case 0x2006:
    case 0x0085: case 0x2028: case 0x2029:
      return true;
    default:
      return false;
  }
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
  // Latin-1 letters and Latin Extended-A: all letters but × and ÷.
  if (c >= 0xC0 && c <= 0x17F) return c != 0xD7 && c != 0xF7;
  return u_isalnum(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC);
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= U'0' && c <= U'9';
  return u_isdigit(static_cast<UChar32>(c));
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019 || c == 0x02BC; }

bool is_straight_double_quote(char32_t c) { return c == U'"' || c == 0x2033 || c == 0x02BA || c == 0xFF02; }

bool is_dialogue_dash(char32_t c) { return c == 0x2014 || c == 0x2013 || c == 0x2015; }

bool is_word_hyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2011; }

bool is_double_apostrophe(std::u32string_view text, std::size_t i, std::size_t end) {
  if (i + 1 >= end || !is_apostrophe(text[i]) || !is_apostrophe(text[i + 1])) return false;
  if (i > 0 && is_digit(text[i - 1])) return false;
  return !(i > 0 && is_letter(text[i - 1]) && i + 2 < end && is_letter(text[i + 2]));
}

std::string fold(std::u32string_view text) {
  // Written through a pointer into a buffer on the stack, not appended
  // byte by byte: every token of every text is folded. A word fits one
  // buffer, and its folded form the string's own (short-string) storage.
  char buffer[4 * kUtf8Chunk];
  if (text.size() <= kUtf8Chunk) return std::string(buffer, fold_into(buffer, text));
  std::string out;
  out.reserve(text.size() + 4);
  for (std::size_t i = 0; i < text.size(); i += kUtf8Chunk)
    out.append(buffer, fold_into(buffer, text.substr(i, kUtf8Chunk)));
  return out;
}

std::string_view fold_into_buffer(std::u32string_view text, char* buffer) {
  return std::string_view(buffer, static_cast<std::size_t>(fold_into(buffer, text) - buffer));
}

std::string_view fold_into_buffer(std::u32string_view text, char* buffer, std::size_t& changed) {
  return std::string_view(buffer, static_cast<std::size_t>(fold_into<true>(buffer, text, changed) - buffer));
}

std::size_t fold_changes(std::u32string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), fold_may_change));
}

std::string fold_utf8(std::string_view utf8) {
  // ASCII (many lexicon words and keys) folds byte by byte as fold()
  // would fold its code points, without a decoded copy.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(utf8.size(), '\0');
    std::transform(utf8.begin(), utf8.end(), out.begin(),
                   [](char c) { return kAsciiLower[static_cast<unsigned char>(c)]; });
    return out;
  }
  auto decoded = decode_utf8(utf8);
  if (!decoded) return std::string(utf8);
  return fold(decoded.text());
}

namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A)
// as NFD gives them, lower case; 'x' where NFD gives no single ASCII letter
// (×, ÷, ß, æ, œ, ø, ł …): those strings go through ICU instead.
constexpr char kLatinBase[] =
    "aaaaaaxceeeeiiiixnoooooxxuuuuyxx"  // U+00C0..U+00DF
    "aaaaaaxceeeeiiiixnoooooxxuuuuyxy"  // U+00E0..U+00FF
    "aaaaaaccccccccddxxeeeeeeeeeegggg"  // U+0100..U+011F
    "gggghhxxiiiiiiiiixxxjjkkxllllllx"  // U+0120..U+013F
    "xxxnnnnnnxxxooooooxxrrrrrrssssss"  // U+0140..U+015F
    "ssttttxxuuuuuuuuuuuuwwyyyzzzzzzx";  // U+0160..U+017F

// The accent-free lower-case form of `c`, or 0 when it needs ICU.
char latin_base(char32_t c) {
  if (c < 0x80) return static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c);
  if (c >= 0xC0 && c <= 0x17F) {
    char b = kLatinBase[c - 0xC0];
    return b == 'x' ? 0 : b;
  }
  return 0;
}

}  // namespace

std::string strip_accents(std::string_view utf8) {
  // Fast path for the Latin letters of French and most transliterated
  // names, straight from the UTF-8 bytes (no decoding buffer).
  {
    // Written through a pointer: a code point gives one byte and takes
    // one at least, so the input's size is room enough. ASCII bytes (most
    // of them) are lowered by the table, without decoding.
    std::string out(utf8.size(), '\0');
    char* const first = out.data();
    char* next = first;
    bool fast = true;
    for (std::size_t i = 0; i < utf8.size() && fast;) {
      const auto byte = static_cast<unsigned char>(utf8[i]);
      if (byte < 0x80 && byte != 0) {
        *next++ = kAsciiLower[byte];
        ++i;
        continue;
      }
      char32_t c = 0;
      if (!next_code_point(utf8, i, c)) {
        fast = false;
        break;
      }
      if (c == 0x2019 || c == 0x02BC) { *next++ = '\''; continue; }
      if (c == 0x00A0 || c == 0x202F) { *next++ = ' '; continue; }
      if (c == 0x2010 || c == 0x2011) { *next++ = '-'; continue; }
      char b = latin_base(c);
      if (b == 0) fast = false;
      else *next++ = b;
    }
    if (fast) {
      out.resize(static_cast<std::size_t>(next - first));
      return out;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return fold_utf8(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString decomposed = nfd->normalize(s, status);
  if (U_FAILURE(status)) return fold_utf8(utf8);
  std::u32string kept;
  kept.reserve(decomposed.length());
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    kept.push_back(static_cast<char32_t>(c));
  }
  return fold(kept);
}

}  // namespace quotegraph

// Text: UTF-8 decoding into code points and the character classes the
// French rules need. Every offset the library writes out is an index into
// the decoded std::u32string, so it is a code point offset into the original
// file, exactly as Python indexes `open(f, encoding="utf-8", newline="").read()`:
// nothing is removed (a BOM is code point 0, CR stays before LF).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace quotegraph {

struct DecodeError {
  std::size_t byte_offset = 0;  // first byte of the malformed sequence
  std::string message;          // e.g. "invalid UTF-8 byte 0x80"
};

// The result of decode_utf8: the code points, or the first error.
class DecodeResult {
 public:
  explicit DecodeResult(std::u32string text) : text_(std::move(text)) {}
  explicit DecodeResult(DecodeError error) : error_(std::move(error)) {}
  explicit operator bool() const { return !error_; }
  const std::u32string& text() const { return text_; }
  std::u32string& text() { return text_; }
  const DecodeError& error() const { return *error_; }

 private:
  std::u32string text_;
  std::optional<DecodeError> error_;
};

// Decodes `bytes` strictly (through ICU's U8_NEXT): overlong forms,
// surrogates, truncated sequences and bytes above U+10FFFF are errors that
// name the byte offset of the bad sequence. "abc\x80" fails at offset 3.
// NUL and control characters are valid code points and are kept.
DecodeResult decode_utf8(std::string_view bytes);

// Decodes the code point at byte `i` of `bytes` (i < bytes.size()) through
// ICU's U8_NEXT and moves `i` past it. Returns false, with `i` past the
// maximal ill-formed subsequence (at least one byte), when the bytes there
// are not UTF-8 (overlong, surrogate, truncated, above U+10FFFF): the one
// UTF-8 decoder of the library, which decode_utf8 and the exporters use.
bool next_code_point(std::string_view bytes, std::size_t& i, char32_t& c);

// Code points of UTF-8 text, counted as its lead bytes (a byte that is not
// a continuation byte): the length that claim offsets are measured in.
std::size_t count_code_points(std::string_view utf8);

// Encodes code points as UTF-8. Never fails (invalid code points become U+FFFD).
std::string to_utf8(std::u32string_view text);
// Whether to_utf8(text) == utf8, without making the string.
bool utf8_equals(std::u32string_view text, std::string_view utf8);
void append_utf8(std::string& out, char32_t c);

// White space in the French typographic sense: ASCII space, tabs, CR, LF,
// no-break space U+00A0, narrow no-break space U+202F, thin spaces, the BOM.
bool is_space(char32_t c);
// Letters of any script (ICU u_isalpha) and digits.
bool is_letter(char32_t c);
bool is_digit(char32_t c);
bool is_upper(char32_t c);
// The apostrophes French text uses for elision: ' ’ ʼ.
bool is_apostrophe(char32_t c);
// Hyphens and dashes that join words (- and U+2010, U+2011).
bool is_word_hyphen(char32_t c);
// Whether `text` holds at `i`, before `end`, two apostrophes typed for a
// straight double quote ('' Nous sommes loin des normes '', a habit of
// keyboards without guillemets): one quotation mark. Not after a digit,
// where they write seconds or inches (1'45'', 27''), nor between two
// letters, where they are a typo for one apostrophe (l''homme). The
// tokenizer and the quote detector read them alike through it.
bool is_double_apostrophe(std::u32string_view text, std::size_t i, std::size_t end);

// Lower-cases `text` (ICU full case mapping), maps ’ and ʼ to ' and the
// no-break spaces to ' ': the key under which lexicons store French words.
// "Déclare-t-Il" gives "déclare-t-il".
std::string fold(std::u32string_view text);
std::string fold_utf8(std::string_view utf8);
// fold() written into `buffer`, which has room for 4 bytes a code point of
// `text`: the tokenizer folds every token and keeps each form once, so it
// needs no string per token. The view is into `buffer`.
std::string_view fold_into_buffer(std::u32string_view text, char* buffer);
// The same, adding to `changed` fold_changes(text) in the same pass.
std::string_view fold_into_buffer(std::u32string_view text, char* buffer, std::size_t& changed);
// How many code points of `text` fold() may write otherwise than as
// written: upper-case ASCII and Latin-1 letters (not ×), the no-break
// space U+00A0, and every code point past Latin-1 (without asking ICU,
// so never too few). 0: the folded form is `text` as written, in UTF-8.
std::size_t fold_changes(std::u32string_view text);

// The folded form of a text (fold()) for a look-up, on the stack when the
// text is a few words (kShort code points or fewer), so that looking up
// spans of tokens allocates nothing: Folded(span) converts to the view.
class Folded {
 public:
  static constexpr std::size_t kShort = 64;
  explicit Folded(std::u32string_view text)
      : view_(text.size() <= kShort ? fold_into_buffer(text, buffer_) : std::string_view(long_ = fold(text))) {}
  Folded(const Folded&) = delete;
  Folded& operator=(const Folded&) = delete;
  operator std::string_view() const { return view_; }

 private:
  char buffer_[4 * kShort];
  std::string long_;
  std::string_view view_;
};

// Strips accents (NFD, combining marks dropped) and lower-cases:
// "États-Unis" gives "etats-unis". Used for accent-insensitive lookups.
std::string strip_accents(std::string_view utf8);

}  // namespace quotegraph

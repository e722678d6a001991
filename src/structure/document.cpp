// Segmenter: paragraphs, sentences (ICU fr@ss=standard plus typographic
// repairs) and tokens (elisions and inverted subject pronouns split). The
// French words these rules need (elided words, inverted pronouns,
// abbreviations) are words.tsv classes, read through WordClasses.
#include "quotegraph/structure/document.h"

#include <algorithm>
#include <array>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/text/quote_marks.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

namespace detail {

bool is_quote_mark(char32_t c) {
  switch (c) {
    case U'"': case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x2039: case 0x203A: case 0x201F:
      return true;
    default:
      return is_straight_double_quote(c);
  }
}

namespace {

// Elided words: "l'", "qu'", "jusqu'" … split off the word they lean on
// (words.tsv class elision, written with their apostrophe). `w` is the word
// without its apostrophe.
bool is_elision_prefix(const WordClasses& words, std::u32string_view w) {
  // Folded with its apostrophe on the stack: no string for each word
  // followed by an apostrophe (elided words are a few letters).
  constexpr std::size_t kLongest = 16;
  if (w.size() > kLongest) return words.has_extra(fold(w) + '\'', WordClasses::kElision);
  char buffer[4 * kLongest + 1];
  std::string_view folded = fold_into_buffer(w, buffer);
  buffer[folded.size()] = '\'';
  return words.has_extra(std::string_view(buffer, folded.size() + 1), WordClasses::kElision);
}

bool ascii_ieq(char32_t a, char b) {
  if (a < 0x80 && a >= U'A' && a <= U'Z') a += 32;
  return a == static_cast<char32_t>(b);
}

// Length of the letters at `from` when they are an inverted subject
// pronoun (words.tsv class invertedsubject: il, elle, on …), else 0.
std::size_t inverted_pronoun_length(const WordClasses& words, std::u32string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && is_letter(text[end])) ++end;
  if (end == from || !words.has_extra(fold(text.substr(from, end - from)), WordClasses::kInvertedSubject))
    return 0;
  return end - from;
}

// Length of an inverted third-person subject clitic at the hyphen `pos`
// ("-t-il", "-elle", "-on" …) that is followed by a non-letter, or 0. The t
// between two hyphens is the euphonic t French puts between a verb ending
// in a vowel and the pronoun (a-t-il, va-t-on).
std::size_t clitic_length(const WordClasses& words, std::u32string_view text, std::size_t pos) {
  const std::size_t after = pos + 1;
  if (after + 1 < text.size() && ascii_ieq(text[after], 't') && is_word_hyphen(text[after + 1])) {
    if (std::size_t n = inverted_pronoun_length(words, text, after + 2)) return n + 3;
  }
  const std::size_t n = inverted_pronoun_length(words, text, after);
  return n == 0 ? 0 : n + 1;
}

// Counts the letters of word `s` that are not digits, and tells whether
// they are all upper case (ASCII letters without a call: most of them).
void count_cased_letters(std::u32string_view s, int& letters, bool& all_upper) {
  letters = 0;
  all_upper = true;
  for (char32_t c : s) {
    if (c < 0x80) {
      const bool upper = c >= U'A' && c <= U'Z';
      if (upper || (c >= U'a' && c <= U'z')) {
        ++letters;
        all_upper = all_upper && upper;
      }
    } else if (is_letter(c) && !is_digit(c)) {
      ++letters;
      if (!is_upper(c)) all_upper = false;
    }
  }
}

// Tokens of this many code points or fewer are folded into a buffer on
// the stack.
constexpr std::size_t kShortToken = 32;

void push_token(Document& doc, std::uint32_t begin, std::uint32_t end, TokenKind kind) {
  Token& t = doc.tokens.emplace_back();
  t.begin = begin;
  t.end = end;
  t.kind = kind;
  std::u32string_view s = doc.slice(begin, end);
  std::u32string_view folded = s;
  if (kind == TokenKind::kClitic) {
    // "-t-il" is read as the pronoun "il".
    std::size_t last_hyphen = s.size();
    for (std::size_t i = s.size(); i-- > 0;)
      if (is_word_hyphen(s[i])) { last_hyphen = i; break; }
    folded = s.substr(last_hyphen + 1);
  }
  // Folded on the stack and kept once per form (Document::forms); one
  // ASCII character folds to itself, lower-cased. `changed` counts the
  // code points folding may change (fold_changes), in the same pass.
  std::size_t changed = 0;
  if (folded.size() == 1 && folded[0] < 0x80) {
    const char32_t c = folded[0];
    const bool capital = c >= U'A' && c <= U'Z';
    changed = capital ? 1 : 0;
    t.form = doc.forms->intern_ascii(static_cast<char>(capital ? c + 32 : c));
  } else if (folded.size() <= kShortToken) {
    // On the stack without Folded's string (a token is a word).
    char buffer[4 * kShortToken];
    t.form = doc.forms->intern(fold_into_buffer(folded, buffer, changed));
  } else {
    changed = fold_changes(folded);
    t.form = doc.forms->intern(Folded(folded));
  }
  t.lower = doc.forms->text(t.form);
  if (kind != TokenKind::kClitic && !s.empty()) {
    // One change, on an ASCII or Latin-1 capital first: "Dupont", "État".
    const char32_t first = s[0];
    const bool latin_capital = (first >= U'A' && first <= U'Z') || (first >= 0xC0 && first <= 0xDE && first != 0xD7);
    if (changed == 0) {
      t.written = Written::kAsFolded;
    } else if (changed == 1 && latin_capital) {
      t.written = Written::kCapitalThenFolded;
    }
  }
  // A word opening with a lower-case ASCII letter (most words) is neither
  // capitalised nor in capitals: no need to count its letters.
  if (kind == TokenKind::kWord && !s.empty() && !(s[0] >= U'a' && s[0] <= U'z')) {
    t.capitalized = s[0] < 0x80 ? s[0] >= U'A' && s[0] <= U'Z' : is_upper(s[0]);
    int letters = 0;
    bool all_upper = true;
    count_cased_letters(s, letters, all_upper);
    t.all_caps = letters >= 2 && all_upper;
  }
}

// is_space and is_letter without a call for ASCII, which most of French
// text is: the tokenizer asks for every code point.
bool quick_is_space(char32_t c) { return c < 0x80 ? c == U' ' || (c >= U'\t' && c <= U'\r') : is_space(c); }
// Classes of the ASCII characters for the tokenizer's loops: one load
// instead of three range tests. kAsciiLetter is is_letter's sense
// (digits too).
constexpr std::uint8_t kAsciiLetter = 1, kAsciiDigit = 2;
constexpr std::array<std::uint8_t, 128> kAsciiClasses = [] {
  std::array<std::uint8_t, 128> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kAsciiLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kAsciiLetter;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kAsciiLetter | kAsciiDigit;
  return classes;
}();
bool quick_is_letter(char32_t c) {
  if (c < 0x80) return (kAsciiClasses[c] & kAsciiLetter) != 0;
  return is_letter(c);
}

// Reads the word that opens at `i` (a letter or digit) up to `end` into
// tokens and returns where it ends. French writing joins words in two ways
// the tokens undo: elision, whose apostrophe stays with the elided word
// (l'État -> l' État, qu'« il » -> qu' « il »), and the inverted subject
// or object clitic after a verb's hyphen (a-t-il -> a -t-il, dites-moi);
// an apostrophe inside a name (aujourd'hui, O'Brien) or a hyphen inside a
// compound (porte-parole) keeps the word whole.
std::uint32_t tokenize_word(const WordClasses& words, Document& doc, std::uint32_t i, std::uint32_t end) {
  std::u32string_view text(doc.text);
  std::uint32_t start = i;
  // kAsciiDigit while every code point of the word so far is a digit: a
  // bit cleared without a branch.
  std::uint8_t digits_only = kAsciiDigit;
  std::uint8_t some_digit = 0;  // kAsciiDigit once a digit is read
  while (i < end) {
    // A run of ASCII letters and digits (most of a French word), with its
    // class bits gathered in locals the compiler keeps in registers.
    std::uint8_t run_all = kAsciiDigit, run_any = 0;
    while (i < end && text[i] < 0x80 && (kAsciiClasses[text[i]] & kAsciiLetter)) {
      run_all &= kAsciiClasses[text[i]];
      run_any |= kAsciiClasses[text[i]];
      ++i;
    }
    digits_only &= run_all;
    some_digit |= run_any & kAsciiDigit;
    if (i == end) break;
    char32_t d = text[i];
    if (d < 0x80) {
      // A code of letters and digits keeps its slash and what follows
      // (« le témoin PT02/08 », « le vol AF447/448 »); a date or a
      // fraction of digits only (12/03, 1/2) and a word pair (et/ou) are
      // cut.
      if (d == U'/' && some_digit && !digits_only && i + 1 < end && text[i + 1] < 0x80 &&
          (kAsciiClasses[text[i + 1]] & kAsciiLetter)) {
        ++i;
        continue;
      }
    } else if (is_letter(d)) {
      if (!is_digit(d)) digits_only = 0;
      ++i;
      continue;
    }
    // A space or an ASCII mark other than ' and - ends the word: the
    // usual case, decided without the calls below.
    if (d < 0x80 && d != U'\'' && d != U'-') break;
    // An elided word keeps its apostrophe even before a quotation
    // mark or a space: d'« inacceptable », qu' « il ».
    if (is_apostrophe(d) && i + 1 < end && !quick_is_letter(text[i + 1]) &&
        is_elision_prefix(words, text.substr(start, i - start))) {
      push_token(doc, start, i + 1, TokenKind::kWord);
      ++i;
      start = i;
      break;
    }
    if (is_apostrophe(d) && i + 1 < end && quick_is_letter(text[i + 1])) {
      if (is_elision_prefix(words, text.substr(start, i - start))) {
        push_token(doc, start, i + 1, TokenKind::kWord);
        start = i + 1;
        ++i;
        digits_only = kAsciiDigit;
        continue;
      }
      ++i;  // aujourd'hui, O'Brien: the apostrophe is inside the word
      continue;
    }
    if (is_word_hyphen(d) && i + 1 < end && quick_is_letter(text[i + 1])) {
      std::size_t cl = clitic_length(words, text, i);
      if (cl > 0 && !digits_only) {
        push_token(doc, start, i, TokenKind::kWord);
        push_token(doc, i, static_cast<std::uint32_t>(i + cl), TokenKind::kClitic);
        i += static_cast<std::uint32_t>(cl);
        start = i;
        break;
      }
      ++i;
      continue;
    }
    break;
  }
  if (i > start) push_token(doc, start, i, digits_only ? TokenKind::kNumber : TokenKind::kWord);
  return i;
}

// Tokenizes [begin, end) of doc.text: words (tokenize_word), numbers,
// quotation marks and other punctuation, one code point each but for the
// two apostrophes typed for a double quote.
void tokenize(const WordClasses& words, Document& doc, std::uint32_t begin, std::uint32_t end) {
  std::u32string_view text(doc.text);
  std::uint32_t i = begin;
  while (i < end) {
    char32_t c = text[i];
    if (quick_is_space(c) || c == 0) {
      ++i;
      continue;
    }
    if (quick_is_letter(c)) {
      i = tokenize_word(words, doc, i, end);
      continue;
    }
    // Two apostrophes typed for a straight double quote are one mark ('' …
    // ''), as the quote detector reads them.
    if (is_double_apostrophe(text, i, end)) {
      push_token(doc, i, i + 2, TokenKind::kQuoteMark);
      i += 2;
      continue;
    }
    // << and >> typed for « and » are one mark too (not in a run of three
    // or more, an arrow or a shift).
    if ((c == U'<' || c == U'>') && i + 1 < end && text[i + 1] == c && !(i > begin && text[i - 1] == c) &&
        !(i + 2 < end && text[i + 2] == c)) {
      push_token(doc, i, i + 2, TokenKind::kQuoteMark);
      i += 2;
      continue;
    }
    push_token(doc, i, i + 1, is_quote_mark(c) ? TokenKind::kQuoteMark : TokenKind::kPunct);
    ++i;
  }
}

bool is_line_break(char32_t c) { return c == U'\n' || c == 0x2029 || c == 0x2028; }

// Whether a line (its trailing white space cut) ends on a web address or
// an @handle: web copies paste an embed's link or a post's handle after a
// quotation (« … sont “très fâchés”:https://twitter.com/… »), and a
// sentence goes on past a link only rarely, so the line is finished. The
// last run of non-space code points is read once, so a line costs its
// length at most.
bool ends_on_link(std::u32string_view line) {
  std::size_t w = line.size();
  while (w > 0 && !is_space(line[w - 1])) --w;
  const std::u32string_view run = line.substr(w);
  if (run.size() >= 2 && run[0] == U'@' && (is_letter(run[1]) || is_digit(run[1]))) return true;
  if (run.substr(0, 4) == U"www.") return true;
  return run.find(U"http://") != std::u32string_view::npos || run.find(U"https://") != std::u32string_view::npos;
}

// Paragraph spans. A blank line always separates paragraphs. A single line
// break does too when the line before it is finished (it ends with . ! ? …
// : or a closing quotation mark) or is short like a headline or dateline;
// otherwise it is a soft wrap inside a paragraph (text wrapped at ~70-80
// columns), and the lines are joined.
std::vector<std::pair<std::uint32_t, std::uint32_t>> paragraph_spans(std::u32string_view text) {
  constexpr std::uint32_t kHeadlineMax = 60;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;  // [begin, end) of each line
  std::uint32_t start = 0;
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t i = 0; i <= size; ++i) {
    // Code points between LF and U+2028 break no line: skipped sixteen at
    // a time while a block holds none of the others (a loop the compiler
    // turns into vector comparisons: every code point passes here).
    while (i + 16 <= size) {
      unsigned others = 0;
      for (std::uint32_t k = 0; k < 16; ++k) others |= text[i + k] - 0x0Bu >= 0x2028u - 0x0Bu;
      if (others != 0) break;
      i += 16;
    }
    while (i < size && text[i] - 0x0Bu < 0x2028u - 0x0Bu) ++i;
    if (i == size || is_line_break(text[i])) {
      lines.emplace_back(start, i);
      start = i + 1;
    }
  }
  auto blank = [&](const std::pair<std::uint32_t, std::uint32_t>& l) {
    for (std::uint32_t i = l.first; i < l.second; ++i)
      if (!is_space(text[i]) && text[i] != 0) return false;
    return true;
  };
  auto finished = [&](const std::pair<std::uint32_t, std::uint32_t>& l) {
    std::uint32_t e = l.second;
    while (e > l.first && (is_space(text[e - 1]) || text[e - 1] == 0)) --e;
    if (e == l.first) return true;
    if (e - l.first < kHeadlineMax) return true;
    char32_t c = text[e - 1];
    return c == U'.' || c == U'!' || c == U'?' || c == 0x2026 || c == U':' || is_straight_double_quote(c) ||
           c == 0x00BB || c == 0x201D || ends_on_link(text.substr(l.first, e - l.first));
  };

  std::vector<std::pair<std::uint32_t, std::uint32_t>> paragraphs;
  std::uint32_t para_begin = 0;
  bool open = false;
  std::uint32_t para_end = 0;
  const std::pair<std::uint32_t, std::uint32_t>* previous = nullptr;
  for (const auto& l : lines) {
    if (blank(l)) {
      if (open) paragraphs.emplace_back(para_begin, para_end);
      open = false;
      previous = nullptr;
      continue;
    }
    if (!open) {
      para_begin = l.first;
      open = true;
    } else if (previous && finished(*previous)) {
      paragraphs.emplace_back(para_begin, para_end);
      para_begin = l.first;
    }
    para_end = l.second;
    previous = &l;
  }
  if (open) paragraphs.emplace_back(para_begin, para_end);
  // Trim white space at both ends of each paragraph.
  for (auto& p : paragraphs) {
    while (p.first < p.second && (is_space(text[p.first]) || text[p.first] == 0)) ++p.first;
    while (p.second > p.first && (is_space(text[p.second - 1]) || text[p.second - 1] == 0)) --p.second;
  }
  return paragraphs;
}

// Words after which a full stop is an abbreviation, not a sentence end
// (words.tsv class abbreviation: M., Mme, etc.).
bool is_abbreviation(const WordClasses& words, std::string_view lower) {
  return words.has_extra(lower, WordClasses::kAbbreviation);
}

// Whether a full stop after `lower`, with `next` the first character after
// it and its spaces, marks an abbreviation: vol., no., p., env. only before
// a number (vol. 3, p. 12), etc. never before the capital or quotation mark
// that opens another sentence (« Il est jugé pour vol. « … », a déclaré X »).
bool abbreviation_before(const WordClasses& words, std::string_view lower, char32_t next) {
  if (!is_abbreviation(words, lower)) return false;
  return !words.has_anchor(lower, WordClasses::kDigitAbbreviation) || (next >= U'0' && next <= U'9');
}

bool is_closing_mark(char32_t c) { return c == 0x00BB || c == 0x201D || c == 0x203A; }

}  // namespace
}  // namespace detail

struct Segmenter::Impl {
  const WordClasses* words = nullptr;
  std::unique_ptr<icu::BreakIterator> sentences;
  UText utext = UTEXT_INITIALIZER;  // the paragraph for ICU, reused for every paragraph
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    sentences.reset();  // the iterator holds a clone of `utext`: close it first
    utext_close(&utext);
  }
  // The folded forms of the documents this segmenter made, shared with
  // them: a form keeps its id from one document to the next, so that
  // later stages can keep what they learn of it (index_tokens). Started
  // afresh past kMaxForms, so memory stays bounded; documents made before
  // keep the table they view.
  static constexpr std::size_t kMaxForms = 200000;
  std::shared_ptr<FormTable> forms;
  // Buffers reused from one paragraph to the next.
  std::u16string units;                   // the paragraph in UTF-16, for ICU
  icu::UnicodeString utf16;
  std::vector<std::uint32_t> cp_of_unit;  // UTF-16 index -> code point offset

  // ICU's sentence boundaries in paragraph [pbegin, pend) of `text`, as code
  // point offsets (none without a break iterator).
  std::vector<std::uint32_t> icu_cuts(std::u32string_view text, std::uint32_t pbegin, std::uint32_t pend) {
    std::vector<std::uint32_t> cuts;
    if (!sentences) return cuts;
    const bool bmp_only = to_units(text, pbegin, pend);
    // ICU reads `units` in place through a UText: setText(UnicodeString)
    // would copy the paragraph into a character iterator first.
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUChars(&utext, reinterpret_cast<const UChar*>(units.data()),
                                 static_cast<int64_t>(units.size()), &status);
    if (U_SUCCESS(status)) sentences->setText(ut, status);
    if (U_FAILURE(status)) {
      // Cannot happen with an in-memory text; fall back to the copy.
      utf16.setTo(false, reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()));
      sentences->setText(utf16);
    }
    const std::size_t last_unit = units.size();  // a break there is the paragraph end
    for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; b = sentences->next()) {
      const auto unit = static_cast<std::size_t>(b);
      if (unit > last_unit) continue;
      cuts.push_back(bmp_only ? pbegin + static_cast<std::uint32_t>(unit) : cp_of_unit[unit]);
    }
    return cuts;
  }

 private:
  // Fills `units` with paragraph [pbegin, pend) of `text` in UTF-16. True
  // when every code point is in the Basic Multilingual Plane: unit i is
  // then code point pbegin + i. Otherwise also fills cp_of_unit (UTF-16
  // index -> code point offset, pend at the end).
  bool to_units(std::u32string_view text, std::uint32_t pbegin, std::uint32_t pend) {
    using detail::is_line_break;
    cp_of_unit.clear();
    const std::u32string_view para = text.substr(pbegin, pend - pbegin);
    // Nearly always: unit i is code point i, written in place.
    units.resize(para.size());
    char16_t* unit = units.data();
    // A paragraph of code points past CR and before U+2028, or between
    // U+2029 and the surrogates (no line break, no pair), is copied as
    // it is: two loops without a branch, which the compiler vectorises.
    unsigned others = 0;
    for (char32_t c : para) others |= (c - 0x0Eu >= 0x2028u - 0x0Eu) & (c - 0x202Au >= 0xD800u - 0x202Au);
    if (others == 0) {
      for (std::size_t k = 0; k < para.size(); ++k) unit[k] = static_cast<char16_t>(para[k]);
      return true;
    }
    for (char32_t c : para) {
      // Past CR and before U+2028 (ASCII, Latin letters, ’ – …): copied
      // as it is, with one comparison.
      if (c - 0x0Eu < 0x2028u - 0x0Eu) {
        *unit++ = static_cast<char16_t>(c);
        continue;
      }
      if (c > 0xFFFF) return to_units_with_pairs(para, pbegin, pend);
      // Line breaks inside a paragraph are soft wraps: ICU would force a
      // sentence break there.
      if (is_line_break(c) || c == U'\r') c = U' ';
      *unit++ = static_cast<char16_t>(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c);
    }
    return true;
  }

  // to_units for a paragraph `para` = [pbegin, pend) with code points
  // beyond U+FFFF (surrogate pairs). Returns false.
  bool to_units_with_pairs(std::u32string_view para, std::uint32_t pbegin, std::uint32_t pend) {
    using detail::is_line_break;
    units.clear();
    units.reserve(2 * para.size());
    cp_of_unit.reserve(2 * para.size() + 1);
    for (std::uint32_t i = pbegin; i < pend; ++i) {
      char32_t c = para[i - pbegin];
      if (is_line_break(c) || c == U'\r') c = U' ';
      if (c > 0xFFFF) {
        units.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
        units.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
        cp_of_unit.push_back(i);
      } else {
        units.push_back(static_cast<char16_t>(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c));
      }
      cp_of_unit.push_back(i);
    }
    cp_of_unit.push_back(pend);
    return false;
  }
};

Segmenter::Segmenter(const WordClasses& words) : impl_(std::make_unique<Impl>()) {
  impl_->words = &words;
  UErrorCode status = U_ZERO_ERROR;
  impl_->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("fr@ss=standard"), status));
  if (U_FAILURE(status)) impl_->sentences.reset();
}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

namespace detail {
namespace {

// Missing space after a full stop ("(APC).Selon"): a sentence end ICU
// cannot see. Adds a cut before an upper-case letter followed by a
// lower-case one when the word before the stop is not an abbreviation or
// an initial, among tokens [first_token, last_token) of `doc`.
void add_missing_space_cuts(const WordClasses& words, const Document& doc, std::uint32_t first_token, std::uint32_t last_token,
                            std::vector<std::uint32_t>& cuts) {
  std::u32string_view text(doc.text);
  for (std::uint32_t t = first_token; t + 2 < last_token; ++t) {
    const Token& dot = doc.tokens[t + 1];
    const Token& next = doc.tokens[t + 2];
    if (dot.kind != TokenKind::kPunct || dot.end != next.begin) continue;
    char32_t d = text[dot.begin];
    if (d != U'.' && d != U'!' && d != U'?') continue;
    if (next.kind != TokenKind::kWord || !next.capitalized || next.all_caps) continue;
    const Token& prev = doc.tokens[t];
    if (prev.kind == TokenKind::kWord &&
        (abbreviation_before(words, prev.lower, text[next.begin]) || prev.end - prev.begin < 2))
      continue;
    if (next.end - next.begin < 2) continue;
    cuts.push_back(next.begin);
  }
}

// Whether add_ellipsis_cuts has anything to do at code point `c`: a
// double quotation mark (« » “ ” and the straight ones) or the start of an
// ellipsis (… or a full stop). Every code point of the text is asked:
// ASCII with one load (kEllipsisAsciiStops: " and .).
constexpr std::array<bool, 128> kEllipsisAsciiStops = [] {
  std::array<bool, 128> stops{};
  stops['"'] = stops['.'] = true;
  return stops;
}();
bool ellipsis_scan_stop(char32_t c) {
  if (c < 0x80) return kEllipsisAsciiStops[c];
  if (c < 0x2000) return c == 0x00AB || c == 0x00BB || c == 0x02BA;
  return c == 0x201C || c == 0x201D || c == 0x2026 || c == 0x2033 || c == 0xFF02;
}

// An ellipsis that ends a sentence (« Jean tirait… Le juge a précisé »):
// ICU reads U+2026 as no sentence terminal. Adds a cut before the
// upper-case letter that follows « … » or « ... » and one or more spaces in
// paragraph [pbegin, pend), unless a quotation opened before it is still
// open (« « Je ne sais pas… Peut-être demain », dit-il » is one sentence).
void add_ellipsis_cuts(std::u32string_view text, std::uint32_t pbegin, std::uint32_t pend,
                       std::vector<std::uint32_t>& cuts) {
  int depth = 0;          // « » and “ ” opened and not closed yet
  bool straight = false;  // a straight double quote opened
  for (std::uint32_t i = pbegin; i < pend; ++i) {
    // Letters, digits, spaces and other signs change nothing: skipped.
    while (i < pend && !ellipsis_scan_stop(text[i])) ++i;
    if (i == pend) break;
    const char32_t c = text[i];
    if (c == 0x00AB || c == 0x201C) ++depth;
    else if ((c == 0x00BB || c == 0x201D) && depth > 0) --depth;
    else if (is_straight_double_quote(c)) straight = !straight;
    std::uint32_t after = 0;
    if (c == 0x2026) after = i + 1;
    else if (c == U'.' && i + 2 < pend && text[i + 1] == U'.' && text[i + 2] == U'.') after = i + 3;
    if (after == 0) continue;
    while (after < pend && text[after] == U'.') ++after;
    i = after - 1;
    if (depth > 0 || straight) continue;
    std::uint32_t k = after;
    while (k < pend && is_space(text[k])) ++k;
    if (k > after && k < pend && is_upper(text[k])) cuts.push_back(k);
  }
}

// Whether tokens [first_token, last_token) of a paragraph ending at
// `pend` hold an ellipsis (… or three full stops), the only places
// add_ellipsis_cuts cuts at: … and . are never inside a word, so each is
// a token of its own, and a paragraph without one (most) needs no scan of
// its code points.
bool holds_ellipsis(const Document& doc, std::uint32_t first_token, std::uint32_t last_token, std::uint32_t pend) {
  std::u32string_view text(doc.text);
  for (std::uint32_t t = first_token; t < last_token; ++t) {
    const Token& token = doc.tokens[t];
    if (token.kind != TokenKind::kPunct) continue;
    const char32_t c = text[token.begin];
    if (c == 0x2026) return true;
    if (c == U'.' && token.begin + 2 < pend && text[token.begin + 1] == U'.' && text[token.begin + 2] == U'.')
      return true;
  }
  return false;
}

// Repairs on the cuts of paragraph [pbegin, pend): a closing » that follows
// a space goes with the sentence before it; a full stop after M., Mme, Dr …
// or an initial does not end a sentence. The last cut is `pend`.
std::vector<std::uint32_t> repaired_cuts(const WordClasses& words, std::u32string_view text,
                                         std::uint32_t pbegin, std::uint32_t pend,
                                         const std::vector<std::uint32_t>& cuts) {
  std::vector<std::uint32_t> fixed;
  std::uint32_t start = pbegin;
  for (std::uint32_t cut : cuts) {
    std::uint32_t c = cut;
    while (true) {
      std::uint32_t k = c;
      while (k < pend && is_space(text[k])) ++k;
      if (k < pend && is_closing_mark(text[k])) {
        c = k + 1;
        continue;
      }
      break;
    }
    if (c < pend) {
      // Last word before the cut.
      std::uint32_t k = c;
      while (k > start && is_space(text[k - 1])) --k;
      if (k > start && text[k - 1] == U'.') {
        std::uint32_t w = k - 1;
        while (w > start && is_letter(text[w - 1])) --w;
        std::u32string_view word = text.substr(w, k - 1 - w);
        bool initial = word.size() == 1 && is_upper(word[0]);
        std::uint32_t n = c;
        while (n < pend && is_space(text[n])) ++n;
        if (initial || abbreviation_before(words, fold(word), n < pend ? text[n] : U' ')) continue;
      }
    }
    if (c > start) {
      fixed.push_back(c);
      start = c;
    }
  }
  if (fixed.empty() || fixed.back() != pend) fixed.push_back(pend);
  return fixed;
}

// Appends the sentences of the paragraph starting at `pbegin`, cut at
// `fixed`, with their token ranges within [first_token, last_token); a
// sentence without tokens is dropped.
void add_sentences(Document& doc, std::uint32_t pbegin, std::uint32_t first_token, std::uint32_t last_token,
                   const std::vector<std::uint32_t>& fixed) {
  std::u32string_view text(doc.text);
  std::uint32_t start = pbegin;
  std::uint32_t tok = first_token;
  for (std::uint32_t cut : fixed) {
    Sentence s;
    s.begin = start;
    s.end = cut;
    while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
    s.token_begin = tok;
    while (tok < last_token && doc.tokens[tok].begin < cut) ++tok;
    s.token_end = tok;
    s.paragraph = static_cast<std::uint32_t>(doc.paragraphs.size());
    start = cut;
    if (s.token_end > s.token_begin) doc.sentences.push_back(s);
  }
}

}  // namespace
}  // namespace detail

void Segmenter::segment(Document& doc) const {
  using namespace detail;
  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.tokens.clear();
  // Room for every token up front (French text has about one token per five
  // code points): growing a vector of millions of tokens by doubling moves
  // each of them again and again in a large document. Untouched capacity
  // costs address space, not memory.
  doc.tokens.reserve(doc.text.size() / 3 + 16);
  if (!impl_->forms || impl_->forms->size() >= Impl::kMaxForms) impl_->forms = std::make_shared<FormTable>(4096);
  doc.forms = impl_->forms;
  std::u32string_view text(doc.text);

  for (const auto& [pbegin, pend] : paragraph_spans(text)) {
    Paragraph para;
    para.begin = pbegin;
    para.end = pend;
    para.sentence_begin = static_cast<std::uint32_t>(doc.sentences.size());
    std::uint32_t first_token = static_cast<std::uint32_t>(doc.tokens.size());
    tokenize(*impl_->words, doc, pbegin, pend);
    std::uint32_t last_token = static_cast<std::uint32_t>(doc.tokens.size());
    std::vector<std::uint32_t> cuts = impl_->icu_cuts(text, pbegin, pend);
    if (cuts.empty() || cuts.back() != pend) cuts.push_back(pend);
    add_missing_space_cuts(*impl_->words, doc, first_token, last_token, cuts);
    if (holds_ellipsis(doc, first_token, last_token, pend)) add_ellipsis_cuts(text, pbegin, pend, cuts);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    add_sentences(doc, pbegin, first_token, last_token, repaired_cuts(*impl_->words, text, pbegin, pend, cuts));
    para.sentence_end = static_cast<std::uint32_t>(doc.sentences.size());
    doc.paragraphs.push_back(para);
  }
}

std::uint32_t Document::sentence_at(std::uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::uint32_t o, const Sentence& s) { return o < s.end; });
  if (it == sentences.end()) return sentences.empty() ? 0 : static_cast<std::uint32_t>(sentences.size() - 1);
  return static_cast<std::uint32_t>(it - sentences.begin());
}

std::uint32_t Document::token_at(std::uint32_t offset) const {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](std::uint32_t o, const Token& t) { return o < t.end; });
  return static_cast<std::uint32_t>(it - tokens.begin());
}

}  // namespace quotegraph

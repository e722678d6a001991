// Document: the structure of one article. Paragraphs are separated by blank
// lines; sentences come from ICU's French sentence breaker plus typographic
// repairs; tokens split French elisions (l', qu', d', s') and subject
// inversions (a-t-il -> "a" + "-t-il"). All offsets are code points into
// `text`.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph {

class WordClasses;

enum class TokenKind : std::uint8_t {
  kWord,       // letters, digits inside, inner hyphens: Haut-Karabakh, porte-parole
  kNumber,     // 120, 3-1, 2020
  kPunct,      // , ; : . ! ? … ( ) [ ] – — / and other symbols
  kQuoteMark,  // « » “ ” " „ ‹ ›
  kClitic,     // an inverted subject pronoun: "-t-il", "-elle", "-on"
};

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // every letter upper case, at least two letters
  // Folded form (see fold()): "l'" for an elided article, "il" for "-t-il",
  // "déclaré" for "Déclaré".
  std::string lower;
};

struct Sentence {
  std::uint32_t begin = 0, end = 0;          // code points, end exclusive
  std::uint32_t token_begin = 0, token_end = 0;  // indexes into Document::tokens
  std::uint32_t paragraph = 0;
};

struct Paragraph {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t sentence_begin = 0, sentence_end = 0;
};

struct Document {
  std::string name;      // file name as written in the claims (no directory)
  std::u32string text;   // the whole decoded text, nothing removed
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  std::u32string_view slice(std::uint32_t begin, std::uint32_t end) const {
    return std::u32string_view(text).substr(begin, end - begin);
  }
  // Index of the sentence holding code point `offset` (the last one when past the end).
  std::uint32_t sentence_at(std::uint32_t offset) const;
  // Index of the first token that ends after `offset`.
  std::uint32_t token_at(std::uint32_t offset) const;
};

// Splits text into paragraphs, sentences and tokens. Owns an ICU sentence
// break iterator for locale fr@ss=standard (so "M. Peskov" does not split),
// created once and reused; not thread-safe, make one per thread.
class Segmenter {
 public:
  // The French words the tokenizer and the sentence repairs need come from
  // `words` (words.tsv classes elision, invertedsubject and abbreviation),
  // which must outlive the segmenter: the lexicon stage loads them before
  // any text is segmented, so the structure stage takes them rather than
  // keep its own list.
  explicit Segmenter(const WordClasses& words);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  // Fills paragraphs, sentences and tokens of `doc` from doc.text.
  // Never fails: an empty text gives no paragraphs.
  void segment(Document& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quotegraph

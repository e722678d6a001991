// Document: the structure of one article. Paragraphs are separated by blank
// lines; sentences come from ICU's French sentence breaker plus typographic
// repairs; tokens split French elisions (l', qu', d', s') and subject
// inversions (a-t-il -> "a" + "-t-il"). All offsets are code points into
// `text`.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotegraph/lexicon/string_table.h"

namespace quotegraph {

class WordClasses;

enum class TokenKind : std::uint8_t {
  kWord,       // letters, digits inside, inner hyphens: Haut-Karabakh, porte-parole
  kNumber,     // 120, 3-1, 2020
  kPunct,      // , ; : . ! ? … ( ) [ ] – — / and other symbols
  kQuoteMark,  // « » “ ” " „ ‹ ›
  kClitic,     // an inverted subject pronoun: "-t-il", "-elle", "-on"
};

// How a token is written, next to its folded form (fold_changes()):
// exactly as folded ("déclaré"), as folded but for an upper-case ASCII or
// Latin-1 first letter ("Dupont", "État"), or otherwise. The segmenter
// sets it in the pass that folds, so that readers of the written form
// (the tagger's dictionary look-ups) need not scan the word again.
enum class Written : std::uint8_t { kOther, kAsFolded, kCapitalThenFolded };

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // every letter upper case, at least two letters
  // The token's text begin..end against `lower` (kOther for a clitic,
  // whose folded form is its pronoun alone).
  Written written = Written::kOther;
  // The folded form's id in Document::forms: tokens with the same folded
  // text have the same id, whatever their kind.
  std::uint32_t form = 0;
  // Folded form (see fold()): "l'" for an elided article, "il" for "-t-il",
  // "déclaré" for "Déclaré". A view of the form's text in Document::forms.
  std::string_view lower;
};

// The distinct folded forms of the documents one Segmenter made, each
// stored once, in the order the tokenizer met them. A form's text never
// moves once added, so tokens view it; ids index the per-form tables of
// later stages (word classes, cue readings, parts of speech) instead of a
// hash of the text, and stay the same from document to document.
class FormTable {
 public:
  explicit FormTable(std::size_t expected_forms = 0) : ids_(expected_forms) { ascii_ids_.fill(kNoId); }
  // The id of `folded`, added when the table does not hold it yet.
  std::uint32_t intern(std::string_view folded) {
    return ids_.find_or_add(folded, [&] {
      texts_.emplace_back(folded);
      return static_cast<std::uint32_t>(texts_.size() - 1);
    });
  }
  // intern() of one ASCII character (a punctuation mark, a one-letter
  // word: a token in five), hashed once a table.
  std::uint32_t intern_ascii(char c) {
    std::uint32_t& id = ascii_ids_[static_cast<unsigned char>(c) & 0x7F];
    if (id == kNoId) id = intern(std::string_view(&c, 1));
    return id;
  }
  std::string_view text(std::uint32_t id) const { return texts_[id]; }
  std::size_t size() const { return texts_.size(); }

 private:
  StringTable<std::uint32_t> ids_;
  std::deque<std::string> texts_;  // a deque: adding never moves a text
  static constexpr std::uint32_t kNoId = 0xffffffffu;
  std::array<std::uint32_t, 128> ascii_ids_;  // intern_ascii's answers, kNoId before
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
  // The folded forms the tokens view (set by Segmenter::segment): the
  // segmenter's table, which also holds the forms of the documents it
  // made before. Shared, so that the document and its copies keep their
  // tokens' views valid whatever the segmenter does next.
  std::shared_ptr<FormTable> forms;

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

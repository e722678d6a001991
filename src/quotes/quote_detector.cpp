// Quote detection over paragraphs with a stack of open quotations.
#include "quotegraph/quotes/quote_detector.h"

#include <algorithm>
#include <array>

#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/quote_marks.h"
#include "quotegraph/text/text.h"

namespace quotegraph {
namespace {

enum class Family { kGuillemet, kCurly, kStraight, kSingleGuillemet, kSingleCurly, kSingleStraight };

struct Open {
  std::uint32_t pos;
  Family family;
  std::uint32_t paragraph;
  char32_t mark = 0;  // the opening character (« “ „ " ‹ ‘)
  std::uint32_t width = 1;  // 2 for a doubled apostrophe ('')
};

// Paragraphs after the one a « was left open in where its » may still come
// with no mark at the breaks: a long quotation of the press runs over two or
// three paragraphs; further on, a » closes another quotation.
constexpr std::uint32_t kMaxOpenParagraphs = 3;

// Ends a sentence: where a quotation whose closer is missing is cut.
bool is_sentence_end(char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == 0x2026; }

bool is_terminal_punct(char32_t c) {
  return c == U',' || c == U'.' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == 0x2026;
}

std::uint32_t skip_space_forward(std::u32string_view t, std::uint32_t i, std::uint32_t end) {
  while (i < end && is_space(t[i])) ++i;
  return i;
}
std::uint32_t skip_space_back(std::u32string_view t, std::uint32_t i, std::uint32_t begin) {
  while (i > begin && is_space(t[i - 1])) --i;
  return i;
}

// A quotation mark typed with two ASCII characters: '' for a straight
// double quote (is_double_apostrophe, text.h), << and >> for « and » (keyboards without
// guillemets; a run of three or more is an arrow or a shift, not a mark).
// Returns the mark it stands for and sets `width` to 2, or returns 0.
char32_t two_character_mark(std::u32string_view t, std::uint32_t i, std::uint32_t begin, std::uint32_t end,
                            std::uint32_t& width) {
  if (is_double_apostrophe(t, i, end)) {
    width = 2;
    return U'"';
  }
  const char32_t c = t[i];
  if ((c != U'<' && c != U'>') || i + 1 >= end || t[i + 1] != c) return 0;
  if ((i > begin && t[i - 1] == c) || (i + 2 < end && t[i + 2] == c)) return 0;
  width = 2;
  return c == U'<' ? char32_t{0x00AB} : char32_t{0x00BB};
}

// Where a mark stands tells its direction when its shape does not (” typed
// for both marks, ' used as a single quotation mark): a mark opens after a
// space, a bracket or the paragraph start, before a word; it closes after
// a word or a sentence end, before a space, punctuation or the end.
bool opening_position(std::u32string_view t, std::uint32_t i, std::uint32_t begin, std::uint32_t end) {
  const bool after_space = i == begin || is_space(t[i - 1]) || t[i - 1] == U'(' || t[i - 1] == U':';
  return after_space && i + 1 < end && is_letter(t[i + 1]);
}
bool closing_position(std::u32string_view t, std::uint32_t i, std::uint32_t begin, std::uint32_t end) {
  if (i == begin || !(is_letter(t[i - 1]) || is_sentence_end(t[i - 1]))) return false;
  return i + 1 >= end || is_space(t[i + 1]) || is_terminal_punct(t[i + 1]) || t[i + 1] == U')';
}

// A single apostrophe used as a quotation mark ('Nous ne signerons pas',
// a lancé …): never between two letters (aujourd'hui, l'accord) nor after
// an elided word before a space (qu' il, a typo), which is why it only
// opens before a word after a space and only closes a quotation it opened.
bool single_quote_mark(std::u32string_view t, std::uint32_t i) { return t[i] == U'\'' || t[i] == 0x2019; }
// After a word of one letter (l' autre, d' abord), an elision typed apart.
bool after_one_letter_word(std::u32string_view t, std::uint32_t i, std::uint32_t begin) {
  return i >= begin + 1 && is_letter(t[i - 1]) && (i == begin + 1 || !is_letter(t[i - 2]));
}
bool closes_single_quote(std::u32string_view t, std::uint32_t i, std::uint32_t begin, std::uint32_t end) {
  return closing_position(t, i, begin, end) && !after_one_letter_word(t, i, begin);
}
bool opens_single_quote(std::u32string_view t, std::uint32_t i, std::uint32_t begin, std::uint32_t end) {
  if (!opening_position(t, i, begin, end)) return false;
  // After a word of one letter, it is an elision typed apart (l 'accord).
  return !(i >= begin + 2 && is_space(t[i - 1]) && after_one_letter_word(t, i - 1, begin));
}

// Whether a code point from U+0080 up is surely no quotation mark, no
// apostrophe and no ellipsis, so that neither scan of a paragraph stops
// at it: letters with accents, dashes, spaces. Every code point of every
// paragraph is tested once (find_stops); the ones that may be a mark (« » ‘ ’ “ ” „ ‟
// ‹ › … ″ ʺ ʼ ＂ and the rest of U+2018 to U+201F) take the full path.
bool plain_above_ascii(char32_t c) {
  if (c < 0x2018) return c != 0x00AB && c != 0x00BB && c != 0x02BA && c != 0x02BC;
  if (c > 0x203A) return c != 0xFF02;
  return c > 0x201F && c != 0x2026 && c != 0x2033 && c != 0x2039 && c != 0x203A;
}

// ASCII characters either scan of a paragraph stops at: the marks typed on
// a keyboard (" ' < >), and for scan_paragraph also the ends of a sentence
// or a clause and the comma (note_clause_end). 1: both scans, 2: the
// clause ends only.
constexpr std::array<unsigned char, 128> kAsciiStops = [] {
  std::array<unsigned char, 128> stops{};
  for (char c : {'"', '\'', '<', '>'}) stops[static_cast<unsigned char>(c)] = 1;
  for (char c : {':', '.', '!', '?', ','}) stops[static_cast<unsigned char>(c)] = 2;
  return stops;
}();

// The text at a quotation mark, for a warning.
std::string excerpt_at(std::u32string_view t, std::uint32_t pos) { return cut_excerpt(t, pos, 40); }

}  // namespace

std::vector<Quote> detect_quotes(const Document& doc, Diagnostics& diags) {
  return detect_quotes(doc, diags, QuoteLimits{});
}

namespace {

// One pass over a document's paragraphs with a stack of open quotation
// marks; detect_quotes() runs it.
class QuoteScanner {
 public:
  QuoteScanner(const Document& doc, Diagnostics& diags, const QuoteLimits& limits)
      : doc_(doc), diags_(diags), limits_(limits), t_(doc.text) {}

  std::vector<Quote> run() {
    for (std::uint32_t p = 0; p < doc_.paragraphs.size(); ++p) scan_paragraph(p);
    set_depths();
    return std::move(quotes_);
  }

 private:
  // Records the quotation opened at `o` and closed at `close_pos`, its
  // content ending at `content_end`, unless it is longer than the limit.
  void finish(const Open& o, std::uint32_t close_pos, std::uint32_t content_end, std::uint32_t last_para,
              bool balanced) {
    Quote q;
    q.open = o.pos;
    q.close = close_pos;
    q.begin = skip_space_forward(t_, o.pos + o.width, content_end);
    q.end = skip_space_back(t_, content_end, q.begin);
    q.paragraph = o.paragraph;
    q.last_paragraph = last_para;
    q.balanced = balanced;
    q.depth = static_cast<int>(stack_.size());  // called after the pop
    if (q.end - q.begin > limits_.max_quote_chars) {
      diags_.warning(DiagCode::kLimit, doc_.name, o.pos,
                     "quotation of " + std::to_string(q.end - q.begin) +
                         " characters is longer than the limit of " +
                         std::to_string(limits_.max_quote_chars) + ": not taken as a quotation",
                     excerpt_at(t_, o.pos));
      return;
    }
    if (q.end > q.begin) quotes_.push_back(q);
  }

  // Closes the quotation on top of the stack, balanced: its content ends
  // at `i`, its closing mark is at `close_pos` (the last of a doubled one).
  void close_top(std::uint32_t i, std::uint32_t p, std::uint32_t close_pos) {
    Open o = stack_.back();
    stack_.pop_back();
    finish(o, close_pos, i, p, true);
    last_blocker_ = close_pos;
  }

  // Pushes an opening mark unless it would nest deeper than the limit
  // (hostile input: hundreds of « in a row); warns once per paragraph.
  void push_open(const Open& o) {
    // A single ' nests innermost and never holds another family's
    // quotation: one that opens after it shows it was an apostrophe.
    if (!stack_.empty() && stack_.back().family == Family::kSingleStraight && o.family != Family::kSingleStraight)
      stack_.pop_back();
    if (stack_.size() < limits_.max_depth) {
      stack_.push_back(o);
      return;
    }
    if (depth_warned_) return;
    depth_warned_ = true;
    diags_.warning(DiagCode::kLimit, doc_.name, o.pos,
                   "quotation marks nested deeper than the limit of " + std::to_string(limits_.max_depth) +
                       ": deeper opening marks in this paragraph are ignored",
                   excerpt_at(t_, o.pos));
  }

  void scan_paragraph(std::uint32_t p) {
    const Paragraph& para = doc_.paragraphs[p];
    depth_warned_ = false;
    find_stops(para);
    count_closers(para);
    std::uint32_t i = continue_from_previous(p);
    clause_start_ = i;
    last_blocker_ = kNoReach;
    // Letters, digits, spaces and most signs change nothing: only the
    // stops are read.
    for (const std::uint32_t stop : stops_) {
      if (stop < i) continue;  // inside a mark of two characters, or before the scan's start
      i = stop;
      const char32_t c = t_[i];
      if (c < 0xAB && c != U'"' && c != U'\'' && c != U'<' && c != U'>') {  // no mark below «, but for these
        note_clause_end(i, para.end);
        continue;
      }
      std::uint32_t width = 1;
      const char32_t two = two_character_mark(t_, i, para.begin, para.end, width);
      if (two == U'"') on_straight(i, p, 2);
      else if (two == 0x00AB && guillemet_closers_ > 0) on_guillemet_open(i, p, 2);  // << with a >> to come
      else if (two == 0x00BB) width = on_closer(two, i, p, 2);
      else width = on_mark(c, i, p);
      i += width;
    }
    close_paragraph(p);
  }

  // Fills stops_ with the code points of `para` either scan stops at, in
  // order: above ASCII those plain_above_ascii does not pass, in ASCII
  // those of kAsciiStops. One pass over the paragraph's text for both
  // scans (count_closers, then scan_paragraph's).
  void find_stops(const Paragraph& para) {
    stops_.clear();
    for (std::uint32_t i = para.begin; i < para.end; ++i) {
      while (i < para.end && (t_[i] < 0x80 ? kAsciiStops[t_[i]] == 0 : plain_above_ascii(t_[i]))) ++i;
      if (i == para.end) break;
      stops_.push_back(i);
    }
  }

  // A sentence end or a colon: a quotation whose opening mark was left out
  // starts after it (open_before).
  void note_clause_end(std::uint32_t i, std::uint32_t end) {
    const char32_t c = t_[i];
    if (c == U':' || ((c == U'.' || c == U'!' || c == U'?') && (i + 1 >= end || is_space(t_[i + 1]))))
      clause_start_ = i + 1;
    else if (c == U',')
      last_blocker_ = i;
  }

  // One quotation mark of one character at `i`; returns the characters it
  // takes (2 for a doubled » read as one).
  std::uint32_t on_mark(char32_t c, std::uint32_t i, std::uint32_t p) {
    switch (c) {
      case 0x2018:  // ‘ opens the inner quotation of English-style nesting
        push_open({i, Family::kSingleCurly, p, c});
        break;
      case U'\'':
      case 0x2019:  // ’ is the apostrophe, but closes an open ‘ before a non-letter
        on_apostrophe(i, p);
        break;
      case 0x00AB:  // «
        return on_guillemet_open(i, p, 1);
      case 0x201C:  // “ opens, or closes a German-style „ … “ quotation
      case 0x201F:  // ‟, a reversed “ some fonts and converters give for it
        on_curly_open(i, p);
        break;
      case 0x201E:  // „
        push_open({i, Family::kCurly, p, c});
        break;
      case 0x2039:  // ‹
        push_open({i, Family::kSingleGuillemet, p});
        break;
      case 0x00BB:  // »
      case 0x201D:  // ”
      case 0x203A:  // ›
        return on_closer(c, i, p, 1);
      case U'"':
      case 0x2033:  // ″ ʺ ＂ typed or converted for " (is_straight_double_quote)
      case 0x02BA:
      case 0xFF02:
        if (surely_unit_sign(i)) break;
        if (maybe_unit_sign(i) && (stack_.empty() || stack_.back().family != Family::kStraight)) {
          --straight_marks_;  // counted by count_mark: a closer only when one is open
          break;
        }
        on_straight(i, p, 1);
        break;
      case 0x2026:  // …
        clause_start_ = i + 1;
        break;
      default:
        break;
    }
    return 1;
  }

  // ' or ’: the apostrophe, unless it closes an open ‘ (’ before a
  // non-letter), closes a single quotation it opened, or opens one before
  // a word after a space when a closing one comes in the paragraph.
  void on_apostrophe(std::uint32_t i, std::uint32_t p) {
    const Paragraph& para = doc_.paragraphs[p];
    const bool closes = closes_single_quote(t_, i, para.begin, para.end);
    if (closes) --single_closers_;
    if (stack_.empty()) {
      if (single_closers_ > 0 && opens_single_quote(t_, i, para.begin, para.end))
        push_open({i, Family::kSingleStraight, p, t_[i]});
      return;
    }
    const Family top = stack_.back().family;
    if (top == Family::kSingleCurly && t_[i] == 0x2019 && (i + 1 >= para.end || !is_letter(t_[i + 1])))
      close_top(i, p, i);
    else if (top == Family::kSingleStraight && closes)
      close_top(i, p, i);
    else if (top != Family::kSingleStraight && single_closers_ > 0 && opens_single_quote(t_, i, para.begin, para.end))
      push_open({i, Family::kSingleStraight, p, t_[i]});
  }

  // “ opens, but closes a German-style „ … “ quotation, and closes a “
  // quotation when it stands where a closer stands and no ” comes (“ typed
  // for both marks: “Nous allons porter plainte“, a réagi …).
  void on_curly_open(std::uint32_t i, std::uint32_t p) {
    const Paragraph& para = doc_.paragraphs[p];
    const bool top_curly = !stack_.empty() && stack_.back().family == Family::kCurly;
    if (top_curly && (stack_.back().mark == 0x201E ||
                      (curly_closers_ == 0 && closing_position(t_, i, para.begin, para.end))))
      close_top(i, p, i);
    else
      push_open({i, Family::kCurly, p, 0x201C});
  }

  // Closers of each family still to come in `para`, so that a mismatched
  // closer only stands in when the right one never comes.
  void count_closers(const Paragraph& para) {
    guillemet_closers_ = curly_closers_ = straight_marks_ = single_closers_ = 0;
    // « and » paired innermost first: the « left over have no closer here.
    unmatched_guillemets_.clear();
    std::uint32_t next = para.begin;  // past the mark counted last
    for (const std::uint32_t i : stops_) {
      if (i < next) continue;
      const char32_t c = t_[i];
      if (c < 0x80 && kAsciiStops[c] != 1) continue;  // an end of clause: scan_paragraph's only
      if (c < 0xAB && c != U'"' && c != U'\'' && c != U'<' && c != U'>') continue;  // letters, most punctuation
      std::uint32_t width = 1;
      const char32_t mark = two_character_mark(t_, i, para.begin, para.end, width);
      count_mark(mark != 0 ? mark : c, i);
      if (mark == 0 && single_quote_mark(t_, i) && closes_single_quote(t_, i, para.begin, para.end)) ++single_closers_;
      next = i + width;
    }
  }

  void count_mark(char32_t c, std::uint32_t i) {
    if (c == 0x00AB) unmatched_guillemets_.push_back(i);
    if (c == 0x00BB && !unmatched_guillemets_.empty()) unmatched_guillemets_.pop_back();
    if (c == 0x00BB) ++guillemet_closers_;
    else if (c == 0x201D) ++curly_closers_;
    else if (is_straight_double_quote(c) && !surely_unit_sign(i)) ++straight_marks_;
  }

  // ″ after a digit may be the sign of seconds or inches (« un écran de
  // 6,5″ »), or close a quotation typed with ″ (« a dit ″Le budget sera de
  // 12″ hier »): a closer only when a straight quotation is open.
  bool maybe_unit_sign(std::uint32_t i) const { return t_[i] == 0x2033 && i > 0 && is_digit(t_[i - 1]); }

  // ″ between digits (« 9″58 »), or after a ′ or a ° and the digits that
  // follow it (« 45°30′15″ », « 1′52″ »), is surely a unit sign.
  bool surely_unit_sign(std::uint32_t i) const {
    if (t_[i] != 0x2033 || i == 0) return false;
    if (t_[i - 1] == 0x2032) return true;
    if (!is_digit(t_[i - 1])) return false;
    if (i + 1 < t_.size() && is_digit(t_[i + 1])) return true;
    std::uint32_t k = i - 1;
    while (k > 0 && i - k <= 6 && is_digit(t_[k])) --k;
    return t_[k] == 0x2032 || t_[k] == 0x00B0;
  }

  // Continuation of a quote left open in the previous paragraph: the
  // paragraph reopens with « (or starts with »); that mark is skipped.
  // Otherwise the quotes still open end with the previous paragraph.
  // Returns where paragraph `p`'s scan starts.
  std::uint32_t continue_from_previous(std::uint32_t p) {
    const Paragraph& para = doc_.paragraphs[p];
    if (stack_.empty()) return para.begin;
    std::uint32_t k = skip_space_forward(t_, para.begin, para.end);
    bool reopened = k < para.end && ((t_[k] == 0x00AB && stack_.back().family == Family::kGuillemet) ||
                                     (t_[k] == 0x201C && stack_.back().family == Family::kCurly) ||
                                     (t_[k] == 0x00BB && stack_.back().family == Family::kGuillemet));
    if (reopened) {
      if (t_[k] == 0x00BB) --guillemet_closers_;
      return k + 1;
    }
    // The writer may leave out the mark that reopens the quotation (« … ¶
    // … », poursuit-il), over one paragraph or a few: the quotation left
    // open goes on over the breaks when a » closes it soon enough.
    if (stack_.back().family == Family::kGuillemet && closer_within_reach(p)) return para.begin;
    while (!stack_.empty()) {
      Open o = stack_.back();
      stack_.pop_back();
      const Paragraph& prev = doc_.paragraphs[p - 1];
      diags_.warning(DiagCode::kUnbalancedQuote, doc_.name, o.pos,
                     "opening quotation mark without a closing one in its paragraph", excerpt_at(t_, o.pos));
      finish(o, prev.end, prev.end, p - 1, false);
    }
    return para.begin;
  }

  // Whether the guillemet quotation left open before paragraph `p` is
  // closed by a » that comes before any « in one of the next paragraphs,
  // at most kMaxOpenParagraphs after the one it was left open in. The
  // French press writes a long quotation over paragraphs with « reopened
  // at each one, or with no mark at the breaks at all (« … ¶ … ¶ … »); a
  // paragraph crossed without a mark must read as the speaker's prose: no
  // quotation mark (a mark there belongs to another quotation), not a
  // dialogue turn (a dash gives the word to someone else) and not an
  // intertitle (no sentence end). Each paragraph is looked at a bounded
  // number of times: the search is remembered in reach_end_.
  bool closer_within_reach(std::uint32_t p) {
    if (p <= reach_end_ && reach_end_ != kNoReach) return true;
    const auto n = static_cast<std::uint32_t>(doc_.paragraphs.size());
    for (std::uint32_t k = p; k < n && k < p + kMaxOpenParagraphs; ++k) {
      const Paragraph& para = doc_.paragraphs[k];
      // The paragraph right after keeps any other mark before its » (as
      // before this search reached further).
      const char32_t first = first_quotation_mark(para, k > p);
      if (first == 0x00BB && (k == p || !opens_with_dash(para))) {
        reach_end_ = k;
        return true;
      }
      if (first != 0 || !is_prose_continuation(para)) return false;
    }
    return false;
  }

  // The first guillemet of `para` (of any family with `any_family`), or 0.
  char32_t first_quotation_mark(const Paragraph& para, bool any_family) const {
    for (std::uint32_t i = para.begin; i < para.end; ++i) {
      const char32_t c = t_[i];
      if (c == 0x00AB || c == 0x00BB) return c;
      if (any_family && (is_straight_double_quote(c) || (c >= 0x201C && c <= 0x201F) || c == 0x2039 || c == 0x203A))
        return c;
    }
    return 0;
  }

  // A dialogue dash (— – ―) opens `para`: a turn of dialogue.
  bool opens_with_dash(const Paragraph& para) const {
    const std::uint32_t k = skip_space_forward(t_, para.begin, para.end);
    return k < para.end && (t_[k] == 0x2014 || t_[k] == 0x2013 || t_[k] == 0x2015);
  }

  // A paragraph a quotation may run over unmarked: prose that ends a
  // sentence, not a dialogue turn, with no quotation mark of its own.
  bool is_prose_continuation(const Paragraph& para) const {
    const std::uint32_t e = skip_space_back(t_, para.end, para.begin);
    return e > para.begin && is_sentence_end(t_[e - 1]) && !opens_with_dash(para) &&
           first_quotation_mark(para, true) == 0;
  }

  // A « typed for a closing » (« … évidemment « , a-t-il dit): an open
  // guillemet quote, nothing but punctuation after it, and no real » to
  // come. Otherwise an opener, `width` characters wide (2 for <<); «« typed
  // twice opens one quotation when the paragraph's » close only one of
  // them. Returns the characters taken.
  std::uint32_t on_guillemet_open(std::uint32_t i, std::uint32_t p, std::uint32_t width) {
    const Paragraph& para = doc_.paragraphs[p];
    std::uint32_t k = skip_space_forward(t_, i + width, para.end);
    bool looks_closing = !stack_.empty() && stack_.back().family == Family::kGuillemet &&
                         guillemet_closers_ == 0 && (k == para.end || is_terminal_punct(t_[k]));
    if (looks_closing) {
      close_top(i, p, i);
      return width;
    }
    if (closer_forgotten(p)) cut_top_before(i, p);
    if (width == 1 && i + 1 < para.end && t_[i + 1] == 0x00AB &&
        std::binary_search(unmatched_guillemets_.begin(), unmatched_guillemets_.end(), i))
      width = 2;
    push_open({i, Family::kGuillemet, p, 0x00AB, width});
    return width;
  }

  // French news nests quotations in other marks (« … “ … ” … »), so a «
  // opened inside a « of this paragraph that no » will close, in a
  // paragraph the next one does not continue by reopening with «, is a
  // closer the writer forgot (« Le site est en ligne. Il dit « non » …).
  bool closer_forgotten(std::uint32_t p) const {
    if (stack_.empty() || stack_.back().family != Family::kGuillemet || stack_.back().paragraph != p) return false;
    if (!std::binary_search(unmatched_guillemets_.begin(), unmatched_guillemets_.end(), stack_.back().pos))
      return false;
    if (p + 1 >= doc_.paragraphs.size()) return true;
    const Paragraph& next = doc_.paragraphs[p + 1];
    std::uint32_t k = skip_space_forward(t_, next.begin, next.end);
    return k >= next.end || (t_[k] != 0x00AB && t_[k] != 0x00BB);
  }

  // Ends the quotation on top of the stack, unbalanced, at its last
  // sentence end before `i` (or at `i` when it has none).
  void cut_top_before(std::uint32_t i, std::uint32_t p) {
    Open o = stack_.back();
    stack_.pop_back();
    std::uint32_t end = i;
    for (std::uint32_t k = i; k > o.pos + 1; --k) {
      if (!is_sentence_end(t_[k - 1])) continue;
      end = k;
      break;
    }
    diags_.warning(DiagCode::kUnbalancedQuote, doc_.name, o.pos,
                   "opening quotation mark without a closing one before the next opening one", excerpt_at(t_, o.pos));
    finish(o, end, end, p, false);
  }

  // », ” or ›: closes the innermost quote of its family (and the quotes
  // opened inside it), or the top quote when that one's closer never comes.
  // A ” where an opener stands opens when another ” comes (” typed for
  // both marks). Returns the characters taken (»» typed twice is one mark
  // when nothing is left for the second to close).
  std::uint32_t on_closer(char32_t c, std::uint32_t i, std::uint32_t p, std::uint32_t width) {
    Family fam = c == 0x00BB ? Family::kGuillemet : c == 0x201D ? Family::kCurly : Family::kSingleGuillemet;
    if (c == 0x00BB) --guillemet_closers_;
    if (c == 0x201D) --curly_closers_;
    const Paragraph& para = doc_.paragraphs[p];
    auto match = std::find_if(stack_.rbegin(), stack_.rend(), [&](const Open& o) { return o.family == fam; });
    if (c == 0x201D && match == stack_.rend() && curly_closers_ > 0 &&
        opening_position(t_, i, para.begin, para.end)) {
      push_open({i, Family::kCurly, p, c});
      return width;
    }
    if (match == stack_.rend() && !stack_.empty()) {
      // A closer of another family stands in for the top quote's
      // closer when that one never comes in this paragraph (« … ”).
      const Open& top = stack_.back();
      bool own_closer_comes = (top.family == Family::kGuillemet && guillemet_closers_ > 0) ||
                              (top.family == Family::kCurly && curly_closers_ > 0) ||
                              (top.family == Family::kStraight && straight_marks_ > 0);
      if (!own_closer_comes) match = stack_.rbegin();
    }
    if (match == stack_.rend()) {
      diags_.warning(DiagCode::kStrayQuote, doc_.name, i, "closing quotation mark without an opening one",
                     excerpt_at(t_, i));
      if (stack_.empty()) open_before(fam, i, p, width);
      return width;
    }
    std::size_t idx = stack_.size() - 1 - static_cast<std::size_t>(match - stack_.rbegin());
    // Quotes opened inside and never closed end here.
    while (stack_.size() > idx + 1) {
      Open inner = stack_.back();
      stack_.pop_back();
      if (inner.family == Family::kSingleCurly || inner.family == Family::kSingleStraight) continue;
      diags_.warning(DiagCode::kUnbalancedQuote, doc_.name, inner.pos,
                     "opening quotation mark closed by an outer quotation", excerpt_at(t_, inner.pos));
      finish(inner, i, i, p, false);
    }
    // The second of »» closes nothing when no guillemet is open below.
    const bool doubled = c == 0x00BB && width == 1 && i + 1 < para.end && t_[i + 1] == 0x00BB && idx == 0;
    if (doubled) --guillemet_closers_;
    close_top(i, p, doubled ? i + 1 : i);
    return doubled ? 2 : width;
  }

  // A closer with no opener before « , a dit X » (the writer left the
  // opening mark out: « Le maire a visité le chantier. Les travaux avancent
  // », a-t-il affirmé »): the quotation starts after the last sentence end,
  // colon before it in its paragraph (clause_start_, kept by the scan, so
  // nothing is searched back), when no comma or quotation stands between.
  // Only before a comma and a word in lower case, the shape of an incise or
  // a source marker.
  void open_before(Family fam, std::uint32_t i, std::uint32_t p, std::uint32_t width) {
    const Paragraph& para = doc_.paragraphs[p];
    std::uint32_t k = skip_space_forward(t_, i + width, para.end);
    if (k >= para.end || t_[k] != U',') return;
    k = skip_space_forward(t_, k + 1, para.end);
    if (k >= para.end || !is_letter(t_[k]) || is_upper(t_[k])) return;
    // A comma or a quotation in the clause may end what introduces the
    // quotation (Selon X, …; Le ministre, Paul Y, a déclaré que …; qualifié
    // d'« odieux » et …): the start is not known.
    const std::uint32_t b = skip_space_forward(t_, clause_start_, i);
    if (b >= i || (last_blocker_ >= b && last_blocker_ < i)) return;
    finish({b, fam, p, 0, 0}, i, i, p, true);
    clause_start_ = i + width;
  }

  // A straight mark: closes a straight quote, is a stray closer, closes a
  // quote of another family whose closer never comes (« … "), or opens.
  void on_straight(std::uint32_t i, std::uint32_t p, std::uint32_t width) {
    const Paragraph& para = doc_.paragraphs[p];
    --straight_marks_;
    bool top_straight = !stack_.empty() && stack_.back().family == Family::kStraight;
    const std::uint32_t n = i + width;
    bool next_is_space = n >= para.end || is_space(t_[n]) || is_terminal_punct(t_[n]) || t_[n] == U')' ||
                         t_[n] == 0x00BB;
    if (top_straight) {
      close_top(i, p, i);
    } else if (next_is_space && straight_marks_ < 0) {
      diags_.warning(DiagCode::kStrayQuote, doc_.name, i, "closing quotation mark without an opening one",
                     excerpt_at(t_, i));
    } else {
      bool closes_other = !stack_.empty() && next_is_space && straight_marks_ == 0 &&
                          ((stack_.back().family == Family::kGuillemet && guillemet_closers_ == 0) ||
                           (stack_.back().family == Family::kCurly && curly_closers_ == 0));
      if (closes_other) close_top(i, p, i);
      else push_open({i, Family::kStraight, p, 0, width});
    }
  }

  // Straight and curly quotes never continue over paragraphs; guillemets
  // may (the next paragraph looks for the reopening mark).
  void close_paragraph(std::uint32_t p) {
    const Paragraph& para = doc_.paragraphs[p];
    bool last = p + 1 == doc_.paragraphs.size();
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (!last && stack_[k].family == Family::kGuillemet) continue;
      Open o = stack_[k];
      stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k));
      // A ‘ or ' never closed quotes nothing.
      if (o.family == Family::kSingleCurly || o.family == Family::kSingleStraight) continue;
      diags_.warning(DiagCode::kUnbalancedQuote, doc_.name, o.pos,
                     "opening quotation mark without a closing one in its paragraph", excerpt_at(t_, o.pos));
      finish(o, para.end, para.end, p, false);
    }
  }

  // Sorts the quotations and sets their depth from containment, with a
  // stack of the enclosing quotes' closes.
  void set_depths() {
    std::sort(quotes_.begin(), quotes_.end(), [](const Quote& a, const Quote& b) { return a.open < b.open; });
    std::vector<std::uint32_t> enclosing;
    for (Quote& q : quotes_) {
      while (!enclosing.empty() && enclosing.back() <= q.open) enclosing.pop_back();
      q.depth = static_cast<int>(enclosing.size());
      enclosing.push_back(q.close);
    }
  }

  const Document& doc_;
  Diagnostics& diags_;
  const QuoteLimits& limits_;
  std::u32string_view t_;
  std::vector<Open> stack_;
  std::vector<Quote> quotes_;
  bool depth_warned_ = false;
  int guillemet_closers_ = 0, curly_closers_ = 0, straight_marks_ = 0, single_closers_ = 0;
  // Where a quotation whose opening mark was left out would start in the
  // paragraph being scanned (open_before).
  std::uint32_t clause_start_ = 0;
  // The last comma or closed quotation seen in the paragraph (open_before).
  std::uint32_t last_blocker_ = kNoReach;
  std::vector<std::uint32_t> unmatched_guillemets_;  // « of the paragraph no » closes, ascending
  std::vector<std::uint32_t> stops_;  // find_stops: where the scans of the paragraph stop, ascending
  // Last paragraph the quotation left open reaches (closer_within_reach).
  static constexpr std::uint32_t kNoReach = 0xFFFFFFFFu;
  std::uint32_t reach_end_ = kNoReach;
};

}  // namespace

std::vector<Quote> detect_quotes(const Document& doc, Diagnostics& diags, const QuoteLimits& limits) {
  return QuoteScanner(doc, diags, limits).run();
}

}  // namespace quotegraph

// Quote detection over paragraphs with a stack of open quotations.
#include "quotegraph/quotes/quote_detector.h"

#include <algorithm>

#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

namespace quotegraph {
namespace {

enum class Family { kGuillemet, kCurly, kStraight, kSingleGuillemet };

struct Open {
  std::uint32_t pos;
  Family family;
  std::uint32_t paragraph;
  char32_t mark = 0;  // the opening character (« “ „ " ‹)
};

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

// The text at a quotation mark, for a warning.
std::string excerpt_at(std::u32string_view t, std::uint32_t pos) { return cut_excerpt(t, pos, 40); }

}  // namespace

std::vector<Quote> detect_quotes(const Document& doc, Diagnostics& diags) {
  return detect_quotes(doc, diags, QuoteLimits{});
}

std::vector<Quote> detect_quotes(const Document& doc, Diagnostics& diags, const QuoteLimits& limits) {
  std::vector<Quote> quotes;
  std::u32string_view t(doc.text);
  std::vector<Open> stack;

  auto finish = [&](const Open& o, std::uint32_t close_pos, std::uint32_t content_end,
                    std::uint32_t last_para, bool balanced) {
    Quote q;
    q.open = o.pos;
    q.close = close_pos;
    q.begin = skip_space_forward(t, o.pos + 1, content_end);
    q.end = skip_space_back(t, content_end, q.begin);
    q.paragraph = o.paragraph;
    q.last_paragraph = last_para;
    q.balanced = balanced;
    q.depth = static_cast<int>(stack.size());  // called after the pop
    if (q.end - q.begin > limits.max_quote_chars) {
      diags.warning(DiagCode::kLimit, doc.name, o.pos,
                    "quotation of " + std::to_string(q.end - q.begin) +
                        " characters is longer than the limit of " +
                        std::to_string(limits.max_quote_chars) + ": not taken as a quotation",
                    excerpt_at(t, o.pos));
      return;
    }
    if (q.end > q.begin) quotes.push_back(q);
  };
  // Pushes an opening mark unless it would nest deeper than the limit
  // (hostile input: hundreds of « in a row); warns once per paragraph.
  bool depth_warned = false;
  auto push_open = [&](const Open& o) {
    if (stack.size() < limits.max_depth) {
      stack.push_back(o);
      return;
    }
    if (depth_warned) return;
    depth_warned = true;
    diags.warning(DiagCode::kLimit, doc.name, o.pos,
                  "quotation marks nested deeper than the limit of " + std::to_string(limits.max_depth) +
                      ": deeper opening marks in this paragraph are ignored",
                  excerpt_at(t, o.pos));
  };

  for (std::uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    depth_warned = false;
    // Closers of each family still to come in this paragraph, so that a
    // mismatched closer only stands in when the right one never comes.
    int guillemet_closers = 0, curly_closers = 0, straight_marks = 0;
    for (std::uint32_t i = para.begin; i < para.end; ++i) {
      if (t[i] == 0x00BB) ++guillemet_closers;
      else if (t[i] == 0x201D) ++curly_closers;
      else if (t[i] == U'"') ++straight_marks;
    }
    std::uint32_t i = para.begin;
    // Continuation of a quote left open in the previous paragraph: the
    // paragraph reopens with « (or starts with »); skip that mark.
    if (!stack.empty()) {
      std::uint32_t k = skip_space_forward(t, para.begin, para.end);
      bool reopened = k < para.end && ((t[k] == 0x00AB && stack.back().family == Family::kGuillemet) ||
                                       (t[k] == 0x201C && stack.back().family == Family::kCurly) ||
                                       (t[k] == 0x00BB && stack.back().family == Family::kGuillemet));
      if (reopened) {
        i = k + 1;
        if (t[k] == 0x00BB) --guillemet_closers;
      } else {
        while (!stack.empty()) {
          Open o = stack.back();
          stack.pop_back();
          const Paragraph& prev = doc.paragraphs[p - 1];
          diags.warning(DiagCode::kUnbalancedQuote, doc.name, o.pos,
                        "opening quotation mark without a closing one in its paragraph",
                        excerpt_at(t, o.pos));
          finish(o, prev.end, prev.end, p - 1, false);
        }
      }
    }
    for (; i < para.end; ++i) {
      char32_t c = t[i];
      switch (c) {
        case 0x00AB: {  // «
          // A « typed for a closing » (« … évidemment « , a-t-il dit): an
          // open guillemet quote, nothing but punctuation after it, and no
          // real » to come.
          std::uint32_t k = skip_space_forward(t, i + 1, para.end);
          bool looks_closing = !stack.empty() && stack.back().family == Family::kGuillemet &&
                               guillemet_closers == 0 && (k == para.end || is_terminal_punct(t[k]));
          if (looks_closing) {
            Open o = stack.back();
            stack.pop_back();
            finish(o, i, i, p, true);
          } else {
            push_open({i, Family::kGuillemet, p});
          }
          break;
        }
        case 0x201C:  // “ opens, or closes a German-style „ … “ quotation
          if (!stack.empty() && stack.back().mark == 0x201E) {
            Open o = stack.back();
            stack.pop_back();
            finish(o, i, i, p, true);
          } else {
            push_open({i, Family::kCurly, p, c});
          }
          break;
        case 0x201E:  // „
          push_open({i, Family::kCurly, p, c});
          break;
        case 0x2039:  // ‹
          push_open({i, Family::kSingleGuillemet, p});
          break;
        case 0x00BB:    // »
        case 0x201D:    // ”
        case 0x203A: {  // ›
          Family fam = c == 0x00BB ? Family::kGuillemet
                                   : c == 0x201D ? Family::kCurly : Family::kSingleGuillemet;
          if (c == 0x00BB) --guillemet_closers;
          if (c == 0x201D) --curly_closers;
          auto match = std::find_if(stack.rbegin(), stack.rend(),
                                    [&](const Open& o) { return o.family == fam; });
          if (match == stack.rend() && !stack.empty()) {
            // A closer of another family stands in for the top quote's
            // closer when that one never comes in this paragraph (« … ”).
            const Open& top = stack.back();
            bool own_closer_comes = (top.family == Family::kGuillemet && guillemet_closers > 0) ||
                                    (top.family == Family::kCurly && curly_closers > 0) ||
                                    (top.family == Family::kStraight && straight_marks > 0);
            if (!own_closer_comes) match = stack.rbegin();
          }
          if (match == stack.rend()) {
            diags.warning(DiagCode::kStrayQuote, doc.name, i,
                          "closing quotation mark without an opening one", excerpt_at(t, i));
            break;
          }
          std::size_t idx = stack.size() - 1 - static_cast<std::size_t>(match - stack.rbegin());
          // Quotes opened inside and never closed end here.
          while (stack.size() > idx + 1) {
            Open inner = stack.back();
            stack.pop_back();
            diags.warning(DiagCode::kUnbalancedQuote, doc.name, inner.pos,
                          "opening quotation mark closed by an outer quotation", excerpt_at(t, inner.pos));
            finish(inner, i, i, p, false);
          }
          Open o = stack.back();
          stack.pop_back();
          finish(o, i, i, p, true);
          break;
        }
        case U'"': {
          --straight_marks;
          bool top_straight = !stack.empty() && stack.back().family == Family::kStraight;
          bool next_is_space = i + 1 >= para.end || is_space(t[i + 1]) || is_terminal_punct(t[i + 1]) ||
                               t[i + 1] == U')' || t[i + 1] == 0x00BB;
          if (top_straight) {
            Open o = stack.back();
            stack.pop_back();
            finish(o, i, i, p, true);
          } else if (next_is_space && straight_marks < 0) {
            diags.warning(DiagCode::kStrayQuote, doc.name, i,
                          "closing quotation mark without an opening one", excerpt_at(t, i));
          } else {
            // An opener; a straight mark that closes a quote opened with
            // another family (« … ") is taken as a closer when that
            // family's closer never comes.
            bool closes_other = !stack.empty() && next_is_space && straight_marks == 0 &&
                                ((stack.back().family == Family::kGuillemet && guillemet_closers == 0) ||
                                 (stack.back().family == Family::kCurly && curly_closers == 0));
            if (closes_other) {
              Open o = stack.back();
              stack.pop_back();
              finish(o, i, i, p, true);
            } else {
              push_open({i, Family::kStraight, p});
            }
          }
          break;
        }
        default:
          break;
      }
    }
    // Straight and curly quotes never continue over paragraphs; guillemets
    // may (the next iteration looks for the reopening mark).
    bool last = p + 1 == doc.paragraphs.size();
    for (std::size_t k = stack.size(); k-- > 0;) {
      if (!last && stack[k].family == Family::kGuillemet) continue;
      Open o = stack[k];
      stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(k));
      diags.warning(DiagCode::kUnbalancedQuote, doc.name, o.pos,
                    "opening quotation mark without a closing one in its paragraph", excerpt_at(t, o.pos));
      finish(o, para.end, para.end, p, false);
    }
  }
  std::sort(quotes.begin(), quotes.end(),
            [](const Quote& a, const Quote& b) { return a.open < b.open; });
  // Depth from containment, with a stack of the enclosing quotes' closes.
  std::vector<std::uint32_t> enclosing;
  for (Quote& q : quotes) {
    while (!enclosing.empty() && enclosing.back() <= q.open) enclosing.pop_back();
    q.depth = static_cast<int>(enclosing.size());
    enclosing.push_back(q.close);
  }
  return quotes;
}

}  // namespace quotegraph

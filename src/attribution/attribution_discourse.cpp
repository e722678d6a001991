// Discourse context: quotations that have no cue of their own take their
// speaker from the text around them, after the sentence-level rules:
//   - a name in parentheses right after the closing mark, the press's way
//     of signing a headline quotation: « Nous ne céderons pas » (Dupont);
//   - the repetition of the same words elsewhere in the article, for a
//     headline or pull quote that the body quotes again with its speaker;
//   - the claim just before, for a quotation alone in its sentence or
//     paragraph when no other person is named in between (a second
//     quotation after « a-t-il ajouté », a quote-only paragraph);
//   - and the quotation closing the paragraph before, for a paragraph of
//     the speaker's words printed without marks (quotations_without_marks).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attribution_run.h"

#include "quotegraph/text/quote_marks.h"
#include "quotegraph/text/text.h"

namespace quotegraph::detail {

namespace {

// The quotation's words, folded, without spaces and punctuation at the ends.
std::string folded_words(const Document& doc, std::uint32_t begin, std::uint32_t end) {
  std::string f = fold(doc.slice(begin, end));
  std::size_t b = 0, e = f.size();
  auto edge = [](char c) { return c == ' ' || c == '.' || c == ',' || c == '!' || c == '?' || c == ';'; };
  while (b < e && edge(f[b])) ++b;
  while (e > b && edge(f[e - 1])) --e;
  return f.substr(b, e - b);
}

// Whether `words` occurs in `text` as whole words, no letter or digit just
// before or after it: « un choc » is said again in « ce fut un choc pour
// tous », not in « nous avons bu un chocolat ».
bool holds_whole_words(std::string_view text, std::string_view words) {
  if (words.empty()) return false;
  for (std::size_t at = text.find(words); at != std::string_view::npos; at = text.find(words, at + 1)) {
    char32_t c = 0;
    bool edge_before = true;
    if (at > 0) {
      std::size_t lead = at - 1;
      while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
      edge_before = !(next_code_point(text, lead, c) && is_letter(c));
    }
    std::size_t after = at + words.size();
    const bool edge_after = after >= text.size() || !(next_code_point(text, after, c) && is_letter(c));
    if (edge_before && edge_after) return true;
  }
  return false;
}

constexpr std::size_t kMinRepeatedChars = 20;  // shorter words repeat by chance
// How many claims holding a quotation's first words are read for it, in
// claim order (an article repeats a quotation once or twice).
constexpr std::size_t kRepeatedCandidates = 16;

// Hashes of the kMinRepeatedChars bytes at each position of a text: the
// first bytes of a quotation said again are somewhere in the claim that
// says it again, so the claims holding them are found by that hash.
constexpr std::uint64_t kGramBase = 1000003;

std::uint64_t gram_hash(std::string_view text) {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < kMinRepeatedChars; ++i) h = h * kGramBase + static_cast<unsigned char>(text[i]);
  return h;
}

template <class Each>
void for_each_gram(const std::string& text, Each each) {
  if (text.size() < kMinRepeatedChars) return;
  std::uint64_t top = 1;  // the weight of a window's first byte
  for (std::size_t i = 1; i < kMinRepeatedChars; ++i) top *= kGramBase;
  std::uint64_t h = gram_hash(text);
  each(h);
  for (std::size_t i = kMinRepeatedChars; i < text.size(); ++i) {
    h = (h - top * static_cast<unsigned char>(text[i - kMinRepeatedChars])) * kGramBase +
        static_cast<unsigned char>(text[i]);
    each(h);
  }
}

// The claims holding the first bytes of the quotations that look for their
// words elsewhere, by the hash of those bytes, each list in claim order.
using ClaimsByGram = std::unordered_map<std::uint64_t, std::vector<std::size_t>>;

void note_holder(ClaimsByGram& holders, std::size_t claim, const std::string& folded) {
  for_each_gram(folded, [&](std::uint64_t h) {
    auto it = holders.find(h);
    if (it != holders.end() && (it->second.empty() || it->second.back() != claim)) it->second.push_back(claim);
  });
}

// How far after a short pull quote (in code points) the claim that says
// its words again with a cue may begin.
constexpr std::uint32_t kShortRepeatReach = 3000;

// How many code points may stand between a pull quote and its paragraph's
// edges: its quotation marks, spaces and a final stop.
constexpr std::uint32_t kPullQuoteEdge = 4;

// Whether the claim [begin, end) is its paragraph's only words: a pull
// quote or headline set apart (« Et puis quoi encore ? » alone).
bool whole_paragraph(const Document& doc, std::uint32_t begin, std::uint32_t end) {
  const Paragraph& p = doc.paragraphs[doc.sentences[doc.sentence_at(begin)].paragraph];
  if (begin < p.begin || end > p.end || begin - p.begin > kPullQuoteEdge || p.end - end > kPullQuoteEdge) return false;
  auto words = [&](std::uint32_t b, std::uint32_t e) {
    for (std::uint32_t k = b; k < e; ++k)
      if (is_letter(doc.text[k])) return true;
    return false;
  };
  return !words(p.begin, begin) && !words(end, p.end);
}

// A headline or pull quote that the body quotes again with its speaker: a
// direct claim without speaker (of kMinRepeatedChars bytes or more) takes
// the speaker and cue of the first claim, in order, that has a speaker, is
// no shorter and holds its folded words; a quotation given a speaker so
// lends it to the quotations after it. A quotation set apart in its
// paragraph with no cue does so too when it has the speaker of the
// quotation before it (carried over), but then only from a claim with a
// cue; one shorter than kMinRepeatedChars takes the speaker of the first
// claim after it (within kShortRepeatReach) with a cue whose folded words
// are the same, whole. The claims that may hold a
// quotation's words are found by the hash of its first bytes (those that
// had a speaker before and those this rule gave one, merged in claim
// order), not by folding every claim for every quotation.
void speakers_of_repeated_quotations(const Document& doc, std::vector<AttributedClaim>& claims) {
  std::vector<std::string> quoted(claims.size());
  // A quotation set apart in its paragraph with no cue (a pull quote) is
  // looked for too when the quotation before lent it its speaker: the
  // words said again with a cue name the one who said them (« Et puis
  // quoi encore ? » ¶ … « Et puis quoi encore ? », a répondu X.).
  std::vector<char> set_apart(claims.size(), 0), lent(claims.size(), 0);
  ClaimsByGram attributed;  // the claims with a speaker before this rule
  bool short_ones = false;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const AttributedClaim& c = claims[i];
    if (c.kind != ClaimKind::kDirect) continue;
    set_apart[i] = c.cue.empty() && whole_paragraph(doc, c.begin, c.end);
    if (c.speaker != kNone && !set_apart[i]) continue;
    lent[i] = c.speaker != kNone;
    quoted[i] = folded_words(doc, c.begin, c.end);
    if (quoted[i].size() >= kMinRepeatedChars) attributed.try_emplace(gram_hash(quoted[i]));
    else short_ones |= set_apart[i] && !quoted[i].empty();
  }
  if (attributed.empty() && !short_ones) return;
  ClaimsByGram given = attributed;  // the claims this rule gives a speaker to
  // Words shorter than kMinRepeatedChars repeat by chance inside longer
  // ones: a short pull quote takes only the speaker of a claim with a cue
  // whose words are the same, whole.
  std::unordered_map<std::string, std::vector<std::size_t>> said_short;  // in claim order
  for (std::size_t j = 0; j < claims.size(); ++j) {
    if (claims[j].speaker == kNone) continue;
    std::string words = folded_words(doc, claims[j].begin, claims[j].end);
    note_holder(attributed, j, words);
    if (short_ones && !claims[j].cue.empty() && words.size() < kMinRepeatedChars)
      said_short[std::move(words)].push_back(j);
  }
  for (std::size_t i = 0; i < claims.size(); ++i) {
    AttributedClaim& c = claims[i];
    if (quoted[i].empty()) continue;
    if (quoted[i].size() < kMinRepeatedChars) {
      // Only the first such claim after it, and near: « Oui. » is said by
      // many, a pull quote announces what follows.
      const auto it = set_apart[i] ? said_short.find(quoted[i]) : said_short.end();
      if (it == said_short.end()) continue;
      const auto next = std::upper_bound(it->second.begin(), it->second.end(), i);
      if (next != it->second.end() && claims[*next].begin - c.end <= kShortRepeatReach) {
        c.speaker = claims[*next].speaker;
        c.cue = claims[*next].cue;
      }
      continue;
    }
    const std::uint64_t gram = gram_hash(quoted[i]);
    const std::vector<std::size_t>& before = attributed[gram];
    const std::vector<std::size_t>& here = given[gram];
    // At most kRepeatedCandidates claims are folded for one quotation: many
    // claims opening with the same words would make it quadratic again.
    std::size_t tried = 0;
    for (std::size_t a = 0, g = 0; (a < before.size() || g < here.size()) && tried++ < kRepeatedCandidates;) {
      const bool from_before = g == here.size() || (a < before.size() && before[a] < here[g]);
      const std::size_t o = from_before ? before[a++] : here[g++];
      const AttributedClaim& other = claims[o];
      // A lent speaker gives way only to words said again with a cue.
      if (o == i || (lent[i] && other.cue.empty())) continue;
      if (other.end - other.begin < c.end - c.begin) continue;
      if (folded_words(doc, other.begin, other.end).find(quoted[i]) == std::string::npos) continue;
      c.speaker = other.speaker;
      c.cue = other.cue;
      if (!lent[i]) note_holder(given, i, quoted[i]);
      break;
    }
  }
}

// Whether the claim [begin, end) is an intertitle set in quotation marks:
// its quotation is the whole paragraph, with no final punctuation and no
// finite verb (« "Pas préparés à affronter la mort" » between two
// paragraphs of testimonies). It quotes a phrase said further on and
// continues no speaker.
bool quoted_intertitle(const Run& run, std::uint32_t begin, std::uint32_t end) {
  const Document& doc = run.doc;
  const Paragraph& paragraph = doc.paragraphs[doc.sentences[doc.sentence_at(begin)].paragraph];
  const std::uint32_t open = run.tok_of(begin);
  if (open == 0 || run.tok(open - 1).kind != TokenKind::kQuoteMark || run.tok(open - 1).begin != paragraph.begin)
    return false;
  std::uint32_t last_word = open;
  for (std::uint32_t k = open; k < doc.tokens.size() && run.tok(k).begin < paragraph.end; ++k) {
    const Token& t = run.tok(k);
    if (t.kind == TokenKind::kPunct) return false;  // a sentence's end, a comma: a statement
    if (t.kind == TokenKind::kQuoteMark) {
      if (t.begin < end) return false;  // a quotation inside
      continue;
    }
    if ((run.tags_[k].readings & kPosFiniteVerb) || run.has(k, WordClasses::kAux)) return false;
    last_word = k;
  }
  return run.tok(last_word).end <= end;
}

// How far after a heading or pull quote (in code points, and in
// paragraphs) the claim that gives its words again, shortened or reworded,
// may begin: a heading announces the article's first paragraphs.
constexpr std::uint32_t kExcerptReach = 4000;
constexpr std::uint32_t kExcerptParagraphs = 6;
// How many later claims are read for one excerpt: a bound, not a search
// of every claim, so that many quotations stay linear.
constexpr std::size_t kExcerptCandidates = 24;
// A content word has this many letters or more (trouble, tête, vrai: not
// les, qui, pas); an excerpt has at least kMinExcerptWords of them, and
// the claim that says it holds 3 out of 4 of them or more.
constexpr std::uint32_t kContentLetters = 4;
constexpr std::size_t kMinExcerptWords = 2;
// A heading of fewer content words is looked for whole, and is at most
// this many code points long (« C'est honteux », « Ça suffit »).
constexpr std::uint32_t kShortHeadingChars = 48;
// A heading holds at most this many words outside its quotation, and
// this many tokens (words, marks, punctuation).
constexpr std::size_t kHeadingWords = 12;
constexpr std::size_t kHeadingTokens = 30;

// The folded words of tokens [b, e) of `run` with kContentLetters
// letters or more, each once.
std::unordered_set<std::string_view> content_words(const Run& run, std::uint32_t b, std::uint32_t e) {
  std::unordered_set<std::string_view> words;
  for (std::uint32_t k = b; k < e; ++k) {
    const Token& t = run.tok(k);
    if (t.kind == TokenKind::kWord && t.end - t.begin >= kContentLetters) words.insert(t.lower);
  }
  return words;
}

// Whether the claim [begin, end) stands in a heading: a paragraph with
// no finite verb outside the quotation and few words around it (« Hausse
// des loyers : « un vrai scandale » », « Dirigeants « loin de jouer le
// jeu » »), which names the matter, not the one who speaks.
bool in_heading(const Run& run, std::uint32_t begin, std::uint32_t end) {
  const Document& doc = run.doc;
  const Paragraph& p = doc.paragraphs[doc.sentences[doc.sentence_at(begin)].paragraph];
  if (end > p.end) return false;
  // The tokens before the quotation, then after it; at most
  // kHeadingTokens of them are read.
  const std::uint32_t first = doc.sentences[p.sentence_begin].token_begin, open = run.tok_of(begin);
  std::uint32_t close = open;
  while (close < doc.tokens.size() && run.tok(close).begin < end) ++close;
  std::size_t read = 0, words = 0;
  for (std::uint32_t k = first; k < doc.tokens.size() && run.tok(k).begin < p.end; ++k) {
    if (k == open) k = close;
    if (k >= doc.tokens.size() || run.tok(k).begin >= p.end) break;
    if (++read > kHeadingTokens) return false;
    if (run.tok(k).kind != TokenKind::kWord) continue;
    // The verb read in context: « Hausse des loyers » has a noun first.
    if ((run.tags_[k].pos & kPosFiniteVerb) || run.has(k, WordClasses::kAux)) return false;
    if (++words > kHeadingWords) return false;
  }
  return true;
}

// Whether each claim may be a heading or pull quote that excerpts a later
// quotation (speakers_of_excerpts): a direct or mixed quotation with no cue
// and no speaker, in a heading or alone in its paragraph, with enough
// content words. An intertitle counts with a carried speaker too: it loses
// it at the end (quoted_intertitle), as it continues no speaker.
std::vector<char> excerpt_candidates(const Run& run, const std::vector<AttributedClaim>& claims) {
  std::vector<char> candidate(claims.size(), 0);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const AttributedClaim& c = claims[i];
    if ((c.kind != ClaimKind::kDirect && c.kind != ClaimKind::kMixed) || !c.cue.empty() || c.end <= c.begin) continue;
    // A heading's speaker read with no cue (« Stade Brestois-Lorient : « … » »
    // gives the match) is a guess that its repetition below corrects.
    const bool heading = in_heading(run, c.begin, c.end);
    if (c.speaker != kNone && !quoted_intertitle(run, c.begin, c.end) && !heading) continue;
    candidate[i] = heading || whole_paragraph(run.doc, c.begin, c.end);
  }
  return candidate;
}

// A heading or pull quote that excerpts or rewords a quotation the body
// gives later with its speaker (« Hausse des loyers : « un vrai scandale » »
// ¶ « Cette hausse est un vrai scandale pour les familles », a-t-il
// déclaré): each claim of `candidates` (excerpt_candidates, read before the
// quotations alone took the speaker before them) takes the speaker and
// cue of the first claim after it (within kExcerptReach code points and
// kExcerptParagraphs paragraphs, at most kExcerptCandidates claims) that
// has a speaker and holds 3 out of 4 of its content words or more. Runs
// after the speakers read from the paragraph, which later claims need.
// Each claim's words are put in a hash set once, when a quotation first
// reads it. Returns the claims it gave a speaker to.
std::vector<char> speakers_of_excerpts(const Run& run, std::vector<AttributedClaim>& claims,
                                       const std::vector<char>& candidates) {
  const Document& doc = run.doc;
  std::vector<char> given(claims.size(), 0);
  if (std::find(candidates.begin(), candidates.end(), 1) == candidates.end()) return given;
  std::vector<std::unordered_set<std::string_view>> said(claims.size());
  std::vector<char> read(claims.size(), 0);
  // The folded words of the claims a short heading was looked for in,
  // each folded once (folded_read).
  std::vector<std::string> folded_said(claims.size());
  std::vector<char> folded_read(claims.size(), 0);
  auto tokens_of = [&](const AttributedClaim& c, std::uint32_t& b, std::uint32_t& e) {
    b = run.tok_of(c.begin);
    e = b;
    while (e < doc.tokens.size() && run.tok(e).begin < c.end) ++e;
  };
  for (std::size_t i = 0; i < claims.size() && i < candidates.size(); ++i) {
    if (!candidates[i]) continue;
    AttributedClaim& c = claims[i];
    std::uint32_t b = 0, e = 0;
    tokens_of(c, b, e);
    const std::unordered_set<std::string_view> words = content_words(run, b, e);
    // A short heading (« « C'est honteux » : la colère des éleveurs ») is
    // said again whole inside a longer quotation with a cue (« … C'est
    // honteux », s'est exclamé X): its folded words, two words at least.
    std::string whole;
    if (words.size() < kMinExcerptWords) {
      std::size_t word_tokens = 0;
      for (std::uint32_t k = b; k < e; ++k) word_tokens += run.tok(k).kind == TokenKind::kWord;
      if (words.empty() || word_tokens < 2 || c.end - c.begin > kShortHeadingChars) continue;
      whole = folded_words(doc, c.begin, c.end);
    }
    const std::uint32_t paragraph = doc.sentences[doc.sentence_at(c.begin)].paragraph;
    std::size_t tried = 0;
    for (std::size_t j = i + 1; j < claims.size() && tried < kExcerptCandidates; ++j) {
      const AttributedClaim& other = claims[j];
      ++tried;  // every claim read counts: many claims without speaker stay linear
      if (other.begin < c.end) continue;
      if (other.begin - c.end > kExcerptReach ||
          doc.sentences[doc.sentence_at(other.begin)].paragraph > paragraph + kExcerptParagraphs)
        break;
      if (other.speaker == kNone || other.kind == ClaimKind::kAct || (j < candidates.size() && candidates[j])) continue;
      if (!read[j]) {
        read[j] = 1;
        std::uint32_t ob = 0, oe = 0;
        tokens_of(other, ob, oe);
        said[j] = content_words(run, ob, oe);
      }
      if (!whole.empty()) {
        if (other.cue.empty()) continue;
        if (!folded_read[j]) {
          folded_read[j] = 1;
          folded_said[j] = folded_words(doc, other.begin, other.end);
        }
        if (!holds_whole_words(folded_said[j], whole)) continue;
      } else {
        std::size_t held = 0;
        for (std::string_view w : words) held += said[j].count(w);
        if (4 * held < 3 * words.size()) continue;
      }
      c.speaker = other.speaker;
      c.cue = other.cue;
      given[i] = 1;
      break;
    }
  }
  return given;
}

// What quotations_without_marks reads of one paragraph.
struct ParagraphFacts {
  bool bare = true;             // no quotation mark, no dash, no claim but nested reports; ends a sentence
  bool first_singular = false;  // says je, me, moi, mon …
  bool first_person = false;    // says je or nous, me, moi, mon …
  int closing_speaker = kNone;  // the speaker of a direct quotation that closes it
  int colon_speaker = kNone;    // the speaker of a cue that closes it on a colon
  std::string colon_cue;        // and that cue
  bool unmarked = true;         // no quotation mark, no claim, no opening dash (any ending)
  bool colon_end = false;       // its last sentence ends on a colon
};

// The speaker of a verb of saying that ends sentence `s` on a colon with
// nothing but adjuncts between them (« Le maire a réagi mardi dans un
// communiqué : »), or kNone: what follows is that speaker's words.
int speaker_of_colon_cue(Run& run, const Sentence& s, std::string& cue) {
  const std::uint32_t colon = s.token_end - 1;
  if (s.token_end <= s.token_begin + 2 || run.tok(colon).lower != ":") return kNone;
  for (const CueHit& h : run.find_cues(s.token_begin, colon)) {
    if (h.last >= colon || colon - h.last > 10) continue;
    bool adjuncts_only = true;
    for (std::uint32_t t = h.last + 1; t < colon && adjuncts_only; ++t)
      adjuncts_only = !run.is_que(t) && run.tok(t).kind != TokenKind::kQuoteMark && !(run.is_punct(t) && !run.is_comma(t));
    if (!adjuncts_only) continue;
    cue = run.cue_text(h);
    return run.subject_before_colon(s.token_begin, colon, s.token_end);
  }
  return kNone;
}

// Whether paragraph `para` opens with a dash (em, en or horizontal bar).
bool opens_on_dash(const Document& doc, const Paragraph& para) {
  std::uint32_t b = para.begin;
  while (b < para.end && is_space(doc.text[b])) ++b;
  return b < para.end && is_dialogue_dash(doc.text[b]);
}

// Whether paragraph `para` opens with a dialogue dash or ends on no
// sentence end (a heading, a question): not a speaker's unmarked words.
bool unlike_unmarked_words(const Document& doc, const Paragraph& para) {
  std::uint32_t b = para.begin, e = para.end;
  while (b < e && is_space(doc.text[b])) ++b;
  while (e > b && is_space(doc.text[e - 1])) --e;
  if (b == e) return true;
  const char32_t last = doc.text[e - 1];
  return is_dialogue_dash(doc.text[b]) || !(last == U'.' || last == U'!' || last == 0x2026);
}

std::vector<ParagraphFacts> paragraph_facts(Run& run) {
  const Document& doc = run.doc;
  std::vector<ParagraphFacts> facts(doc.paragraphs.size());
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    ParagraphFacts& f = facts[s.paragraph];
    for (std::uint32_t k = s.token_begin; k < s.token_end; ++k) {
      if (run.tok(k).kind == TokenKind::kQuoteMark) f.bare = f.unmarked = false;
      if (run.maitre_title(k)) continue;  // « Me Julien Delarue rappelle … » says no je
      if (run.has_anchor(k, WordClasses::kFirstSingular)) f.first_singular = f.first_person = true;
      if (run.has_grammar(k, WordClasses::kFirstPerson)) f.first_person = true;
    }
    if (i + 1 == doc.sentences.size() || doc.sentences[i + 1].paragraph != s.paragraph) {
      f.colon_speaker = speaker_of_colon_cue(run, s, f.colon_cue);
      f.colon_end = s.token_end > s.token_begin && run.tok(s.token_end - 1).lower == ":";
    }
  }
  for (std::size_t p = 0; p < facts.size(); ++p) {
    if (unlike_unmarked_words(doc, doc.paragraphs[p])) facts[p].bare = false;
    if (opens_on_dash(doc, doc.paragraphs[p])) facts[p].unmarked = false;
  }
  // Claims in text order: the last one ending in a paragraph tells whether
  // a speaker's direct quotation closes it (in its last sentence).
  for (const AttributedClaim& c : run.out.claims) {
    if (c.end <= c.begin) continue;
    const std::size_t first = doc.sentence_at(c.begin), last = doc.sentence_at(c.end - 1);
    const std::uint32_t p = doc.sentences[last].paragraph;
    // A report told inside a paragraph in the first person singular (« J'ai
    // porté plainte contre ceux qui m'accusaient d'abus de pouvoir ») is
    // nested in the words of the one who says je: the paragraph stays bare.
    if (c.kind == ClaimKind::kIndirect && facts[p].first_singular && doc.sentences[first].paragraph == p) continue;
    facts[doc.sentences[first].paragraph].bare = facts[p].bare = false;
    for (std::size_t q = doc.sentences[first].paragraph; q <= p; ++q) facts[q].unmarked = false;
    const bool closes = last + 1 == doc.sentences.size() || doc.sentences[last + 1].paragraph != p;
    facts[p].closing_speaker = c.kind == ClaimKind::kDirect && closes ? c.speaker : kNone;
  }
  return facts;
}

// A signature line holds at most this many tokens.
constexpr std::uint32_t kSignatureTokens = 24;
// How many claims before a signed text are read for its signer's words.
constexpr std::size_t kSignerClaims = 32;

// The folded name of the one who signs on paragraph `para`, a line of its
// own under a text that the article reproduces: « — Anne Roy (@AnneRoy)
// May 2, 2021 » under an embedded post, « Anne Roy, maire de Brest »
// under a letter or a statement. A named phrase, then a parenthesised
// @handle or a comma, with no finite verb after it and no sentence end;
// empty when the paragraph is no such line. `handle` tells the first form.
std::string signer_name(Run& run, const Paragraph& para, bool& handle) {
  const Document& doc = run.doc;
  if (para.end <= para.begin) return {};
  const std::uint32_t tb = run.tok_of(para.begin), te = run.tok_of(para.end - 1) + 1;
  if (te <= tb + 1 || te - tb > kSignatureTokens) return {};
  std::uint32_t k = tb;
  if (is_dialogue_dash(doc.text[run.tok(k).begin])) ++k;
  const Np np = run.np_forward(k, te, false);
  if (!np.valid() || np.end + 1 >= te) return {};
  bool named = false;
  for (std::uint32_t q = np.begin; q < np.end; ++q) named |= run.is_name_word(q);
  if (!named) return {};
  std::uint32_t rest = np.end + 1;
  handle = run.tok(np.end).lower == "(";
  if (handle) {
    if (doc.text[run.tok(rest).begin] != U'@') return {};
    while (rest < te && run.tok(rest).lower != ")") ++rest;
    if (rest++ == te) return {};
  } else if (!run.is_comma(np.end)) {
    return {};
  }
  if (rest < te && run.holds_finite_verb(run.tok(rest).begin, run.tok(te - 1).end)) return {};
  const char32_t last = doc.text[run.tok(te - 1).begin];
  if (last == U'.' || last == U'!' || last == U'?' || last == U':' || last == 0x2026) return {};
  const int m = run.make_mention(np.begin, np.end);
  std::string name = run.is_entity_mention(m) ? fold_utf8(run.out.mentions[m].name) : std::string();
  run.out.mentions.pop_back();
  return name;
}

// Whether folded names `a` and `b` name the same person: the same, or
// one the other's last words (« rouge » and « matthieu rouge »).
bool same_name(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a.size() < b.size()) std::swap(a, b);
  return a == b || (a.size() > b.size() && a.substr(a.size() - b.size()) == b && a[a.size() - b.size() - 1] == ' ');
}

// The speaker of paragraph `p` of bare words (no quotation mark, no
// claim) that the line after it signs (signer_name): the speaker of the
// cue that closes the paragraph before on a colon, or of a claim before
// it (within kSignerClaims claims), whose name the signature gives, when
// the paragraph before `p` introduces it, ending on a colon or, for a
// post signed with its @handle, holding that claim (« Name, fonction »
// alone is also how a caption or a pull-out credits someone, so that
// form needs the colon). The article reproduces a post, a letter or a
// statement of someone it quotes; kNone otherwise. A signature naming no
// one who speaks there (a channel signing a video) gives nothing.
int signed_text_speaker(Run& run, const std::vector<ParagraphFacts>& facts, std::size_t p) {
  const Document& doc = run.doc;
  if (p == 0 || p + 1 >= facts.size() || !facts[p].unmarked) return kNone;
  bool handle = false;
  const std::string name = signer_name(run, doc.paragraphs[p + 1], handle);
  if (name.empty()) return kNone;
  auto signs = [&](int speaker) {
    const int root = speaker == kNone ? kNone : run.root_of(speaker);
    return root != kNone && same_name(fold_utf8(run.out.mentions[root].name), name);
  };
  if (signs(facts[p - 1].colon_speaker)) return facts[p - 1].colon_speaker;
  const std::vector<AttributedClaim>& claims = run.out.claims;
  const std::uint32_t begin = doc.paragraphs[p].begin;
  std::size_t i = static_cast<std::size_t>(
      std::lower_bound(claims.begin(), claims.end(), begin,
                       [](const AttributedClaim& c, std::uint32_t at) { return c.begin < at; }) -
      claims.begin());
  for (std::size_t read = 0; i-- > 0 && read < kSignerClaims; ++read) {
    const AttributedClaim& c = claims[i];
    if (!signs(c.speaker)) continue;
    const bool introduced = facts[p - 1].colon_end || (handle && c.begin >= doc.paragraphs[p - 1].begin);
    return introduced ? c.speaker : kNone;
  }
  return kNone;
}

// Where the words of paragraph [b, e) (code points) end once a link
// pasted after them is left out, with the handle it was shared through
// (« … la paix! https://t.co/x via @YouTube »: a preposition of `words`
// before the handle): `e` when it ends on none.
std::uint32_t words_end_before_link(const Document& doc, const WordClasses& words, std::uint32_t b,
                                    std::uint32_t e) {
  while (e > b && is_space(doc.text[e - 1])) --e;
  if (e == b) return e;
  std::uint32_t end = e;
  auto run_start = [&](std::uint32_t at) {
    while (at > b && !is_space(doc.text[at - 1])) --at;
    return at;
  };
  auto skip_spaces = [&](std::uint32_t at) {
    while (at > b && is_space(doc.text[at - 1])) --at;
    return at;
  };
  std::uint32_t w = run_start(end);
  if (doc.text[w] == U'@') {  // « via @YouTube »
    const std::uint32_t via_end = skip_spaces(w), via = run_start(via_end);
    if (via == via_end || !words.has(fold(doc.slice(via, via_end)), WordClasses::kPrep)) return e;
    end = skip_spaces(via);
    w = run_start(end);
  }
  const std::u32string_view link = doc.slice(w, end);
  if (link.substr(0, 7) != U"http://" && link.substr(0, 8) != U"https://") return e;
  return w > b ? skip_spaces(w) : e;
}

}  // namespace

int Run::signature_after(std::uint32_t close_token, std::uint32_t limit) {
  std::uint32_t k = close_token + 1;
  if (k >= limit || tok(k).lower != "(") return kNone;
  Np np = np_forward(k + 1, limit);
  if (!np.valid() || np.end >= limit || tok(np.end).lower != ")") return kNone;
  bool named = false;
  for (std::uint32_t q = np.begin; q < np.end; ++q) named |= is_name_word(q);
  if (!named) return kNone;
  int m = make_mention(np.begin, np.end);
  if (!is_entity_mention(m) || !speaker_head_ok(m)) {
    out.mentions.pop_back();
    return kNone;
  }
  return m;
}

void Run::speakers_from_discourse() {
  for (AttributedClaim& c : out.claims) {
    if (c.speaker != kNone || c.kind == ClaimKind::kIndirect || c.kind == ClaimKind::kAct) continue;
    std::uint32_t last = tok_of(c.end);
    while (last < doc.tokens.size() && tok(last).kind != TokenKind::kQuoteMark && tok(last).begin < c.end + 2) ++last;
    if (last >= doc.tokens.size() || tok(last).kind != TokenKind::kQuoteMark) continue;
    const Sentence& s = doc.sentences[doc.sentence_at(tok(last).begin)];
    std::uint32_t limit = std::max<std::uint32_t>(s.token_end, std::min<std::uint32_t>(last + 16, doc.tokens.size()));
    c.speaker = signature_after(last, limit);
  }
  speakers_of_repeated_quotations(doc, out.claims);
  const std::vector<char> excerpts = excerpt_candidates(*this, out.claims);
  continue_previous_speaker();
  speakers_from_paragraph_subject();
  const std::vector<char> excerpted = speakers_of_excerpts(*this, out.claims, excerpts);
  for (std::size_t i = 0; i < out.claims.size(); ++i) {
    AttributedClaim& c = out.claims[i];
    if (c.kind == ClaimKind::kDirect && c.cue.empty() && c.speaker != kNone && !excerpted[i] &&
        quoted_intertitle(*this, c.begin, c.end))
      c.speaker = kNone;
  }
}

bool Run::fills_its_sentences(std::uint32_t b, std::uint32_t e) const {
  const Sentence& first = doc.sentences[doc.sentence_at(b)];
  const Sentence& last = doc.sentences[doc.sentence_at(e > b ? e - 1 : b)];
  for (std::uint32_t k = first.token_begin; k < last.token_end; ++k) {
    const Token& t = tok(k);
    if ((t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) && (t.begin < b || t.end > e)) return false;
  }
  return true;
}

std::string Run::words_of_speaker(int speaker, std::uint32_t to) const {
  // The words of the speaker's mention and of those it refers back to.
  std::string speaker_words;
  for (int m = speaker; m != kNone; m = out.mentions[m].antecedent) {
    for (std::uint32_t k = tok_of(out.mentions[m].begin); k < to && tok(k).begin < out.mentions[m].end; ++k)
      speaker_words += ' ' + std::string(tok(k).lower);
  }
  return speaker_words + ' ';
}

// Whether the sentence opening at token `sentence_first` opens with a
// subject pronoun that agrees with mention `speaker` (or with the name it
// stands for). Names after the verb of such a sentence are complements
// of the speaker's own clause: other_person_between skips them.
static bool speaker_subject_pronoun(const Run& run, std::uint32_t sentence_first, int speaker) {
  // « Il pense d'abord à Pierre Lambert, son prédécesseur. »: a sentence
  // opened by a subject pronoun that can stand for the speaker is still
  // about the speaker; a name after its verb is a complement, no new topic.
  MentionInfo pronoun;
  if (!run.read_pronoun(sentence_first, pronoun)) return false;
  const int named = run.root_of(speaker);  // the speaker's mention, or the one its pronoun stands for
  return named != kNone && run.compatible(pronoun, run.out.mentions[named]);
}

bool Run::other_person_between(std::uint32_t from, std::uint32_t to, int speaker) const {
  const std::string speaker_words = words_of_speaker(speaker, to);
  bool before_verb = true;  // no finite verb yet in the sentence of token k
  for (std::uint32_t k = from; k < to; ++k) {
    const std::uint32_t sentence_first = doc.sentences[doc.sentence_at(tok(k).begin)].token_begin;
    if (k == sentence_first) before_verb = true;
    if (tags_[k].pos == kPosFiniteVerb || has(k, WordClasses::kAux)) before_verb = false;
    if (speaker_words.find(' ' + std::string(tok(k).lower) + ' ') != std::string::npos) continue;
    if (names_person_at(k, from) && (before_verb || !speaker_subject_pronoun(*this, sentence_first, speaker))) return true;
    if (before_verb && subject_speaking_noun(k, sentence_first)) return true;
  }
  return false;
}

bool Run::names_person_at(std::uint32_t k, std::uint32_t from) const {
  return is_name_word(k) && ((tags_[k].readings & (kPosGivenName | kPosSurname)) ||
                             (k > from && (title_of(k - 1) || role_of(k - 1))));
}

int Run::person_named_in(std::uint32_t from, std::uint32_t to, int speaker) {
  const std::string speaker_words = words_of_speaker(speaker, to);
  std::uint32_t first = to, first_end = to;
  for (std::uint32_t k = from; k < to; ++k) {
    if (!names_person_at(k, from) || speaker_words.find(' ' + std::string(tok(k).lower) + ' ') != std::string::npos)
      continue;
    // The whole run of name words with the particles inside it: Pascal
    // Affi N'guessan, Noël Le Graët.
    std::uint32_t e = k + 1;
    while (e < to && (is_name_word(e) || (e + 1 < to && is_name_word(e + 1) && np_joint_end(k, e, to, false) == e + 1)))
      ++e;
    // A second person: the sentence has no single topic.
    if (first != to && text_of(first, first_end) != text_of(k, e)) return kNone;
    if (first == to) {
      first = k;
      first_end = e;
    }
    k = e - 1;
  }
  return first == to ? kNone : make_mention(first, first_end);
}

bool Run::subject_speaking_noun(std::uint32_t k, std::uint32_t sentence_first) const {
  // Without speaking_nouns.tsv every noun would count: then only names do.
  if (!gaz.has_speaking_nouns() || tags_[k].pos != kPosNoun || tok(k).kind != TokenKind::kWord ||
      (tok(k).capitalized && k != sentence_first) || k == sentence_first || !has(k - 1, WordClasses::kDet))
    return false;
  // The determiner opens the sentence or follows a comma or a
  // coordination: « Sa voisine décrit … », « Sur le terrain, l'arbitre … »;
  // not a complement (« Pour les deux partis, il faut … »).
  const std::uint32_t det = k - 1;
  if (det != sentence_first && !is_comma(det - 1) && tags_[det - 1].pos != kPosCoordination) return false;
  return role_of(k) || gaz.speaking_noun(tok(k).lower);
}

// How many paragraphs back a quotation goes on with the speaker of a claim
// before it: a quote-only paragraph or two after « … », a-t-il déclaré.
constexpr std::uint32_t kParagraphsBack = 2;

// For each claim of the claims ordered by begin, the claim a quotation
// there goes on with: the one before it, or before that when that one is
// a report nested in a claim before it, and so on back. A claim is nested
// in a direct quotation (« il m'a dit qu'il s'excusait »), and an act also
// in reported content (« attend des autorités qu'elles recadrent les
// multinationales »): the sentence's topic is the speaker of the claim
// that holds it. A claim is nested when such a claim before it (which
// begins no later) ends no earlier, so running maxima of the ends tell
// it: one pass, not a scan back per claim.
static std::vector<std::size_t> claims_gone_on_with(const std::vector<AttributedClaim>& claims) {
  std::vector<std::size_t> previous(claims.size(), 0);
  std::size_t last_free = 0;  // the last claim not nested (the first claim counts as one)
  std::optional<std::uint32_t> direct_end;  // the furthest end of the direct claims so far
  std::optional<std::uint32_t> report_end;  // the furthest end of the claims other than acts so far
  for (std::size_t j = 0; j < claims.size(); ++j) {
    previous[j] = last_free;
    const AttributedClaim& c = claims[j];
    const bool nested = (direct_end && *direct_end >= c.end) ||
                        (c.kind == ClaimKind::kAct && report_end && *report_end >= c.end);
    if (!nested) last_free = j;
    if (c.kind == ClaimKind::kDirect) direct_end = std::max(direct_end.value_or(c.end), c.end);
    if (c.kind != ClaimKind::kAct) report_end = std::max(report_end.value_or(c.end), c.end);
  }
  return previous;
}

bool Run::holds_finite_verb(std::uint32_t b, std::uint32_t e) const {
  // A title of a work or a slogan has no verb: « Les Rivages du Nord ».
  // Any finite reading counts: the tagger reads « est » after a noun as
  // the noun (… semi-confinement est un problème réel).
  for (std::uint32_t k = tok_of(b); k < doc.tokens.size() && tok(k).begin < e; ++k)
    if ((tags_[k].readings & kPosFiniteVerb) != 0 || has(k, WordClasses::kAux)) return true;
  return false;
}

// How far before a colon the participle of a passive is looked for: its
// adverbs and a short complement (« a aussi été posée en fin de séance : »).
constexpr std::uint32_t kPassiveBeforeColonTokens = 8;

bool Run::after_agentless_passive(std::uint32_t open, std::uint32_t sentence_begin) const {
  if (open < sentence_begin + 3 || tok(open - 1).lower != ":") return false;
  for (std::uint32_t k = open - 1; k-- > sentence_begin + 1 && open - k <= kPassiveBeforeColonTokens;) {
    if (has_extra(k, WordClasses::kParWord) || (is_punct(k) && !is_comma(k))) return false;
    // été marks the passive of a compound tense; est + participle may be
    // a verb of motion's compound past (« est intervenu »).
    if ((tags_[k].readings & kPosPastParticiple) && has_grammar(k - 1, WordClasses::kEteWord)) return true;
  }
  return false;
}

// Whether mention `m` is a study, a report or an inquiry (words.tsv
// findingtext: « selon une étude publiée lundi »): it states findings, it
// says no words that a quotation after it would go on with.
static bool text_speaker(const Run& run, int m) {
  const MentionInfo& mention = run.out.mentions[m];
  const Np np{run.tok_of(mention.begin), run.tok_of(mention.end - 1) + 1};
  const std::uint32_t head = run.source_head(np);
  return head < np.end && run.has_anchor(head, WordClasses::kFindingText);
}

// How many tokens of a question's sentence are read for the pronoun of
// the one it is put to.
constexpr std::uint32_t kQuestionSentenceTokens = 60;

// Whether `claim` asks someone a question: a quotation ending on « ? », or
// a report opening on a question word (« en lui demandant pourquoi … »),
// in a sentence that names the one asked by lui or leur outside it (« «
// Et après ? », lui demande le juge »). A question one asks oneself (« Que
// faire ? », s'interroge le maire; il se demande pourquoi) is no one
// else's to answer.
static bool asks_question(const Run& run, const AttributedClaim& claim) {
  if (claim.end <= claim.begin) return false;
  if (claim.kind == ClaimKind::kIndirect) {
    if (!run.has_grammar(run.tok_of(claim.begin), WordClasses::kQuestionWord)) return false;
  } else {
    const std::u32string_view words = run.doc.slice(claim.begin, claim.end);
    const std::size_t last = words.find_last_not_of(U" \t\n\u00a0\u202f");
    if (last == std::u32string_view::npos || words[last] != U'?') return false;
  }
  // The incise after « ? » may stand in a sentence of its own.
  const Sentence& sentence = run.doc.sentences[run.doc.sentence_at(claim.begin)];
  const std::uint32_t after = std::min<std::uint32_t>(run.tok_of(claim.end - 1) + 2, run.doc.tokens.size() - 1);
  const Sentence& incise = run.doc.sentences[run.doc.sentence_at(run.tok(after).begin)];
  const std::uint32_t end = std::min(std::max(sentence.token_end, incise.token_end),
                                     sentence.token_begin + kQuestionSentenceTokens);
  for (std::uint32_t k = sentence.token_begin; k < end; ++k) {
    const Token& t = run.tok(k);
    if (t.begin >= claim.begin && t.begin < claim.end) continue;
    // The clitic before its verb (« lui demande », « lui a demandé »), not
    // the stressed pronoun (« pour lui »).
    if (run.has_anchor(k, WordClasses::kThirdDative) && run.dative_clitic(k) && k + 1 < end &&
        ((run.tags_[k + 1].pos & kPosVerb) || run.has(k + 1, WordClasses::kAux)))
      return true;
  }
  return false;
}

void Run::continue_previous_speaker() {
  const std::vector<std::size_t> gone_on_with = claims_gone_on_with(out.claims);
  for (std::size_t i = 1; i < out.claims.size(); ++i) {
    AttributedClaim& c = out.claims[i];
    // A quotation goes on with the quotation before it, not with a report
    // nested in that one.
    std::size_t p = gone_on_with[i];
    if (c.kind != ClaimKind::kDirect || !c.cue.empty()) continue;
    // An answer goes on with the one asked, who spoke before the question
    // (« « Je reste », a répondu X. Les journalistes lui ont demandé
    // pourquoi. ¶ « Parce que … » »), not with whoever asked it, to whom
    // the quotation pass may have given it as the last speaker.
    const int asker = out.claims[p].speaker;
    const bool answer = p > 0 && asks_question(*this, out.claims[p]) && gone_on_with[p] < p &&
                        out.claims[gone_on_with[p]].speaker != kNone &&
                        (asker == kNone || root_of(out.claims[gone_on_with[p]].speaker) != root_of(asker));
    if (c.speaker != kNone && !(answer && asker != kNone && root_of(c.speaker) == root_of(asker))) continue;
    const std::uint32_t question_end = out.claims[p].end;
    if (answer) p = gone_on_with[p];
    const AttributedClaim& previous = out.claims[p];
    if (previous.speaker == kNone || text_speaker(*this, previous.speaker) || previous.end > c.begin ||
        !fills_its_sentences(c.begin, c.end))
      continue;
    const std::uint32_t paragraph = doc.sentences[doc.sentence_at(c.begin)].paragraph;
    if (doc.sentences[doc.sentence_at(previous.begin)].paragraph + kParagraphsBack < paragraph) continue;
    // An answer may be a phrase alone (« En reportant deux chantiers. »).
    if (!answer && !holds_finite_verb(c.begin, c.end)) continue;
    const std::uint32_t sentence_first = doc.sentences[doc.sentence_at(c.begin)].token_begin;
    // The rest of the sentence that reports the previous claim with a cue
    // of its own is its speaker's clause: a name in it is a complement
    // (« La prise de mesures est urgente, insiste-t-elle, rappelant la
    // situation des salariés du groupe Mestdagh. »), not a new topic.
    std::uint32_t from = tok_of(answer ? question_end : previous.end);
    if (answer || !previous.cue.empty())
      from = std::min(sentence_first,
                      std::max(from, doc.sentences[doc.sentence_at((answer ? question_end : previous.end) - 1)].token_end));
    if (other_person_between(from, sentence_first, previous.speaker)) continue;
    c.speaker = previous.speaker;
  }
}

// How many sentences back, within its paragraph, a quotation looks for
// the paragraph's subject: a news paragraph is a few sentences long.
constexpr std::size_t kSubjectSentencesBack = 6;

// Whether mention `m` names one who can speak by its words: a name, a
// title, a role or, for a person or a group, a noun of speaking_nouns.tsv
// (« Cinq mois », « Douze prix », subjects the entity reader takes for a
// group, name no one). A single body must be named (la CGT,
// l'association Eau et Rivières): an unnamed one (« Le tribunal
// administratif s'est réuni ») acts, its quotations are someone else's;
// bodies in the plural (« ces associations ») are a party that speaks.
static bool named_by_speaking_word(const Run& run, int m) {
  const MentionInfo& mention = run.out.mentions[m];
  const bool body = mention.type == EntityType::kOrganization && !mention.plural;
  const std::uint32_t first = run.tok_of(mention.begin);
  for (std::uint32_t k = first; k < run.doc.tokens.size() && run.tok(k).begin < mention.end; ++k) {
    // A capital opening the sentence makes no name of a numeral or an
    // adjective (« Douze prix », « Pauvre distraction »).
    const bool sentence_first = k == run.doc.sentences[run.doc.sentence_at(run.tok(k).begin)].token_begin;
    const bool name = run.is_name_word(k) &&
                      (!sentence_first || (run.tags_[k].readings & (kPosGivenName | kPosSurname | kPosProperNoun)) ||
                       run.tok(k).all_caps);
    if (name || (!body && (run.role_of(k) || run.title_of(k) || run.gaz.speaking_noun(run.tok(k).lower)))) return true;
  }
  return false;
}

// Past kVerbSearchTokens tokens a clause has begun and the scan stops: a
// sentence of thousands of quotations after colons would else be read
// from its subject once per quotation.
constexpr std::uint32_t kVerbSearchTokens = 40;

// Whether a finite verb or an auxiliary stands in tokens [from, to): the
// subject before a quotation in its own sentence introduces it only
// through a verb (« X a donné cette réponse : « … » »), not as a heading
// (« Transports publics : « … » »).
static bool verb_stands_between(const Run& run, std::uint32_t from, std::uint32_t to) {
  if (to > from + kVerbSearchTokens) return true;
  return from < to && run.holds_finite_verb(run.tok(from).begin, run.tok(to).begin);
}

// Whether mention `m` (a subject or a source) names, by itself or by what
// it stands for, a person, a group or a body that can speak.
static bool able_to_speak(const Run& run, int m) {
  const int root = run.root_of(m);
  if (root == kNone || !run.is_entity_mention(root) || !run.speaker_head_ok(root) ||
      !named_by_speaking_word(run, root))
    return false;
  const EntityType type = run.out.mentions[root].type;
  return type == EntityType::kPerson || type == EntityType::kGroup || type == EntityType::kOrganization;
}

int Run::subject_left_out(std::size_t s) const {
  // Chronicle style drops the subject the sentence before named: « Le
  // président se redresse. Lui demande de répéter. Souligne : « … » ».
  if (s == 0 || s > sentence_subjects_.size() || doc.sentences[s - 1].paragraph != doc.sentences[s].paragraph)
    return kNone;
  const Sentence& sentence = doc.sentences[s];
  // At most four clitics before the verb (ne le lui, ne s'en): a bounded
  // look, since every cue of the sentence may ask.
  std::uint32_t verb = sentence.token_begin;
  while (verb < sentence.token_end && verb < sentence.token_begin + 4 &&
         (has(verb, WordClasses::kObj) || has_extra(verb, WordClasses::kSeForm | WordClasses::kNeForm)))
    ++verb;
  if (verb >= sentence.token_end || tok(verb).kind != TokenKind::kWord ||
      !((tags_[verb].pos & kPosFiniteVerb) || has(verb, WordClasses::kAux)))
    return kNone;
  // Imperatives of the first and second plural (Notez, Lisons) and the
  // impersonal verbs (Faut-il, Semble-t-il): no subject to take up.
  const std::string_view w = tok(verb).lower;
  const auto ends = [&](std::string_view tail) {
    return w.size() > tail.size() && w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("ez") || ends("ons") || has(verb, WordClasses::kImpersonal)) return kNone;
  // A question or an exclamation of the writer's (« Faut-il le dire ? »).
  const std::string_view last = tok(sentence.token_end - 1).lower;
  if (last == "?" || last == "!") return kNone;
  const int m = sentence_subjects_[s - 1];
  return m != kNone && able_to_speak(*this, m) ? m : kNone;
}

int Run::paragraph_subject_before(std::uint32_t at, bool own_sentence) const {
  const std::size_t s = doc.sentence_at(at);
  const std::uint32_t paragraph = doc.sentences[s].paragraph;
  int subject = kNone;
  // The first subject of the paragraph that speaks, the earliest one kept.
  for (std::size_t back = own_sentence ? 0 : 1; back <= kSubjectSentencesBack && back <= s; ++back) {
    const std::size_t t = s - back;
    if (doc.sentences[t].paragraph != paragraph) break;
    const int m = t < sentence_subjects_.size() ? sentence_subjects_[t] : kNone;
    if (m == kNone || out.mentions[m].begin >= at) continue;
    if (back == 0 && !verb_stands_between(*this, tok_of(out.mentions[m].end - 1) + 1, tok_of(at))) continue;
    if (able_to_speak(*this, m)) subject = m;
  }
  return subject;
}

// Whether the quotation [begin, end) opens its paragraph and fills it (its
// sentences up to the paragraph's end): the speaker's words set apart, no
// sentence of the writer's in that paragraph.
bool Run::quote_only_paragraph(std::uint32_t begin, std::uint32_t end) const {
  const std::size_t first = doc.sentence_at(begin), last = doc.sentence_at(end > begin ? end - 1 : begin);
  const Sentence& s = doc.sentences[first];
  const std::uint32_t open = tok_of(begin);
  if (open == 0 || open - 1 != s.token_begin || doc.paragraphs[s.paragraph].begin != tok(open - 1).begin) return false;
  const bool closes_paragraph = last + 1 == doc.sentences.size() || doc.sentences[last + 1].paragraph != s.paragraph;
  return closes_paragraph && fills_its_sentences(begin, end);
}

int Run::subject_of_paragraph_before(std::uint32_t at) {
  const std::size_t s = doc.sentence_at(at);
  const std::uint32_t paragraph = doc.sentences[s].paragraph;
  // The nearest subject first: the writer names the speaker right before
  // setting the words apart (« Le maire, lui, ne décolère pas. ¶ « … » »).
  for (std::size_t back = 1; back <= kSubjectSentencesBack && back <= s; ++back) {
    const Sentence& t = doc.sentences[s - back];
    if (t.paragraph + 1 != paragraph) break;
    // « Pour la déléguée syndicale, X, la coupe est pleine. »: the source
    // the sentence opens on is its voice, its subject a figure of speech;
    // a « Pour X » of benefit (« Pour les familles, la mairie a ouvert une
    // crèche ») leaves the voice to the subject. A source that cannot
    // speak (« Selon une étude, les jeunes dorment moins ») makes the
    // sentence its findings, whose subject says nothing; it leaves no
    // mention behind for the pronoun resolvers.
    std::uint32_t marker = 0, source_begin = 0;
    const std::size_t mentions_before = out.mentions.size();
    const int source = fronted_source(t.token_begin, t.token_end, t.token_end, marker, source_begin, true);
    if (source != kNone && able_to_speak(*this, source)) return source;
    out.mentions.resize(mentions_before);
    if (source != kNone) continue;
    const int m = s - back < sentence_subjects_.size() ? sentence_subjects_[s - back] : kNone;
    if (m != kNone && able_to_speak(*this, m)) return m;
  }
  return kNone;
}

int Run::subject_after_quote_colon(std::uint32_t begin, std::uint32_t end) {
  const Sentence& s = doc.sentences[doc.sentence_at(begin)];
  const std::uint32_t open = tok_of(begin);
  if (open == 0 || open - 1 != s.token_begin) return kNone;
  std::uint32_t close = tok_of(end > begin ? end - 1 : begin);
  while (close < s.token_end && tok(close).kind != TokenKind::kQuoteMark) ++close;
  if (close + 2 >= s.token_end || tok(close + 1).lower != ":") return kNone;
  // The subject must speak: « « Personne ne nous écoute » : le slogan
  // était affiché … » quotes an inscription.
  const int subject = sentence_subject(close + 2, s.token_end, s.token_end);
  return subject != kNone && able_to_speak(*this, subject) ? subject : kNone;
}

// Whether the sentence opening at token `first` opens on an indefinite
// subject that names no one (words.tsv's nobody: « D'aucuns disent que »,
// « On raconte que », « Certains affirment »): what it reports is no one's.
static bool opens_on_nobody(const Run& run, std::uint32_t first, std::uint32_t end) {
  if (first >= end || run.tok(first).kind != TokenKind::kWord) return false;
  if (run.has_extra(first, WordClasses::kNobody)) return true;
  return first + 1 < end &&
         run.words.has_extra(std::string(run.tok(first).lower) + " " + std::string(run.tok(first + 1).lower),
                             WordClasses::kNobody);
}

// The one person named in the sentence right before a quotation that
// opens its own sentence and runs whole to its closing mark, in the same
// paragraph, when that sentence's
// subject cannot speak: the person is named as an object or an
// apposition, and the quotation that follows is that person's words
// (« Ces idées font sourire plus d'un élu, dont Paul Roy, maire du
// village. « Pour les jeunes, c'est une chance » »). kNone when the
// sentence names no person, more than one (person_named_in), one of a
// coordinated pair or one inside its subject, before its first finite
// verb (« La voiture de Paul Roy a été retrouvée. « Nous sommes
// soulagés » »: the car's owner is no object of the sentence).
static int person_of_sentence_before(Run& run, std::uint32_t begin, std::uint32_t end) {
  const std::size_t s = run.doc.sentence_at(begin);
  const std::uint32_t open = run.tok_of(begin);
  if (s == 0 || open == 0 || end <= begin || open - 1 != run.doc.sentences[s].token_begin) return kNone;
  // The whole quotation, up to its closing mark: not a part that an
  // incise cuts.
  std::uint32_t close = run.tok_of(end - 1) + 1;
  while (close < run.doc.tokens.size() && close < run.tok_of(end - 1) + 4 && run.is_punct(close) &&
         run.tok(close).kind != TokenKind::kQuoteMark)
    ++close;
  if (close >= run.doc.tokens.size() || run.tok(close).kind != TokenKind::kQuoteMark) return kNone;
  // An inverted subject pronoun inside it is an incise the dialogue reader
  // cuts later (« dit-il »; « me disais-je », where the tokenizer leaves
  // the first and second persons in their verb: a subject pronoun of the
  // word classes after the word's last hyphen), which names the speaker.
  const auto inverted = [&](std::uint32_t k) {
    const std::string_view w = run.tok(k).lower;
    const std::size_t hyphen = w.rfind('-');
    if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < w.size() &&
        run.words.has(w.substr(hyphen + 1), WordClasses::kSubj))
      return true;
    return run.tok(k).kind == TokenKind::kClitic;
  };
  for (std::uint32_t k = open; k < close; ++k)
    if (inverted(k)) return kNone;
  const Sentence& before = run.doc.sentences[s - 1];
  if (before.paragraph != run.doc.sentences[s].paragraph) return kNone;
  const int subject = s - 1 < run.sentence_subjects_.size() ? run.sentence_subjects_[s - 1] : kNone;
  if (subject != kNone && able_to_speak(run, subject)) return kNone;
  const int named = run.person_named_in(before.token_begin, before.token_end, kNone);
  if (named == kNone) return kNone;
  // One of two coordinated (« unit Élisabeth et cette jeune fille »): the
  // sentence names a pair, not the one who speaks.
  const std::uint32_t first = run.tok_of(run.out.mentions[named].begin);
  const std::uint32_t after = run.tok_of(run.out.mentions[named].end - 1) + 1;
  bool verb_before = false;
  for (std::uint32_t k = before.token_begin; k < first && !verb_before; ++k)
    verb_before = (run.tags_[k].pos & kPosFiniteVerb) || run.has(k, WordClasses::kAux);
  if (!verb_before || (first > before.token_begin && run.tags_[first - 1].pos == kPosCoordination) ||
      (after < before.token_end && run.tags_[after].pos == kPosCoordination)) {
    run.out.mentions.pop_back();  // the mention person_named_in made last
    return kNone;
  }
  return named;
}

// The last discourse step, for a quotation a reader attributes though no
// rule before gave it a speaker: a direct or mixed quotation holding a
// finite verb (a statement, not a title, a slogan or scare quotes) takes
// the subject of its paragraph, the person, group or body the paragraph
// is about, named before the quotation (« La maire de Rennes a visité le
// chantier mardi. Le calendrier est tenu : « Nous ouvrirons en juin » »).
// Measured on the tune folds (quotations left without a speaker): that
// subject (paragraph_subject_before) was right more often than the claim
// before, the nearest noun phrase, the document's most frequent speaker
// or the headline's person. A paragraph of the speaker's words alone takes
// instead the nearest subject of the paragraph before
// (subject_of_paragraph_before).
int Run::default_speaker(const AttributedClaim& c, bool speaker_near) {
  if (!holds_finite_verb(c.begin, c.end)) return kNone;
  const std::size_t s = doc.sentence_at(c.begin);
  if (opens_on_nobody(*this, doc.sentences[s].token_begin, doc.sentences[s].token_end)) return kNone;
  if (c.kind == ClaimKind::kDirect)
    if (const int headline = subject_after_quote_colon(c.begin, c.end); headline != kNone) return headline;
  // A direct quotation alone in its sentence or after a colon: one that
  // the writer's sentence goes on about (« « Personne ne nous écoute » :
  // le slogan était affiché … ») is a slogan or an inscription.
  const std::uint32_t open = tok_of(c.begin);
  const bool after_colon = open >= 2 && tok(open - 2).lower == ":";
  if (after_colon && after_agentless_passive(open - 1, doc.sentences[s].token_begin)) return kNone;
  if (c.kind == ClaimKind::kDirect && !fills_its_sentences(c.begin, c.end) && !after_colon) return kNone;
  // A colon announces the words of its own sentence's subject, whoever the
  // paragraph was about before (« La témoin a été longuement interrogée.
  // Mais l'avocat n'avait qu'une question en tête : « … » »).
  if (after_colon && s < sentence_subjects_.size()) {
    const int own = sentence_subjects_[s];
    if (own != kNone && out.mentions[own].begin < c.begin &&
        verb_stands_between(*this, tok_of(out.mentions[own].end - 1) + 1, open - 1) && able_to_speak(*this, own))
      return own;
  }
  const int subject = paragraph_subject_before(c.begin, c.kind == ClaimKind::kDirect);
  if (subject != kNone || c.kind != ClaimKind::kDirect) return subject;
  // A quotation with an incise of its own (« me disais-je ») names its
  // speaker there, even when it cannot be resolved.
  if (c.cue.empty())
    if (const int named = person_of_sentence_before(*this, c.begin, c.end); named != kNone) return named;
  if (!quote_only_paragraph(c.begin, c.end)) return kNone;
  // A paragraph of the speaker's words alone: the paragraph before named
  // who speaks (« X a réagi. », « X ne décolère pas : »). After another
  // speaker's words that a paragraph about someone else interrupts (« Le
  // gardien est resté au vestiaire. ¶ « … » »), the text names no one,
  // unless that paragraph ends on a colon, which announces the words.
  // In a narrative, a line of the speaker's words alone is a turn of an
  // exchange: the dialogue reader gives it by turn-taking (narrative_).
  // A quotation that opens the text has no paragraph before it.
  if (s == 0 || narrative_) return kNone;
  const Sentence& before = doc.sentences[s - 1];
  if (before.token_end == before.token_begin) return kNone;
  if (speaker_near && tok(before.token_end - 1).lower != ":") return kNone;
  return subject_of_paragraph_before(c.begin);
}

void Run::speakers_from_paragraph_subject() {
  // The paragraph of the last claim with a speaker who speaks (a study's
  // findings, « Selon une étude, … », leave the next quotation unspoken).
  std::optional<std::uint32_t> spoken;
  for (AttributedClaim& c : out.claims) {
    const std::uint32_t paragraph = doc.sentences[doc.sentence_at(c.begin)].paragraph;
    if (c.speaker == kNone && (c.kind == ClaimKind::kDirect || c.kind == ClaimKind::kMixed))
      c.speaker = default_speaker(c, spoken && *spoken + kParagraphsBack >= paragraph);
    if (c.speaker != kNone && !text_speaker(*this, c.speaker)) spoken = paragraph;
  }
}

// Some sites print a speaker's words as a paragraph of their own without
// quotation marks (set apart in italics, the marks lost with the page's
// styling): « « … », explique Nicolas B., maire du village. ¶ J'ai déposé
// plainte deux fois … ». Outside quotations a news writer never says je,
// so a paragraph in the first person singular with no quotation mark, no
// dash and no claim of its own, right after a paragraph that closes on a
// speaker's direct quotation (or after such a paragraph of theirs), goes on
// with that speaker's words; so does a paragraph in the first person (je or
// nous) after a paragraph that closes on a verb of saying and a colon (« Le
// maire a réagi dans un communiqué : ¶ Nous rouvrirons la piscine … »). Not
// in a text whose narration says je
// elsewhere (a novel, a column, a testimony told by the writer): there a
// paragraph in the first person is the narrator's, and nothing is added.
void Run::quotations_without_marks() {
  const std::vector<ParagraphFacts> facts = paragraph_facts(*this);
  std::vector<int> speaker(facts.size(), kNone);
  for (std::size_t p = 1; p < facts.size(); ++p) {
    if (facts[p].bare && facts[p].first_person && facts[p - 1].colon_speaker != kNone)
      speaker[p] = facts[p - 1].colon_speaker;
  }
  std::vector<char> signed_text(facts.size(), 0);
  for (std::size_t p = 1; p + 1 < facts.size(); ++p) {
    if (speaker[p] != kNone) continue;
    speaker[p] = signed_text_speaker(*this, facts, p);
    signed_text[p] = speaker[p] != kNone;
  }
  for (std::size_t p = 0; p < facts.size(); ++p) {
    if (!facts[p].bare || !facts[p].first_singular || speaker[p] != kNone) continue;
    const int before = p == 0 ? kNone : facts[p - 1].closing_speaker != kNone ? facts[p - 1].closing_speaker
                                                                               : speaker[p - 1];
    if (before == kNone) return;  // the narration says je
    speaker[p] = before;
  }
  const std::size_t claims_before = out.claims.size();
  for (std::size_t p = 0; p < facts.size(); ++p) {
    if (speaker[p] == kNone) continue;
    const Paragraph& para = doc.paragraphs[p];
    const std::uint32_t words_end = signed_text[p] ? words_end_before_link(doc, words, para.begin, para.end)
                                                      : para.end;
    const std::uint32_t tb = tok_of(para.begin), te = tok_of(words_end - 1) + 1;
    const bool after_colon = p > 0 && speaker[p] == facts[p - 1].colon_speaker;
    add_claim(ClaimKind::kDirect, tok(tb).begin, tok(te - 1).end, after_colon ? facts[p - 1].colon_cue : std::string(),
              Relation::kStates, speaker[p], content_targets(tb, te));
  }
  if (out.claims.size() != claims_before)
    std::sort(out.claims.begin(), out.claims.end(),
              [](const AttributedClaim& a, const AttributedClaim& b) { return a.begin < b.begin; });
}

}  // namespace quotegraph::detail

// One sentence indexed for the questions the target stage asks of it for
// each of its claims: of its cues, the last with a target slot ending
// before a content, the last of a given text before it, those whose verb
// stands inside it; of its tokens, the few that may open a reply, a
// conversation or a topic. Built once for all the claims of a sentence;
// each question is then answered by a binary search or a walk over those
// few tokens instead of a walk over every cue or token of the sentence. A
// sentence of thousands of coordinated reports (« X a dit que … et a dit
// que … ») asked all its cues and tokens again for each of its claims, so
// its cost grew with the square of its length (issue 11). The answers are
// exactly those of the walks they replace, whatever the order of the
// cues: nothing here assumes them sorted.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "attribution_run.h"

namespace quotegraph::detail {

// Some cues of a sentence in their order, with the running minimum of
// their ends taken from the back, so that the last of them ending by a
// bound is found by a binary search.
struct CuesByEnd {
  std::vector<std::uint32_t> index;       // positions in the sentence's cues, increasing
  std::vector<std::uint32_t> suffix_min;  // least `last` of index[p..]

  void add(std::uint32_t i) { index.push_back(i); }
  void finish(const CueRange& hits);
  // The position in the sentence's cues of the last of these cues whose
  // group ends at or before token `bound` (h.last <= bound), or -1.
  long last_ending_by(std::uint32_t bound) const;
};

class SentenceIndex {
 public:
  // Indexes the cues of sentence `s` of `run` unless they are indexed
  // already (the claims of one sentence come one after another).
  void index(const Run& run, std::size_t s);

  const CueRange& hits() const { return hits_; }
  // Whether the text of cue i is `text` (Run::cue_text).
  bool text_is(std::size_t i, const std::string& text) const;

  // The last cue (in the sentence's order) with a target slot (or, with
  // `object_only`, a direct object slot) whose group ends at or before
  // token `bound`; null when none.
  const CueHit* last_slot_cue_by(std::uint32_t bound, bool object_only = false) const;
  // The last cue whose text is `text` ending at or before token `bound`.
  const CueHit* last_of_text_by(const std::string& text, std::uint32_t bound) const;
  // The cues whose verb is in [tb, te), those among the `window` nearest
  // to tb on each side (by verb) whose text is `text` (when `text` is not
  // null), and `also` (when not null): positions in the sentence's cues,
  // increasing, each once. Every cue of a sentence of kFewCues or fewer.
  std::vector<std::uint32_t> near_content(std::uint32_t tb, std::uint32_t te, const std::string* text,
                                          std::size_t window, const CueHit* also) const;
  // The cues whose group starts on the sentence's first token, in order.
  const std::vector<std::uint32_t>& openers() const { return openers_; }

  // Tokens of the sentence, in order, that may start what each scan of
  // target_reporting.cpp and target_judgement.cpp looks for (the first
  // test of its loop, which does not depend on the claim): words of reply,
  // appeal or contradiction (Run::reply_targets); words of talk that are
  // no preposition (Run::interlocutor_targets); quant à, a topic
  // preposition and noun before de (au sujet de) or a topic word at the
  // sentence start or after punctuation (fronted_topic); a comma before
  // « au sujet de » (trailing_topic); words of disappointment or
  // expectation (déçu, pas satisfait, attendre) and an avec right after a
  // quotation mark (Run::letdown_targets).
  const std::vector<std::uint32_t>& reply_words() const { return reply_words_; }
  const std::vector<std::uint32_t>& talk_words() const { return talk_words_; }
  const std::vector<std::uint32_t>& topic_openers() const { return topic_openers_; }
  const std::vector<std::uint32_t>& trailing_topics() const { return trailing_topics_; }
  const std::vector<std::uint32_t>& letdown_words() const { return letdown_words_; }

 private:
  // A sentence of at most this many cues is not indexed: the questions
  // walk its cues, as cheap as building the index (most sentences have
  // none, one or two).
  static constexpr std::size_t kFewCues = 16;

  void index_tokens(const Run& run, const Sentence& sentence);
  void index_cues(const Run& run);
  // Positions of `among` (sorted by verb, then position) whose verb is in [tb, te).
  std::pair<std::size_t, std::size_t> verb_range(const std::vector<std::uint32_t>& among, std::uint32_t tb,
                                                 std::uint32_t te) const;

  std::size_t sentence_ = static_cast<std::size_t>(-1);
  const Run* run_ = nullptr;
  bool indexed_ = false;  // more than kFewCues: the cue index below is built
  CueRange hits_;
  std::vector<std::string> texts_;          // distinct texts of the cues
  std::vector<std::uint32_t> text_of_;      // text id of each cue
  std::unordered_map<std::string, std::uint32_t> text_ids_;
  std::vector<CuesByEnd> by_text_;          // per text id
  std::vector<std::vector<std::uint32_t>> by_text_verb_;  // per text id, sorted by verb
  CuesByEnd slot_, object_;
  std::vector<std::uint32_t> by_verb_;      // every cue, sorted by verb then position
  std::vector<std::uint32_t> openers_;
  std::vector<std::uint32_t> reply_words_, talk_words_, topic_openers_, trailing_topics_, letdown_words_;
};

}  // namespace quotegraph::detail

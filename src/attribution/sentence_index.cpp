// The cues of one sentence indexed for the target stage's questions
// (sentence_index.h): by end for "the last cue before the content", by text
// for "the claim's own cue", by verb for "the cues inside the content".
#include "sentence_index.h"

#include <algorithm>
#include <numeric>

namespace quotegraph::detail {

void CuesByEnd::finish(const CueRange& hits) {
  suffix_min.assign(index.size(), 0);
  std::uint32_t least = UINT32_MAX;
  for (std::size_t p = index.size(); p-- > 0;) suffix_min[p] = least = std::min(least, hits[index[p]].last);
}

long CuesByEnd::last_ending_by(std::uint32_t bound) const {
  // suffix_min grows with p: the last p where it is still within the bound
  // is the last cue that ends by it (every later one ends past it).
  const auto past = std::upper_bound(suffix_min.begin(), suffix_min.end(), bound);
  if (past == suffix_min.begin()) return -1;
  return static_cast<long>(index[static_cast<std::size_t>(past - suffix_min.begin()) - 1]);
}

void SentenceIndex::index(const Run& run, std::size_t s) {
  if (s == sentence_) return;
  sentence_ = s;
  run_ = &run;
  const Sentence& sentence = run.doc.sentences[s];
  hits_ = run.cues_of_sentence(s);
  openers_.clear();
  for (std::uint32_t i = 0; i < hits_.size(); ++i)
    if (hits_[i].first == sentence.token_begin) openers_.push_back(i);
  index_tokens(run, sentence);
  indexed_ = hits_.size() > kFewCues;
  if (indexed_) index_cues(run);
}

void SentenceIndex::index_cues(const Run& run) {
  texts_.clear();
  text_of_.clear();
  text_ids_.clear();
  by_text_.clear();
  by_text_verb_.clear();
  slot_ = CuesByEnd{};
  object_ = CuesByEnd{};
  for (std::uint32_t i = 0; i < hits_.size(); ++i) {
    const CueHit& h = hits_[i];
    const auto [it, fresh] = text_ids_.emplace(run.cue_text(h), static_cast<std::uint32_t>(texts_.size()));
    if (fresh) {
      texts_.push_back(it->first);
      by_text_.emplace_back();
      by_text_verb_.emplace_back();
    }
    text_of_.push_back(it->second);
    by_text_[it->second].add(i);
    by_text_verb_[it->second].push_back(i);
    if (h.entry->target != TargetSlot::kNone) slot_.add(i);
    if (h.entry->target == TargetSlot::kObject) object_.add(i);
  }
  const auto by_verb = [this](std::uint32_t a, std::uint32_t b) {
    return hits_[a].verb != hits_[b].verb ? hits_[a].verb < hits_[b].verb : a < b;
  };
  for (std::size_t t = 0; t < by_text_.size(); ++t) {
    by_text_[t].finish(hits_);
    std::sort(by_text_verb_[t].begin(), by_text_verb_[t].end(), by_verb);
  }
  slot_.finish(hits_);
  object_.finish(hits_);
  by_verb_.resize(hits_.size());
  std::iota(by_verb_.begin(), by_verb_.end(), 0U);
  std::sort(by_verb_.begin(), by_verb_.end(), by_verb);
}

void SentenceIndex::index_tokens(const Run& run, const Sentence& sentence) {
  reply_words_.clear();
  talk_words_.clear();
  topic_openers_.clear();
  trailing_topics_.clear();
  letdown_words_.clear();
  const std::uint32_t b = sentence.token_begin, e = sentence.token_end;
  constexpr std::uint64_t kReply = WordClasses::kReplyAdverbial | WordClasses::kReplyNoun |
                                   WordClasses::kAppealNoun | WordClasses::kContradicting;
  for (std::uint32_t k = b; k < e; ++k) {
    const Run::FormFacts& f = run.facts(k);  // has, has_extra, has_grammar of k, read once
    if (f.extra & kReply) reply_words_.push_back(k);
    if ((f.extra & WordClasses::kTalkWord) && !(f.classes & WordClasses::kPrep)) talk_words_.push_back(k);
    if ((f.anchor & (WordClasses::kLetdownWord | WordClasses::kPleasedWord | WordClasses::kExpectVerb)) ||
        ((f.extra & WordClasses::kTalkWord) && (f.classes & WordClasses::kPrep) && k > b &&
         run.tok(k - 1).kind == TokenKind::kQuoteMark))
      letdown_words_.push_back(k);
    // Only those whose next words make a topic (quant à, au sujet de,
    // concernant), so that fronted_topic stops at the first: a sentence of
    // many « , au lendemain … » asked each of them for each claim.
    const bool quant = (f.grammar & WordClasses::kQuantWord) && k + 1 < e &&
                       run.has_extra(k + 1, WordClasses::kAForm | WordClasses::kAuForm);
    const bool topic_prep = (f.grammar & WordClasses::kTopicPrep) && k + 2 < e &&
                            run.has_grammar(k + 1, WordClasses::kTopicNoun) && run.is_de(k + 2);
    if ((quant || topic_prep || (f.extra & WordClasses::kTopicWord)) && (k == b || run.is_punct(k - 1)))
      topic_openers_.push_back(k);
    if (k + 3 < e && run.is_comma(k) && run.has_grammar(k + 1, WordClasses::kTopicPrep) &&
        run.has_grammar(k + 2, WordClasses::kTopicNoun) && run.is_de(k + 3))
      trailing_topics_.push_back(k);
  }
}

bool SentenceIndex::text_is(std::size_t i, const std::string& text) const {
  return indexed_ ? texts_[text_of_[i]] == text : run_->cue_text_is(hits_[i], text);
}

const CueHit* SentenceIndex::last_slot_cue_by(std::uint32_t bound, bool object_only) const {
  if (!indexed_) {
    const CueHit* found = nullptr;
    for (const CueHit& h : hits_) {
      const TargetSlot slot = h.entry->target;
      if (h.last <= bound && (object_only ? slot == TargetSlot::kObject : slot != TargetSlot::kNone)) found = &h;
    }
    return found;
  }
  const long i = (object_only ? object_ : slot_).last_ending_by(bound);
  return i < 0 ? nullptr : &hits_[static_cast<std::size_t>(i)];
}

const CueHit* SentenceIndex::last_of_text_by(const std::string& text, std::uint32_t bound) const {
  if (!indexed_) {
    const CueHit* found = nullptr;
    for (const CueHit& h : hits_)
      if (h.last <= bound && run_->cue_text_is(h, text)) found = &h;
    return found;
  }
  const auto it = text_ids_.find(text);
  if (it == text_ids_.end()) return nullptr;
  const long i = by_text_[it->second].last_ending_by(bound);
  return i < 0 ? nullptr : &hits_[static_cast<std::size_t>(i)];
}

std::pair<std::size_t, std::size_t> SentenceIndex::verb_range(const std::vector<std::uint32_t>& among,
                                                                 std::uint32_t tb, std::uint32_t te) const {
  const auto verb_before = [this](std::uint32_t i, std::uint32_t k) { return hits_[i].verb < k; };
  const auto b = std::lower_bound(among.begin(), among.end(), tb, verb_before);
  const auto e = std::lower_bound(b, among.end(), std::max(tb, te), verb_before);
  return {static_cast<std::size_t>(b - among.begin()), static_cast<std::size_t>(e - among.begin())};
}

std::vector<std::uint32_t> SentenceIndex::near_content(std::uint32_t tb, std::uint32_t te, const std::string* text,
                                                          std::size_t window, const CueHit* also) const {
  std::vector<std::uint32_t> found;
  if (!indexed_) {
    // Every cue, as the walk it replaces: few enough to read them all.
    found.resize(hits_.size());
    std::iota(found.begin(), found.end(), 0U);
    return found;
  }
  const auto [b, e] = verb_range(by_verb_, tb, te);
  found.insert(found.end(), by_verb_.begin() + static_cast<long>(b), by_verb_.begin() + static_cast<long>(e));
  if (text != nullptr)
    if (const auto it = text_ids_.find(*text); it != text_ids_.end()) {
      const std::vector<std::uint32_t>& same = by_text_verb_[it->second];
      const std::size_t at = verb_range(same, tb, tb).first;
      const std::size_t from = at > window ? at - window : 0, to = std::min(same.size(), at + window);
      found.insert(found.end(), same.begin() + static_cast<long>(from), same.begin() + static_cast<long>(to));
    }
  if (also != nullptr) found.push_back(static_cast<std::uint32_t>(also - hits_.begin()));
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace quotegraph::detail

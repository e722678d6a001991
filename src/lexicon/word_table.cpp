// WordTable: the interned word forms of one Pipeline and what the lexicons
// say about each (see word_table.h).
#include "quotegraph/lexicon/word_table.h"

#include <cstring>
#include <functional>

#include "quotegraph/lexicon/word_classes.h"

namespace quotegraph {

namespace {
constexpr std::size_t kInitialSlots = 4096;
constexpr std::size_t kMaxKeyBytes = std::size_t{1} << 26;  // 64 MiB of keys at most
const std::vector<CueForm> kNoForms;
}  // namespace

WordTable::WordTable(const Lexicon* lexicon, const WordClasses* words, std::size_t max_words)
    : lexicon_(lexicon), words_(words), max_words_(max_words < 16 ? 16 : max_words) {}

void WordTable::clear() {
  // The slots are made on first use: a table that is never asked costs
  // nothing (the attributor makes one per document when it has no cache).
  slots_.clear();
  keys_.clear();
  count_ = 0;
}

void WordTable::grow() {
  std::vector<Slot> old(slots_.empty() ? kInitialSlots : slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (Slot& s : old) {
    if (!s.used) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = std::move(s);
  }
}

WordInfo& WordTable::find(std::string_view folded) {
  const std::uint64_t hash = std::hash<std::string_view>{}(folded);
  if (slots_.empty()) grow();
  std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  for (; slots_[i].used; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == hash && s.key_size == folded.size() &&
        std::memcmp(keys_.data() + s.key_begin, folded.data(), folded.size()) == 0)
      return slots_[i].info;
  }
  // A new form: make room first (which moves the slots), then fill it.
  if (count_ >= max_words_ || keys_.size() + folded.size() > kMaxKeyBytes) clear();
  if (2 * (count_ + 1) > slots_.size()) grow();
  mask = slots_.size() - 1;
  i = hash & mask;
  while (slots_[i].used) i = (i + 1) & mask;
  Slot& s = slots_[i];
  s.used = true;
  s.hash = hash;
  s.key_begin = static_cast<std::uint32_t>(keys_.size());
  s.key_size = static_cast<std::uint32_t>(folded.size());
  keys_.append(folded);
  ++count_;
  const std::string key(folded);
  s.info.classes = words_ ? words_->classes(key) : 0;
  s.info.extra = words_ ? words_->extra(key) : 0;
  s.info.grammar = words_ ? words_->grammar(key) : 0;
  s.info.forms = lexicon_ ? &lexicon_->forms(key) : &kNoForms;
  return s.info;
}

}  // namespace quotegraph

// WordTable: the interned word forms of one Pipeline and what the lexicons
// say about each (see word_table.h).
#include "quotegraph/lexicon/word_table.h"

#include "quotegraph/lexicon/word_classes.h"

namespace quotegraph {

namespace {
constexpr std::size_t kMaxKeyBytes = std::size_t{1} << 26;  // 64 MiB of keys at most
const std::vector<CueForm> kNoForms;
}  // namespace

WordTable::WordTable(const Lexicon* lexicon, const WordClasses* words, std::size_t max_words)
    : lexicon_(lexicon), words_(words), max_words_(max_words < 16 ? 16 : max_words) {}

WordInfo WordTable::intern(std::string_view folded) const {
  WordInfo info;
  const std::string key(folded);
  info.classes = words_ ? words_->classes(key) : 0;
  info.extra = words_ ? words_->extra(key) : 0;
  info.grammar = words_ ? words_->grammar(key) : 0;
  info.anchor = words_ ? words_->anchor(key) : 0;
  info.forms = lexicon_ ? &lexicon_->forms(key) : &kNoForms;
  return info;
}

WordInfo& WordTable::find(std::string_view folded) {
  if (WordInfo* known = table_.find(folded)) return *known;
  // A new form: the table starts afresh when full, so memory stays bounded.
  if (table_.size() >= max_words_ || table_.key_bytes() + folded.size() > kMaxKeyBytes) table_.clear();
  return table_.add(folded, intern(folded));
}

}  // namespace quotegraph

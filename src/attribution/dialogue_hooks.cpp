// The attribution pass's noun phrases and subjects, lent to the dialogue
// pass (dialogue_speakers.h) through two functions, so that the dialogue
// rules do not depend on how the pass is built.
#include "attribution_run.h"
#include "dialogue_speakers.h"

#include <algorithm>

namespace quotegraph::detail {

DialogueHooks dialogue_hooks(Run& run) {
  DialogueHooks hooks;
  hooks.make_mention = [&run](std::uint32_t b, std::uint32_t e) { return run.make_mention(b, e); };
  hooks.sentence_subject = [&run](std::uint32_t s, std::uint32_t limit) {
    const Sentence& S = run.doc.sentences[s];
    const std::uint32_t sb = S.token_begin, se = std::min(S.token_end, limit);
    if (se <= sb) return static_cast<int>(kNone);
    // The last speech verb's subject: "Il se tourna vers elle et dit :".
    const std::vector<CueHit> cues = run.find_cues(sb, se);
    for (auto it = cues.rbegin(); it != cues.rend(); ++it) {
      if (it->clitic != kNone) return run.make_mention(static_cast<std::uint32_t>(it->clitic),
                                                       static_cast<std::uint32_t>(it->clitic) + 1);
      if (it->form == VerbForm::kFinite) {
        const int m = run.subject_before(it->first, sb, se);
        if (m != kNone) return m;
      }
    }
    return run.sentence_subject(sb, se, se);
  };
  hooks.can_speak = [&run](int m) { return run.speaker_head_ok(m); };
  hooks.given_name_gender = [&run](const std::string& folded) { return run.words.given_name_gender(folded); };
  hooks.person_names = [&run](std::uint32_t s) {
    std::vector<int> names;
    const Sentence& S = run.doc.sentences[s];
    const std::uint32_t sb = S.token_begin, se = S.token_end;
    const bool tagged = run.tags_.size() == run.doc.tokens.size();
    for (std::uint32_t k = sb; k < se;) {
      // A capitalised word opening the sentence is a name only when the
      // dictionary knows it as a given name.
      const bool given = tagged && (run.tags_[k].readings & kPosGivenName);
      if (!run.is_name_word(k) || (k == sb && !given)) {
        ++k;
        continue;
      }
      std::uint32_t e = k + 1;
      while (e < se && run.is_name_word(e)) ++e;
      const bool place = tagged && (run.tags_[k].pos & kPosPlace) && !given;
      std::uint32_t b = k;
      // A courtesy title before it: M. Bayley, Mme Lacombe.
      if (b > sb + 1 && run.tok(b - 1).lower == "." && run.title_of(b - 2)) b -= 2;
      else if (b > sb && run.title_of(b - 1)) b -= 1;
      if (!place && !run.state_or_seat(run.tok(k).lower)) {
        const int m = run.make_mention(b, e);
        if (m != kNone && run.speaker_head_ok(m)) names.push_back(m);
      }
      k = e;
    }
    return names;
  };
  return hooks;
}

}  // namespace quotegraph::detail

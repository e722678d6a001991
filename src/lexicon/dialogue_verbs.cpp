// DialogueVerbs: reads data/dialogue_verbs.tsv, joins the incise verbs of
// the speech verb lexicon, and keeps the folded finite forms and past
// participles of all of them for the dialogue detector.
#include "quotegraph/lexicon/dialogue_verbs.h"

#include <fstream>
#include <unordered_set>

#include "quotegraph/lexicon/morphology.h"
#include "quotegraph/text/text.h"

namespace quotegraph {
namespace {

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "s'écrier" -> "écrier", "se récrier" -> "récrier"; other verbs unchanged.
std::string_view without_reflexive(std::string_view lemma) {
  if (lemma.rfind("se ", 0) == 0) return lemma.substr(3);
  if (lemma.rfind("s'", 0) == 0) return lemma.substr(2);
  if (lemma.rfind("s\xE2\x80\x99", 0) == 0) return lemma.substr(4);  // s’
  return lemma;
}

}  // namespace

Result<DialogueVerbs> DialogueVerbs::load(const std::string& data_dir, const Lexicon& lexicon,
                                          Diagnostics& diags) {
  const std::string path = data_dir + "/dialogue_verbs.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(DiagCode::kIoError, path, 0, "cannot open the dialogue verb list", {}, "line");
  DialogueVerbs verbs;
  auto add = [&verbs](const Conjugation& c) {
    for (const std::string& f : c.finite_singular) verbs.finite_.insert(fold_utf8(f));
    for (const std::string& f : c.finite_plural) verbs.finite_.insert(fold_utf8(f));
    for (const std::string& f : c.past_participles) verbs.participles_.insert(fold_utf8(f));
    ++verbs.verbs_;
  };
  // The infinitives whose forms are in already: most incise verbs of the
  // lexicon are in the file too, and many share their head verb (dire,
  // répondre), so a verb is conjugated and its forms folded once; a repeat
  // only counts (the sets would not change).
  std::unordered_set<std::string> added;
  auto add_verb = [&](const std::string& verb) {
    if (added.count(verb) != 0) {
      ++verbs.verbs_;
      return true;
    }
    // The lexicon's own conjugation when it has one (most incise verbs
    // are speech verbs): the same forms, without conjugating again.
    if (const Conjugation* known = lexicon.conjugation(verb)) {
      add(*known);
    } else {
      Conjugation c;
      if (!lexicon.conjugator().conjugate(verb, c)) return false;
      add(c);
    }
    added.insert(verb);
    return true;
  };
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string_view content = trim_line(line);
    if (content.empty() || content.front() == '#') continue;
    const std::string verb(without_reflexive(content));
    if (verb.find(' ') != std::string::npos || !add_verb(verb)) {
      diags.error(DiagCode::kBadData, path, line_no,
                  "cannot conjugate the dialogue verb \"" + std::string(content) + "\" (one infinitive per line)",
                  std::string(content), "line");
    }
  }
  // The speech verbs that may stand in an incise (« … », répondit-il):
  // their head alone, since a locution's tail (faire remarquer) seldom
  // follows the verb in a dialogue incise.
  for (const CueEntry& e : lexicon.entries()) {
    if (!(e.frames & kFrameIncise) || !e.tail.empty()) continue;
    add_verb(e.verb);
  }
  return verbs;
}

}  // namespace quotegraph

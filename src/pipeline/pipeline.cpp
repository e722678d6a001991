// Pipeline: decode, segment, detect quotations, attribute, then group the
// mentions of one document into entities (in-document coreference) and
// hand them to the corpus-wide registry.
#include "quotegraph/pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>
#include <unordered_map>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "quotegraph/attribution/attributor.h"
#include "quotegraph/entities/doc_entities.h"
#include "quotegraph/lexicon/dialogue_verbs.h"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/quotes/dialogue.h"
#include "quotegraph/quotes/quote_detector.h"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"
#include "quotegraph/pipeline/stage_clock.h"

namespace quotegraph {

namespace {

bool has_lexicons(const std::string& dir) {
  struct stat st {};
  return ::stat((dir + "/speech_verbs.tsv").c_str(), &st) == 0;
}

}  // namespace

std::string find_data_dir(const std::string& executable, const char* env_value) {
  if (env_value != nullptr && *env_value != '\0') return env_value;
  if (!executable.empty()) {
    // bin/quotegraph -> share/quotegraph/data, wherever the prefix was moved.
    const std::size_t slash = executable.rfind('/');
    const std::string bin = slash == std::string::npos ? "." : executable.substr(0, slash);
    const std::string beside = bin + "/../share/quotegraph/data";
    if (has_lexicons(beside)) return beside;
  }
  if (has_lexicons(QUOTEGRAPH_SOURCE_DATA_DIR)) return QUOTEGRAPH_SOURCE_DATA_DIR;
  return QUOTEGRAPH_INSTALL_DATA_DIR;
}

std::string default_data_dir() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  const std::string exe = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  return find_data_dir(exe, std::getenv("QUOTEGRAPH_DATA"));
}

// What the pipelines of one run read and never change: loaded once, shared
// by every thread's Pipeline (see Pipeline::another()).
struct LoadedData {
  LoadedData(Lexicon l, Gazetteer g, WordClasses w, DialogueVerbs d)
      : lexicon(std::move(l)), gazetteer(std::move(g)), words(std::move(w)), dialogue_verbs(std::move(d)) {}
  Lexicon lexicon;
  Gazetteer gazetteer;
  WordClasses words;
  DialogueVerbs dialogue_verbs;
};

struct Pipeline::Impl {
  std::shared_ptr<const LoadedData> data;
  Segmenter segmenter;
  mutable GazetteerCache cache;  // look-ups remembered across documents
  bool profiling = false;
  mutable StageTimes times;      // filled only when profiling
  std::unique_ptr<PosLexicon> pos;  // null without hunspell-fr
  Limits limits;
  Impl(std::shared_ptr<const LoadedData> d, std::unique_ptr<PosLexicon> p)
      : data(std::move(d)), segmenter(data->words), cache(data->gazetteer, &data->lexicon, &data->words),
        pos(std::move(p)) {}
};

Pipeline::Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::create(const std::string& data_dir, Diagnostics& diags) {
  // Hunspell's dictionary takes more than half of the start-up and needs
  // nothing of the rest: it is read on a thread of its own meanwhile, so
  // that on two cores the start-up, which every run waits for, is shorter.
  std::future<std::unique_ptr<PosLexicon>> pos = std::async(std::launch::async, PosLexicon::open_default);
  auto lexicon = Lexicon::load(data_dir, diags);
  lexicon.status().report(diags);
  auto words = WordClasses::load(data_dir, diags);
  words.status().report(diags);
  // The gazetteer reads its articles from the word classes; without them
  // it is still read, so that one run names every missing file.
  const WordClasses no_words;
  auto gazetteer = Gazetteer::load(data_dir, words ? *words : no_words, diags);
  gazetteer.status().report(diags);
  if (!lexicon) return lexicon.status();
  if (!gazetteer) return gazetteer.status();
  if (!words) return words.status();
  auto dialogue_verbs = DialogueVerbs::load(data_dir, *lexicon, diags);
  dialogue_verbs.status().report(diags);
  if (!dialogue_verbs) return dialogue_verbs.status();
  // French infinitives from Debian's hunspell-fr dictionary; without it the
  // attributor falls back to the endings of infinitives.
  for (const char* dic : {"/usr/share/hunspell/fr_FR.dic", "/usr/share/hunspell/fr.dic"})
    if (words->load_infinitives(dic)) break;
  Pipeline p;
  p.impl_ = std::make_unique<Impl>(std::make_shared<const LoadedData>(std::move(*lexicon), std::move(*gazetteer),
                                                                      std::move(*words), std::move(*dialogue_verbs)),
                                   pos.get());
  return p;
}

Pipeline Pipeline::another() const {
  Pipeline p;
  p.impl_ = std::make_unique<Impl>(impl_->data, impl_->pos ? impl_->pos->share() : nullptr);
  return p;
}

StageTimes& StageTimes::operator+=(const StageTimes& o) {
  decode += o.decode;
  segment += o.segment;
  quotes += o.quotes;
  attribution += o.attribution;
  entities += o.entities;
  documents += o.documents;
  return *this;
}

void Pipeline::set_profiling(bool on) {
  impl_->profiling = on;
  impl_->times = StageTimes{};
}

StageTimes Pipeline::stage_times() const { return impl_->times; }

void Pipeline::set_limits(const Limits& limits) { impl_->limits = limits; }

const Limits& Pipeline::limits() const { return impl_->limits; }

const WordClasses& Pipeline::words() const { return impl_->data->words; }

DocumentResult Pipeline::process(std::string_view name, std::string_view bytes, Diagnostics& diags) const {
  const std::size_t first = diags.size();
  DocumentResult result;
  if (bytes.size() > impl_->limits.max_document_bytes) {
    diags.error(DiagCode::kLimit, std::string(name), 0,
                "document of " + std::to_string(bytes.size()) + " bytes is larger than the limit of " +
                    std::to_string(impl_->limits.max_document_bytes) + " bytes: skipped");
    return result;
  }
  StageClock clock(impl_->profiling);
  auto decoded = decode_utf8(bytes);
  clock.lap(impl_->times.decode);
  if (decoded) {
    result = process_text(name, std::move(decoded.text()), diags);
  } else {
    const auto& err = decoded.error();
    std::size_t from = err.byte_offset >= 16 ? err.byte_offset - 16 : 0;
    diags.error(DiagCode::kInvalidUtf8, std::string(name), err.byte_offset, err.message,
                std::string(bytes.substr(from, std::min<std::size_t>(32, bytes.size() - from))), "byte");
  }
  locate_diagnostics(diags, first, name, bytes);
  return result;
}

namespace {

// Checks a document's text before it is segmented: a blank text is an
// error, control characters a warning (once, with their count), a line
// longer than `max_paragraph` an error. False when the document is refused.
bool accept_text(std::string_view name, const std::u32string& text, std::size_t max_paragraph,
                 Diagnostics& diags) {
  bool blank = std::all_of(text.begin(), text.end(), [](char32_t c) { return is_space(c) || c == 0; });
  if (blank) {
    diags.error(DiagCode::kEmptyDocument, std::string(name), 0, "document is empty (no text)");
    return false;
  }
  // NUL and other C0 controls are no part of an article (a binary file or
  // a broken conversion): say so once, then analyse the text as it is. A
  // paragraph holds whole lines (the segmenter breaks lines at LF, U+2028
  // and U+2029), so one line over the paragraph limit is enough to refuse
  // the document before the cost of segmenting it. One pass finds both.
  std::size_t controls = 0, first_control = 0;
  std::size_t line_start = 0, long_line_start = 0, long_line_size = 0;
  bool long_line = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    // Most code points are printable and end no line: skipped sixteen at
    // a time while a block holds only code points from U+0020 to U+2027 (a
    // loop the compiler turns into vector comparisons), then one at a time
    // (every code point of every document passes here).
    while (i + 16 <= text.size()) {
      unsigned others = 0;
      for (std::size_t k = 0; k < 16; ++k) others |= text[i + k] - 0x20u >= 0x2028u - 0x20u;
      if (others != 0) break;
      i += 16;
    }
    while (i < text.size() && text[i] >= 0x20 && text[i] != 0x2028 && text[i] != 0x2029) ++i;
    const char32_t c = i < text.size() ? text[i] : U'\n';
    if (c == U'\n' || c == 0x2028 || c == 0x2029) {
      if (!long_line && i - line_start > max_paragraph) {
        long_line = true;
        long_line_start = line_start;
        long_line_size = i - line_start;
      }
      line_start = i + 1;
      continue;
    }
    if (c >= 0x20 || (c >= U'\t' && c <= U'\r')) continue;
    if (controls++ == 0) first_control = i;
  }
  if (controls > 0) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(text[first_control]));
    diags.warning(DiagCode::kControlCharacter, std::string(name), first_control,
                  "document holds " + std::to_string(controls) + " control characters (first " + code +
                      "); GraphML and DOT leave them out");
  }
  if (long_line) {
    diags.error(DiagCode::kLimit, std::string(name), long_line_start,
                "line of " + std::to_string(long_line_size) + " characters is longer than the paragraph limit of " +
                    std::to_string(max_paragraph) + ": document skipped");
    return false;
  }
  return true;
}

// False, with a kLimit error, when a paragraph of `doc` is longer than
// `max_paragraph` code points.
bool paragraphs_within(const Document& doc, std::size_t max_paragraph, Diagnostics& diags) {
  for (const Paragraph& para : doc.paragraphs) {
    if (para.end - para.begin <= max_paragraph) continue;
    diags.error(DiagCode::kLimit, doc.name, para.begin,
                "paragraph of " + std::to_string(para.end - para.begin) +
                    " characters is longer than the limit of " +
                    std::to_string(max_paragraph) + ": document skipped");
    return false;
  }
  return true;
}

// Appends the claims of `a` to `result`, each with the entity of its
// speaker and of its targets from `builder`; a target on the speaker's own
// side, or named twice, is dropped.
void add_claims(const Document& doc, const Attribution& a, DocEntityBuilder& builder, DocumentResult& result) {
  result.claims.reserve(a.claims.size());
  result.speaker_entity.reserve(a.claims.size());
  result.target_entities.reserve(a.claims.size());
  for (const AttributedClaim& ac : a.claims) {
    Claim c;
    c.document = doc.name;
    c.begin = ac.begin;
    c.end = ac.end;
    c.text = to_utf8(doc.slice(ac.begin, ac.end));
    c.kind = ac.kind;
    c.cue = ac.cue;
    c.relation = ac.relation;
    int sc = builder.cluster(ac.speaker);
    if (ac.speaker >= 0) {
      const MentionInfo& mi = a.mentions[ac.speaker];
      EntityRef ref;
      ref.mention = Mention{mi.begin, mi.end, mi.text};
      c.speaker = ref;
    }
    std::vector<int> tcs;
    for (int t : ac.targets) {
      int tc = builder.cluster(t);
      if (tc < 0 || builder.same_side(sc, tc) || std::find(tcs.begin(), tcs.end(), tc) != tcs.end()) continue;
      tcs.push_back(tc);
      const MentionInfo& mi = a.mentions[t];
      EntityRef ref;
      ref.mention = Mention{mi.begin, mi.end, mi.text};
      c.targets.push_back(ref);
    }
    if (sc < 0) c.speaker.reset();
    result.speaker_entity.push_back(sc);
    result.target_entities.push_back(tcs);
    result.claims.push_back(std::move(c));
  }
}

}  // namespace

DocumentResult Pipeline::process_text(std::string_view name, std::u32string text, Diagnostics& diags) const {
  DocumentResult result;
  const std::size_t max_paragraph = impl_->limits.max_paragraph_chars;
  StageClock clock(impl_->profiling);  // the checks count with segmenting
  if (!accept_text(name, text, max_paragraph, diags)) return result;
  Document doc;
  doc.name = std::string(name);
  doc.text = std::move(text);
  impl_->segmenter.segment(doc);
  if (!paragraphs_within(doc, max_paragraph, diags)) return result;
  clock.lap(impl_->times.segment);
  std::vector<Quote> quotes = detect_quotes(doc, diags, impl_->limits.quotes);
  clock.lap(impl_->times.quotes);
  const LoadedData& data = *impl_->data;
  Attributor attributor(data.lexicon, data.gazetteer, data.words, &impl_->cache, impl_->pos.get());
  std::vector<Turn> turns = detect_dialogue(doc, quotes, data.dialogue_verbs, data.words);
  Attribution a = attributor.attribute(doc, quotes, turns);
  clock.lap(impl_->times.attribution);

  DocEntityBuilder builder(a, data.gazetteer, data.words);
  add_claims(doc, a, builder, result);
  result.entities = builder.take();
  result.ok = true;
  clock.lap(impl_->times.entities);
  if (impl_->profiling) ++impl_->times.documents;
  return result;
}

void resolve_entities(DocumentResult& result, std::string_view document, EntityRegistry& registry,
                      std::string_view day) {
  std::vector<std::string> ids;
  ids.reserve(result.entities.size());
  for (const DocEntity& e : result.entities) {
    ids.push_back(registry.add(e, document));
    registry.note_date(ids.back(), day);
  }
  auto fill = [&](EntityRef& ref, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= ids.size()) return;
    ref.id = ids[index];
    if (const Entity* e = registry.find(ref.id)) {
      ref.name = e->name;
      ref.type = e->type;
    } else {
      ref.name = result.entities[index].name;
      ref.type = result.entities[index].type;
    }
  };
  for (std::size_t i = 0; i < result.claims.size(); ++i) {
    Claim& c = result.claims[i];
    if (c.speaker) {
      fill(*c.speaker, result.speaker_entity[i]);
      registry.count_claim(c.speaker->id, true);
    }
    for (std::size_t t = 0; t < c.targets.size(); ++t) {
      fill(c.targets[t], result.target_entities[i][t]);
      registry.count_claim(c.targets[t].id, false);
    }
  }
}

}  // namespace quotegraph

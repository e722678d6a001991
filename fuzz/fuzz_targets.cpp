// The checks behind the libFuzzer harnesses, one function per harness, so
// that the regression test (tests/fuzz_regression_test.cpp) runs exactly
// the code the fuzzer ran on each saved input.
#include "fuzz_targets.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "quotegraph/eval/gold.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/pipeline/pipeline.h"
#include "quotegraph/quotes/quote_detector.h"
#include "quotegraph/structure/document.h"
#include "quotegraph/text/text.h"

namespace quotegraph_fuzz {

using namespace quotegraph;

namespace {

// The segmenter over the source tree's word classes, made once.
const Segmenter& shared_segmenter() {
  static const WordClasses words = [] {
    Diagnostics diags;
    auto loaded = WordClasses::load(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
    return loaded ? std::move(*loaded) : WordClasses();
  }();
  static const Segmenter segmenter(words);
  return segmenter;
}

[[noreturn]] void abort_on_broken(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

}  // namespace

void (*on_broken)(const char* what) = abort_on_broken;

void require(bool ok, const char* what) {
  if (!ok) on_broken(what);
}

// UTF-8 decoding and segmentation (paragraphs, sentences,
// tokens). Checks that every span lies inside the text and that spans come
// in order, whatever the bytes.
void check_segment(std::string_view input) {
  auto decoded = decode_utf8(input);
  if (!decoded) {
    require(decoded.error().byte_offset < input.size(), "decode error offset inside the input");
    return;
  }
  require(to_utf8(decoded.text()) == input,
          "decode then encode gives the input back");
  const Segmenter& segmenter = shared_segmenter();
  Document doc;
  doc.name = "fuzz.txt";
  doc.text = std::move(decoded.text());
  segmenter.segment(doc);
  const auto n = doc.text.size();
  for (const Paragraph& p : doc.paragraphs) {
    require(p.begin <= p.end && p.end <= n, "paragraph inside the text");
    require(p.sentence_begin <= p.sentence_end && p.sentence_end <= doc.sentences.size(),
            "paragraph sentence range");
  }
  for (const Sentence& s : doc.sentences) {
    require(s.begin <= s.end && s.end <= n, "sentence inside the text");
    require(s.token_begin <= s.token_end && s.token_end <= doc.tokens.size(), "sentence token range");
  }
  for (const Token& t : doc.tokens) require(t.begin < t.end && t.end <= n, "token inside the text");
}

// Quotation detection on a segmented document. Checks
// that every quotation's marks and content lie inside the text in order.
void check_quotes(std::string_view input) {
  auto decoded = decode_utf8(input);
  if (!decoded) return;
  const Segmenter& segmenter = shared_segmenter();
  Document doc;
  doc.name = "fuzz.txt";
  doc.text = std::move(decoded.text());
  segmenter.segment(doc);
  Diagnostics diags;
  const auto quotes = detect_quotes(doc, diags);
  const auto n = doc.text.size();
  for (const Quote& q : quotes) {
    require(q.open <= q.begin && q.begin <= q.end && q.end <= q.close && q.close <= n,
            "quote marks and content in order inside the text");
    require(q.paragraph <= q.last_paragraph, "quote paragraphs in order");
    require(q.depth >= 0, "quote depth");
  }
}

// The whole per-document pipeline (decode, segment,
// quotes, attribution, entities, registry), then every claim through the
// JSONL writer and back through the reader: a line the writer produces
// must always be readable and give the same offsets and kind.
void check_pipeline(std::string_view input) {
  static const quotegraph::Result<Pipeline> pipeline = [] {
    Diagnostics diags;
    return Pipeline::create(QUOTEGRAPH_SOURCE_DATA_DIR, diags);
  }();
  require(pipeline.ok(), "lexicons load");
  Diagnostics diags;
  DocumentResult result = pipeline->process("fuzz.txt", input, diags);
  if (!result.ok) {
    require(diags.has_errors(), "a skipped document has an error");
    return;
  }
  EntityRegistry registry(pipeline->words());
  resolve_entities(result, "fuzz.txt", registry);
  for (const Claim& claim : result.claims) {
    require(claim.begin <= claim.end, "claim span in order");
    const std::string line = claim_to_json(claim);
    require(line.find('\n') == std::string::npos, "one JSON line per claim");
    auto back = claim_from_json(line);
    require(back.ok(), "written claim reads back");
    require(back->begin == claim.begin && back->end == claim.end && back->kind == claim.kind,
            "written claim keeps its offsets and kind");
    require(claim_to_json(*back) == line, "rewriting a read claim gives the same line");
  }
  for (const Entity* e : registry.entities()) (void)entity_to_json(*e);
}

// The gold annotation reader. The input is the gold JSON,
// optionally followed by a NUL byte and the document text it annotates.
// Any bytes must give a document or diagnostics, never a crash.
void check_gold(std::string_view input) {
  std::string_view all = input;
  std::string_view json = all;
  std::u32string text;
  if (auto nul = all.find('\0'); nul != std::string_view::npos) {
    json = all.substr(0, nul);
    auto decoded = decode_utf8(all.substr(nul + 1));
    if (decoded) text = std::move(decoded.text());
  }
  Diagnostics diags;
  auto gold = parse_gold(json, "fuzz.gold.json", "fuzz.txt", text, diags);
  require(gold.has_value() != diags.has_errors(), "a gold file is read or has an error");
  for (const Diagnostic& d : diags.items()) (void)format_gold_diagnostic(d);
  if (gold) {
    (void)gold_to_json(*gold);
    (void)gold_to_claims(*gold);
  }
}

// The claims JSONL reader. Every claim it accepts must
// be written back by claim_to_json as a line that reads again to the same
// line (the writer and reader agree on any accepted input).
void check_claims(std::string_view input) {
  std::istringstream in{std::string(input)};
  Diagnostics diags;
  const auto claims = read_claims(in, "fuzz.jsonl", diags);
  for (const Diagnostic& d : diags.items()) (void)format_diagnostic(d);
  for (const Claim& claim : claims) {
    const std::string line = claim_to_json(claim);
    auto back = claim_from_json(line);
    require(back.ok(), "a re-written claim reads back");
    require(claim_to_json(*back) == line, "the re-written line is stable");
  }
}

}  // namespace quotegraph_fuzz

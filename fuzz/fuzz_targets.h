// The checks the libFuzzer harnesses run on each input: any bytes must be
// handled without a crash, a sanitizer report or a broken invariant. An
// invariant that does not hold calls on_broken (abort by default, so that
// libFuzzer saves the input; the regression test makes it throw).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace quotegraph_fuzz {

// Called with a description when an invariant does not hold.
extern void (*on_broken)(const char* what);

// Calls on_broken(what) when `ok` is false.
void require(bool ok, const char* what);

// Decoding and segmentation: spans inside the text and in order; decoding
// then encoding gives the input back.
void check_segment(std::string_view input);
// Quote detection: marks and content in order inside the text.
void check_quotes(std::string_view input);
// The whole per-document pipeline, then each claim written as JSONL and
// read back unchanged.
void check_pipeline(std::string_view input);
// The gold reader: gold JSON, optionally a NUL byte and the document.
void check_gold(std::string_view input);
// The claims reader: each accepted claim is written and read back unchanged.
void check_claims(std::string_view input);

}  // namespace quotegraph_fuzz

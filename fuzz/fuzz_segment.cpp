// libFuzzer harness: UTF-8 decoding and segmentation (paragraphs, sentences,
// tokens). Checks that every span lies inside the text and that spans come
// in order, whatever the bytes.
// The check itself is check_segment() in fuzz_targets.cpp.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  quotegraph_fuzz::check_segment(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

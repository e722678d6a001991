// libFuzzer harness: the whole per-document pipeline (decode, segment,
// quotes, attribution, entities, registry), then every claim through the
// JSONL writer and back through the reader: a line the writer produces
// must always be readable and give the same offsets and kind.
// The check itself is check_pipeline() in fuzz_targets.cpp.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  quotegraph_fuzz::check_pipeline(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

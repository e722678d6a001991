// libFuzzer harness: the gold annotation reader. The input is the gold JSON,
// optionally followed by a NUL byte and the document text it annotates.
// Any bytes must give a document or diagnostics, never a crash.
// The check itself is check_gold() in fuzz_targets.cpp.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  quotegraph_fuzz::check_gold(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

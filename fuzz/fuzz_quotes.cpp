// libFuzzer harness: quotation detection on a segmented document. Checks
// that every quotation's marks and content lie inside the text in order.
// The check itself is check_quotes() in fuzz_targets.cpp.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  quotegraph_fuzz::check_quotes(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

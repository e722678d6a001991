// libFuzzer harness: the claims JSONL reader. Every claim it accepts must
// be written back by claim_to_json as a line that reads again to the same
// line (the writer and reader agree on any accepted input).
// The check itself is check_claims() in fuzz_targets.cpp.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  quotegraph_fuzz::check_claims(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

// Extracts the claims of one French sentence with the quotegraph library and
// prints them as claims JSONL (build: see examples/CMakeLists.txt).
#include <iostream>

#include "quotegraph/entities/entities.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/pipeline/pipeline.h"

int main() {
  quotegraph::Diagnostics diags;
  auto pipeline = quotegraph::Pipeline::create(quotegraph::default_data_dir(), diags);
  if (!pipeline) return 2;  // no lexicons: set QUOTEGRAPH_DATA
  const char* text = "« Nous ne céderons pas », a déclaré mardi la ministre Anne Dupont, "
                     "qui a accusé la Russie de mentir.";
  quotegraph::DocumentResult result = pipeline->process("exemple", text, diags);
  quotegraph::EntityRegistry registry(pipeline->words());
  quotegraph::resolve_entities(result, "exemple", registry);
  for (const quotegraph::Claim& claim : result.claims) std::cout << quotegraph::claim_to_json(claim) << '\n';
  return result.ok ? 0 : 1;
}

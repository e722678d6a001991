// Fixture: a low stage that includes a later one; scripts/check_layers.py must reject it.
#include "quotegraph/export/claims_io.h"

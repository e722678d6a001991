// Test entry point. Catch2 3 brings its own main (Catch2WithMain); 2.13 needs
// this translation unit to define it.
#if !defined(QUOTEGRAPH_CATCH3)
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#endif

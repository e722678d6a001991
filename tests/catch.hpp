// Includes Catch2 whichever major version the build found: 2.13 (Debian
// bookworm) ships a single header, version 3 split it up.
#pragma once
#if defined(QUOTEGRAPH_CATCH3)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif

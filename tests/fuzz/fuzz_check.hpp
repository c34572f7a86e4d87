// What every fuzz target shares: a check that stops the run with a message (libFuzzer saves the input).
#pragma once

#include <cstdio>
#include <cstdlib>

// A broken invariant is a finding like a crash: print it and abort, so libFuzzer writes crash-<sha1>.
#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

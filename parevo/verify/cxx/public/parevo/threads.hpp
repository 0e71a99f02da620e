// Candidate-visible: how many workers a candidate should use.
// parevo sweeps thread counts by setting PAREVO_NUM_THREADS (and OMP_NUM_THREADS,
// PARLAY_NUM_THREADS); std::thread::hardware_concurrency() ignores that sweep, so
// std::thread candidates must ask here instead.
#pragma once
#include <cstdlib>
#include <thread>

namespace parevo {
inline int num_threads() {
  if (const char* v = std::getenv("PAREVO_NUM_THREADS")) {
    int n = std::atoi(v);
    if (n > 0) return n;
  }
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? static_cast<int>(hw) : 1;
}
}  // namespace parevo

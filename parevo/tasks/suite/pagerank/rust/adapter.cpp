// The pagerank task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::vector<double> pagerank(const CSRGraph& g, double damping, int iterations) {
  using namespace parevo_rust;
  std::vector<double> ranks;
  call({scalar(g.n), slice(g.offsets), slice(g.targets), real(damping), scalar(iterations)}, ranks);
  return ranks;
}

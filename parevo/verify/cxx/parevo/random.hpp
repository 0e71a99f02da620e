// Harness-side: deterministic randomness. Inputs are a pure function of (family, size, seed),
// so every stage, every machine and every re-run sees the same inputs.
#pragma once
#include <cstdint>
#include <numeric>
#include <string_view>
#include <vector>

namespace parevo {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound); bound > 0.
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }
  double uniform() { return (next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  std::uint64_t state_;
};

inline std::uint64_t hash_name(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

// A random permutation of 0..n-1: graph generators relabel vertices with it so that a
// candidate cannot rely on the generator's natural (cache-friendly, race-hiding) order.
template <class Int>
std::vector<Int> random_permutation(Int n, Rng& rng) {
  std::vector<Int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), Int{0});
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
  return p;
}

}  // namespace parevo

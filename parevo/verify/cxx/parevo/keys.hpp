// Harness-side: key distributions for sorting and counting tasks (PBBS practice). Every
// generator returns n keys in [0, bound), where bound == 0 stands for the whole 64-bit range
// (so a 32-bit task passes bound = 2^32 and a 64-bit one passes 0). Families:
//   uniform       independent uniform keys
//   zipf          Zipf-distributed ranks (exponent 1.2): the hottest key is about a fifth of
//                 the input, the ten hottest about half, and a long tail of rare keys; ranks
//                 are scattered over the key range by a hash, so hot keys are not small
//   all_equal     one random key, n times
//   few_distinct  4 random keys, each drawn uniformly
//   hot_key       a quarter of the keys are one random key, the rest uniform
//   small_range   uniform in [0, 1000): only the lowest bits vary, every key repeats
//   sorted        uniform keys in non-decreasing order
//   reverse       uniform keys in non-increasing order
//   sawtooth      ascending runs of about sqrt(n) keys, each run spanning the whole range
//   nearly_sorted sorted, then a few swaps in the last 1% and at random places (edge.hpp):
//                 a candidate that samples 64 keys and returns "already sorted" input fails
//   sorted_tail_swap  sorted but for the last key, swapped with an earlier smaller one
//   two           two keys (whatever n is)
//   single        one key (whatever n is)
//   empty         no keys (whatever n is)
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "edge.hpp"
#include "random.hpp"
#include "zipf.hpp"

namespace parevo::keys {

// x reduced into [0, bound), bound == 0 meaning no reduction.
inline std::uint64_t reduce(std::uint64_t x, std::uint64_t bound) { return bound == 0 ? x : x % bound; }

// The splitmix64 finaliser: a bijection of 64-bit words that scatters consecutive inputs.
inline std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

using parevo::Zipf;

template <class Key>
std::vector<Key> uniform(std::size_t n, std::uint64_t bound, Rng& rng) {
  std::vector<Key> k(n);
  for (Key& v : k) v = static_cast<Key>(reduce(rng.next(), bound));
  return k;
}

template <class Key>
std::vector<Key> zipf(std::size_t n, std::uint64_t bound, Rng& rng, double s = 1.2) {
  const Zipf draw(std::max<std::uint64_t>(n, 1), s);
  const std::uint64_t salt = rng.next();
  std::vector<Key> k(n);
  for (Key& v : k) v = static_cast<Key>(reduce(mix(draw(rng) + salt), bound));
  return k;
}

template <class Key>
std::vector<Key> all_equal(std::size_t n, std::uint64_t bound, Rng& rng) {
  return std::vector<Key>(n, static_cast<Key>(reduce(rng.next(), bound)));
}

template <class Key>
std::vector<Key> few_distinct(std::size_t n, std::uint64_t bound, Rng& rng, int distinct = 4) {
  std::vector<Key> pool(static_cast<std::size_t>(distinct));
  for (Key& v : pool) v = static_cast<Key>(reduce(rng.next(), bound));
  std::vector<Key> k(n);
  for (Key& v : k) v = pool[rng.below(pool.size())];
  return k;
}

template <class Key>
std::vector<Key> hot_key(std::size_t n, std::uint64_t bound, Rng& rng, double share = 0.25) {
  const Key hot = static_cast<Key>(reduce(rng.next(), bound));
  std::vector<Key> k(n);
  for (Key& v : k) v = rng.uniform() < share ? hot : static_cast<Key>(reduce(rng.next(), bound));
  return k;
}

template <class Key>
std::vector<Key> small_range(std::size_t n, std::uint64_t bound, Rng& rng, std::uint64_t range = 1000) {
  return uniform<Key>(n, bound == 0 ? range : std::min(bound, range), rng);
}

template <class Key>
std::vector<Key> sorted(std::size_t n, std::uint64_t bound, Rng& rng) {
  std::vector<Key> k = uniform<Key>(n, bound, rng);
  std::sort(k.begin(), k.end());
  return k;
}

template <class Key>
std::vector<Key> reverse(std::size_t n, std::uint64_t bound, Rng& rng) {
  std::vector<Key> k = uniform<Key>(n, bound, rng);
  std::sort(k.begin(), k.end(), std::greater<Key>());
  return k;
}

template <class Key>
std::vector<Key> sawtooth(std::size_t n, std::uint64_t bound, Rng& rng) {
  const auto run = std::max<std::size_t>(2, static_cast<std::size_t>(std::sqrt(static_cast<double>(n))));
  // Each run climbs through `run` equal steps of the range, with a random key inside each step.
  const std::uint64_t step = std::max<std::uint64_t>(1, (bound == 0 ? ~std::uint64_t{0} : bound - 1) / run);
  std::vector<Key> k(n);
  for (std::size_t i = 0; i < n; ++i)
    k[i] = static_cast<Key>(reduce((i % run) * step + rng.below(step), bound));
  return k;
}

// The family dispatch for key tasks; unknown names are a harness error, not a candidate
// failure, so they throw std::invalid_argument.
template <class Key>
std::vector<Key> by_family(const std::string& family, std::size_t n, std::uint64_t bound, Rng& rng) {
  if (family == "uniform") return uniform<Key>(n, bound, rng);
  if (family == "zipf") return zipf<Key>(n, bound, rng);
  if (family == "all_equal") return all_equal<Key>(n, bound, rng);
  if (family == "few_distinct") return few_distinct<Key>(n, bound, rng);
  if (family == "hot_key") return hot_key<Key>(n, bound, rng);
  if (family == "small_range") return small_range<Key>(n, bound, rng);
  if (family == "sorted") return sorted<Key>(n, bound, rng);
  if (family == "reverse") return reverse<Key>(n, bound, rng);
  if (family == "sawtooth") return sawtooth<Key>(n, bound, rng);
  if (family == "nearly_sorted" || family == "sorted_tail_swap") {
    std::vector<Key> k = uniform<Key>(n, bound, rng);
    edge::reshape(family, k, rng);
    return k;
  }
  if (family == "single") return uniform<Key>(1, bound, rng);
  if (family == "two") return uniform<Key>(2, bound, rng);
  if (family == "empty") return {};
  throw std::invalid_argument("unknown key family '" + family + "'");
}

// Another instance of the same family, cheaply, with different keys (so a sorted answer or a
// count cached from an earlier call is wrong). Families whose shape survives a relabelling of
// the key range (uniform, zipf, all_equal, few_distinct, hot_key) get one: an affine bijection
// when bound is a power of two (or the whole range), else a rotation; that is one pass instead
// of a regeneration (Zipf draws cost a few logs each). The ordered families are redrawn.
template <class Key>
void vary(const std::string& family, std::vector<Key>& keys, std::uint64_t bound, Rng& rng) {
  if (family == "uniform" || family == "zipf" || family == "all_equal" || family == "few_distinct" ||
      family == "hot_key") {
    if (bound == 0 || (bound & (bound - 1)) == 0) {
      const std::uint64_t a = rng.next() | 1, c = rng.next(), mask = bound - 1;  // bound 0: mask is all ones
      for (Key& v : keys) v = static_cast<Key>((a * v + c) & mask);
    } else if (bound > 1) {
      const std::uint64_t c = 1 + rng.below(bound - 1);
      for (Key& v : keys) v = static_cast<Key>((v + c) % bound);
    }
    return;
  }
  keys = by_family<Key>(family, keys.size(), bound, rng);
}

}  // namespace parevo::keys

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
//
// Rank-keyed samples (sample_by_family: reduce_by_key, remove_duplicates). Every generator
// draws a *rank* per element (0 = the hottest) and maps ranks to 64-bit
// keys through a KeyUniverse, so the harness knows which element holds which key without a
// hash table, and can move every key to a fresh value in one pass (vary). Key families:
//   zipf          Zipf ranks (exponent 1.2) over n ranks: the hottest key is about a fifth of
//                 the input, a long tail of rare keys
//   uniform       uniform ranks over n/2 keys: most keys distinct-ish (about 0.43 n distinct)
//   one_key       one key, n times (alias all_equal)
//   all_distinct  n distinct keys
//   few_keys      16 keys, drawn uniformly (alias few_distinct)
//   sorted_runs   ascending keys in runs of 1 to 15 equal keys (about n/8 distinct)
//   nearly_sorted sorted_runs with a few runs moved out of order: one in the last 1% and a few
//                 at random places (edge.hpp), so a sampled "already sorted" check is fooled
//   two           two elements, equal half of the time
//   single        one element (whatever n is)
//   empty         no elements (whatever n is)
// Keys are scattered over the whole 64-bit range by a bijective hash; with 3 or more distinct
// keys the values 0 and 2^64-1 are planted on two keys that occur (a hash table that uses
// either as its empty marker loses them).
//
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

// ---------------------------------------------------------------------------------------
// Mixing: the inverse of mix (above), for KeyUniverse::rank_of.

inline std::uint64_t unxorshift(std::uint64_t y, int k) {
  std::uint64_t x = y;
  for (int i = 0; i < 64 / k + 1; ++i) x = y ^ (x >> k);
  return x;
}

inline constexpr std::uint64_t inverse_odd(std::uint64_t a) {
  std::uint64_t x = a;  // Newton's iteration doubles the correct low bits each step
  for (int i = 0; i < 6; ++i) x *= 2 - a * x;
  return x;
}

inline std::uint64_t unmix(std::uint64_t z) {
  z = unxorshift(z, 31);
  z *= inverse_odd(0x94D049BB133111EBULL);
  z = unxorshift(z, 27);
  z *= inverse_odd(0xBF58476D1CE4E5B9ULL);
  return unxorshift(z, 30);
}


// ---------------------------------------------------------------------------------------
// Keys.

// m keys, one per rank. Hashed universes scatter ranks over the 64-bit range (key(r) =
// mix(r ^ salt), plus the planted 0 and 2^64-1); ascending ones put key(r) = base + r*stride,
// so ranks in order are keys in order. rank_of inverts key() without a table.
struct KeyUniverse {
  std::uint64_t m = 0;
  bool ascending = false;
  std::uint64_t salt = 0, base = 0, stride = 1;
  std::uint64_t zero_rank = ~0ULL, max_rank = ~0ULL;  // ranks holding 0 and 2^64-1, ~0 if none

  std::uint64_t key(std::uint64_t r) const {
    if (ascending) return base + r * stride;
    if (r == zero_rank) return 0;
    if (r == max_rank) return ~0ULL;
    return mix(r ^ salt);
  }

  // The rank holding `k`, or false when no rank does.
  bool rank_of(std::uint64_t k, std::uint64_t& r) const {
    if (ascending) {
      if (k < base || (k - base) % stride != 0) return false;
      r = (k - base) / stride;
      return r < m;
    }
    if (k == 0 && zero_rank < m) { r = zero_rank; return true; }
    if (k == ~0ULL && max_rank < m) { r = max_rank; return true; }
    r = unmix(k) ^ salt;
    return r < m && r != zero_rank && r != max_rank;
  }

  // Moves every rank to a new key (the planted ranks keep 0 and 2^64-1; ascending stays
  // ascending), so an answer computed for the old keys is wrong for the new ones.
  void reseed(Rng& rng) {
    if (ascending) {
      const std::uint64_t span = m > 1 ? ~0ULL / m : ~0ULL;
      stride = 1 + rng.below(std::min<std::uint64_t>(span, 1ULL << 40));
      const std::uint64_t room = ~0ULL - (m > 0 ? (m - 1) * stride : 0);
      base = rng.below(room == ~0ULL ? room : room + 1);
    } else {
      salt = rng.next();
    }
  }
};

// A key sample: n ranks (rank[i] is element i's rank) over a universe of m keys.
struct KeySample {
  KeyUniverse universe;
  std::vector<std::uint32_t> rank;

  std::uint64_t key(std::size_t i) const { return universe.key(rank[i]); }
};

inline KeySample sample_by_family(const std::string& family, long long size, Rng& rng) {
  KeySample s;
  const std::uint64_t n = static_cast<std::uint64_t>(std::max(size, 1LL));
  if (n > 0xFFFFFFFFULL) throw std::invalid_argument("key sample too large");
  auto& rank = s.rank;
  auto& u = s.universe;
  if (family == "zipf") {
    u.m = n;
    const Zipf z(n, 1.2);
    rank.resize(n);
    for (auto& r : rank) r = static_cast<std::uint32_t>(z(rng) - 1);
  } else if (family == "uniform") {
    u.m = std::max<std::uint64_t>(1, n / 2);
    rank.resize(n);
    for (auto& r : rank) r = static_cast<std::uint32_t>(rng.below(u.m));
  } else if (family == "one_key" || family == "all_equal") {
    u.m = 1;
    rank.assign(n, 0);
  } else if (family == "all_distinct") {
    u.m = n;
    rank.resize(n);
    for (std::uint64_t i = 0; i < n; ++i) rank[i] = static_cast<std::uint32_t>(i);
  } else if (family == "few_keys" || family == "few_distinct") {
    u.m = 16;
    rank.resize(n);
    for (auto& r : rank) r = static_cast<std::uint32_t>(rng.below(u.m));
  } else if (family == "sorted_runs" || family == "nearly_sorted") {
    u.ascending = true;
    rank.resize(n);
    std::uint64_t r = 0;
    for (std::uint64_t i = 0; i < n; ++r) {
      const std::uint64_t run = std::min<std::uint64_t>(n - i, 1 + rng.below(15));
      for (std::uint64_t j = 0; j < run; ++j) rank[i++] = static_cast<std::uint32_t>(r);
    }
    u.m = r;
    if (family == "nearly_sorted") edge::perturb_sorted(rank, rng);
  } else if (family == "two") {
    u.m = 2;
    rank = {0, static_cast<std::uint32_t>(rng.below(2))};
  } else if (family == "single") {
    u.m = 1;
    rank.assign(1, 0);
  } else if (family == "empty") {
    u.m = 0;
  } else {
    throw std::invalid_argument("unknown key family '" + family + "'");
  }
  u.reseed(rng);
  // Plant 0 and 2^64-1 on keys that occur (picked by occurrence, so often hot ones).
  if (!u.ascending && u.m >= 3 && !rank.empty()) {
    u.zero_rank = rank[rng.below(rank.size())];
    for (int tries = 0; tries < 64; ++tries) {
      const std::uint32_t r = rank[rng.below(rank.size())];
      if (r != u.zero_rank) { u.max_rank = r; break; }
    }
  }
  return s;
}

}  // namespace parevo::keys

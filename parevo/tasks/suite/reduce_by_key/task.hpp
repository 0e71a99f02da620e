// Harness side of the reduce_by_key task: inputs, the call, and the validator.
#pragma once
#include <string>

#include "parevo/keys.hpp"
#include "types.hpp"

namespace task {

using KeyValue = std::pair<std::uint64_t, std::int64_t>;

struct Input {
  std::vector<KeyValue> pairs;
  parevo::keys::KeySample keys;  // which key (rank) each pair holds: the validator's truth
};
using Output = std::vector<KeyValue>;

// Values in [-1e9, 1e9]: sums of millions of them stay far inside 64 bits, and both signs
// occur, so a key's sum can be 0 (it must still be returned).
inline void draw_pairs(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.keys.rank.size();
  in.pairs.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    in.pairs[i] = {in.keys.key(i), static_cast<std::int64_t>(rng.below(2000000001ULL)) - 1000000000};
}

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.keys = parevo::keys::sample_by_family(family, n, rng);
  draw_pairs(in, rng);
  return in;
}

// Another instance for the next repetition: the same grouping under fresh keys (every key
// moves to a new 64-bit value) with fresh values, so every pair of a cached answer is wrong,
// at the cost of one pass.
inline void vary(Input& in, parevo::Rng& rng) {
  in.keys.universe.reseed(rng);
  draw_pairs(in, rng);
}

inline std::string describe(const Input& in) {
  std::vector<std::int64_t> count(in.keys.universe.m, 0);
  for (std::uint32_t r : in.keys.rank) ++count[r];
  std::int64_t distinct = 0, hottest = 0;
  for (std::int64_t c : count) {
    distinct += c > 0;
    hottest = std::max(hottest, c);
  }
  return "pairs=" + std::to_string(in.pairs.size()) + " distinct_keys=" + std::to_string(distinct) +
         " hottest_key_pairs=" + std::to_string(hottest);
}

inline Output invoke(const Input& in) { return reduce_by_key(in.pairs); }

// The output may come in any order, so the validator maps each returned key back to its rank
// (KeyUniverse::rank_of, no table), and checks that every key of the input is returned exactly
// once with its exact sum and that nothing else is returned.
inline std::string validate(const Input& in, const Output& out) {
  const auto& u = in.keys.universe;
  std::vector<std::int64_t> sum(u.m, 0);
  std::vector<std::uint8_t> state(u.m, 0);  // 0: not in the input, 1: in it, 2: returned
  for (std::size_t i = 0; i < in.pairs.size(); ++i) {
    const std::uint32_t r = in.keys.rank[i];
    sum[r] += in.pairs[i].second;
    state[r] = 1;
  }
  std::int64_t distinct = 0;
  for (std::uint8_t s : state) distinct += s;

  std::int64_t wrong_sum = 0, extra = 0, missing = 0;
  std::string first;
  auto note = [&first](std::string problem) {
    if (first.empty()) first = std::move(problem);
  };
  for (const auto& [key, value] : out) {
    std::uint64_t r = 0;
    if (!u.rank_of(key, r) || state[r] == 0) {
      ++extra;
      note("key " + std::to_string(key) + " does not occur in the input, got sum " + std::to_string(value));
    } else if (state[r] == 2) {
      ++extra;
      note("key " + std::to_string(key) + " returned more than once");
    } else {
      state[r] = 2;
      if (value != sum[r]) {
        ++wrong_sum;
        note("key " + std::to_string(key) + ": expected sum " + std::to_string(sum[r]) + ", got " + std::to_string(value));
      }
    }
  }
  for (std::uint64_t r = 0; r < u.m; ++r)
    if (state[r] == 1) {
      ++missing;
      note("key " + std::to_string(u.key(r)) + " (sum " + std::to_string(sum[r]) + ") missing from the output");
    }
  if (first.empty()) return "";
  return first + " (" + std::to_string(wrong_sum) + " wrong sums, " + std::to_string(missing) + " keys missing, " +
         std::to_string(extra) + " extra or repeated; the input has " + std::to_string(distinct) +
         " distinct keys, the output " + std::to_string(out.size()) + " pairs)";
}

}  // namespace task

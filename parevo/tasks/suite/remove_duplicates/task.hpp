// Harness side of the remove_duplicates task: inputs, the call, and the validator.
#pragma once
#include <string>

#include "parevo/keys.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::uint64_t> values;
  parevo::keys::KeySample keys;  // which key (rank) each value is: the validator's truth
};
using Output = std::vector<std::uint64_t>;

inline void draw_values(Input& in) {
  const std::size_t n = in.keys.rank.size();
  in.values.resize(n);
  for (std::size_t i = 0; i < n; ++i) in.values[i] = in.keys.key(i);
}

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.keys = parevo::keys::sample_by_family(family, n, rng);
  draw_values(in);
  return in;
}

// Another instance for the next repetition: the same pattern of repeats under fresh keys
// (every key moves to a new 64-bit value; ascending inputs stay ascending), so a cached answer
// is entirely wrong, at the cost of one pass.
inline void vary(Input& in, parevo::Rng& rng) {
  in.keys.universe.reseed(rng);
  draw_values(in);
}

inline std::string describe(const Input& in) {
  std::vector<std::int64_t> count(in.keys.universe.m, 0);
  for (std::uint32_t r : in.keys.rank) ++count[r];
  std::int64_t distinct = 0, hottest = 0;
  for (std::int64_t c : count) {
    distinct += c > 0;
    hottest = std::max(hottest, c);
  }
  return "n=" + std::to_string(in.values.size()) + " distinct=" + std::to_string(distinct) +
         " hottest_key_count=" + std::to_string(hottest);
}

inline Output invoke(const Input& in) { return remove_duplicates(in.values); }

// Set equality without repeats, in any order: each returned value is mapped back to its rank
// (KeyUniverse::rank_of, no table) and ticked off; then every rank of the input must be ticked.
inline std::string validate(const Input& in, const Output& out) {
  const auto& u = in.keys.universe;
  std::vector<std::uint8_t> state(u.m, 0);  // 0: not in the input, 1: in it, 2: returned
  for (std::uint32_t r : in.keys.rank) state[r] = 1;
  std::int64_t distinct = 0;
  for (std::uint8_t s : state) distinct += s;

  std::int64_t extra = 0, repeated = 0, missing = 0;
  std::string first;
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint64_t r = 0;
    if (!u.rank_of(out[i], r) || state[r] == 0) {
      if (extra++ == 0 && first.empty())
        first = "output[" + std::to_string(i) + "] = " + std::to_string(out[i]) + " does not occur in the input";
    } else if (state[r] == 2) {
      if (repeated++ == 0 && first.empty())
        first = "output[" + std::to_string(i) + "] = " + std::to_string(out[i]) + " was already returned";
    } else {
      state[r] = 2;
    }
  }
  for (std::uint64_t r = 0; r < u.m; ++r)
    if (state[r] == 1 && missing++ == 0 && first.empty())
      first = "value " + std::to_string(u.key(r)) + " occurs in the input but is missing from the output";
  if (first.empty()) return "";
  return first + " (" + std::to_string(missing) + " missing, " + std::to_string(extra) + " not in the input, " +
         std::to_string(repeated) + " repeated; the input has " + std::to_string(distinct) + " distinct values, the output " +
         std::to_string(out.size()) + " entries)";
}

}  // namespace task

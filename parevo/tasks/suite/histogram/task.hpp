// Harness side of the histogram task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/keys.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::uint32_t> values;
  std::uint32_t buckets = 1;
};
using Output = std::vector<std::int64_t>;

// Each family is a key distribution from parevo/keys.hpp over a number of buckets.
inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  const auto n = static_cast<std::size_t>(std::max(size, 0LL));
  const auto table = static_cast<std::uint32_t>(std::clamp<std::size_t>(n, 1, 0xFFFFFFFFu));
  Input in;
  std::string keys;
  if (family == "uniform_small") { keys = "uniform"; in.buckets = 256; }
  else if (family == "uniform_large") { keys = "uniform"; in.buckets = table; }
  else if (family == "zipf") { keys = "zipf"; in.buckets = table; }
  else if (family == "hot_bucket") { keys = "hot_key"; in.buckets = table; }
  else if (family == "one_bucket") { keys = "all_equal"; in.buckets = table; }
  else if (family == "sparse") { keys = "uniform"; in.buckets = static_cast<std::uint32_t>(std::clamp<std::size_t>(16 * n, 1, 1u << 26)); }
  else if (family == "single") { keys = "single"; in.buckets = 16; }
  else if (family == "one_bin") { keys = "uniform"; in.buckets = 1; }  // buckets == 1: every value is 0
  else if (family == "two") { keys = "two"; in.buckets = 2; }
  else if (family == "sorted_values") { keys = "nearly_sorted"; in.buckets = table; }
  else if (family == "empty") { keys = "empty"; in.buckets = 16; }
  else throw std::invalid_argument("unknown histogram family '" + family + "'");
  in.values = parevo::keys::by_family<std::uint32_t>(keys, n, in.buckets, rng);
  return in;
}

// Another instance for the next repetition: every value moved by the same random rotation of
// the buckets, which keeps the family's shape (the hot bucket stays hot, but elsewhere) in one
// pass, and moves every nonzero count, so counts cached from an earlier call are wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  if (in.buckets < 2) return;
  const std::uint32_t shift = 1 + static_cast<std::uint32_t>(rng.below(in.buckets - 1));
  for (std::uint32_t& v : in.values) v = static_cast<std::uint32_t>((std::uint64_t{v} + shift) % in.buckets);
}

inline std::vector<std::int64_t> counts(const Input& in) {
  std::vector<std::int64_t> c(in.buckets, 0);
  for (std::uint32_t v : in.values) ++c[v];
  return c;
}

inline std::string describe(const Input& in) {
  const std::vector<std::int64_t> c = counts(in);
  const std::int64_t largest = c.empty() ? 0 : *std::max_element(c.begin(), c.end());
  return "n=" + std::to_string(in.values.size()) + " buckets=" + std::to_string(in.buckets) +
         " largest_bucket=" + std::to_string(largest);
}

inline Output invoke(const Input& in) { return histogram(in.values, in.buckets); }

// Counts are unique, so the validator compares with its own sequential count.
inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.buckets)
    return "returned " + std::to_string(out.size()) + " counts, expected " + std::to_string(in.buckets) + " (one per bucket)";
  const std::vector<std::int64_t> expected = counts(in);
  std::size_t wrong = 0, first = 0;
  std::int64_t total = 0;
  for (std::size_t b = 0; b < expected.size(); ++b) {
    total += out[b];
    if (out[b] != expected[b]) { if (wrong++ == 0) first = b; }
  }
  if (wrong == 0) return "";
  return "bucket " + std::to_string(first) + ": expected " + std::to_string(expected[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(in.buckets) +
         " buckets wrong; the counts sum to " + std::to_string(total) + " for " + std::to_string(in.values.size()) + " values)";
}

}  // namespace task

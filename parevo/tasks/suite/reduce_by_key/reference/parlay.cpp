// Expert reference (ParlayLib): parlay::reduce_by_key, a parallel hash-based collect-reduce
// (samples the input to find heavy keys and gives each its own bucket, then buckets the rest
// by hash and reduces every bucket independently); the result is copied out in parallel.
#include <parlay/parallel.h>
#include <parlay/primitives.h>

#include <utility>
#include <vector>

std::vector<std::pair<std::uint64_t, std::int64_t>> reduce_by_key(
    const std::vector<std::pair<std::uint64_t, std::int64_t>>& pairs) {
  auto sums = parlay::reduce_by_key(pairs);
  std::vector<std::pair<std::uint64_t, std::int64_t>> out(sums.size());
  parlay::parallel_for(0, sums.size(), [&](std::size_t i) { out[i] = {sums[i].first, sums[i].second}; });
  return out;
}

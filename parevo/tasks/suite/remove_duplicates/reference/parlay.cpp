// Expert reference (ParlayLib): parlay::remove_duplicates, a parallel hash-based
// collect-reduce (heavy values found by sampling get their own buckets, the rest are bucketed
// by hash and deduplicated bucket by bucket); the result is copied out in parallel.
#include <parlay/parallel.h>
#include <parlay/primitives.h>

#include <vector>

std::vector<std::uint64_t> remove_duplicates(const std::vector<std::uint64_t>& values) {
  auto distinct = parlay::remove_duplicates(values);
  std::vector<std::uint64_t> out(distinct.size());
  parlay::parallel_for(0, distinct.size(), [&](std::size_t i) { out[i] = distinct[i]; });
  return out;
}

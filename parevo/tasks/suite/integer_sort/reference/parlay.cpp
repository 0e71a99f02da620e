// Expert reference (ParlayLib): parlay::integer_sort, a parallel cache-oblivious radix sort
// (top-down, most significant bits first, with counting sorts of the buckets in parallel).
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <vector>

std::vector<std::uint32_t> integer_sort(const std::vector<std::uint32_t>& keys) {
  parlay::sequence<std::uint32_t> sorted = parlay::integer_sort(parlay::make_slice(keys));
  return std::vector<std::uint32_t>(sorted.begin(), sorted.end());
}

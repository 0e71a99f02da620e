// Expert reference (ParlayLib): parlay::stable_sort, a parallel stable merge sort (sorted
// blocks merged by parallel, co-rank-split merges), comparing keys only.
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <vector>

std::vector<Record> sort_records(const std::vector<Record>& records) {
  auto sorted = parlay::stable_sort(parlay::make_slice(records), [](const Record& a, const Record& b) { return a.key < b.key; });
  return std::vector<Record>(sorted.begin(), sorted.end());
}

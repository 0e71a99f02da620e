// Expert reference (oneTBB): parallel stable merge sort by recursive halving.
// Each half is sorted in parallel (tbb::parallel_invoke) down to leaves of a few per worker,
// which std::stable_sort; the sorted halves are merged by a parallel merge that splits the
// longer input at its middle and binary-searches the split point in the other with the tie
// rule of a stable merge (equal keys from the left half first), so both sub-merges run in
// parallel and the merge of everything is not left to one worker. Buffers alternate between
// levels; every task writes its own slice, so no atomics are needed.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t kMergeLeaf = 8192;  // merges shorter than this run sequentially

inline bool by_key(const Record& a, const Record& b) { return a.key < b.key; }

// Stable merge of a[0, na) (earlier in the input) and b[0, nb) into out.
void merge(const Record* a, std::size_t na, const Record* b, std::size_t nb, Record* out) {
  if (na + nb <= kMergeLeaf) {
    std::merge(a, a + na, b, b + nb, out, by_key);
    return;
  }
  std::size_t i, j;
  if (na >= nb) {  // a[i] and what follows go after every b with a smaller key
    i = na / 2;
    j = std::lower_bound(b, b + nb, a[i], by_key) - b;
  } else {  // b[j] and what follows go after every a with a key not larger
    j = nb / 2;
    i = std::upper_bound(a, a + na, b[j], by_key) - a;
  }
  tbb::parallel_invoke([=] { merge(a, i, b, j, out); }, [=] { merge(a + i, na - i, b + j, nb - j, out + i + j); });
}

// Sorts a[0, n) stably; the result ends in b when into_b, else in a; the other is scratch.
void sort(Record* a, Record* b, std::size_t n, bool into_b, std::size_t leaf) {
  if (n <= leaf) {
    std::stable_sort(a, a + n, by_key);
    if (into_b) std::copy(a, a + n, b);
    return;
  }
  const std::size_t h = n / 2;
  tbb::parallel_invoke([=] { sort(a, b, h, !into_b, leaf); }, [=] { sort(a + h, b + h, n - h, !into_b, leaf); });
  const Record* from = into_b ? a : b;
  merge(from, h, from + h, n - h, into_b ? b : a);
}

}  // namespace

std::vector<Record> sort_records(const std::vector<Record>& records) {
  const std::size_t n = records.size();
  std::vector<Record> a(n), b(n);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 16), [&](const auto& r) {
    std::copy(records.begin() + r.begin(), records.begin() + r.end(), a.begin() + r.begin());
  });
  const std::size_t workers = static_cast<std::size_t>(std::max(1, parevo::num_threads()));
  sort(a.data(), b.data(), n, false, std::max<std::size_t>(2048, n / (4 * workers)));
  return a;
}

// Expert reference (OpenMP): one parallel MSD radix pass, then cache-resident LSD radix sorts
// of the buckets; every step is a stable counting sort, so the whole sort is stable.
//
// Memory bandwidth limits a sort of millions of 16-byte records, and a comparison merge sort
// streams the data through memory once per level, so this one touches main memory as little
// as it can. A first read finds which key bits vary at all (an OR of every key XOR the
// first), so the leading digit is the 8 bits just below the highest varying bit: keys in a
// small range, or with equal high bytes, still spread over 256 buckets, and an all-equal
// input is done after that read (its stable order is the input order). One parallel
// counting-sort pass on that digit moves every record to its bucket: every thread counts its
// block into its own histogram row, one thread turns the rows into write offsets
// (digit-major, thread-minor, so records of a digit keep their input order), and every thread
// scatters its block to its own disjoint slots. Then threads take buckets dynamically and
// finish each with stable LSD passes on the remaining low bits, in a private scratch buffer;
// a bucket of tens of thousands of records stays in cache. Digits that are the same across a
// bucket (a Zipf hot key, the 4 keys of few_distinct) are skipped. No element is written by
// two threads and the barriers order the rows before the offsets, so no atomics are needed.
#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

constexpr int kBits = 8, kDigits = 1 << kBits;
constexpr std::size_t kSerialCutoff = 1024;  // below this a parallel region costs more than the sort
constexpr std::size_t kSmallBucket = 32;     // buckets this short are insertion-sorted
using Row = std::array<std::size_t, kDigits>;

inline unsigned digit(const Record& r, int shift) { return static_cast<unsigned>(r.key >> shift) & (kDigits - 1); }

// Sorts a[0, len) stably on key bits [0, low_bits) (higher bits are equal across the bucket)
// by LSD counting passes that ping-pong with tmp; the result ends in a.
void sort_bucket(Record* a, Record* tmp, std::size_t len, int low_bits) {
  if (len <= kSmallBucket) {  // stable insertion sort
    for (std::size_t i = 1; i < len; ++i) {
      const Record r = a[i];
      std::size_t j = i;
      for (; j > 0 && a[j - 1].key > r.key; --j) a[j] = a[j - 1];
      a[j] = r;
    }
    return;
  }
  Record *src = a, *dst = tmp;
  for (int shift = 0; shift < low_bits; shift += kBits) {
    Row count{};
    for (std::size_t i = 0; i < len; ++i) ++count[digit(src[i], shift)];
    std::size_t offset = 0;
    bool constant = false;
    for (std::size_t& c : count) {
      if (c == len) constant = true;
      const std::size_t here = c;
      c = offset;
      offset += here;
    }
    if (constant) continue;
    for (std::size_t i = 0; i < len; ++i) dst[count[digit(src[i], shift)]++] = src[i];
    std::swap(src, dst);
  }
  if (src != a) std::copy(src, src + len, a);
}

}  // namespace

std::vector<Record> sort_records(const std::vector<Record>& records) {
  const std::size_t n = records.size();
  if (n < kSerialCutoff) {
    std::vector<Record> out(records);
    std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
    return out;
  }
  const Record* in = records.data();
  const std::uint64_t first = in[0].key;
  std::uint64_t varying = 0;
  #pragma omp parallel for reduction(| : varying) schedule(static)
  for (std::size_t i = 0; i < n; ++i) varying |= in[i].key ^ first;
  if (varying == 0) return records;  // all keys equal: the stable order is the input order
  const int top = 63 - __builtin_clzll(varying);     // the highest bit that differs between keys
  const int shift = std::max(0, top - (kBits - 1));  // the leading digit is bits [shift, shift + 8)

  std::vector<Record> out(n);
  std::vector<Row> rows;
  std::array<std::size_t, kDigits + 1> bucket{};  // bucket d is out[bucket[d], bucket[d + 1])
  #pragma omp parallel
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    rows.assign(threads, Row{});
    Row& mine = rows[t];
    const std::size_t lo = n * t / threads, hi = n * (t + 1) / threads;
    for (std::size_t i = lo; i < hi; ++i) ++mine[digit(in[i], shift)];
    #pragma omp barrier
    #pragma omp single
    {
      std::size_t offset = 0;
      for (int d = 0; d < kDigits; ++d) {
        bucket[d] = offset;
        for (int u = 0; u < threads; ++u) {
          const std::size_t c = rows[u][d];
          rows[u][d] = offset;
          offset += c;
        }
      }
      bucket[kDigits] = offset;
    }
    Row at = mine;
    for (std::size_t i = lo; i < hi; ++i) out[at[digit(in[i], shift)]++] = in[i];
    #pragma omp barrier
    std::unique_ptr<Record[]> scratch;
    std::size_t capacity = 0;
    #pragma omp for schedule(dynamic, 1)
    for (int d = 0; d < kDigits; ++d) {
      const std::size_t len = bucket[d + 1] - bucket[d];
      if (capacity < len) {
        scratch = std::make_unique_for_overwrite<Record[]>(len);
        capacity = len;
      }
      sort_bucket(out.data() + bucket[d], scratch.get(), len, shift);
    }
  }
  return out;
}

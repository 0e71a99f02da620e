// Expert reference (OpenMP): one parallel MSD radix pass, then cache-resident LSD sorts of the
// buckets.
//
// Memory bandwidth, not arithmetic, limits a radix sort of millions of keys, so this one
// touches main memory as little as it can. A first read finds which bits vary at all (an OR
// of every key XOR the first), so the leading digit is the 8 bits just below the highest
// varying bit: keys in a small range, or with equal high bytes, still spread over 256
// buckets, and an all-equal input is done after that read. One parallel counting-sort pass
// on that digit moves every key to its bucket: every thread counts its block into its own
// histogram row, one thread turns the rows into write offsets (digit-major, thread-minor),
// and every thread scatters its block to its own disjoint slots. Then threads take buckets
// dynamically and finish each with an LSD radix sort on the remaining low bits, in a private
// scratch buffer; a bucket of tens of thousands of keys stays in cache, so these passes cost
// little main-memory traffic. Digits that are the same across a bucket (a Zipf hot key, the
// 4 keys of few_distinct) are skipped. No element is written by two threads and the
// barriers order the rows before the offsets, so no atomics are needed.
#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace {

constexpr int kBits = 8, kDigits = 1 << kBits;
constexpr std::size_t kSerialCutoff = 1024;  // below this a parallel region costs more than std::sort
constexpr std::size_t kSmallBucket = 64;     // buckets this short are insertion-sorted by std::sort
using Row = std::array<std::size_t, kDigits>;

// Sorts a[0, len) on bits [0, low_bits) (higher bits are equal across the bucket), by LSD
// passes that ping-pong with tmp; the result ends in a.
void sort_bucket(std::uint32_t* a, std::uint32_t* tmp, std::size_t len, int low_bits) {
  if (len <= kSmallBucket) {
    std::sort(a, a + len);
    return;
  }
  std::uint32_t *src = a, *dst = tmp;
  for (int shift = 0; shift < low_bits; shift += kBits) {
    Row count{};
    for (std::size_t i = 0; i < len; ++i) ++count[(src[i] >> shift) & (kDigits - 1)];
    std::size_t offset = 0;
    bool constant = false;
    for (std::size_t& c : count) {
      if (c == len) constant = true;
      const std::size_t here = c;
      c = offset;
      offset += here;
    }
    if (constant) continue;
    for (std::size_t i = 0; i < len; ++i) {
      const std::uint32_t k = src[i];
      dst[count[(k >> shift) & (kDigits - 1)]++] = k;
    }
    std::swap(src, dst);
  }
  if (src != a) std::copy(src, src + len, a);
}

}  // namespace

std::vector<std::uint32_t> integer_sort(const std::vector<std::uint32_t>& keys) {
  const std::size_t n = keys.size();
  std::vector<std::uint32_t> out(n);
  if (n < kSerialCutoff) {
    std::copy(keys.begin(), keys.end(), out.begin());
    std::sort(out.begin(), out.end());
    return out;
  }
  const std::uint32_t* in = keys.data();
  const std::uint32_t first = in[0];
  std::uint32_t varying = 0;
  #pragma omp parallel for reduction(| : varying) schedule(static)
  for (std::size_t i = 0; i < n; ++i) varying |= in[i] ^ first;
  if (varying == 0) {  // all keys equal
    std::copy(keys.begin(), keys.end(), out.begin());
    return out;
  }
  const int top = 31 - __builtin_clz(varying);  // the highest bit that differs between keys
  const int shift = std::max(0, top - (kBits - 1));  // the leading digit is bits [shift, shift + 8)

  std::vector<Row> rows;
  std::array<std::size_t, kDigits + 1> bucket{};  // bucket d is out[bucket[d], bucket[d + 1])
  #pragma omp parallel
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    rows.assign(threads, Row{});
    Row& mine = rows[t];
    const std::size_t lo = n * t / threads, hi = n * (t + 1) / threads;
    for (std::size_t i = lo; i < hi; ++i) ++mine[(in[i] >> shift) & (kDigits - 1)];
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
    for (std::size_t i = lo; i < hi; ++i) {
      const std::uint32_t k = in[i];
      out[at[(k >> shift) & (kDigits - 1)]++] = k;
    }
    #pragma omp barrier
    std::vector<std::uint32_t> scratch;
    #pragma omp for schedule(dynamic, 1)
    for (int d = 0; d < kDigits; ++d) {
      const std::size_t len = bucket[d + 1] - bucket[d];
      if (scratch.size() < len) scratch.resize(len);
      sort_bucket(out.data() + bucket[d], scratch.data(), len, shift);
    }
  }
  return out;
}

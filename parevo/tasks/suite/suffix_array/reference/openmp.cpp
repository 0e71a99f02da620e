// Expert reference (OpenMP): prefix doubling with a parallel radix sort, sorting only the
// suffixes that are still tied (Larsson and Sadakane's refinement).
//
// rank[i] is the number of suffixes whose first h bytes are smaller than suffix i's, so the
// suffixes that share their first h bytes form a group ranked by its first place in the
// suffix array. The first round sorts every suffix by as many leading bytes as fit in 63 bits
// (the bytes that occur are coded 1..sigma, 0 marks the end): 21 bytes of DNA, 10 of text, so
// random text is done after one sort. Each later round sorts the members of the groups of two
// or more (the "active" suffixes, kept in text order so ranks are read sequentially) by the
// pair (rank[i], rank[i + h]) with a parallel stable LSD radix sort (per-thread histograms, one
// scatter per 11-bit digit), then splits each group into runs of equal pairs: a run's new rank
// is the group's rank plus the run's offset in the group, found by a two-pass block scan. Runs
// of one suffix are final and leave the active set, so text with a few long repeats re-sorts
// only the repeats, while one letter repeated takes log n full rounds. Each round reads all
// ranks before any is written (separate parallel phases), and every rank is written by the one
// thread that owns its suffix's slot in the sorted order, so there are no data races.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using u64 = std::uint64_t;
constexpr int kDigitBits = 11;
constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
constexpr std::size_t kParallelMin = std::size_t{1} << 16;  // below this, one thread does it

inline std::size_t block(std::size_t m, int parts, int t) { return m * static_cast<std::size_t>(t) / parts; }

// Stable LSD radix sort of (key[j], val[j]), j < m, by the low `bits` bits of the key; uses
// key2/val2 as scratch (all four at least m long). Digits on which all keys agree are skipped.
void radix_sort(std::vector<u64>& key, std::vector<std::int32_t>& val, std::vector<u64>& key2,
                std::vector<std::int32_t>& val2, std::size_t m, int bits) {
  const int passes = (bits + kDigitBits - 1) / kDigitBits;
  std::vector<std::size_t> hist;
  int scatters = 0;
  bool skip = false;
  #pragma omp parallel if (m >= kParallelMin)
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    hist.assign(static_cast<std::size_t>(threads) * kBuckets, 0);
    const std::size_t lo = block(m, threads, t), hi = block(m, threads, t + 1);
    std::size_t* h = hist.data() + static_cast<std::size_t>(t) * kBuckets;
    u64* src_k = key.data();
    u64* dst_k = key2.data();
    std::int32_t* src_v = val.data();
    std::int32_t* dst_v = val2.data();
    for (int pass = 0; pass < passes; ++pass) {
      const int shift = pass * kDigitBits;
      std::fill(h, h + kBuckets, 0);
      for (std::size_t j = lo; j < hi; ++j) ++h[(src_k[j] >> shift) & (kBuckets - 1)];
      #pragma omp barrier
      #pragma omp single
      {
        // Exclusive prefix over (digit, thread), so each thread's elements keep their order.
        std::size_t sum = 0;
        skip = false;
        for (std::size_t d = 0; d < kBuckets && !skip; ++d) {
          std::size_t digit_total = 0;
          for (int u = 0; u < threads; ++u) {
            const std::size_t c = hist[static_cast<std::size_t>(u) * kBuckets + d];
            hist[static_cast<std::size_t>(u) * kBuckets + d] = sum;
            sum += c;
            digit_total += c;
          }
          skip = digit_total == m;
        }
        if (!skip) ++scatters;
      }
      if (skip) continue;  // the same for every thread: the single's barrier published it
      for (std::size_t j = lo; j < hi; ++j) {
        const std::size_t pos = h[(src_k[j] >> shift) & (kBuckets - 1)]++;
        dst_k[pos] = src_k[j];
        dst_v[pos] = src_v[j];
      }
      std::swap(src_k, dst_k);
      std::swap(src_v, dst_v);
      #pragma omp barrier
    }
  }
  if (scatters % 2 == 1) {
    key.swap(key2);
    val.swap(val2);
  }
}

// After a sort of the active suffixes by key: gives each its new rank, the rank of its group
// plus the offset of its run of equal keys in the group, and marks whether it is still tied.
// Group and run starts are found by a two-pass scan over per-thread blocks. In the first
// round every suffix is in one group of rank 0 (`grouped` false); later the group is the
// high half of the key, above `bits`.
void rerank(const std::vector<u64>& key, const std::vector<std::int32_t>& val, std::size_t m, bool grouped, int bits,
            std::vector<std::int32_t>& rank, std::vector<unsigned char>& tied) {
  std::vector<std::int64_t> last_run, last_group;
  #pragma omp parallel if (m >= kParallelMin)
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    {
      last_run.assign(threads, -1);
      last_group.assign(threads, -1);
    }
    const std::size_t lo = block(m, threads, t), hi = block(m, threads, t + 1);
    auto group_of = [&](std::size_t j) { return grouped ? key[j] >> bits : u64{0}; };
    auto run_starts = [&](std::size_t j) { return j == 0 || key[j] != key[j - 1]; };
    auto group_starts = [&](std::size_t j) { return j == 0 || group_of(j) != group_of(j - 1); };
    std::int64_t my_run = -1, my_group = -1;  // locals: the shared slots are written once
    for (std::size_t j = lo; j < hi; ++j) {
      if (run_starts(j)) my_run = static_cast<std::int64_t>(j);
      if (group_starts(j)) my_group = static_cast<std::int64_t>(j);
    }
    last_run[t] = my_run;
    last_group[t] = my_group;
    #pragma omp barrier
    std::int64_t run = -1, group = -1;
    for (int u = 0; u < t; ++u) {
      if (last_run[u] >= 0) run = last_run[u];
      if (last_group[u] >= 0) group = last_group[u];
    }
    for (std::size_t j = lo; j < hi; ++j) {
      if (run_starts(j)) run = static_cast<std::int64_t>(j);
      if (group_starts(j)) group = static_cast<std::int64_t>(j);
      rank[val[j]] = static_cast<std::int32_t>(static_cast<std::int64_t>(group_of(j)) + (run - group));
      tied[val[j]] = !(run_starts(j) && (j + 1 == m || key[j + 1] != key[j]));
    }
  }
}

// The positions still tied, in increasing order (so the next round reads ranks in order).
void collect_tied(const std::vector<unsigned char>& tied, std::vector<std::int32_t>& active) {
  const auto n = tied.size();
  std::vector<std::size_t> count;
  #pragma omp parallel if (n >= kParallelMin)
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    count.assign(threads + 1, 0);
    const std::size_t lo = block(n, threads, t), hi = block(n, threads, t + 1);
    std::size_t mine = 0;
    for (std::size_t i = lo; i < hi; ++i) mine += tied[i];
    count[t + 1] = mine;
    #pragma omp barrier
    #pragma omp single
    {
      for (int u = 0; u < threads; ++u) count[u + 1] += count[u];
      active.resize(count[threads]);
    }
    std::size_t out = count[t];
    for (std::size_t i = lo; i < hi; ++i)
      if (tied[i]) active[out++] = static_cast<std::int32_t>(i);
  }
}

}  // namespace

std::vector<std::int32_t> suffix_array(const std::string& s) {
  const auto n = static_cast<std::int64_t>(s.size());
  std::vector<std::int32_t> sa(static_cast<std::size_t>(n));
  if (n <= 1) return sa;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  int bits = 1;  // ranks and ranks + 1 are at most n < 2^bits
  while ((std::int64_t{1} << bits) <= n) ++bits;

  // The bytes that occur get codes 1..sigma (0 marks the end of the string), so the first
  // round can sort by as many leading bytes as fit in 63 bits: 21 for DNA, 10 for text.
  std::vector<unsigned char> present(static_cast<std::size_t>(omp_get_max_threads()) * 256, 0);
  #pragma omp parallel
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    unsigned char* mine = present.data() + static_cast<std::size_t>(t) * 256;
    for (std::size_t i = block(n, threads, t), hi = block(n, threads, t + 1); i < hi; ++i) mine[bytes[i]] = 1;
  }
  u64 code[256] = {};
  u64 sigma = 0;
  for (int c = 0; c < 256; ++c) {
    bool seen = false;
    for (std::size_t u = 0; u < present.size() / 256; ++u) seen = seen || present[u * 256 + c];
    if (seen) code[c] = ++sigma;
  }
  int code_bits = 1;
  while ((u64{1} << code_bits) <= sigma) ++code_bits;
  const int prefix = 63 / code_bits;
  const u64 mask = (u64{1} << (prefix * code_bits)) - 1;

  std::vector<u64> key(static_cast<std::size_t>(n)), key2(static_cast<std::size_t>(n));
  std::vector<std::int32_t> val(static_cast<std::size_t>(n)), val2(static_cast<std::size_t>(n));
  #pragma omp parallel
  {
    // Each block packs its first key directly, then rolls it forward one byte at a time.
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    const std::int64_t lo = static_cast<std::int64_t>(block(n, threads, t));
    const std::int64_t hi = static_cast<std::int64_t>(block(n, threads, t + 1));
    auto code_at = [&](std::int64_t i) { return i < n ? code[bytes[i]] : u64{0}; };
    u64 k = 0;
    for (std::int64_t i = lo; i < lo + prefix; ++i) k = (k << code_bits) | code_at(i);
    for (std::int64_t i = lo; i < hi; ++i) {
      key[i] = k;
      val[i] = static_cast<std::int32_t>(i);
      k = ((k << code_bits) | code_at(i + prefix)) & mask;
    }
  }
  std::vector<std::int32_t> rank(static_cast<std::size_t>(n)), active;
  std::vector<unsigned char> tied(static_cast<std::size_t>(n));
  radix_sort(key, val, key2, val2, static_cast<std::size_t>(n), prefix * code_bits);
  rerank(key, val, static_cast<std::size_t>(n), false, bits, rank, tied);
  collect_tied(tied, active);

  for (std::int64_t h = prefix; !active.empty(); h *= 2) {
    const std::size_t m = active.size();
    #pragma omp parallel for schedule(static) if (m >= kParallelMin)
    for (std::size_t j = 0; j < m; ++j) {
      const std::int32_t i = active[j];
      const u64 second = i + h < n ? static_cast<u64>(rank[i + h]) + 1 : 0;
      key[j] = (static_cast<u64>(rank[i]) << bits) | second;
      val[j] = i;
    }
    radix_sort(key, val, key2, val2, m, 2 * bits);
    rerank(key, val, m, true, bits, rank, tied);
    collect_tied(tied, active);
  }

  #pragma omp parallel for schedule(static)
  for (std::int64_t i = 0; i < n; ++i) sa[rank[i]] = static_cast<std::int32_t>(i);
  return sa;
}

// Expert reference (OpenMP): two strategies, chosen by the size of the table.
//
// Few buckets (up to 2^16, a 512 KiB table that stays in a core's L2 cache, and no more
// table entries over all threads than values): every thread counts its block of values into
// a private table, and the tables are summed bucket by bucket in a second parallel loop. No
// sharing at all while counting; hot buckets cost nothing extra.
//
// Many buckets: a table far bigger than the caches makes every increment a cache (and TLB)
// miss, and atomic increments there are worse still (x86's locked add stalls until the miss
// is served, so misses no longer overlap). Instead the values are first radix-partitioned by
// their high bits into ranges of 2^17 buckets (a count pass and a stable scatter, with
// per-thread offsets as in a radix sort), and then each range is counted by one thread, with
// every increment hitting a 1 MiB slice of the table that stays in L2. (Smaller tables get
// smaller ranges, at least 8 per thread, so the ranges can be balanced over threads.) Each
// range has a single writer, so plain increments suffice. A range that holds more than its
// share of the values (a Zipf hot bucket, or one bucket holding everything) would leave one
// thread with most of the work, so it is cut into chunks that threads count into private
// scratch tables and add to the table with atomic adds: one atomic per touched bucket per
// chunk.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

constexpr std::size_t kSerialCutoff = 4096;  // fewer values are not worth a parallel region
constexpr int kMaxRangeBits = 17, kMinRangeBits = 8;  // ranges of 256 .. 131072 buckets (1 MiB of counts)
constexpr std::uint32_t kPrivateMax = 1u << 16;  // the largest private table (512 KiB)
constexpr std::size_t kMinChunk = 256;  // the fewest values worth a work item of their own

using Table = std::vector<std::int64_t>;

Table private_tables(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  const std::size_t n = values.size();
  Table count(buckets, 0);
  std::vector<Table> tables;
  #pragma omp parallel
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    tables.resize(threads);
    Table& mine = tables[t];
    mine.assign(buckets, 0);
    for (std::size_t i = n * t / threads, hi = n * (t + 1) / threads; i < hi; ++i) ++mine[values[i]];
    #pragma omp barrier
    #pragma omp for schedule(static)
    for (std::uint32_t b = 0; b < buckets; ++b) {
      std::int64_t sum = 0;
      for (int u = 0; u < threads; ++u) sum += tables[u][b];
      count[b] = sum;
    }
  }
  return count;
}

// Values [begin, end) of the partitioned array, all in range `range`; `shared` when other
// threads count other chunks of the same range at the same time.
struct Item {
  std::size_t range, begin, end;
  bool shared;
};

Table partitioned(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  const std::size_t n = values.size();
  int bits = kMaxRangeBits;
  while (bits > kMinRangeBits && (buckets >> bits) < 8 * static_cast<std::uint32_t>(omp_get_max_threads())) --bits;
  const std::size_t width = std::size_t{1} << bits;
  const std::size_t ranges = (buckets + width - 1) >> bits;
  Table count(buckets, 0);
  // Not zeroed: the scatter writes every element before anything reads it.
  const auto grouped = std::make_unique_for_overwrite<std::uint32_t[]>(n);
  std::vector<std::vector<std::size_t>> at;  // at[t][r]: where thread t writes its next value of range r
  std::vector<Item> items;
  #pragma omp parallel
  {
    const int threads = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    at.resize(threads);
    std::vector<std::size_t>& mine = at[t];
    mine.assign(ranges, 0);
    const std::size_t lo = n * t / threads, hi = n * (t + 1) / threads;
    for (std::size_t i = lo; i < hi; ++i) ++mine[values[i] >> bits];
    #pragma omp barrier
    #pragma omp single
    {
      // Offsets range-major, thread-minor; then the work list, cutting heavy ranges.
      const std::size_t heavy = std::max<std::size_t>(n / (4 * static_cast<std::size_t>(threads)), kMinChunk);
      std::size_t offset = 0;
      for (std::size_t r = 0; r < ranges; ++r) {
        const std::size_t begin = offset;
        for (int u = 0; u < threads; ++u) {
          const std::size_t c = at[u][r];
          at[u][r] = offset;
          offset += c;
        }
        if (offset - begin <= heavy) {
          if (offset > begin) items.push_back({r, begin, offset, false});
        } else {
          for (std::size_t b = begin; b < offset; b += heavy) items.push_back({r, b, std::min(offset, b + heavy), true});
        }
      }
    }
    for (std::size_t i = lo; i < hi; ++i) {
      const std::uint32_t v = values[i];
      grouped[mine[v >> bits]++] = v;
    }
    #pragma omp barrier
    Table scratch;  // a private slice for shared chunks, kept all zero between uses
    #pragma omp for schedule(dynamic, 1)
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Item& it = items[k];
      if (!it.shared) {
        for (std::size_t i = it.begin; i < it.end; ++i) ++count[grouped[i]];
        continue;
      }
      scratch.resize(width, 0);
      const std::size_t base = it.range << bits;
      for (std::size_t i = it.begin; i < it.end; ++i) ++scratch[grouped[i] - base];
      for (std::size_t j = 0, end = std::min(width, buckets - base); j < end; ++j)
        if (scratch[j]) {
          std::atomic_ref<std::int64_t>(count[base + j]).fetch_add(scratch[j], std::memory_order_relaxed);
          scratch[j] = 0;
        }
    }
  }
  return count;
}

}  // namespace

std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  if (values.size() < kSerialCutoff) {
    Table count(buckets, 0);
    for (std::uint32_t v : values) ++count[v];
    return count;
  }
  const std::size_t entries = std::size_t{buckets} * static_cast<std::size_t>(omp_get_max_threads());
  return buckets <= kPrivateMax && entries <= values.size() ? private_tables(values, buckets) : partitioned(values, buckets);
}

// Expert reference (OpenMP): pre-combine, radix-partition by hash, aggregate each partition.
//
// 1. Each thread takes an equal block of the pairs and runs them through a direct-mapped
//    combining cache (16K slots, in L2): a pair whose key is cached is added in place;
//    otherwise the slot's old (key, partial sum) is evicted to the thread's own list, and the
//    thread counts evictions per partition (the top bits of the key's hash). Hot keys stay
//    cached, so a key holding a fifth of the input leaves a few partial sums instead of a
//    fifth of the work for whichever thread would own its partition.
// 2. Offsets from the counts (partition-major) let every thread scatter its evictions into
//    one array with no locks: each (partition, thread) range has one writer.
// 3. Partitions are aggregated independently (dynamic schedule) with an open-addressing table
//    small enough to stay in cache; a key lives in one partition, so no two threads see it.
//    The sums are compacted in place at the front of the partition's range.
// 4. A prefix sum over the partition sizes places each partition in the output.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace {

using KV = std::pair<std::uint64_t, std::int64_t>;
struct Entry {  // trivially constructible: the staging array is not zero-filled serially
  std::uint64_t key;
  std::int64_t sum;
};

inline std::uint64_t hash64(std::uint64_t x) {  // murmur3 finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

constexpr std::size_t kCacheSlots = std::size_t{1} << 14;

// Sums the partial sums in a[0..count) per key, writing the result to the front of the same
// range (entry j is written only after a[j] has been read) and returning the number of keys.
// The table holds indices into `a` (-1 empty), so any key, 0 and UINT64_MAX too, is storable.
std::size_t aggregate_in_place(Entry* a, std::size_t count, std::vector<std::int32_t>& table) {
  std::size_t size = 16;
  while (size < 2 * count) size *= 2;
  const std::size_t mask = size - 1;
  table.assign(size, -1);
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Entry e = a[i];
    std::size_t s = hash64(e.key) & mask;
    for (;;) {
      const std::int32_t idx = table[s];
      if (idx < 0) {
        table[s] = static_cast<std::int32_t>(distinct);
        a[distinct++] = e;
        break;
      }
      if (a[idx].key == e.key) {
        a[idx].sum += e.sum;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return distinct;
}

}  // namespace

std::vector<std::pair<std::uint64_t, std::int64_t>> reduce_by_key(
    const std::vector<std::pair<std::uint64_t, std::int64_t>>& pairs) {
  const std::size_t n = pairs.size();
  std::vector<KV> out;
  if (n == 0) return out;

  // About 8K evictions per partition at most (its table then stays in L2), at least 4
  // partitions per thread for balance, at most 1024 (more open write streams thrash the TLB).
  const std::size_t max_threads = n >= 1024 ? static_cast<std::size_t>(omp_get_max_threads()) : 1;
  int bits = 2;
  while ((std::size_t{1} << bits) < std::max<std::size_t>(n / 8192, 4 * max_threads) && bits < 10) ++bits;
  const std::size_t parts = std::size_t{1} << bits;
  const int shift = 64 - bits;
  auto part_of = [shift](std::uint64_t key) { return static_cast<std::size_t>(hash64(key) >> shift); };

  std::vector<std::size_t> count;    // [thread * parts + partition] evictions, then write offsets
  std::vector<std::size_t> start(parts + 1, 0), size(parts, 0);
  std::unique_ptr<Entry[]> staged(new Entry[n]);  // evictions grouped by partition
  std::vector<std::vector<Entry>> evicted;

  // A handful of pairs is not worth waking a team for.
  #pragma omp parallel if (n >= 1024)
  {
    const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads()), t = static_cast<std::size_t>(omp_get_thread_num());
    #pragma omp single
    {
      count.assign(nt * parts, 0);
      evicted.resize(nt);
    }

    // Phase 1: combine through the cache; evictions go to this thread's list, counted.
    {
      std::vector<Entry>& mine = evicted[t];
      std::size_t* hist = count.data() + t * parts;
      const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
      mine.reserve(hi - lo);
      std::vector<Entry> cache(kCacheSlots);
      std::vector<std::uint8_t> used(kCacheSlots, 0);
      auto emit = [&](const Entry& e) {
        ++hist[part_of(e.key)];
        mine.push_back(e);
      };
      for (std::size_t i = lo; i < hi; ++i) {
        const KV& kv = pairs[i];
        const std::size_t s = hash64(kv.first) & (kCacheSlots - 1);
        if (used[s] && cache[s].key == kv.first) {
          cache[s].sum += kv.second;
        } else {
          if (used[s]) emit(cache[s]);
          cache[s] = {kv.first, kv.second};
          used[s] = 1;
        }
      }
      for (std::size_t s = 0; s < kCacheSlots; ++s)
        if (used[s]) emit(cache[s]);
    }
    #pragma omp barrier

    // Phase 2: partition-major offsets, then each thread scatters its own evictions.
    #pragma omp single
    {
      std::size_t at = 0;
      for (std::size_t p = 0; p < parts; ++p) {
        start[p] = at;
        for (std::size_t u = 0; u < nt; ++u) {
          const std::size_t c = count[u * parts + p];
          count[u * parts + p] = at;
          at += c;
        }
      }
      start[parts] = at;
    }
    {
      std::size_t* next = count.data() + t * parts;
      for (const Entry& e : evicted[t]) staged[next[part_of(e.key)]++] = e;
      std::vector<Entry>().swap(evicted[t]);
    }
    #pragma omp barrier

    // Phase 3: aggregate each partition; sizes differ, so hand them out dynamically.
    {
      std::vector<std::int32_t> table;
      #pragma omp for schedule(dynamic, 1)
      for (std::size_t p = 0; p < parts; ++p)
        size[p] = aggregate_in_place(staged.get() + start[p], start[p + 1] - start[p], table);
    }

    // Phase 4: place the partitions (size[] becomes the output offsets).
    #pragma omp single
    {
      std::size_t at = 0;
      for (std::size_t p = 0; p < parts; ++p) {
        const std::size_t c = size[p];
        size[p] = at;
        at += c;
      }
      out.resize(at);
    }
    #pragma omp for schedule(dynamic, 1)
    for (std::size_t p = 0; p < parts; ++p) {
      const std::size_t c = (p + 1 < parts ? size[p + 1] : out.size()) - size[p];
      for (std::size_t j = 0; j < c; ++j) out[size[p] + j] = {staged[start[p] + j].key, staged[start[p] + j].sum};
    }
  }
  return out;
}

// Expert reference (OpenMP): filter repeats through a cache, radix-partition by hash,
// deduplicate each partition.
//
// 1. Each thread takes an equal block of the keys and runs them through a direct-mapped
//    "recently seen" cache (16K slots, in L2): a key already in its slot is dropped; any other
//    key replaces the slot's occupant and is kept, in the thread's own list, counted per
//    partition (the top bits of its hash). Hot keys stay cached, so a key making up a fifth of
//    the input is kept a handful of times, not a fifth of the input times.
// 2. Offsets from the counts (partition-major) let every thread scatter its kept keys into
//    one array with no locks: each (partition, thread) range has one writer.
// 3. Partitions are deduplicated independently (dynamic schedule) with an open-addressing
//    table small enough to stay in cache; equal keys share a partition, so no two threads ever
//    see the same key. The distinct keys are compacted in place at the front of the range.
// 4. A prefix sum over the partition sizes places each partition in the output.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

inline std::uint64_t hash64(std::uint64_t x) {  // murmur3 finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

constexpr std::size_t kCacheSlots = std::size_t{1} << 14;

// Keeps the first copy of each key of a[0..count) at the front of the range (entry j is written
// only after a[j] has been read) and returns how many there are. The table holds indices into
// `a` (-1 empty), so any key, 0 and UINT64_MAX too, can be stored.
std::size_t dedupe_in_place(std::uint64_t* a, std::size_t count, std::vector<std::int32_t>& table) {
  std::size_t size = 16;
  while (size < 2 * count) size *= 2;
  const std::size_t mask = size - 1;
  table.assign(size, -1);
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t key = a[i];
    std::size_t s = hash64(key) & mask;
    for (;;) {
      const std::int32_t idx = table[s];
      if (idx < 0) {
        table[s] = static_cast<std::int32_t>(distinct);
        a[distinct++] = key;
        break;
      }
      if (a[idx] == key) break;
      s = (s + 1) & mask;
    }
  }
  return distinct;
}

}  // namespace

std::vector<std::uint64_t> remove_duplicates(const std::vector<std::uint64_t>& values) {
  const std::size_t n = values.size();
  std::vector<std::uint64_t> out;
  if (n == 0) return out;

  // About 8K keys per partition at most (its table then stays in L2), at least 4 partitions
  // per thread for balance, at most 1024 (more open write streams thrash the TLB).
  const bool parallel = n >= 1024;  // a handful of keys is not worth waking a team for
  const std::size_t max_threads = parallel ? static_cast<std::size_t>(omp_get_max_threads()) : 1;
  int bits = 2;
  while ((std::size_t{1} << bits) < std::max<std::size_t>(n / 8192, 4 * max_threads) && bits < 10) ++bits;
  const std::size_t parts = std::size_t{1} << bits;
  const int shift = 64 - bits;
  auto part_of = [shift](std::uint64_t key) { return static_cast<std::size_t>(hash64(key) >> shift); };

  std::vector<std::size_t> count;  // [thread * parts + partition] kept keys, then write offsets
  std::vector<std::size_t> start(parts + 1, 0), size(parts, 0);
  std::unique_ptr<std::uint64_t[]> staged(new std::uint64_t[n]);  // kept keys by partition, not zero-filled
  std::vector<std::vector<std::uint64_t>> kept;

  #pragma omp parallel if (parallel)
  {
    const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads()), t = static_cast<std::size_t>(omp_get_thread_num());
    #pragma omp single
    {
      count.assign(nt * parts, 0);
      kept.resize(nt);
    }

    // Phase 1: drop keys seen recently; keep the rest in this thread's list, counted.
    {
      std::vector<std::uint64_t>& mine = kept[t];
      std::size_t* hist = count.data() + t * parts;
      const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
      mine.reserve(hi - lo);
      std::vector<std::uint64_t> cache(kCacheSlots);
      std::vector<std::uint8_t> used(kCacheSlots, 0);
      for (std::size_t i = lo; i < hi; ++i) {
        const std::uint64_t key = values[i];
        const std::uint64_t h = hash64(key);
        const std::size_t s = h & (kCacheSlots - 1);
        if (used[s] && cache[s] == key) continue;
        cache[s] = key;
        used[s] = 1;
        ++hist[h >> shift];
        mine.push_back(key);
      }
    }
    #pragma omp barrier

    // Phase 2: partition-major offsets, then each thread scatters its own kept keys.
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
      for (std::uint64_t key : kept[t]) staged[next[part_of(key)]++] = key;
      std::vector<std::uint64_t>().swap(kept[t]);
    }
    #pragma omp barrier

    // Phase 3: deduplicate each partition; sizes differ, so hand them out dynamically.
    {
      std::vector<std::int32_t> table;
      #pragma omp for schedule(dynamic, 1)
      for (std::size_t p = 0; p < parts; ++p)
        size[p] = dedupe_in_place(staged.get() + start[p], start[p + 1] - start[p], table);
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
      std::copy(staged.get() + start[p], staged.get() + start[p] + c, out.begin() + static_cast<std::ptrdiff_t>(size[p]));
    }
  }
  return out;
}

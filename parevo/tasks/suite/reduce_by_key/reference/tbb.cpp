// Expert reference (oneTBB): the same plan as the OpenMP reference, with TBB's scheduler.
// 1. The input is cut into a fixed number of blocks (tbb::parallel_for); each block runs its
//    pairs through a small direct-mapped combining cache (hot keys are summed in place) and
//    evicts partial sums into its own buffer per hash partition. Buffers belong to blocks,
//    not threads, so no two tasks ever write the same one.
// 2. tbb::parallel_for over partitions: each sums its partial sums with a cache-sized
//    open-addressing table; a key lives in one partition, so no key is seen by two tasks.
// 3. A prefix sum over partition sizes places every partition in the output.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace {

using KV = std::pair<std::uint64_t, std::int64_t>;

inline std::uint64_t hash64(std::uint64_t x) {  // murmur3 finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

constexpr std::size_t kCacheSlots = 4096;

}  // namespace

std::vector<std::pair<std::uint64_t, std::int64_t>> reduce_by_key(
    const std::vector<std::pair<std::uint64_t, std::int64_t>>& pairs) {
  const std::size_t n = pairs.size();
  std::vector<KV> out;
  if (n == 0) return out;

  const std::size_t workers = static_cast<std::size_t>(std::max(1, tbb::this_task_arena::max_concurrency()));
  int bits = 2;
  while ((std::size_t{1} << bits) < std::max<std::size_t>(n / 16384, 4 * workers) && bits < 10) ++bits;
  const std::size_t parts = std::size_t{1} << bits;
  const int shift = 64 - bits;
  // Enough blocks to balance, few enough that each block's cache pays off.
  const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>(4 * workers, n / 4096));

  std::vector<std::vector<KV>> buffers(blocks * parts);  // [block * parts + partition]
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    std::vector<KV>* mine = buffers.data() + b * parts;
    auto emit = [&](const KV& kv) { mine[hash64(kv.first) >> shift].push_back(kv); };
    std::vector<KV> cache(kCacheSlots);
    std::vector<std::uint8_t> used(kCacheSlots, 0);
    const std::size_t lo = n * b / blocks, hi = n * (b + 1) / blocks;
    for (std::size_t i = lo; i < hi; ++i) {
      const KV& kv = pairs[i];
      const std::size_t s = hash64(kv.first) & (kCacheSlots - 1);
      if (used[s] && cache[s].first == kv.first) {
        cache[s].second += kv.second;
      } else {
        if (used[s]) emit(cache[s]);
        cache[s] = kv;
        used[s] = 1;
      }
    }
    for (std::size_t s = 0; s < kCacheSlots; ++s)
      if (used[s]) emit(cache[s]);
  });

  std::vector<std::vector<KV>> result(parts);
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    std::size_t count = 0;
    for (std::size_t b = 0; b < blocks; ++b) count += buffers[b * parts + p].size();
    std::size_t size = 16;
    while (size < 2 * count) size *= 2;
    const std::size_t mask = size - 1;
    std::vector<std::int32_t> table(size, -1);  // index into res, -1 empty: any key can be stored
    std::vector<KV>& res = result[p];
    res.reserve(count);
    for (std::size_t b = 0; b < blocks; ++b) {
      for (const KV& kv : buffers[b * parts + p]) {
        std::size_t s = hash64(kv.first) & mask;
        for (;;) {
          const std::int32_t idx = table[s];
          if (idx < 0) {
            table[s] = static_cast<std::int32_t>(res.size());
            res.push_back(kv);
            break;
          }
          if (res[idx].first == kv.first) {
            res[idx].second += kv.second;
            break;
          }
          s = (s + 1) & mask;
        }
      }
      std::vector<KV>().swap(buffers[b * parts + p]);
    }
  });

  std::vector<std::size_t> offset(parts + 1, 0);
  for (std::size_t p = 0; p < parts; ++p) offset[p + 1] = offset[p] + result[p].size();
  out.resize(offset[parts]);
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    std::copy(result[p].begin(), result[p].end(), out.begin() + static_cast<std::ptrdiff_t>(offset[p]));
  });
  return out;
}

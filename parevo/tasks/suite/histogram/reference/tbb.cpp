// Expert reference (oneTBB): the same two strategies as the OpenMP reference.
//
// Few buckets (a table of up to 2^16 entries, and no more entries over all workers than
// values): tbb::enumerable_thread_specific gives each worker a private table, filled by a
// parallel_for over the values; a second parallel_for sums the tables bucket by bucket.
//
// Many buckets: a table far bigger than the caches makes every increment a cache miss, and
// atomic increments there are worse. The values are cut into blocks (a few per worker); each
// block counts its values per range of 2^17 buckets, the counts become offsets (range-major,
// block-minor), and each block scatters its values into their range's slot, a radix
// partition by the high bits. Then each range is counted by one task, in a 1 MiB slice of the
// table that stays in L2, with plain increments (one writer per range). Ranges that hold more
// than their share of the values (a hot bucket) are cut into chunks that tasks count into
// thread-local scratch tables and add to the table atomically, one add per touched bucket.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

constexpr std::size_t kSerialCutoff = 4096;
constexpr int kMaxRangeBits = 17, kMinRangeBits = 8;  // ranges of 256 .. 131072 buckets (1 MiB of counts)
constexpr std::uint32_t kPrivateMax = 1u << 16;  // the largest private table (512 KiB)
constexpr std::size_t kMinChunk = 256;

using Table = std::vector<std::int64_t>;

Table private_tables(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  tbb::enumerable_thread_specific<Table> tables([buckets] { return Table(buckets, 0); });
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, values.size(), 1 << 14), [&](const auto& r) {
    Table& mine = tables.local();
    for (std::size_t i = r.begin(); i < r.end(); ++i) ++mine[values[i]];
  });
  Table count(buckets, 0);
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, buckets, 1024), [&](const auto& r) {
    for (const Table& t : tables)
      for (std::uint32_t b = r.begin(); b < r.end(); ++b) count[b] += t[b];
  });
  return count;
}

struct Item {
  std::size_t range, begin, end;
  bool shared;
};

Table partitioned(const std::vector<std::uint32_t>& values, std::uint32_t buckets, int workers) {
  const std::size_t n = values.size();
  int bits = kMaxRangeBits;
  while (bits > kMinRangeBits && (buckets >> bits) < 8 * static_cast<std::uint32_t>(workers)) --bits;
  const std::size_t width = std::size_t{1} << bits;
  const std::size_t ranges = (buckets + width - 1) >> bits;
  const std::size_t blocks = std::min<std::size_t>(4 * static_cast<std::size_t>(workers), n / kMinChunk + 1);

  // at[k][r]: how many values of block k fall in range r, then where block k writes the next.
  std::vector<std::vector<std::size_t>> at(blocks, std::vector<std::size_t>(ranges, 0));
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t k) {
    for (std::size_t i = n * k / blocks, hi = n * (k + 1) / blocks; i < hi; ++i) ++at[k][values[i] >> bits];
  });
  const std::size_t heavy = std::max<std::size_t>(n / (4 * static_cast<std::size_t>(workers)), kMinChunk);
  std::vector<Item> items;
  std::size_t offset = 0;
  for (std::size_t r = 0; r < ranges; ++r) {
    const std::size_t begin = offset;
    for (std::size_t k = 0; k < blocks; ++k) {
      const std::size_t c = at[k][r];
      at[k][r] = offset;
      offset += c;
    }
    if (offset - begin <= heavy) {
      if (offset > begin) items.push_back({r, begin, offset, false});
    } else {
      for (std::size_t b = begin; b < offset; b += heavy) items.push_back({r, b, std::min(offset, b + heavy), true});
    }
  }
  // Not zeroed: the scatter writes every element before anything reads it.
  const auto grouped = std::make_unique_for_overwrite<std::uint32_t[]>(n);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t k) {
    std::vector<std::size_t>& next = at[k];
    for (std::size_t i = n * k / blocks, hi = n * (k + 1) / blocks; i < hi; ++i) {
      const std::uint32_t v = values[i];
      grouped[next[v >> bits]++] = v;
    }
  });

  Table count(buckets, 0);
  tbb::enumerable_thread_specific<Table> scratches;  // all zero between uses
  tbb::parallel_for(std::size_t{0}, items.size(), [&](std::size_t q) {
    const Item& it = items[q];
    if (!it.shared) {
      for (std::size_t i = it.begin; i < it.end; ++i) ++count[grouped[i]];
      return;
    }
    Table& scratch = scratches.local();
    scratch.resize(width, 0);
    const std::size_t base = it.range << bits;
    for (std::size_t i = it.begin; i < it.end; ++i) ++scratch[grouped[i] - base];
    for (std::size_t j = 0, end = std::min(width, buckets - base); j < end; ++j)
      if (scratch[j]) {
        std::atomic_ref<std::int64_t>(count[base + j]).fetch_add(scratch[j], std::memory_order_relaxed);
        scratch[j] = 0;
      }
  });
  return count;
}

}  // namespace

std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  if (values.size() < kSerialCutoff) {
    Table count(buckets, 0);
    for (std::uint32_t v : values) ++count[v];
    return count;
  }
  const int workers = std::max(1, parevo::num_threads());
  const std::size_t entries = std::size_t{buckets} * static_cast<std::size_t>(workers);
  return buckets <= kPrivateMax && entries <= values.size() ? private_tables(values, buckets)
                                                            : partitioned(values, buckets, workers);
}

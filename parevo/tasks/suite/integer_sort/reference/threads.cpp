// Expert reference (std::thread): parallel LSD radix sort, four stable passes of 8 bits.
// parevo::num_threads() workers each own one contiguous block of the input. A pass is a count
// and a scatter: each worker counts the digits of its block into its own histogram row; at a
// std::barrier the completion step (run by one worker while the others wait) turns the rows
// into write offsets, digit-major and worker-minor, so the scatter is stable and the blocks of
// a digit land one after another; then each worker scatters its block to its own disjoint
// slots, and a second barrier ends the pass. No element is written by two workers, and the
// barrier orders every row before the offsets are read, so no atomics are needed.
// A pass whose digit is the same for every key changes nothing and is skipped.
#include <algorithm>
#include <array>
#include <barrier>
#include <cstdint>
#include <thread>
#include <vector>

namespace {
constexpr int kBits = 8, kDigits = 1 << kBits;
constexpr std::size_t kSerialCutoff = 1024;  // below this, starting threads costs more than std::sort
constexpr std::size_t kMinPerWorker = 1024;  // fewer keys per worker are not worth a thread
using Row = std::array<std::size_t, kDigits>;
}  // namespace

std::vector<std::uint32_t> integer_sort(const std::vector<std::uint32_t>& keys) {
  const std::size_t n = keys.size();
  if (n < kSerialCutoff) {
    std::vector<std::uint32_t> out(keys);
    std::sort(out.begin(), out.end());
    return out;
  }
  const int workers = static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(parevo::num_threads(), n / kMinPerWorker)));
  std::vector<std::uint32_t> a(n), b(n);
  const std::uint32_t* src = keys.data();  // the first pass reads the input in place
  std::uint32_t* bufs[2] = {a.data(), b.data()};
  int into = 0;  // the buffer the next scatter writes
  int shift = 0;
  bool skip = false;
  std::vector<Row> rows(workers);

  // Runs once per phase in one worker, after every worker has arrived and before any leaves.
  bool counted = false;  // which phase just ended: a count (true) or a scatter (false)
  auto step = [&]() noexcept {
    counted = !counted;
    if (counted) {  // offsets from the rows; skip the pass when one digit holds every key
      std::size_t offset = 0;
      skip = false;
      for (int d = 0; d < kDigits; ++d) {
        std::size_t total = 0;
        for (int u = 0; u < workers; ++u) {
          const std::size_t c = rows[u][d];
          rows[u][d] = offset;
          offset += c;
          total += c;
        }
        if (total == n) skip = true;
      }
      if (!skip) return;
    } else {
      src = bufs[into];
      into ^= 1;
    }
    shift += kBits;  // a skipped pass ends here; a scattered one after its scatter
    counted = false;
  };
  std::barrier sync(workers, step);

  auto work = [&](int w) {
    const std::size_t lo = n * w / workers, hi = n * (w + 1) / workers;
    while (shift < 32) {
      const int s = shift;
      Row& mine = rows[w];
      mine.fill(0);
      for (std::size_t i = lo; i < hi; ++i) ++mine[(src[i] >> s) & (kDigits - 1)];
      sync.arrive_and_wait();
      if (skip) continue;
      Row at = mine;
      std::uint32_t* dst = bufs[into];
      for (std::size_t i = lo; i < hi; ++i) {
        const std::uint32_t k = src[i];
        dst[at[(k >> s) & (kDigits - 1)]++] = k;
      }
      sync.arrive_and_wait();
    }
  };
  std::vector<std::thread> pool;
  for (int w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (std::thread& t : pool) t.join();

  if (src == keys.data()) return keys;  // every pass skipped: all keys were equal
  return std::move(src == a.data() ? a : b);
}

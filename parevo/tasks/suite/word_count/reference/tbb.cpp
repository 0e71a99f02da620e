// Expert reference (oneTBB): the plan of the OpenMP reference with TBB's scheduler.
// 1. tbb::parallel_for over many equal byte ranges; a range owns the words that start in it
//    (it skips the tail of a word begun earlier and finishes its last word past its end).
//    Each worker counts through its own small combining cache (tbb::enumerable_thread_specific)
//    of (hash, word, count), a word being its letters packed into 8 bytes or, when longer, a
//    view into the text; hot words are counted in the cache, evicted partial counts go to the
//    worker's own list.
// 2. Each list is counted per partition (top bits of the hash); offsets (partition-major) let
//    every list be scattered into one array, lock-free.
// 3. tbb::parallel_for over partitions: equal words share a partition, so all partial counts
//    of a word are summed in one place, in a table that stays in cache. A prefix sum places
//    the partitions in the output, and the strings are built in parallel.
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

const std::array<bool, 256> kLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  return t;
}();

inline std::uint64_t fmix(std::uint64_t x) {  // murmur3 finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

// A word as the tables store it (32 bytes). Words of up to 8 letters, nearly all of them in
// practice, are packed into `bytes`, so comparing one never touches the text (whose copy of a
// word seen long ago is a cache miss away); longer ones keep a pointer into the text.
// len == 0 marks an empty slot (a word is never empty).
struct Entry {
  std::uint64_t hash;
  std::uint64_t bytes;  // the letters (len <= 8, zero-padded) or the address in the text
  std::uint64_t len;
  std::int64_t count;
  const char* ptr() const { return reinterpret_cast<const char*>(bytes); }
};

inline Entry make_entry(const char* p, std::size_t len) {
  std::uint64_t h = len * 0x9E3779B97F4A7C15ULL;
  const char* q = p;
  std::size_t rest = len;
  for (; rest >= 8; q += 8, rest -= 8) {
    std::uint64_t w;
    std::memcpy(&w, q, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, q, rest);  // the tail, loaded partially: nothing past the word is read
  Entry e{fmix(h ^ w), 0, len, 1};
  if (len <= 8) std::memcpy(&e.bytes, p, len);
  else e.bytes = reinterpret_cast<std::uint64_t>(p);
  return e;
}

inline bool same_word(const Entry& a, const Entry& b) {
  if (a.hash != b.hash || a.len != b.len) return false;
  if (a.len <= 8) return a.bytes == b.bytes;
  const char *x = a.ptr(), *y = b.ptr();
  std::size_t len = a.len;
  for (; len >= 8; x += 8, y += 8, len -= 8) {
    std::uint64_t u, v;
    std::memcpy(&u, x, 8);
    std::memcpy(&v, y, 8);
    if (u != v) return false;
  }
  return std::memcmp(x, y, len) == 0;
}

// A thread's direct-mapped combining cache (16K slots of 32 bytes, in L2): a word found in
// its slot is counted there; any other word takes the slot and the old occupant, with its
// count so far, is evicted to the thread's list. Frequent words stay cached, so a word making
// up a tenth of the text leaves a few partial counts, not a tenth of the text.
class Cache {
 public:
  explicit Cache(std::vector<Entry>& evicted) : slots_(kSlots), evicted_(evicted) {}
  void add(const Entry& w) {
    Entry& e = slots_[w.hash & (kSlots - 1)];
    if (e.len != 0 && same_word(e, w)) {
      e.count += w.count;
    } else {
      if (e.len != 0) evicted_.push_back(e);
      e = w;
    }
  }
  void flush() {
    for (Entry& e : slots_)
      if (e.len != 0) {
        evicted_.push_back(e);
        e.len = 0;
      }
  }

 private:
  static constexpr std::size_t kSlots = std::size_t{1} << 14;
  std::vector<Entry> slots_;
  std::vector<Entry>& evicted_;
};

// Counts the words that start in [lo, hi) of s[0..n).
void count_range(const char* s, std::size_t n, std::size_t lo, std::size_t hi, Cache& cache) {
  auto letter = [s](std::size_t i) { return kLetter[static_cast<unsigned char>(s[i])]; };
  std::size_t i = lo;
  if (i > 0 && letter(i - 1))
    while (i < hi && letter(i)) ++i;  // the tail of a word owned by an earlier range
  for (;;) {
    while (i < hi && !letter(i)) ++i;
    if (i >= hi) return;
    const std::size_t start = i;
    while (i < n && letter(i)) ++i;
    cache.add(make_entry(s + start, i - start));
  }
}

// Sums the counts of equal words in a[0..count) into the front of the same range (entry j is
// written only after a[j] was read); returns the number of distinct words.
std::size_t merge_in_place(Entry* a, std::size_t count, std::vector<std::int32_t>& table) {
  std::size_t size = 16;
  while (size < 2 * count) size *= 2;
  const std::size_t mask = size - 1;
  table.assign(size, -1);
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Entry e = a[i];
    for (std::size_t s = e.hash & mask;; s = (s + 1) & mask) {
      const std::int32_t idx = table[s];
      if (idx < 0) {
        table[s] = static_cast<std::int32_t>(distinct);
        a[distinct++] = e;
        break;
      }
      if (same_word(a[idx], e)) {
        a[idx].count += e.count;
        break;
      }
    }
  }
  return distinct;
}

struct Worker {
  std::vector<Entry> evicted;
  Cache cache{evicted};
  Worker() = default;
  Worker(const Worker&) : Worker() {}  // enumerable_thread_specific copies its exemplar
};

}  // namespace

std::vector<std::pair<std::string, std::int64_t>> word_count(const std::string& text) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  const std::size_t n = text.size();
  if (n == 0) return out;
  const char* s = text.data();
  const std::size_t workers = static_cast<std::size_t>(std::max(1, tbb::this_task_arena::max_concurrency()));
  const std::size_t range = std::max<std::size_t>(512, n / (32 * workers) + 1);
  const std::size_t ranges = (n + range - 1) / range;

  // Phase 1: count through each worker's cache.
  tbb::enumerable_thread_specific<Worker> local;
  tbb::parallel_for(std::size_t{0}, ranges, [&](std::size_t c) {
    count_range(s, n, c * range, std::min(n, (c + 1) * range), local.local().cache);
  });
  std::vector<std::vector<Entry>*> lists;
  std::size_t total = 0;
  for (Worker& w : local) {
    w.cache.flush();
    lists.push_back(&w.evicted);
    total += w.evicted.size();
  }

  // Phase 2: histogram each list, partition-major offsets, scatter.
  int bits = 2;
  while ((std::size_t{1} << bits) < std::max<std::size_t>(total / 4096, 4 * workers) && bits < 10) ++bits;
  const std::size_t parts = std::size_t{1} << bits, nl = lists.size();
  const int shift = 64 - bits;
  std::vector<std::size_t> count(nl * parts, 0), start(parts + 1, 0), size(parts, 0);
  tbb::parallel_for(std::size_t{0}, nl, [&](std::size_t l) {
    for (const Entry& e : *lists[l]) ++count[l * parts + (e.hash >> shift)];
  });
  std::size_t at = 0;
  for (std::size_t p = 0; p < parts; ++p) {
    start[p] = at;
    for (std::size_t l = 0; l < nl; ++l) {
      const std::size_t c = count[l * parts + p];
      count[l * parts + p] = at;
      at += c;
    }
  }
  start[parts] = at;
  std::unique_ptr<Entry[]> staged(new Entry[total]);
  tbb::parallel_for(std::size_t{0}, nl, [&](std::size_t l) {
    std::size_t* next = count.data() + l * parts;
    for (const Entry& e : *lists[l]) staged[next[e.hash >> shift]++] = e;
    std::vector<Entry>().swap(*lists[l]);
  });

  // Phase 3: merge each partition in place.
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    std::vector<std::int32_t> table;
    size[p] = merge_in_place(staged.get() + start[p], start[p + 1] - start[p], table);
  });

  // Phase 4: place the partitions and build the strings.
  std::vector<std::size_t> offset(parts + 1, 0);
  for (std::size_t p = 0; p < parts; ++p) offset[p + 1] = offset[p] + size[p];
  out.resize(offset[parts]);
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    for (std::size_t j = 0; j < size[p]; ++j) {
      const Entry& e = staged[start[p] + j];
      out[offset[p] + j].first.assign(e.len <= 8 ? reinterpret_cast<const char*>(&e.bytes) : e.ptr(), e.len);
      out[offset[p] + j].second = e.count;
    }
  });
  return out;
}

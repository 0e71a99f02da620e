// Expert reference (OpenMP): pre-count in a cache over word-aligned chunks, radix-partition by
// hash, then count each partition.
//
// 1. The text is cut into many equal byte ranges, handed out dynamically (a range full of
//    separators is cheap, one holding a long word is not). A range owns the words that *start*
//    in it: it skips the tail of a word begun before it, and finishes its last word even past
//    its end, so every word is counted once, whole, however long it is. Each thread counts
//    through its own small combining cache of (hash, word, count), a word being its letters
//    packed into 8 bytes or, when longer, a view into the text: no strings are built while
//    counting. Hot words are counted in the cache; evicted partial counts go to the thread's
//    list. (One big table per thread would miss the cache on nearly every rare word.)
// 2. Each thread counts its list per partition (top bits of the hash); offsets
//    (partition-major) let every thread scatter its list into one array, lock-free.
// 3. Partitions are counted independently (dynamic schedule) in tables that stay in cache:
//    equal words share a hash, hence a partition, so all partial counts of a word meet in one
//    place.
// 4. A prefix sum over the partition sizes places each partition in the output, and the
//    strings are built in parallel.
#include <omp.h>

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

}  // namespace

std::vector<std::pair<std::string, std::int64_t>> word_count(const std::string& text) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  const std::size_t n = text.size();
  if (n == 0) return out;
  const char* s = text.data();
  const bool parallel = n >= 1024;  // a few words are not worth waking a team for
  const std::size_t max_threads = parallel ? static_cast<std::size_t>(omp_get_max_threads()) : 1;
  // About 32 ranges per thread, none under 512 bytes.
  const std::size_t range = std::max<std::size_t>(512, n / (32 * max_threads) + 1);
  const std::size_t ranges = (n + range - 1) / range;

  std::vector<std::vector<Entry>> evicted;
  std::vector<std::size_t> count, start, size;
  std::unique_ptr<Entry[]> staged;  // evicted partial counts grouped by partition, not zero-filled
  std::size_t parts = 1;
  int shift = 63;

  #pragma omp parallel if (parallel)
  {
    const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads()), t = static_cast<std::size_t>(omp_get_thread_num());
    #pragma omp single
    evicted.resize(nt);

    // Phase 1: count words through this thread's cache; evictions go to its own list.
    {
      evicted[t].reserve(n / (8 * nt) + 1024);
      Cache cache(evicted[t]);
      #pragma omp for schedule(dynamic, 1) nowait
      for (std::size_t c = 0; c < ranges; ++c) count_range(s, n, c * range, std::min(n, (c + 1) * range), cache);
      cache.flush();
    }
    #pragma omp barrier

    // Phase 2: partitions sized from the number of partial counts, per-thread histograms,
    // partition-major offsets, then each thread scatters its own list.
    #pragma omp single
    {
      std::size_t total = 0;
      for (const auto& list : evicted) total += list.size();
      int bits = 2;
      while ((std::size_t{1} << bits) < std::max<std::size_t>(total / 4096, 4 * nt) && bits < 10) ++bits;
      parts = std::size_t{1} << bits;
      shift = 64 - bits;
      count.assign(nt * parts, 0);
      start.assign(parts + 1, 0);
      size.assign(parts, 0);
      staged.reset(new Entry[total]);
    }
    {
      std::size_t* hist = count.data() + t * parts;
      for (const Entry& e : evicted[t]) ++hist[e.hash >> shift];
    }
    #pragma omp barrier
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
      for (const Entry& e : evicted[t]) staged[next[e.hash >> shift]++] = e;
      std::vector<Entry>().swap(evicted[t]);
    }
    #pragma omp barrier

    // Phase 3: merge each partition.
    {
      std::vector<std::int32_t> table;
      #pragma omp for schedule(dynamic, 1)
      for (std::size_t p = 0; p < parts; ++p)
        size[p] = merge_in_place(staged.get() + start[p], start[p + 1] - start[p], table);
    }

    // Phase 4: place the partitions (size[] becomes the output offsets) and build the strings.
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
      for (std::size_t j = 0; j < c; ++j) {
        const Entry& e = staged[start[p] + j];
        out[size[p] + j].first.assign(e.len <= 8 ? reinterpret_cast<const char*>(&e.bytes) : e.ptr(), e.len);
        out[size[p] + j].second = e.count;
      }
    }
  }
  return out;
}

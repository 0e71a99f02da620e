// Expert reference (OpenMP): sublist ranking with regular splitters (Helman and JaJa, 2001).
// Every 256th node index, and the head, starts a sublist. Each sublist is walked by one thread
// (dynamic schedule over sublists) from its splitter until the next splitter or the tail,
// recording for every node its sublist and its distance from the splitter. A short sequential
// pass over the sublists in list order gives each sublist its offset from the head, and a last
// parallel pass turns (sublist, distance) into the rank. Work is O(n), unlike the O(n log n) of
// pointer jumping, and the walks are independent chains of loads that run in parallel.
//
// Following a list is a chain of dependent cache misses, so each thread also interleaves the
// walks of several sublists, which keeps several misses in flight per core.
//
// Node indices are randomly placed along the list, so sublists have random lengths (mean 256).
// A node's (sublist, distance) pair is written only by the walk that reaches it, and the only
// pairs read by other walks are those of splitters, written before the walks start: no races.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace {

constexpr std::int32_t kStride = 256;  // one sublist per kStride nodes
constexpr std::int32_t kBlock = 64;    // sublists per scheduling unit
constexpr int kLanes = 8;              // walks each thread advances together

struct Slot {
  std::int32_t sub;   // sublist id, -1 while unvisited
  std::int32_t dist;  // distance from the sublist's splitter
};

struct Lane {
  std::int32_t id;  // sublist being walked, -1 when idle
  std::int32_t v;   // its current node
  std::int32_t d;   // distance of v from the splitter
};

}  // namespace

std::vector<std::int32_t> list_ranking(const std::vector<std::int32_t>& next) {
  const auto n = static_cast<std::int32_t>(next.size());
  std::vector<std::int32_t> rank(next.size());
  if (n == 0) return rank;
  const std::int32_t* nx = next.data();

  // The head is the one index that is nobody's successor: sum of all indices minus the sum of
  // all successors.
  std::int64_t head64 = 0;
  #pragma omp parallel for schedule(static) reduction(+ : head64)
  for (std::int32_t v = 0; v < n; ++v) head64 += v - (nx[v] >= 0 ? nx[v] : 0);
  const auto head = static_cast<std::int32_t>(head64);

  // Sublist j < regular starts at node j * kStride; the head gets id `regular` unless it is a
  // regular splitter already.
  const std::int32_t regular = (n - 1) / kStride + 1;
  const std::int32_t head_id = head % kStride == 0 ? head / kStride : regular;
  const std::int32_t subs = regular + 1;
  std::vector<Slot> slot(next.size());
  std::vector<std::int32_t> length(subs, 0), succ(subs, -1);
  std::vector<std::int64_t> offset(subs, 0);

  #pragma omp parallel
  {
    #pragma omp for schedule(static)
    for (std::int32_t v = 0; v < n; ++v) slot[v] = {v % kStride == 0 ? v / kStride : -1, 0};
    #pragma omp single
    slot[head] = {head_id, 0};
    // (implicit barrier)

    // Walks are chains of dependent cache misses, so each thread keeps kLanes of them in
    // flight at once, stepping them in turn (the loads of different lanes overlap), and refills
    // a lane from its current block of sublist ids whenever one ends.
    #pragma omp for schedule(dynamic, 1)
    for (std::int32_t block = 0; block < subs; block += kBlock) {
      const std::int32_t block_end = std::min(subs, block + kBlock);
      std::int32_t next_id = block;
      Lane lane[kLanes];
      auto start = [&](Lane& l) {
        for (; next_id < block_end; ++next_id) {
          if (next_id == regular && head_id != regular) continue;
          l = {next_id, next_id == regular ? head : next_id * kStride, 0};
          ++next_id;
          return true;
        }
        l.id = -1;
        return false;
      };
      int active = 0;
      for (Lane& l : lane) active += start(l);
      while (active > 0) {
        for (Lane& l : lane) {
          if (l.id < 0) continue;
          const std::int32_t u = nx[l.v];
          Slot* s = u < 0 ? nullptr : &slot[u];
          if (s != nullptr && s->sub < 0) {
            *s = {l.id, ++l.d};
            l.v = u;
            continue;
          }
          length[l.id] = l.d + 1;
          succ[l.id] = s == nullptr ? -1 : s->sub;
          if (!start(l)) --active;
        }
      }
    }

    // Offsets of the sublists in list order: O(n / kStride) steps.
    #pragma omp single
    {
      std::int64_t before = 0;
      for (std::int32_t id = head_id; id >= 0; id = succ[id]) {
        offset[id] = before;
        before += length[id];
      }
    }

    #pragma omp for schedule(static)
    for (std::int32_t v = 0; v < n; ++v)
      rank[v] = static_cast<std::int32_t>(n - 1 - (offset[slot[v].sub] + slot[v].dist));
  }
  return rank;
}

// Expert reference (std::thread): sublist ranking with regular splitters (Helman and JaJa),
// as in the OpenMP reference. Every 256th node index and the head start sublists; workers take
// blocks of 64 sublists from an atomic counter and walk them, 8 at a time per worker so that
// several cache misses are in flight, recording each node's sublist and distance from its
// splitter. One thread then chains the sublists in list order to get their offsets, and the
// workers turn (sublist, distance) into ranks. A node's slot is written only by the walk that
// reaches it; the splitter slots other walks read are written before the workers start, and
// joining the team between phases orders every write before the next phase's reads.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace {

constexpr std::int32_t kStride = 256;
constexpr std::int32_t kBlock = 64;
constexpr int kLanes = 8;

struct Slot {
  std::int32_t sub;   // sublist id, -1 while unvisited
  std::int32_t dist;  // distance from the sublist's splitter
};

struct Lane {
  std::int32_t id, v, d;
};

template <class Fn>
void run_team(int workers, Fn fn) {
  std::vector<std::thread> team;
  team.reserve(workers - 1);
  for (int w = 1; w < workers; ++w) team.emplace_back(fn, w);
  fn(0);
  for (auto& t : team) t.join();
}

}  // namespace

std::vector<std::int32_t> list_ranking(const std::vector<std::int32_t>& next) {
  const auto n = static_cast<std::int32_t>(next.size());
  std::vector<std::int32_t> rank(next.size());
  if (n == 0) return rank;
  const std::int32_t* nx = next.data();
  const int workers = std::max(1, std::min(parevo::num_threads(), n / 256));
  auto lo = [&](int w) { return static_cast<std::int32_t>(std::int64_t{n} * w / workers); };

  const std::int32_t regular = (n - 1) / kStride + 1;
  const std::int32_t subs = regular + 1;
  std::vector<Slot> slot(next.size());
  std::vector<std::int32_t> length(subs, 0), succ(subs, -1);
  std::vector<std::int64_t> offset(subs, 0), head_part(workers, 0);

  // Slots of the regular splitters, and the head: the sum of all indices minus all successors.
  run_team(workers, [&](int w) {
    std::int64_t sum = 0;
    for (std::int32_t v = lo(w); v < lo(w + 1); ++v) {
      slot[v] = {v % kStride == 0 ? v / kStride : -1, 0};
      sum += v - (nx[v] >= 0 ? nx[v] : 0);
    }
    head_part[w] = sum;
  });
  std::int64_t head64 = 0;
  for (std::int64_t s : head_part) head64 += s;
  const auto head = static_cast<std::int32_t>(head64);
  const std::int32_t head_id = head % kStride == 0 ? head / kStride : regular;
  slot[head] = {head_id, 0};

  std::atomic<std::int32_t> next_block{0};
  run_team(workers, [&](int) {
    for (;;) {
      const std::int32_t block = next_block.fetch_add(kBlock, std::memory_order_relaxed);
      if (block >= subs) break;
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
  });

  std::int64_t before = 0;
  for (std::int32_t id = head_id; id >= 0; id = succ[id]) {
    offset[id] = before;
    before += length[id];
  }

  run_team(workers, [&](int w) {
    for (std::int32_t v = lo(w); v < lo(w + 1); ++v)
      rank[v] = static_cast<std::int32_t>(n - 1 - (offset[slot[v].sub] + slot[v].dist));
  });
  return rank;
}

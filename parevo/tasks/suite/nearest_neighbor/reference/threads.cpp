// Expert reference (std::thread): a k-d tree whose top levels are built by separate threads,
// queried in tree order by parevo::num_threads() workers that take chunks from a shared counter.
//
// The points are copied into one array (x, y, index) that the build reorders in place: every
// node splits its range at the median across the wider side of its bounding box, so the tree
// is balanced whatever the distribution (Kuzmin, clusters, a line) and lives in heap order
// (children of k at 2k+1 and 2k+2): disjoint subtrees write disjoint ranges of both arrays, so
// they are built by different threads without locks. Each point is then queried where it sits
// in that array, so consecutive queries walk the same few leaves, and workers claim chunks of
// queries from an atomic counter (a query in a dense core costs more than one in the sparse
// halo). Every answer slot is written once, by the worker that claimed it; joins order the
// phases.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

namespace {

constexpr std::int32_t kLeaf = 8;
constexpr std::int32_t kChunk = 512;

struct Item {
  double x, y;
  std::int32_t id;
};

struct Box {
  double x0, x1, y0, y1;
};

struct Tree {
  std::vector<Item> item;  // in tree order
  std::vector<Box> box;    // heap order

  void build(std::int32_t node, std::int32_t lo, std::int32_t hi, int spare_threads) {
    Box b{item[lo].x, item[lo].x, item[lo].y, item[lo].y};
    for (std::int32_t k = lo + 1; k < hi; ++k) {
      b.x0 = std::min(b.x0, item[k].x);
      b.x1 = std::max(b.x1, item[k].x);
      b.y0 = std::min(b.y0, item[k].y);
      b.y1 = std::max(b.y1, item[k].y);
    }
    box[node] = b;
    if (hi - lo <= kLeaf) return;
    const std::int32_t mid = lo + (hi - lo) / 2;
    if (b.x1 - b.x0 >= b.y1 - b.y0)
      std::nth_element(item.begin() + lo, item.begin() + mid, item.begin() + hi,
                       [](const Item& a, const Item& c) { return a.x < c.x; });
    else
      std::nth_element(item.begin() + lo, item.begin() + mid, item.begin() + hi,
                       [](const Item& a, const Item& c) { return a.y < c.y; });
    if (spare_threads > 0) {  // hand the left half to a new thread, split the spare ones
      const int left_spare = (spare_threads - 1) / 2, right_spare = spare_threads - 1 - left_spare;
      std::thread left([=, this] { build(2 * node + 1, lo, mid, left_spare); });
      build(2 * node + 2, mid, hi, right_spare);
      left.join();
    } else {
      build(2 * node + 1, lo, mid, 0);
      build(2 * node + 2, mid, hi, 0);
    }
  }

  static double box_distance(const Box& b, double qx, double qy) {
    const double dx = qx < b.x0 ? b.x0 - qx : (qx > b.x1 ? qx - b.x1 : 0.0);
    const double dy = qy < b.y0 ? b.y0 - qy : (qy > b.y1 ? qy - b.y1 : 0.0);
    return dx * dx + dy * dy;
  }

  // The nearest point to item[self] other than itself (by index, so copies at distance 0 count).
  std::int32_t nearest(std::int32_t self) const {
    const double qx = item[self].x, qy = item[self].y;
    const std::int32_t n = static_cast<std::int32_t>(item.size());
    double best = std::numeric_limits<double>::infinity();
    std::int32_t best_id = -1;
    struct Frame { std::int32_t node, lo, hi; double d; };
    Frame stack[96];
    int top = 0;
    stack[top++] = {0, 0, n, 0.0};
    while (top > 0) {
      const Frame f = stack[--top];
      if (f.d >= best) continue;
      if (f.hi - f.lo <= kLeaf) {
        for (std::int32_t k = f.lo; k < f.hi; ++k) {
          if (k == self) continue;
          const double dx = item[k].x - qx, dy = item[k].y - qy, d = dx * dx + dy * dy;
          if (d < best) { best = d; best_id = item[k].id; }
        }
        continue;
      }
      const std::int32_t mid = f.lo + (f.hi - f.lo) / 2, l = 2 * f.node + 1, r = 2 * f.node + 2;
      const double dl = box_distance(box[l], qx, qy), dr = box_distance(box[r], qx, qy);
      if (dl <= dr) {  // push the farther child first: the nearer one is searched first
        stack[top++] = {r, mid, f.hi, dr};
        stack[top++] = {l, f.lo, mid, dl};
      } else {
        stack[top++] = {l, f.lo, mid, dl};
        stack[top++] = {r, mid, f.hi, dr};
      }
    }
    return best_id;
  }
};

}  // namespace

std::vector<std::int32_t> nearest_neighbor(const std::vector<Point2>& pts) {
  const auto n = static_cast<std::int32_t>(pts.size());
  std::vector<std::int32_t> nn(n, -1);
  if (n < 2) return nn;
  Tree tree;
  std::int64_t leaves = 1;
  while ((n + leaves - 1) / leaves > kLeaf) leaves *= 2;
  tree.box.resize(static_cast<std::size_t>(2 * leaves - 1));
  const int workers = std::max(1, parevo::num_threads());
  auto run_workers = [workers](auto&& fn) {  // fn(0..workers-1), the caller being worker 0
    std::vector<std::thread> pool;
    for (int t = 1; t < workers; ++t) pool.emplace_back([&fn, t] { fn(t); });
    fn(0);
    for (auto& th : pool) th.join();
  };
  tree.item.resize(n);
  run_workers([&](int t) {
    const std::int64_t lo = static_cast<std::int64_t>(n) * t / workers, hi = static_cast<std::int64_t>(n) * (t + 1) / workers;
    for (std::int64_t i = lo; i < hi; ++i) tree.item[i] = {pts[i].x, pts[i].y, static_cast<std::int32_t>(i)};
  });
  // Threads only where a subtree is large enough to pay for one.
  tree.build(0, 0, n, n >= (1 << 15) ? workers - 1 : 0);
  std::atomic<std::int32_t> cursor{0};
  run_workers([&](int) {
    for (;;) {
      const std::int32_t lo = cursor.fetch_add(kChunk, std::memory_order_relaxed);
      if (lo >= n) break;
      const std::int32_t hi = std::min(n, lo + kChunk);
      for (std::int32_t k = lo; k < hi; ++k) nn[tree.item[k].id] = tree.nearest(k);
    }
  });
  return nn;
}

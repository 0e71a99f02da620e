// Expert reference (OpenMP): a k-d tree built with tasks, queried in tree order with a
// dynamic schedule.
//
// The points are copied into one array (x, y, index) that the build reorders in place: every
// node splits its range at the median across the wider side of its bounding box, so the tree
// is balanced whatever the distribution (Kuzmin, clusters, a line) and lives in heap order
// (children of k at 2k+1 and 2k+2), which lets subtrees be built by separate tasks without any
// shared allocation. Each point is then queried where it sits in that array, so consecutive
// queries walk the same few leaves (cache-friendly), and chunks of queries are handed out
// dynamically: a query in a dense core costs more than one in the sparse halo. Every answer
// slot is written once, by the thread that owns that query.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

constexpr std::int32_t kLeaf = 8;
constexpr std::int32_t kTaskCutoff = 1 << 14;  // smaller subtrees are built by one task

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

  void build(std::int32_t node, std::int32_t lo, std::int32_t hi) {
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
    if (hi - lo > kTaskCutoff) {
      #pragma omp task default(shared) firstprivate(node, lo, mid)
      build(2 * node + 1, lo, mid);
      build(2 * node + 2, mid, hi);
      #pragma omp taskwait
    } else {
      build(2 * node + 1, lo, mid);
      build(2 * node + 2, mid, hi);
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
  tree.item.resize(n);
  std::int64_t leaves = 1;
  while ((n + leaves - 1) / leaves > kLeaf) leaves *= 2;
  tree.box.resize(static_cast<std::size_t>(2 * leaves - 1));

  #pragma omp parallel
  {
    #pragma omp for schedule(static)
    for (std::int32_t i = 0; i < n; ++i) tree.item[i] = {pts[i].x, pts[i].y, i};
    #pragma omp single
    tree.build(0, 0, n);
    #pragma omp for schedule(dynamic, 512)
    for (std::int32_t k = 0; k < n; ++k) nn[tree.item[k].id] = tree.nearest(k);
  }
  return nn;
}

// Sequential baseline: a k-d tree (median split across the wider side of each node's bounding
// box, leaves of up to 8 points), then one search per point: nearer child first, skipping any
// subtree whose box is no nearer than the best point found so far.
#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace {

struct Node {
  double x0, x1, y0, y1;                 // bounding box of the node's points
  std::int32_t lo, hi, left = -1, right = -1;  // its points are order[lo..hi)
};

struct KdTree {
  const std::vector<Point2>& p;
  std::vector<std::int32_t> order;
  std::vector<Node> nodes;

  explicit KdTree(const std::vector<Point2>& pts) : p(pts), order(pts.size()) {
    std::iota(order.begin(), order.end(), 0);
    if (!pts.empty()) build(0, static_cast<std::int32_t>(pts.size()));
  }

  std::int32_t build(std::int32_t lo, std::int32_t hi) {
    Node node{p[order[lo]].x, p[order[lo]].x, p[order[lo]].y, p[order[lo]].y, lo, hi};
    for (std::int32_t k = lo + 1; k < hi; ++k) {
      const Point2& q = p[order[k]];
      node.x0 = std::min(node.x0, q.x);
      node.x1 = std::max(node.x1, q.x);
      node.y0 = std::min(node.y0, q.y);
      node.y1 = std::max(node.y1, q.y);
    }
    const auto at = static_cast<std::int32_t>(nodes.size());
    nodes.push_back(node);
    if (hi - lo <= 8) return at;
    const std::int32_t mid = lo + (hi - lo) / 2;
    const bool by_x = node.x1 - node.x0 >= node.y1 - node.y0;
    std::nth_element(order.begin() + lo, order.begin() + mid, order.begin() + hi,
                     [&](std::int32_t a, std::int32_t b) { return by_x ? p[a].x < p[b].x : p[a].y < p[b].y; });
    const std::int32_t left = build(lo, mid);
    const std::int32_t right = build(mid, hi);
    nodes[at].left = left;
    nodes[at].right = right;
    return at;
  }

  static double box_distance(const Node& b, const Point2& q) {
    const double dx = q.x < b.x0 ? b.x0 - q.x : (q.x > b.x1 ? q.x - b.x1 : 0.0);
    const double dy = q.y < b.y0 ? b.y0 - q.y : (q.y > b.y1 ? q.y - b.y1 : 0.0);
    return dx * dx + dy * dy;
  }

  void search(std::int32_t at, std::int32_t self, const Point2& q, double& best, std::int32_t& best_id) const {
    const Node& node = nodes[at];
    if (node.left < 0) {
      for (std::int32_t k = node.lo; k < node.hi; ++k) {
        const std::int32_t j = order[k];
        if (j == self) continue;
        const double dx = p[j].x - q.x, dy = p[j].y - q.y, d = dx * dx + dy * dy;
        if (d < best) { best = d; best_id = j; }
      }
      return;
    }
    const double dl = box_distance(nodes[node.left], q), dr = box_distance(nodes[node.right], q);
    const std::int32_t near = dl <= dr ? node.left : node.right, far = dl <= dr ? node.right : node.left;
    if (std::min(dl, dr) < best) search(near, self, q, best, best_id);
    if (std::max(dl, dr) < best) search(far, self, q, best, best_id);
  }
};

}  // namespace

std::vector<std::int32_t> nearest_neighbor(const std::vector<Point2>& pts) {
  const auto n = static_cast<std::int32_t>(pts.size());
  std::vector<std::int32_t> nn(n, -1);
  if (n < 2) return nn;
  const KdTree tree(pts);
  for (std::int32_t i = 0; i < n; ++i) {
    double best = std::numeric_limits<double>::infinity();
    tree.search(0, i, pts[i], best, nn[i]);
  }
  return nn;
}

// Harness side of the nearest_neighbor task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <numeric>
#include <string>

#include "parevo/points.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<Point2> pts;
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.pts = parevo::points::by_family(family, n, rng);
  return in;
}

// Another instance for the next repetition: the same points in a fresh random order, so every
// point's neighbour has a new index and an answer cached from an earlier call is wrong.
inline void vary(Input& in, parevo::Rng& rng) { parevo::points::shuffle(in.pts, rng); }

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.pts.size()); }

inline Output invoke(const Input& in) { return nearest_neighbor(in.pts); }

// The validator's own k-d tree over exact integer coordinates: median splits on the wider
// side, tight bounding boxes, leaves of up to 8 points.
class KdTree {
 public:
  explicit KdTree(const std::vector<Point2>& p) {
    const auto n = static_cast<std::int32_t>(p.size());
    id_.resize(n);
    std::iota(id_.begin(), id_.end(), 0);
    x_.resize(n);
    y_.resize(n);
    for (std::int32_t i = 0; i < n; ++i) { x_[i] = static_cast<std::int64_t>(p[i].x); y_[i] = static_cast<std::int64_t>(p[i].y); }
    if (n > 0) build(0, n);
    std::vector<std::int64_t> x(n), y(n);
    for (std::int32_t k = 0; k < n; ++k) { x[k] = x_[id_[k]]; y[k] = y_[id_[k]]; }
    x_.swap(x);
    y_.swap(y);
  }

  // The points in tree order (neighbours in space are mostly neighbours here).
  const std::vector<std::int32_t>& order() const { return id_; }

  // The smallest squared distance from point `self` (at qx, qy) to another point, if it is
  // below `bound`; `bound` otherwise. With stop_early, returns as soon as anything is below.
  std::int64_t nearest(std::int32_t self, std::int64_t qx, std::int64_t qy, std::int64_t bound, bool stop_early,
                       std::int32_t* who = nullptr) const {
    if (nodes_.empty()) return bound;
    std::int32_t stack[128];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const Node& node = nodes_[stack[--top]];
      if (box_distance(node, qx, qy) >= bound) continue;
      if (node.left < 0) {
        for (std::int32_t k = node.lo; k < node.hi; ++k) {
          if (id_[k] == self) continue;
          const std::int64_t dx = x_[k] - qx, dy = y_[k] - qy, d = dx * dx + dy * dy;
          if (d < bound) {
            bound = d;
            if (who) *who = id_[k];
            if (stop_early) return bound;
          }
        }
        continue;
      }
      const std::int64_t dl = box_distance(nodes_[node.left], qx, qy), dr = box_distance(nodes_[node.right], qx, qy);
      // Push the farther child first so that the nearer one is searched first.
      if (dl <= dr) { stack[top++] = node.right; stack[top++] = node.left; }
      else { stack[top++] = node.left; stack[top++] = node.right; }
    }
    return bound;
  }

 private:
  struct Node {
    std::int64_t x0, x1, y0, y1;
    std::int32_t lo, hi, left = -1, right = -1;
  };

  static std::int64_t box_distance(const Node& b, std::int64_t qx, std::int64_t qy) {
    const std::int64_t dx = qx < b.x0 ? b.x0 - qx : (qx > b.x1 ? qx - b.x1 : 0);
    const std::int64_t dy = qy < b.y0 ? b.y0 - qy : (qy > b.y1 ? qy - b.y1 : 0);
    return dx * dx + dy * dy;
  }

  std::int32_t build(std::int32_t lo, std::int32_t hi) {
    Node node{INT64_MAX, INT64_MIN, INT64_MAX, INT64_MIN, lo, hi};
    for (std::int32_t k = lo; k < hi; ++k) {
      const std::int32_t i = id_[k];
      node.x0 = std::min(node.x0, x_[i]);
      node.x1 = std::max(node.x1, x_[i]);
      node.y0 = std::min(node.y0, y_[i]);
      node.y1 = std::max(node.y1, y_[i]);
    }
    const auto at = static_cast<std::int32_t>(nodes_.size());
    nodes_.push_back(node);
    if (hi - lo <= 8) return at;
    const std::int32_t mid = lo + (hi - lo) / 2;
    const bool by_x = node.x1 - node.x0 >= node.y1 - node.y0;
    std::nth_element(id_.begin() + lo, id_.begin() + mid, id_.begin() + hi,
                     [&](std::int32_t a, std::int32_t b) { return by_x ? x_[a] < x_[b] : y_[a] < y_[b]; });
    const std::int32_t left = build(lo, mid), right = build(mid, hi);
    nodes_[at].left = left;
    nodes_[at].right = right;
    return at;
  }

  std::vector<std::int64_t> x_, y_;  // in tree order once built
  std::vector<std::int32_t> id_;     // tree order -> point index
  std::vector<Node> nodes_;
};

// Nearest neighbours are not unique (ties, duplicates), so only distances are checked: entry i
// must be another point, and no point may be strictly nearer to i than the one returned. The
// validator asks its k-d tree for a point nearer than the answer, which for a right answer
// explores no more than a nearest-neighbour search would.
inline std::string validate(const Input& in, const Output& out) {
  const std::vector<Point2>& p = in.pts;
  const auto n = static_cast<std::int64_t>(p.size());
  if (static_cast<std::int64_t>(out.size()) != n)
    return "returned " + std::to_string(out.size()) + " entries, expected " + std::to_string(n) + " (one per point)";
  if (n == 1)
    return out[0] == -1 ? "" : "point 0: expected -1 (a single point has no other point), got " + std::to_string(out[0]);
  const KdTree tree(p);
  auto sq = [&](std::int64_t i, std::int64_t j) {
    const auto dx = static_cast<std::int64_t>(p[i].x) - static_cast<std::int64_t>(p[j].x);
    const auto dy = static_cast<std::int64_t>(p[i].y) - static_cast<std::int64_t>(p[j].y);
    return dx * dx + dy * dy;
  };
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t i : tree.order()) {  // in tree order, for locality
    const std::int32_t j = out[i];
    bool bad = j < 0 || j >= n || j == i;
    if (!bad) {
      const auto qx = static_cast<std::int64_t>(p[i].x), qy = static_cast<std::int64_t>(p[i].y);
      bad = tree.nearest(i, qx, qy, sq(i, j), true) < sq(i, j);
    }
    if (bad) {
      ++wrong;
      if (first < 0 || i < first) first = i;
    }
  }
  if (wrong == 0) return "";
  const auto i = static_cast<std::int32_t>(first);
  std::int32_t best = -1;
  const std::int64_t best_d = tree.nearest(i, static_cast<std::int64_t>(p[i].x), static_cast<std::int64_t>(p[i].y),
                                           INT64_MAX, false, &best);
  const std::int32_t j = out[i];
  std::string got;
  if (j < 0 || j >= n) got = "index " + std::to_string(j) + ", out of range";
  else if (j == i) got = "the point itself";
  else got = "index " + std::to_string(j) + " at squared distance " + std::to_string(sq(i, j));
  return "point " + std::to_string(i) + ": expected squared distance " + std::to_string(best_d) + " (e.g. index " +
         std::to_string(best) + "), got " + got + " (" + std::to_string(wrong) + " of " + std::to_string(n) +
         " points wrong)";
}

}  // namespace task

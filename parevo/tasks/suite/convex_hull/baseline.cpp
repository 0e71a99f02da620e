// Sequential baseline: Andrew's monotone chain. Sort the indices by (x, y), drop repeated
// locations, then build the lower and upper chains, popping every non-left turn (which also
// drops points in the middle of edges).
#include <algorithm>
#include <numeric>
#include <vector>

std::vector<std::int32_t> convex_hull(const std::vector<Point2>& pts) {
  const auto n = static_cast<std::int32_t>(pts.size());
  std::vector<std::int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](std::int32_t a, std::int32_t b) {
    return pts[a].x < pts[b].x || (pts[a].x == pts[b].x && pts[a].y < pts[b].y);
  };
  auto same = [&](std::int32_t a, std::int32_t b) { return pts[a].x == pts[b].x && pts[a].y == pts[b].y; };
  std::sort(order.begin(), order.end(), less);
  order.erase(std::unique(order.begin(), order.end(), same), order.end());
  if (order.size() <= 2) return order;

  auto cross = [&](std::int32_t o, std::int32_t a, std::int32_t b) {
    return (pts[a].x - pts[o].x) * (pts[b].y - pts[o].y) - (pts[a].y - pts[o].y) * (pts[b].x - pts[o].x);
  };
  std::vector<std::int32_t> hull;
  for (std::int32_t i : order) {
    while (hull.size() >= 2 && cross(hull[hull.size() - 2], hull.back(), i) <= 0) hull.pop_back();
    hull.push_back(i);
  }
  const std::size_t lower = hull.size();
  for (std::size_t k = order.size() - 1; k-- > 0;) {
    while (hull.size() > lower && cross(hull[hull.size() - 2], hull.back(), order[k]) <= 0) hull.pop_back();
    hull.push_back(order[k]);
  }
  hull.pop_back();
  return hull;
}

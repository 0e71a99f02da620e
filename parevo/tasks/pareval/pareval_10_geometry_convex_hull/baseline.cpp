// Sequential baseline: Andrew's monotone chain (sort by x then y, lower and upper chains),
// O(n log n). Collinear points on an edge are dropped (cross <= 0 pops).
#include <algorithm>
#include <cstddef>
#include <vector>

struct Point {
   double x, y;
};

void convexHull(std::vector<Point> const& points, std::vector<Point> &hull) {
  std::vector<Point> p = points;
  std::sort(p.begin(), p.end(), [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  p.erase(std::unique(p.begin(), p.end(), [](const Point& a, const Point& b) { return a.x == b.x && a.y == b.y; }), p.end());
  hull.clear();
  if (p.size() < 3) { hull = p; return; }
  auto cross = [](const Point& o, const Point& a, const Point& b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  };
  std::vector<Point> h(2 * p.size());
  size_t k = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  for (size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  h.resize(k - 1);
  hull = std::move(h);
}

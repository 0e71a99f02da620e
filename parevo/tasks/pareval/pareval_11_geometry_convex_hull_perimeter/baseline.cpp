// Sequential baseline: Andrew's monotone chain, O(n log n), then the closed polygon's length.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

struct Point {
	double x, y;
};

double convexHullPerimeter(std::vector<Point> const& points) {
  std::vector<Point> p = points;
  std::sort(p.begin(), p.end(), [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  p.erase(std::unique(p.begin(), p.end(), [](const Point& a, const Point& b) { return a.x == b.x && a.y == b.y; }), p.end());
  std::vector<Point> h;
  if (p.size() < 3) {
    h = p;
  } else {
    auto cross = [](const Point& o, const Point& a, const Point& b) {
      return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    };
    h.resize(2 * p.size());
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
  }
  double per = 0;
  if (h.size() < 2) return 0.0;
  for (size_t i = 0; i < h.size(); ++i) {
    const Point& a = h[i];
    const Point& b = h[(i + 1) % h.size()];
    per += std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
  }
  return per;
}

// Sequential baseline: divide and conquer (sort by x; recurse; merge by y; check the strip
// around the split against the next points within the current best in y). O(n log n).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

struct Point {
	double x, y;
};

namespace {

double best_sq;

void rec(Point* p, size_t n, Point* tmp) {
  if (n <= 3) {
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        const double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
        best_sq = std::min(best_sq, dx * dx + dy * dy);
      }
    std::sort(p, p + n, [](const Point& a, const Point& b) { return a.y < b.y; });
    return;
  }
  const size_t mid = n / 2;
  const double midx = p[mid].x;
  rec(p, mid, tmp);
  rec(p + mid, n - mid, tmp);
  std::merge(p, p + mid, p + mid, p + n, tmp, [](const Point& a, const Point& b) { return a.y < b.y; });
  std::copy(tmp, tmp + n, p);
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    const double dx = p[i].x - midx;
    if (dx * dx >= best_sq) continue;
    for (size_t j = m; j-- > 0;) {
      const double dy = p[i].y - tmp[j].y;
      if (dy * dy >= best_sq) break;
      const double ddx = p[i].x - tmp[j].x;
      best_sq = std::min(best_sq, ddx * ddx + dy * dy);
    }
    tmp[m++] = p[i];
  }
}

}  // namespace

double closestPair(std::vector<Point> const& points) {
  std::vector<Point> p = points, tmp(points.size());
  std::sort(p.begin(), p.end(), [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  best_sq = std::numeric_limits<double>::infinity();
  rec(p.data(), p.size(), tmp.data());
  return std::sqrt(best_sq);
}

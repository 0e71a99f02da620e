// Sequential baseline: every triple, with the first two corners' differences hoisted out of the
// inner loop: area = |(b - a) x (c - a)| / 2. O(n^3).
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

struct Point {
	double x, y;
};

double smallestArea(std::vector<Point> const& points) {
  const size_t n = points.size();
  std::vector<double> xs(n), ys(n);
  for (size_t i = 0; i < n; ++i) { xs[i] = points[i].x; ys[i] = points[i].y; }
  double best = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const double ux = xs[j] - xs[i], uy = ys[j] - ys[i];
      double m = best;
      for (size_t k = j + 1; k < n; ++k) {
        const double a = std::abs(ux * (ys[k] - ys[i]) - uy * (xs[k] - xs[i]));
        m = a < m ? a : m;
      }
      best = m;
    }
  return 0.5 * best;
}

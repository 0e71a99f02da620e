// Sequential baseline: one pass, the quadrant from the two signs.
#include <array>
#include <cstddef>
#include <vector>

struct Point {
   double x, y;
};

void countQuadrants(std::vector<Point> const& points, std::array<size_t, 4> &bins) {
  for (const Point& p : points) {
    if (p.y >= 0) ++bins[p.x >= 0 ? 0 : 1];
    else ++bins[p.x < 0 ? 2 : 3];
  }
}

// ParEval 10's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// points. ParEval's kernel writes the hull into a buffer of hullSize = N points and reports no
// count; ParEval's driver zero-fills it, which makes an unwritten slot look like the point (0, 0).
// Here every slot starts as a NaN point and the hull is the slots the kernel wrote, in buffer
// order (the task compares the hull's distinct points with the corners, so a kernel may write
// them anywhere and more than once). Point is the prompt's, identical to the task's.
#include <cstring>
#include <limits>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Point {
   double x, y;
};

__global__ void convexHull(const Point *points, size_t numPoints, Point *hull, size_t hullSize);

void convexHull(std::vector<Point> const& points, std::vector<Point> &hull) {
  const size_t n = points.size();
  const Point unset{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  std::vector<Point> slots(n, unset);
  Buffer<Point> dpoints(points), dhull(slots);
  convexHull<<<grid_1d(n), kBlock>>>(dpoints.get(), n, dhull.get(), n);
  launched("convexHull");
  dhull.to_host(slots.data());
  hull.clear();
  for (const Point& p : slots)
    if (std::memcmp(&p, &unset, sizeof p) != 0) hull.push_back(p);
}

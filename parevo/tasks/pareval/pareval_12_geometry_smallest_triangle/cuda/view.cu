// ParEval 12's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; the area
// starts at +infinity, the minimum's neutral element (ParEval's driver starts it at 0, where a
// kernel that takes the minimum with atomics could only answer 0). Point is the prompt's,
// identical to the task's.
#include <limits>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Point {
	double x, y;
};

__global__ void smallestArea(const Point *points, size_t N, double *area);

double smallestArea(std::vector<Point> const& points) {
  const double inf = std::numeric_limits<double>::infinity();
  Buffer<Point> dpoints(points);
  Buffer<double> da(&inf, 1);
  smallestArea<<<grid_1d(points.size()), kBlock>>>(dpoints.get(), points.size(), da.get());
  launched("smallestArea");
  return da.value();
}

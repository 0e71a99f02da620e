// ParEval 13's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// points; the distance starts at +infinity, the minimum's neutral element (as in ParEval 14's
// view). Point is the prompt's, identical to the task's.
#include <limits>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Point {
	double x, y;
};

__global__ void closestPair(const Point *points, size_t numPoints, double *distance);

double closestPair(std::vector<Point> const& points) {
  const double inf = std::numeric_limits<double>::infinity();
  Buffer<Point> dpoints(points);
  Buffer<double> dd(&inf, 1);
  closestPair<<<grid_1d(points.size()), kBlock>>>(dpoints.get(), points.size(), dd.get());
  launched("closestPair");
  return dd.value();
}

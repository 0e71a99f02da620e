// ParEval 11's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// points; the perimeter starts at 0 (as ParEval's driver sets it). Point is the prompt's,
// identical to the task's.
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Point {
	double x, y;
};

__global__ void convexHullPerimeter(const Point *points, size_t numPoints, double *perimeter);

double convexHullPerimeter(std::vector<Point> const& points) {
  const double zero = 0;
  Buffer<Point> dpoints(points);
  Buffer<double> dp(&zero, 1);
  convexHullPerimeter<<<grid_1d(points.size()), kBlock>>>(dpoints.get(), points.size(), dp.get());
  launched("convexHullPerimeter");
  return dp.value();
}

// ParEval 22's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; bins go
// to the GPU as the harness passes them (zero-filled, as ParEval's driver does). Point is the
// prompt's, identical to the task's.
#include <array>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Point {
   double x, y;
};

__global__ void countQuadrants(const Point *points, size_t N, size_t bins[4]);

void countQuadrants(std::vector<Point> const& points, std::array<size_t, 4> &bins) {
  Buffer<Point> dpoints(points);
  Buffer<size_t> dbins(bins.data(), bins.size());
  countQuadrants<<<grid_1d(points.size()), kBlock>>>(dpoints.get(), points.size(), dbins.get());
  launched("countQuadrants");
  dbins.to_host(bins.data());
}

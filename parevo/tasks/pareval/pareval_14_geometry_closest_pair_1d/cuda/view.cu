// ParEval 14's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; the
// result starts at +infinity (no pair: the task's answer for fewer than two values).
#include <limits>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void closestPair(const double *x, size_t N, double *distance);

double closestPair(std::vector<double> const& x) {
  const double inf = std::numeric_limits<double>::infinity();
  Buffer<double> dx(x), dd(&inf, 1);
  closestPair<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), dd.get());
  launched("closestPair");
  return dd.value();
}

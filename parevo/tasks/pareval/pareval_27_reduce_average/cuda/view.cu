// ParEval 27's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; the result starts at 0.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void average(const double *x, size_t N, double *average);

double average(std::vector<double> const& x) {
  const double zero = 0;
  Buffer<double> dx(x), da(&zero, 1);
  average<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), da.get());
  launched("average");
  return da.value();
}

// ParEval 26's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; the product starts at 1 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void productWithInverses(const double *x, size_t N, double *product);

double productWithInverses(std::vector<double> const& x) {
  const double one = 1;
  Buffer<double> dx(x), dp(&one, 1);
  productWithInverses<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), dp.get());
  launched("productWithInverses");
  return dp.value();
}

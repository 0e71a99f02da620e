// ParEval 56's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; x is replaced in place.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void negateOddsAndHalveEvens(int *x, size_t N);

void negateOddsAndHalveEvens(std::vector<int> &x) {
  Buffer<int> dx(x);
  negateOddsAndHalveEvens<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("negateOddsAndHalveEvens");
  dx.to_host(x.data());
}

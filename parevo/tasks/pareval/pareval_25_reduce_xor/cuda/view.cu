// ParEval 25's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; x goes to the GPU as a bool array (bool_array); the result starts false (as
// ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void reduceLogicalXOR(const bool *x, size_t N, bool *output);

bool reduceLogicalXOR(std::vector<bool> const& x) {
  const bool no = false;
  Buffer<bool> dx(bool_array(x).get(), x.size()), dout(&no, 1);
  reduceLogicalXOR<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), dout.get());
  launched("reduceLogicalXOR");
  return dout.value();
}

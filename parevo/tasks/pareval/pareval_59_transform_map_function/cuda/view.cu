// ParEval 59's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// elements in x; mask goes to the GPU as the harness filled it (every element wrong; ParEval's
// driver leaves it unset), as a bool array (bool_array), so an element the kernel skips shows.
// isPowerOfTwo is the prompt's `__device__` function, defined by the candidate's translation unit.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void mapPowersOfTwo(const int *x, bool *mask, size_t N);

void mapPowersOfTwo(std::vector<int> const& x, std::vector<bool> &mask) {
  const size_t n = x.size();
  mask.resize(n);
  Buffer<int> dx(x);
  Buffer<bool> dmask(bool_array(mask).get(), n);
  mapPowersOfTwo<<<grid_1d(n), kBlock>>>(dx.get(), dmask.get(), n);
  launched("mapPowersOfTwo");
  bools_to_host(dmask, mask);
}

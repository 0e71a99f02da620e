// ParEval 33's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; output starts zero-filled on the GPU, as ParEval's driver passes it (a kernel may
// accumulate into it), not as the harness filled it (garbage).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void reversePrefixSum(const int *x, int *output, size_t N);

void reversePrefixSum(std::vector<int> const& x, std::vector<int> &output) {
  const size_t n = x.size();
  output.resize(n);
  Buffer<int> dx(x), dout(n);
  dout.zero();
  reversePrefixSum<<<grid_1d(n), kBlock>>>(dx.get(), dout.get(), n);
  launched("reversePrefixSum");
  dout.to_host(output.data());
}

// ParEval 39's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; found
// starts false (as ParEval's driver sets it). ParEval's kernel takes one length N for x and y
// (its driver's are equal), the task's x and y may differ in length: both go to the GPU padded
// to N = max(|x|, |y|) with a value other than val (0, or -1 when val is 0), which changes
// neither "val is in x" nor "val is in y".
#include <algorithm>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void xorContains(const int *x, const int *y, size_t N, int val, bool *found);

// v's elements, then `byte` in every byte of the rest of d's n ints (0x00: 0, 0xFF: -1).
static void upload_padded(std::vector<int> const& v, Buffer<int>& d, size_t n, int byte) {
  if (!v.empty()) check(cudaMemcpy(d.get(), v.data(), v.size() * sizeof(int), cudaMemcpyHostToDevice), "cudaMemcpy to the GPU");
  if (n > v.size()) check(cudaMemset(d.get() + v.size(), byte, (n - v.size()) * sizeof(int)), "cudaMemset");
}

bool xorContains(std::vector<int> const& x, std::vector<int> const& y, int val) {
  const size_t n = std::max(x.size(), y.size());
  const int byte = val == 0 ? 0xFF : 0x00;
  const bool no = false;
  Buffer<int> dx(n), dy(n);
  upload_padded(x, dx, n, byte);
  upload_padded(y, dy, n, byte);
  Buffer<bool> dfound(&no, 1);
  xorContains<<<grid_1d(n), kBlock>>>(dx.get(), dy.get(), n, val, dfound.get());
  launched("xorContains");
  return dfound.value();
}

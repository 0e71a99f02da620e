// ParEval 49's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least sizeA threads (and
// at least N, so that a kernel with one thread per row is launched wide enough: "at least"
// allows it); L and U start zero-filled on the GPU, as ParEval's driver passes them (a kernel
// writes the factors' entries; the rest of each NxN matrix stays 0), not as the harness filled
// them (a sentinel). COOElement is the prompt's, identical to the candidate's and the
// harness's copies.
#include <algorithm>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct COOElement {
   size_t row, column;
   double value;
};

__global__ void luFactorize(const COOElement *A, size_t sizeA, double *L, double *U, size_t N);

void luFactorize(std::vector<COOElement> const& A, std::vector<double> &L, std::vector<double> &U, size_t N) {
  L.resize(N * N);
  U.resize(N * N);
  Buffer<COOElement> dA(A);
  Buffer<double> dL(N * N), dU(N * N);
  dL.zero();
  dU.zero();
  luFactorize<<<grid_1d(std::max(A.size(), N)), kBlock>>>(dA.get(), A.size(), dL.get(), dU.get(), N);
  launched("luFactorize");
  dL.to_host(L.data());
  dU.to_host(U.data());
}

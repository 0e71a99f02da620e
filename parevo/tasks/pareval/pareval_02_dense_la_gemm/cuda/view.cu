// ParEval 02's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an MxN grid of threads either
// way round (grid_2d_either); C goes to the GPU as the harness passes it (zero-filled, as
// ParEval's driver does: a kernel may accumulate into it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void gemm(const double *A, const double *B, double *C, size_t M, size_t K, size_t N);

void gemm(std::vector<double> const& A, std::vector<double> const& B, std::vector<double> &C, size_t M, size_t K, size_t N) {
  C.resize(M * N);
  Buffer<double> dA(A), dB(B), dC(C);
  gemm<<<grid_2d_either(M, N), block_2d()>>>(dA.get(), dB.get(), dC.get(), M, K, N);
  launched("gemm");
  dC.to_host(C.data());
}

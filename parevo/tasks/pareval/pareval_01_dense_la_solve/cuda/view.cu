// ParEval 01's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); x goes to the GPU as the harness filled it (NaN), not as ParEval's
// driver does (it copies the true solution in, so a kernel that writes nothing passes there).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void solveLinearSystem(const double *A, const double *b, double *x, size_t N);

void solveLinearSystem(std::vector<double> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N) {
  x.resize(N);
  Buffer<double> dA(A), db(b), dx(x);
  solveLinearSystem<<<grid_2d(N, N), block_2d()>>>(dA.get(), db.get(), dx.get(), N);
  launched("solveLinearSystem");
  dx.to_host(x.data());
}

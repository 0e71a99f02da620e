// ParEval 45's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least sizeA threads (and
// at least N, so that a kernel with one thread per unknown is launched wide enough: "at least"
// allows it); x goes to the GPU as the harness filled it (a sentinel), not as ParEval's driver
// does (it copies the true solution in, so a kernel that writes nothing passes there).
// COOElement is the prompt's, identical to the candidate's and the harness's copies.
#include <algorithm>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct COOElement {
   size_t row, column;
   double value;
};

__global__ void solveLinearSystem(const COOElement *A, size_t sizeA, const double *b, double *x, size_t N);

void solveLinearSystem(std::vector<COOElement> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N) {
  x.resize(N);
  Buffer<COOElement> dA(A);
  Buffer<double> db(b), dx(x);
  solveLinearSystem<<<grid_1d(std::max(A.size(), N)), kBlock>>>(dA.get(), A.size(), db.get(), dx.get(), N);
  launched("solveLinearSystem");
  dx.to_host(x.data());
}

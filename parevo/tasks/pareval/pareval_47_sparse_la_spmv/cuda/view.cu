// ParEval 47's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least sizeA threads (and
// at least M, so that a kernel with one thread per row of y, which scales every y[i] by beta, is
// launched wide enough when A has fewer elements than y has rows: "at least" allows it).
// COOElement is the prompt's, identical to the candidate's and the harness's copies.
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct COOElement {
   size_t row, column;
   double value;
};

__global__ void spmv(double alpha, const COOElement *A, size_t sizeA, const double *x, double beta, double *y, size_t M, size_t N);

void spmv(double alpha, std::vector<COOElement> const& A, std::vector<double> const& x, double beta,
          std::vector<double> &y, size_t M, size_t N) {
  Buffer<COOElement> dA(A);
  Buffer<double> dx(x), dy(y);
  spmv<<<grid_1d(std::max(A.size(), M)), kBlock>>>(alpha, dA.get(), A.size(), dx.get(), beta, dy.get(), M, N);
  launched("spmv");
  dy.to_host(y.data());
}

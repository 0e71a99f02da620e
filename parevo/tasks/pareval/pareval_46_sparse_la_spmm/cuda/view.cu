// ParEval 46's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least sizeA threads (and
// at least M, as ParEval's driver launches its test: "at least" allows it); Y starts zero-filled
// on the GPU, as ParEval's driver passes it (a kernel adds A's products into it; an element no
// product reaches stays 0), not as the harness filled it (a sentinel). COOElement is the
// prompt's, identical to the candidate's and the harness's copies.
#include <algorithm>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct COOElement {
   size_t row, column;
   double value;
};

__global__ void spmm(const COOElement *A, size_t sizeA, const COOElement *X, size_t sizeX, double *Y, size_t M, size_t K, size_t N);

void spmm(std::vector<COOElement> const& A, std::vector<COOElement> const& X, std::vector<double> &Y, size_t M, size_t K, size_t N) {
  Y.resize(M * N);
  Buffer<COOElement> dA(A), dX(X);
  Buffer<double> dY(M * N);
  dY.zero();
  spmm<<<grid_1d(std::max(A.size(), M)), kBlock>>>(dA.get(), A.size(), dX.get(), X.size(), dY.get(), M, K, N);
  launched("spmm");
  dY.to_host(Y.data());
}

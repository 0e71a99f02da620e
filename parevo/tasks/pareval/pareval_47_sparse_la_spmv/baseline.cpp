// Sequential baseline: scale y by beta, then one pass over the COO elements in any order.
#include <cstddef>
#include <vector>

struct COOElement {
   size_t row, column;
   double value;
};

void spmv(double alpha, std::vector<COOElement> const& A, std::vector<double> const& x, double beta, std::vector<double> &y, size_t M, size_t N) {
  (void)N;
  for (size_t i = 0; i < M; ++i) y[i] *= beta;
  for (const COOElement& e : A) y[e.row] += alpha * e.value * x[e.column];
}

// Sequential baseline: bucket X's entries by row (a CSR view), zero Y, then for each entry
// A[i][k] add A[i][k] * X[k][:] into row i of Y.
#include <cstddef>
#include <vector>

struct COOElement {
   size_t row, column;
   double value;
};

void spmm(std::vector<COOElement> const& A, std::vector<COOElement> const& X, std::vector<double> &Y, size_t M, size_t K, size_t N) {
  std::vector<size_t> start(K + 1, 0);
  for (const COOElement& e : X) ++start[e.row + 1];
  for (size_t k = 0; k < K; ++k) start[k + 1] += start[k];
  std::vector<size_t> col(X.size());
  std::vector<double> val(X.size());
  std::vector<size_t> fill(start.begin(), start.end() - 1);
  for (const COOElement& e : X) {
    const size_t p = fill[e.row]++;
    col[p] = e.column;
    val[p] = e.value;
  }
  Y.assign(M * N, 0.0);
  for (const COOElement& a : A) {
    double* y = Y.data() + a.row * N;
    for (size_t t = start[a.column]; t < start[a.column + 1]; ++t) y[col[t]] += a.value * val[t];
  }
}

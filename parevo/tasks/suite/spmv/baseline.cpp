// Sequential baseline: one dot product per row.
#include <vector>

std::vector<double> spmv(const CSRMatrix& a, const std::vector<double>& x) {
  std::vector<double> y(a.rows);
  for (std::int32_t i = 0; i < a.rows; ++i) {
    double sum = 0;
    for (std::int64_t k = a.row_ptr[i]; k < a.row_ptr[i + 1]; ++k) sum += a.values[k] * x[a.col_idx[k]];
    y[i] = sum;
  }
  return y;
}

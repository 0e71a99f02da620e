// Expert reference (OpenMP): merge-path SpMV (Merrill and Garland, SC 2016).
// Work is rows plus nonzeros; each thread takes an equal share of that total, found by a
// binary search along the merge of the row ends with the nonzero indices. A share may start or
// end inside a row, so one dense row is split across threads like any other run of nonzeros,
// and long stretches of empty rows are split too. A thread owns the rows it finishes; the
// partial sum of the row it stops inside is carried out and added after the parallel region,
// so every entry of y has a single writer and no atomics are needed.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace {

struct Coord {
  std::int32_t row;   // rows finished before this point
  std::int64_t nz;    // nonzeros consumed before this point
};

// The point where the merge path crosses diagonal d (row + nz == d).
Coord merge_path_search(std::int64_t d, const std::int64_t* row_end, std::int32_t rows, std::int64_t nnz) {
  std::int64_t lo = std::max<std::int64_t>(d - nnz, 0), hi = std::min<std::int64_t>(d, rows);
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    if (row_end[mid] <= d - mid - 1) lo = mid + 1;
    else hi = mid;
  }
  return {static_cast<std::int32_t>(lo), d - lo};
}

}  // namespace

std::vector<double> spmv(const CSRMatrix& a, const std::vector<double>& x) {
  const std::int32_t rows = a.rows;
  const std::int64_t nnz = a.row_ptr[rows];
  const std::int64_t* row_end = a.row_ptr.data() + 1;
  const std::int32_t* col = a.col_idx.data();
  const double* val = a.values.data();
  const double* xv = x.data();
  std::vector<double> y(rows);
  double* yv = y.data();
  std::vector<std::int32_t> carry_row;
  std::vector<double> carry_sum;

  #pragma omp parallel
  {
    const int parts = omp_get_num_threads(), t = omp_get_thread_num();
    #pragma omp single
    {
      carry_row.assign(parts, rows);
      carry_sum.assign(parts, 0.0);
    }
    const std::int64_t total = rows + nnz, share = (total + parts - 1) / parts;
    Coord at = merge_path_search(std::min(total, share * t), row_end, rows, nnz);
    const Coord end = merge_path_search(std::min(total, share * (t + 1)), row_end, rows, nnz);
    for (; at.row < end.row; ++at.row) {
      double sum = 0;
      for (; at.nz < row_end[at.row]; ++at.nz) sum += val[at.nz] * xv[col[at.nz]];
      yv[at.row] = sum;
    }
    double sum = 0;
    for (; at.nz < end.nz; ++at.nz) sum += val[at.nz] * xv[col[at.nz]];
    carry_row[t] = end.row;
    carry_sum[t] = sum;
  }
  for (std::size_t t = 0; t < carry_row.size(); ++t)
    if (carry_row[t] < rows) yv[carry_row[t]] += carry_sum[t];
  return y;
}

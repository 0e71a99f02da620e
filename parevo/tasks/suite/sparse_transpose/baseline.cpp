// Sequential baseline: counting sort by column. Count the entries of each column, prefix-sum the
// counts into the result's row_ptr, then scatter the entries row by row; visiting the input rows
// in order leaves every result row sorted.
#include <vector>

CSRMatrix sparse_transpose(const CSRMatrix& a) {
  CSRMatrix t;
  t.rows = a.cols;
  t.cols = a.rows;
  const std::int64_t nnz = a.row_ptr[a.rows];
  t.row_ptr.assign(static_cast<std::size_t>(a.cols) + 1, 0);
  for (std::int64_t k = 0; k < nnz; ++k) t.row_ptr[a.col_idx[k] + 1]++;
  for (std::int32_t c = 0; c < a.cols; ++c) t.row_ptr[c + 1] += t.row_ptr[c];
  t.col_idx.resize(nnz);
  t.values.resize(nnz);
  std::vector<std::int64_t> next(t.row_ptr.begin(), t.row_ptr.end() - 1);
  for (std::int32_t i = 0; i < a.rows; ++i) {
    for (std::int64_t k = a.row_ptr[i]; k < a.row_ptr[i + 1]; ++k) {
      const std::int64_t at = next[a.col_idx[k]]++;
      t.col_idx[at] = i;
      t.values[at] = a.values[k];
    }
  }
  return t;
}

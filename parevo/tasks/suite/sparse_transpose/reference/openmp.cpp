// Expert reference (OpenMP): counting sort with per-thread histograms, split by nonzeros.
// Thread t owns an equal share of the nonzeros (a range of k, which may start or end inside a
// row, so one dense row is split like any other run of entries). It counts the columns of its
// share into its own histogram; per column, the counts of threads 0..t-1 then give thread t
// its first slot in that result row, after a scan over the columns. Each thread scatters its
// share into its own slots, so every result row lists the entries of thread 0, then thread 1,
// ..., each in input-row order: the rows come out sorted with no sort, and no slot is shared,
// so there are no atomics and no contention even when every row hits the same column.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

// Slot is std::uint32_t whenever nnz fits, which halves the footprint of the counters that
// every nonzero increments at a random column.
template <class Slot>
void transpose_into(const CSRMatrix& a, CSRMatrix& t) {
  const std::int32_t rows = a.rows, cols = a.cols;
  const std::int64_t nnz = a.row_ptr[rows];
  const std::int64_t* row_ptr = a.row_ptr.data();
  const std::int32_t* col = a.col_idx.data();
  const double* val = a.values.data();
  std::int64_t* out_ptr = t.row_ptr.data();
  std::int32_t* out_col = t.col_idx.data();
  double* out_val = t.values.data();

  const int parts = std::max(1, std::min<int>(omp_get_max_threads(), static_cast<int>(std::min<std::int64_t>(nnz, 1 << 20))));
  // slot[p * cols + c]: first the count of column c in share p, then share p's next slot in row
  // c. Left uninitialised here: each thread zeroes its own part (no serial memset).
  std::unique_ptr<Slot[]> slot(new Slot[static_cast<std::size_t>(parts) * cols]);
  std::vector<std::int64_t> block_sum(static_cast<std::size_t>(parts) + 1, 0);

  #pragma omp parallel num_threads(parts)
  {
    const int p = omp_get_thread_num();
    const std::int64_t lo = nnz * p / parts, hi = nnz * (p + 1) / parts;
    Slot* mine = slot.get() + static_cast<std::size_t>(p) * cols;
    std::fill(mine, mine + cols, Slot{0});
    for (std::int64_t k = lo; k < hi; ++k) mine[col[k]]++;
    #pragma omp barrier

    // Column totals and a blocked exclusive scan of them into the result's row_ptr.
    const std::int32_t c_lo = static_cast<std::int32_t>(std::int64_t{cols} * p / parts);
    const std::int32_t c_hi = static_cast<std::int32_t>(std::int64_t{cols} * (p + 1) / parts);
    std::int64_t run = 0;
    for (std::int32_t c = c_lo; c < c_hi; ++c) {
      std::int64_t total = 0;
      for (int q = 0; q < parts; ++q) total += slot[static_cast<std::size_t>(q) * cols + c];
      run += total;
      out_ptr[c + 1] = run;
    }
    block_sum[p + 1] = run;
    #pragma omp barrier
    #pragma omp single
    for (int q = 0; q < parts; ++q) block_sum[q + 1] += block_sum[q];
    // (implicit barrier)
    const std::int64_t base = block_sum[p];
    for (std::int32_t c = c_lo; c < c_hi; ++c) {
      out_ptr[c + 1] += base;
      std::int64_t next = c == c_lo ? base : out_ptr[c];  // out_ptr[c_lo] belongs to another block
      for (int q = 0; q < parts; ++q) {
        Slot& s = slot[static_cast<std::size_t>(q) * cols + c];
        const Slot count = s;
        s = static_cast<Slot>(next);
        next += count;
      }
    }
    #pragma omp barrier

    // Scatter this share, walking the rows it overlaps.
    std::int32_t r = static_cast<std::int32_t>(std::upper_bound(row_ptr, row_ptr + rows + 1, lo) - row_ptr - 1);
    for (std::int64_t k = lo; k < hi; ++r) {
      const std::int64_t end = std::min(row_ptr[r + 1], hi);
      for (; k < end; ++k) {
        const Slot at = mine[col[k]]++;
        out_col[at] = r;
        out_val[at] = val[k];
      }
    }
  }
}

}  // namespace

CSRMatrix sparse_transpose(const CSRMatrix& a) {
  const std::int64_t nnz = a.row_ptr[a.rows];
  CSRMatrix t;
  t.rows = a.cols;
  t.cols = a.rows;
  t.row_ptr.assign(static_cast<std::size_t>(a.cols) + 1, 0);
  if (nnz == 0) return t;
  // Zero-filling (and first touching) the two output arrays is a serial cost the vectors
  // impose; growing them in two threads at once halves it.
  #pragma omp parallel sections num_threads(2)
  {
    #pragma omp section
    t.col_idx.resize(static_cast<std::size_t>(nnz));
    #pragma omp section
    t.values.resize(static_cast<std::size_t>(nnz));
  }
  if (nnz <= std::int64_t{UINT32_MAX}) transpose_into<std::uint32_t>(a, t);
  else transpose_into<std::int64_t>(a, t);
  return t;
}

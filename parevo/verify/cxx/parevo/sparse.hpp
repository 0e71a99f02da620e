// Harness-side: irregular sparse matrix generators (SpMV practice). Each returns a square
// CSRMatrix whose rows hold distinct column indices in increasing order, with values uniform
// in [-1, 1).
#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "parevo/graph.hpp"
#include "random.hpp"

namespace parevo::sparse {

inline double value(Rng& rng) { return 2.0 * rng.uniform() - 1.0; }

// Gives row i about want[i] distinct random columns (duplicate draws are dropped, so short rows
// can come out a little shorter). Rows that want a large share of the columns are drawn column
// by column instead, so a dense row costs one pass rather than a sort of n draws.
inline CSRMatrix from_row_lengths(std::int32_t n, const std::vector<std::int64_t>& want, Rng& rng) {
  CSRMatrix a;
  a.rows = a.cols = n;
  a.row_ptr.assign(static_cast<std::size_t>(n) + 1, 0);
  std::int64_t total = 0;
  for (std::int64_t w : want) total += std::min<std::int64_t>(w, n);
  a.col_idx.reserve(static_cast<std::size_t>(total));
  for (std::int32_t i = 0; i < n; ++i) {
    const std::int64_t k = std::min<std::int64_t>(want[i], n);
    const auto first = static_cast<std::ptrdiff_t>(a.col_idx.size());
    if (k >= n) {
      for (std::int32_t c = 0; c < n; ++c) a.col_idx.push_back(c);
    } else if (k * 8 >= n) {
      const double p = static_cast<double>(k) / n;
      for (std::int32_t c = 0; c < n; ++c)
        if (rng.uniform() < p) a.col_idx.push_back(c);
    } else {
      for (std::int64_t j = 0; j < k; ++j) a.col_idx.push_back(static_cast<std::int32_t>(rng.below(n)));
      auto begin = a.col_idx.begin() + first;
      std::sort(begin, a.col_idx.end());
      a.col_idx.erase(std::unique(begin, a.col_idx.end()), a.col_idx.end());
    }
    a.row_ptr[i + 1] = static_cast<std::int64_t>(a.col_idx.size());
  }
  a.values.resize(a.col_idx.size());
  for (double& v : a.values) v = value(rng);
  return a;
}

// Pareto-distributed row lengths (minimum 4, tail exponent 1.5, mean about 12): most rows are
// short, a few hold tens of thousands of entries, so equal row counts are unequal work.
inline CSRMatrix powerlaw(std::int32_t n, Rng& rng) {
  std::vector<std::int64_t> want(static_cast<std::size_t>(std::max(n, 0)));
  for (auto& w : want) w = static_cast<std::int64_t>(4.0 * std::pow(1.0 - rng.uniform(), -1.0 / 1.5));
  return from_row_lengths(std::max(n, 0), want, rng);
}

// 8 to 16 random entries per row: balanced work, but scattered reads of x.
inline CSRMatrix uniform(std::int32_t n, Rng& rng) {
  std::vector<std::int64_t> want(static_cast<std::size_t>(std::max(n, 0)));
  for (auto& w : want) w = 8 + static_cast<std::int64_t>(rng.below(9));
  return from_row_lengths(std::max(n, 0), want, rng);
}

// Columns i-3 .. i+3 of row i (a 7-point 1D stencil): regular, and reads of x stay local.
inline CSRMatrix banded(std::int32_t n, Rng& rng, std::int32_t half_width = 3) {
  CSRMatrix a;
  a.rows = a.cols = std::max(n, 0);
  a.row_ptr.assign(static_cast<std::size_t>(a.rows) + 1, 0);
  for (std::int32_t i = 0; i < a.rows; ++i) {
    for (std::int32_t c = std::max(0, i - half_width); c <= std::min(a.rows - 1, i + half_width); ++c)
      a.col_idx.push_back(c);
    a.row_ptr[i + 1] = static_cast<std::int64_t>(a.col_idx.size());
  }
  a.values.resize(a.col_idx.size());
  for (double& v : a.values) v = value(rng);
  return a;
}

// One random row is full (n entries, about 40% of the matrix); the others hold 0 to 3 entries,
// so a split by rows leaves one thread with most of the work.
inline CSRMatrix one_dense_row(std::int32_t n, Rng& rng) {
  std::vector<std::int64_t> want(static_cast<std::size_t>(std::max(n, 0)));
  for (auto& w : want) w = static_cast<std::int64_t>(rng.below(4));
  if (n > 0) want[rng.below(n)] = n;
  return from_row_lengths(std::max(n, 0), want, rng);
}

// About 15 rows in 16 are empty; the rest hold 1 to 32 entries.
inline CSRMatrix empty_rows(std::int32_t n, Rng& rng) {
  std::vector<std::int64_t> want(static_cast<std::size_t>(std::max(n, 0)));
  for (auto& w : want) w = rng.below(16) == 0 ? 1 + static_cast<std::int64_t>(rng.below(32)) : 0;
  return from_row_lengths(std::max(n, 0), want, rng);
}

// Two families whose columns are skewed (transposing turns a skewed column into a long output
// row), for the transpose task.

// The exact transpose (counting sort by column; rows come out with increasing column indices
// when the input rows are in increasing order).
inline CSRMatrix transpose(const CSRMatrix& a) {
  CSRMatrix t;
  t.rows = a.cols;
  t.cols = a.rows;
  const std::int64_t nnz = a.row_ptr[a.rows];
  t.row_ptr.assign(static_cast<std::size_t>(a.cols) + 1, 0);
  for (std::int64_t k = 0; k < nnz; ++k) t.row_ptr[a.col_idx[k] + 1]++;
  for (std::int32_t c = 0; c < a.cols; ++c) t.row_ptr[c + 1] += t.row_ptr[c];
  t.col_idx.resize(static_cast<std::size_t>(nnz));
  t.values.resize(static_cast<std::size_t>(nnz));
  std::vector<std::int64_t> fill(t.row_ptr.begin(), t.row_ptr.end() - 1);
  for (std::int32_t i = 0; i < a.rows; ++i)
    for (std::int64_t k = a.row_ptr[i]; k < a.row_ptr[i + 1]; ++k) {
      const std::int64_t at = fill[a.col_idx[k]]++;
      t.col_idx[at] = i;
      t.values[at] = a.values[k];
    }
  return t;
}

// n rows and n/64 + 1 columns; each row holds 2 to 8 distinct columns drawn with density
// proportional to (1 - c/cols)^2, so the low columns are far more popular than the high ones.
inline CSRMatrix tall(std::int32_t n, Rng& rng) {
  CSRMatrix a;
  a.rows = std::max(n, 0);
  a.cols = a.rows / 64 + 1;
  a.row_ptr.assign(static_cast<std::size_t>(a.rows) + 1, 0);
  a.col_idx.reserve(static_cast<std::size_t>(a.rows) * 5);
  for (std::int32_t i = 0; i < a.rows; ++i) {
    const auto first = static_cast<std::ptrdiff_t>(a.col_idx.size());
    const auto k = 2 + static_cast<std::int32_t>(rng.below(7));
    for (std::int32_t j = 0; j < k; ++j) {
      const double u = rng.uniform();
      a.col_idx.push_back(std::min(a.cols - 1, static_cast<std::int32_t>(a.cols * (1.0 - std::cbrt(1.0 - u)))));
    }
    auto begin = a.col_idx.begin() + first;
    std::sort(begin, a.col_idx.end());
    a.col_idx.erase(std::unique(begin, a.col_idx.end()), a.col_idx.end());
    a.row_ptr[i + 1] = static_cast<std::int64_t>(a.col_idx.size());
  }
  a.values.resize(a.col_idx.size());
  for (double& x : a.values) x = value(rng);
  return a;
}

// The family dispatch of every sparse matrix task; unknown names are a harness error, not a
// candidate failure, so they throw std::invalid_argument. Besides the square families:
// one_dense_col: every row holds one common random column (plus 1.5 others on average), so one
//                output row of a transpose receives n entries from every part of the input;
// tall:          see tall() above (not square).
inline CSRMatrix by_family(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "one_dense_col") return transpose(one_dense_row(n, rng));
  if (family == "tall") return tall(n, rng);
  if (family == "powerlaw") return powerlaw(n, rng);
  if (family == "uniform") return uniform(n, rng);
  if (family == "banded") return banded(n, rng);
  if (family == "one_dense_row") return one_dense_row(n, rng);
  if (family == "empty_rows") return empty_rows(n, rng);
  if (family == "single") return from_row_lengths(1, {1}, rng);
  if (family == "no_entries") return from_row_lengths(std::max(n, 1), std::vector<std::int64_t>(std::max(n, 1), 0), rng);
  throw std::invalid_argument("unknown sparse matrix family '" + family + "'");
}

}  // namespace parevo::sparse

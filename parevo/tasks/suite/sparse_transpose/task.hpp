// Harness side of the sparse_transpose task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "parevo/sparse.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRMatrix a;
};
using Output = CSRMatrix;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.a = parevo::sparse::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: the same sparsity pattern with fresh values, so a
// result cached from an earlier call holds the wrong values everywhere.
inline void vary(Input& in, parevo::Rng& rng) {
  for (double& v : in.a.values) v = parevo::sparse::value(rng);
}

inline std::string describe(const Input& in) {
  const CSRMatrix& a = in.a;
  std::int64_t longest = 0;
  for (std::int32_t i = 0; i < a.rows; ++i) longest = std::max(longest, a.row_ptr[i + 1] - a.row_ptr[i]);
  std::vector<std::int64_t> col_count(static_cast<std::size_t>(a.cols), 0);
  for (std::int64_t k = 0; k < a.row_ptr[a.rows]; ++k) col_count[a.col_idx[k]]++;
  const std::int64_t longest_col = col_count.empty() ? 0 : *std::max_element(col_count.begin(), col_count.end());
  return "rows=" + std::to_string(a.rows) + " cols=" + std::to_string(a.cols) + " nnz=" +
         std::to_string(a.row_ptr[a.rows]) + " longest_row=" + std::to_string(longest) +
         " longest_col=" + std::to_string(longest_col);
}

inline Output invoke(const Input& in) { return sparse_transpose(in.a); }

inline std::string show(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline bool same_bits(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

// The transpose in canonical form is unique, so the validator builds it by counting sort and
// compares the three arrays element by element.
inline std::string validate(const Input& in, const Output& out) {
  const CSRMatrix& a = in.a;
  const std::int64_t nnz = a.row_ptr[a.rows];
  if (out.rows != a.cols || out.cols != a.rows)
    return "returned a " + std::to_string(out.rows) + "x" + std::to_string(out.cols) + " matrix, expected " +
           std::to_string(a.cols) + "x" + std::to_string(a.rows) + " (the transpose has a.cols rows and a.rows columns)";
  if (out.row_ptr.size() != static_cast<std::size_t>(a.cols) + 1)
    return "row_ptr has " + std::to_string(out.row_ptr.size()) + " entries, expected " +
           std::to_string(a.cols + 1) + " (result rows + 1)";
  if (out.col_idx.size() != static_cast<std::size_t>(nnz) || out.values.size() != static_cast<std::size_t>(nnz))
    return "col_idx has " + std::to_string(out.col_idx.size()) + " and values " + std::to_string(out.values.size()) +
           " entries, expected " + std::to_string(nnz) + " each (one per nonzero)";

  const CSRMatrix t = parevo::sparse::transpose(a);
  std::int64_t wrong = 0, first = -1;
  for (std::size_t r = 0; r < t.row_ptr.size(); ++r)
    if (out.row_ptr[r] != t.row_ptr[r]) { if (first < 0) first = static_cast<std::int64_t>(r); ++wrong; }
  if (wrong > 0)
    return "row_ptr[" + std::to_string(first) + "]: expected " + std::to_string(t.row_ptr[first]) + ", got " +
           std::to_string(out.row_ptr[first]) + " (" + std::to_string(wrong) + " of " +
           std::to_string(t.row_ptr.size()) + " row_ptr entries wrong)";

  for (std::int64_t k = 0; k < nnz; ++k)
    if (out.col_idx[k] != t.col_idx[k] || !same_bits(out.values[k], t.values[k])) {
      if (first < 0) first = k;
      ++wrong;
    }
  if (wrong == 0) return "";
  const auto row = static_cast<std::int32_t>(std::upper_bound(t.row_ptr.begin(), t.row_ptr.end(), first) -
                                             t.row_ptr.begin() - 1);
  // Name the likely cause when the row holds the right entries in the wrong order.
  std::vector<std::pair<std::int32_t, double>> want, got;
  for (std::int64_t k = t.row_ptr[row]; k < t.row_ptr[row + 1]; ++k) {
    want.emplace_back(t.col_idx[k], t.values[k]);
    got.emplace_back(out.col_idx[k], out.values[k]);
  }
  std::sort(got.begin(), got.end());
  const bool reordered = std::equal(want.begin(), want.end(), got.begin(), got.end(), [](const auto& x, const auto& y) {
    return x.first == y.first && same_bits(x.second, y.second);
  });
  return "entry " + std::to_string(first) + " (result row " + std::to_string(row) + "): expected column " +
         std::to_string(t.col_idx[first]) + " value " + show(t.values[first]) + ", got column " +
         std::to_string(out.col_idx[first]) + " value " + show(out.values[first]) + " (" + std::to_string(wrong) +
         " of " + std::to_string(nnz) + " entries wrong" +
         (reordered ? "; that row holds the right entries but its column indices are not increasing" : "") + ")";
}

}  // namespace task

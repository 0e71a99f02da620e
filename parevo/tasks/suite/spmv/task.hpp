// Harness side of the spmv task: inputs, the call, and the validator.
#pragma once
#include <cmath>
#include <cstdio>
#include <string>

#include "parevo/sparse.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRMatrix a;
  std::vector<double> x;
};
using Output = std::vector<double>;

inline void draw_x(Input& in, parevo::Rng& rng) {
  in.x.resize(static_cast<std::size_t>(in.a.cols));
  for (double& v : in.x) v = parevo::sparse::value(rng);
}

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.a = parevo::sparse::by_family(family, static_cast<std::int32_t>(n), rng);
  draw_x(in, rng);
  return in;
}

// Another instance for the next repetition: same matrix, a new vector x.
inline void vary(Input& in, parevo::Rng& rng) { draw_x(in, rng); }

inline std::string describe(const Input& in) {
  std::int64_t longest = 0;
  for (std::int32_t i = 0; i < in.a.rows; ++i) longest = std::max(longest, in.a.row_ptr[i + 1] - in.a.row_ptr[i]);
  return "rows=" + std::to_string(in.a.rows) + " cols=" + std::to_string(in.a.cols) +
         " nnz=" + std::to_string(in.a.row_ptr[in.a.rows]) + " longest_row=" + std::to_string(longest);
}

inline Output invoke(const Input& in) { return spmv(in.a, in.x); }

inline std::string show(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// Parallel code sums a row in another order (or in pieces), so each entry may differ from the
// sequential sum by rounding: the tolerance scales with the sum of the terms' magnitudes,
// which bounds that error for any order, and a wrong or missing term exceeds it.
inline std::string validate(const Input& in, const Output& out) {
  const CSRMatrix& a = in.a;
  if (out.size() != static_cast<std::size_t>(a.rows))
    return "returned " + std::to_string(out.size()) + " entries, expected " + std::to_string(a.rows) + " (one per row)";
  std::int64_t wrong = 0, first = -1;
  double first_expected = 0;
  for (std::int32_t i = 0; i < a.rows; ++i) {
    double sum = 0, magnitude = 0;
    for (std::int64_t k = a.row_ptr[i]; k < a.row_ptr[i + 1]; ++k) {
      const double term = a.values[k] * in.x[a.col_idx[k]];
      sum += term;
      magnitude += std::fabs(term);
    }
    // Negated so that a NaN counts as wrong.
    if (!(std::fabs(out[i] - sum) <= 1e-9 * magnitude + 1e-12)) {
      if (first < 0) { first = i; first_expected = sum; }
      ++wrong;
    }
  }
  if (wrong == 0) return "";
  return "row " + std::to_string(first) + ": expected " + show(first_expected) + ", got " + show(out[first]) + " (" +
         std::to_string(wrong) + " of " + std::to_string(a.rows) + " rows wrong; row length " +
         std::to_string(a.row_ptr[first + 1] - a.row_ptr[first]) + ")";
}

}  // namespace task

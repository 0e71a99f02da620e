// Harness side of ParEval 45 (sparse linear solve) with parevo's own inputs and a residual
// (backward error) validator that accepts any accurate solution.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

// Exactly as in the prompt (the candidate's copy is the one compiled with its code).
struct COOElement {
   size_t row, column;
   double value;
};

void solveLinearSystem(std::vector<COOElement> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N);

namespace task {

constexpr double kSentinel = -123456789.0;

// `x` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel, so a candidate that skips an element fails; invoke
// hands it to the candidate without copying.
struct Input {
  std::vector<COOElement> A;
  std::vector<double> b;
  std::size_t N = 1;
  double scale = 10;  // magnitude of the true solution's entries
  mutable std::vector<double> x;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.x.assign(in.N, parevo::output_fill(kSentinel)); }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double sym(parevo::Rng& rng) { return 2.0 * rng.uniform() - 1.0; }

// b = A * x_true for a fresh random x_true.
inline void redraw_rhs(Input& in, parevo::Rng& rng) {
  std::vector<double> xt(in.N);
  for (double& v : xt) v = in.scale * sym(rng);
  in.b.assign(in.N, 0.0);
  for (const COOElement& e : in.A) in.b[e.row] += e.value * xt[e.column];
}

inline void shuffle(std::vector<COOElement>& a, parevo::Rng& rng) {
  for (std::size_t i = a.size(); i > 1; --i) std::swap(a[i - 1], a[rng.below(i)]);
}

// Gaussian elimination with partial pivoting on a dense copy: true when no pivot is tiny
// relative to the largest entry (the matrix is comfortably nonsingular). O(N^3); used for the
// small paper matrices only.
inline bool well_pivoted(const std::vector<COOElement>& A, std::size_t N) {
  std::vector<double> a(N * N, 0.0);
  double big = 0;
  for (const COOElement& e : A) { a[e.row * N + e.column] = e.value; big = std::max(big, std::abs(e.value)); }
  for (std::size_t k = 0; k < N; ++k) {
    std::size_t p = k;
    for (std::size_t i = k + 1; i < N; ++i)
      if (std::abs(a[i * N + k]) > std::abs(a[p * N + k])) p = i;
    if (!(std::abs(a[p * N + k]) > 1e-6 * big)) return false;
    if (p != k)
      for (std::size_t j = k; j < N; ++j) std::swap(a[p * N + j], a[k * N + j]);
    for (std::size_t i = k + 1; i < N; ++i) {
      const double f = a[i * N + k] / a[k * N + k];
      if (f != 0)
        for (std::size_t j = k; j < N; ++j) a[i * N + j] -= f * a[k * N + j];
    }
  }
  return true;
}

// A diagonally dominant matrix with ~`per_row` random off-diagonal entries per row, its rows
// moved to the positions of a random permutation.
inline std::vector<COOElement> permuted_dominant(std::size_t N, std::size_t per_row, parevo::Rng& rng) {
  const auto perm = parevo::random_permutation<std::size_t>(N, rng);
  std::vector<COOElement> A;
  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < N; ++i) {
    cols.clear();
    for (std::size_t t = 0; t < std::min(per_row, N - 1); ++t) {
      const std::size_t c = rng.below(N);
      if (c != i) cols.push_back(c);
    }
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    double off = 0;
    for (std::size_t c : cols) {
      const double v = sym(rng);
      off += std::abs(v);
      A.push_back({perm[i], c, v});
    }
    A.push_back({perm[i], i, (rng.below(2) ? 1.0 : -1.0) * (off + 1.0 + rng.uniform())});
  }
  return A;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "permuted_dominant", "tridiagonal", "arrow", "ill_conditioned", "dense", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.N = family == "paper" ? 128 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 3LL));
  const std::size_t N = in.N;
  if (family == "paper") {
    for (int attempt = 0;; ++attempt) {
      const std::size_t nnz = N * N / 10;
      std::vector<std::size_t> pos;
      while (pos.size() < nnz) {
        for (std::size_t t = pos.size(); t < nnz; ++t) pos.push_back(rng.below(N * N));
        std::sort(pos.begin(), pos.end());
        pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
      }
      in.A.clear();
      for (std::size_t p : pos) in.A.push_back({p / N, p % N, 10.0 * sym(rng)});
      if (well_pivoted(in.A, N)) break;
      if (attempt == 50) throw std::runtime_error("paper: no well-conditioned matrix in 50 draws");
    }
  } else if (family == "single") {
    in.A = {{0, 0, (rng.below(2) ? 1.0 : -1.0) * (1.0 + 9.0 * rng.uniform())}};
  } else if (family == "permuted_dominant" || family == "ill_conditioned") {
    in.A = permuted_dominant(N, 8, rng);
    if (family == "ill_conditioned") {
      std::vector<double> r(N), c(N);
      for (double& v : r) v = std::pow(10.0, 4.0 * rng.uniform() - 2.0);
      for (double& v : c) v = std::pow(10.0, 4.0 * rng.uniform() - 2.0);
      for (COOElement& e : in.A) e.value *= r[e.row] * c[e.column];
    }
    shuffle(in.A, rng);
  } else if (family == "tridiagonal") {
    for (std::size_t i = 0; i < N; ++i) {
      const double lo = i > 0 ? sym(rng) : 0.0, hi = i + 1 < N ? sym(rng) : 0.0;
      if (i > 0) in.A.push_back({i, i - 1, lo});
      if (i + 1 < N) in.A.push_back({i, i + 1, hi});
      in.A.push_back({i, i, (rng.below(2) ? 1.0 : -1.0) * (std::abs(lo) + std::abs(hi) + 0.5 + rng.uniform())});
    }
    shuffle(in.A, rng);
  } else if (family == "arrow") {
    const auto perm = parevo::random_permutation<std::size_t>(N, rng);
    double row0 = 0;
    for (std::size_t i = 1; i < N; ++i) {
      const double r = sym(rng), c = sym(rng);
      row0 += std::abs(r);
      in.A.push_back({perm[0], perm[i], r});
      in.A.push_back({perm[i], perm[0], c});
      in.A.push_back({perm[i], perm[i], (rng.below(2) ? 1.0 : -1.0) * (std::abs(c) + 1.0 + rng.uniform())});
    }
    in.A.push_back({perm[0], perm[0], row0 + 1.0 + rng.uniform()});
    shuffle(in.A, rng);
  } else {  // dense
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) in.A.push_back({i, j, sym(rng)});
    shuffle(in.A, rng);
  }
  redraw_rhs(in, rng);
  prepare(in);
  return in;
}

// A different instance: the same matrix with a new right-hand side, so a cached x is wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  redraw_rhs(in, rng);
  prepare(in);
}

inline std::string describe(const Input& in) {
  return "N=" + std::to_string(in.N) + " nnz=" + std::to_string(in.A.size());
}

inline Output invoke(const Input& in) {
  std::vector<double> x;
  if (in.x.size() == in.N) x = std::move(in.x);
  else x.assign(in.N, kSentinel);
  solveLinearSystem(in.A, in.b, x, in.N);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.size() != N)
    return "x has " + std::to_string(out.size()) + " elements after the call, expected N = " + std::to_string(N);
  double xmax = 0, bmax = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (!std::isfinite(out[i])) return "x[" + std::to_string(i) + "] is " + num(out[i]) + " (not finite)";
    xmax = std::max(xmax, std::abs(out[i]));
    bmax = std::max(bmax, std::abs(in.b[i]));
  }
  std::vector<double> r(in.b), rowabs(N, 0.0);
  for (const COOElement& e : in.A) {
    r[e.row] -= e.value * out[e.column];
    rowabs[e.row] += std::abs(e.value);
  }
  for (double& v : r) v = -v;  // r = A x - b
  const double anorm = *std::max_element(rowabs.begin(), rowabs.end());
  const double tol = 1e-10 * (anorm * xmax + bmax);
  std::size_t worst = 0, bad = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (std::abs(r[i]) > std::abs(r[worst])) worst = i;
    bad += !(std::abs(r[i]) <= tol);
  }
  if (!bad) return "";
  return "residual (A x - b)[" + std::to_string(worst) + "] = " + num(r[worst]) + " exceeds " + num(tol) +
         " (1e-10 * (||A|| ||x|| + ||b||)); " + std::to_string(bad) + " of " + std::to_string(N) + " rows too large";
}

}  // namespace task

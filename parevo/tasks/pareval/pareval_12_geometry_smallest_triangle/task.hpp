// Harness side of ParEval 12 (smallest triangle) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

struct Point {
	double x, y;
};

double smallestArea(std::vector<Point> const& points);

namespace task {

struct Input {
  std::vector<Point> points;
};
using Output = double;

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  const std::size_t s = static_cast<std::size_t>(std::max(size, 3LL));
  const std::size_t n = family == "paper" ? (s < 100 ? s : 1024) : family == "three" ? 3 : s;
  std::vector<Point> p(n);
  if (family == "paper" || family == "uniform" || family == "three") {  // ParEval: fillRand(x/y, -1000, 1000)
    for (auto& q : p) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
  } else if (family == "parabola") {  // (t, t^2) for increasing integers t with gaps of 1 or 2
    long long t = -static_cast<long long>(n);
    for (auto& q : p) { t += 1 + static_cast<long long>(rng.below(2)); q.x = static_cast<double>(t); q.y = static_cast<double>(t * t); }
  } else if (family == "clustered") {  // 95% in a disc of radius 1, the rest spread over [-1000, 1000]^2
    for (auto& q : p) {
      if (rng.below(20) == 0) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
      else { const double r = std::sqrt(rng.uniform()), a = unif(rng, 0, 6.283185307179586); q.x = r * std::cos(a); q.y = r * std::sin(a); }
    }
  } else if (family == "near_line") {  // y = 0.5 x + noise of 1e-3
    for (auto& q : p) { q.x = unif(rng, -1000, 1000); q.y = 0.5 * q.x + unif(rng, -1e-3, 1e-3); }
  } else if (family == "all_equal") {  // every triangle has area 0
    const Point c{static_cast<double>(rng.below(2001)) - 1000, static_cast<double>(rng.below(2001)) - 1000};
    for (auto& q : p) q = c;
  } else if (family == "collinear") {  // all on y = 2x + 3 (integers): every triangle has area exactly 0
    for (auto& q : p) { const double a = static_cast<double>(rng.below(2001)) - 1000; q.x = a; q.y = 2 * a + 3; }
  } else if (family == "duplicate") {  // uniform, and one point appears twice: the minimum is 0
    for (auto& q : p) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
    p[0] = p[1 + rng.below(n - 1)];
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
  return {p};
}

// A different instance: every point scaled about the origin by 0.5, 1.5, 2 or 3 (exact in
// double for the integer families), so every area scales by the square; then reshuffled.
inline void vary(Input& in, parevo::Rng& rng) {
  auto& p = in.points;
  static const double scales[] = {0.5, 1.5, 2.0, 3.0};
  const double s = scales[rng.below(4)];
  for (auto& q : p) { q.x *= s; q.y *= s; }
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.points.size()); }

inline Output invoke(const Input& in) { return smallestArea(in.points); }

inline double reference(const std::vector<Point>& p) {
  double best = std::numeric_limits<double>::infinity();
  const std::size_t n = p.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const double ux = p[j].x - p[i].x, uy = p[j].y - p[i].y;
      for (std::size_t k = j + 1; k < n; ++k)
        best = std::min(best, std::abs(ux * (p[k].y - p[i].y) - uy * (p[k].x - p[i].x)));
    }
  return 0.5 * best;
}

inline std::string validate(const Input& in, const Output& out) {
  const double expected = reference(in.points);
  double S = 0, x0 = in.points[0].x, x1 = x0, y0 = in.points[0].y, y1 = y0;
  for (const auto& q : in.points) {
    S = std::max({S, std::abs(q.x), std::abs(q.y)});
    x0 = std::min(x0, q.x); x1 = std::max(x1, q.x); y0 = std::min(y0, q.y); y1 = std::max(y1, q.y);
  }
  const double D = std::max(x1 - x0, y1 - y0);
  if (std::abs(out - expected) <= 1e-9 * expected + 1e-14 * S * D + 1e-300) return "";
  char buf[160];
  std::snprintf(buf, sizeof buf, "smallest area %.12g, expected %.12g", out, expected);
  return buf;
}

}  // namespace task

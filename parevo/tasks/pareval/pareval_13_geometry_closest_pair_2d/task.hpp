// Harness side of ParEval 13 (closest pair in 2D) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <utility>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

struct Point {
	double x, y;
};

double closestPair(std::vector<Point> const& points);

namespace task {

struct Input {
  std::vector<Point> points;
};
using Output = double;

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::flatten(family, in.points, rng);
    return in;
  }
  const std::size_t s = static_cast<std::size_t>(std::max(size, 4LL));
  const std::size_t n = family == "paper" ? 1024 : family == "two" ? 2 : s;
  std::vector<Point> p(n);
  if (family == "paper" || family == "uniform" || family == "two") {  // ParEval: fillRand(x/y, -1000, 1000)
    for (auto& q : p) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
  } else if (family == "clustered") {  // 99% in a disc of radius 1, 1% spread over [-1000, 1000]^2
    for (auto& q : p) {
      if (rng.below(100) == 0) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
      else { const double r = std::sqrt(rng.uniform()), a = unif(rng, 0, 6.283185307179586); q.x = r * std::cos(a); q.y = r * std::sin(a); }
    }
  } else if (family == "duplicates") {  // n/4 distinct random points, each about 4 times
    std::vector<Point> base(std::max<std::size_t>(n / 4, 1));
    for (auto& q : base) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
    for (auto& q : p) q = base[rng.below(base.size())];
  } else if (family == "grid") {  // the first n points of a W-wide integer grid
    const std::size_t W = static_cast<std::size_t>(std::sqrt(static_cast<double>(n))) + 1;
    for (std::size_t i = 0; i < n; ++i) { p[i].x = static_cast<double>(i % W); p[i].y = static_cast<double>(i / W); }
  } else if (family == "vertical_line") {
    const double x = unif(rng, -1000, 1000);
    for (auto& q : p) { q.x = x; q.y = unif(rng, -1e6, 1e6); }
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
  return {p};
}

// A different instance: every point scaled about the origin by 0.5, 1.5, 2 or 3 (exact for the
// grid), so the distance scales; then reshuffled.
inline void vary(Input& in, parevo::Rng& rng) {
  static const double scales[] = {0.5, 1.5, 2.0, 3.0};
  const double s = scales[rng.below(4)];
  for (auto& q : in.points) { q.x *= s; q.y *= s; }
  auto& p = in.points;
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.points.size()); }

inline Output invoke(const Input& in) { return closestPair(in.points); }

// Reference: a sweep in x with the points within the current best distance behind the sweep
// line kept in a set ordered by y (independent of the baseline's divide and conquer);
// O(n log n), exact squared distances.
inline double reference(std::vector<Point> p) {
  std::sort(p.begin(), p.end(), [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  double best = std::numeric_limits<double>::infinity();
  std::set<std::pair<double, std::size_t>> active;  // (y, index)
  std::size_t left = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double d = std::sqrt(best);
    while (left < i && p[i].x - p[left].x > d) { active.erase({p[left].y, left}); ++left; }
    for (auto it = active.lower_bound({p[i].y - d, 0}); it != active.end() && it->first <= p[i].y + d; ++it) {
      const Point& q = p[it->second];
      const double dx = p[i].x - q.x, dy = p[i].y - q.y;
      best = std::min(best, dx * dx + dy * dy);
    }
    active.insert({p[i].y, i});
  }
  return std::sqrt(best);
}

inline std::string validate(const Input& in, const Output& out) {
  const double expected = reference(in.points);
  if (std::abs(out - expected) <= 1e-12 * expected + 1e-300) return "";
  char buf[160];
  std::snprintf(buf, sizeof buf, "closest distance %.15g, expected %.15g", out, expected);
  return buf;
}

}  // namespace task

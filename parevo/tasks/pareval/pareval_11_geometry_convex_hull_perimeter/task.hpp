// Harness side of ParEval 11 (convex hull perimeter) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

struct Point {
	double x, y;
};

double convexHullPerimeter(std::vector<Point> const& points);

namespace task {

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

// Point sets; integer-valued coordinates where collinearity is the point, so every predicate on
// them is exact in double.
inline std::vector<Point> make_points(const std::string& family, long long size, parevo::Rng& rng) {
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : family == "two" ? 2 : static_cast<std::size_t>(std::max(size, 4LL));
  std::vector<Point> p(n);
  if (family == "paper" || family == "uniform" || family == "tiny" || family == "two") {  // ParEval: fillRand(x/y, -1000, 1000)
    for (auto& q : p) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
  } else if (family == "disk") {
    for (auto& q : p) {
      const double r = 1000 * std::sqrt(rng.uniform()), t = unif(rng, 0, 6.283185307179586);
      q.x = r * std::cos(t); q.y = r * std::sin(t);
    }
  } else if (family == "circle") {  // every point is a vertex; angles spread so no three are nearly collinear
    p.resize(std::min<std::size_t>(n, 20000));
    const std::size_t m = p.size();
    for (std::size_t i = 0; i < m; ++i) {
      const double t = 6.283185307179586 * (static_cast<double>(i) + 0.5 * rng.uniform()) / static_cast<double>(m);
      p[i].x = 1000 * std::cos(t); p[i].y = 1000 * std::sin(t);
    }
  } else if (family == "grid_edges") {  // integer points in [0, K]^2, a third of them on the square's edges
    const long long K = std::max<long long>(8, static_cast<long long>(std::sqrt(static_cast<double>(n))) * 4);
    for (std::size_t i = 0; i < n; ++i) {
      long long a = static_cast<long long>(rng.below(K + 1)), b = static_cast<long long>(rng.below(K + 1));
      if (i % 3 == 0) {
        switch (rng.below(4)) { case 0: a = 0; break; case 1: a = K; break; case 2: b = 0; break; default: b = K; }
      }
      p[i].x = static_cast<double>(a); p[i].y = static_cast<double>(b);
    }
  } else if (family == "duplicates") {  // 40 distinct integer points, each repeated many times
    std::vector<Point> base(40);
    for (auto& q : base) { q.x = static_cast<double>(rng.below(2001)) - 1000; q.y = static_cast<double>(rng.below(2001)) - 1000; }
    for (auto& q : p) q = base[rng.below(base.size())];
  } else if (family == "clustered") {  // 99% in a disc of radius 1, 1% spread over [-1000, 1000]^2
    for (auto& q : p) {
      if (rng.below(100) == 0) { q.x = unif(rng, -1000, 1000); q.y = unif(rng, -1000, 1000); }
      else {
        const double r = std::sqrt(rng.uniform()), t = unif(rng, 0, 6.283185307179586);
        q.x = r * std::cos(t); q.y = r * std::sin(t);
      }
    }
  } else if (family == "collinear") {  // all on y = 2x + 3 (integers): the hull is a segment
    for (auto& q : p) { const double a = static_cast<double>(rng.below(200001)) - 100000; q.x = a; q.y = 2 * a + 3; }
  } else if (family == "all_equal" || family == "equal_but_one") {  // equal_but_one: the hull is a segment
    const Point c{static_cast<double>(rng.below(2001)) - 1000, static_cast<double>(rng.below(2001)) - 1000};
    for (auto& q : p) q = c;
    if (family == "equal_but_one") p[0] = Point{c.x + 1 + static_cast<double>(rng.below(100)), c.y - static_cast<double>(rng.below(100))};
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
  return p;
}

// A different instance: translated by an integer offset, possibly mirrored, reshuffled (O(n)).
inline void vary_points(std::vector<Point>& p, parevo::Rng& rng) {
  const double dx = static_cast<double>(rng.below(2001)) - 1000, dy = static_cast<double>(rng.below(2001)) - 1000;
  const double sx = rng.below(2) ? 1.0 : -1.0;
  for (auto& q : p) { q.x = sx * q.x + dx; q.y += dy; }
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
}

inline bool less_xy(const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }
inline bool same(const Point& a, const Point& b) { return a.x == b.x && a.y == b.y; }
inline double cross(const Point& o, const Point& a, const Point& b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// The hull's corners in counter-clockwise order (Andrew's monotone chain; points on an edge are
// not corners). One distinct point: itself; all collinear: the two endpoints.
inline std::vector<Point> hull_vertices(std::vector<Point> p) {
  std::sort(p.begin(), p.end(), less_xy);
  p.erase(std::unique(p.begin(), p.end(), same), p.end());
  if (p.size() < 3) return p;
  std::vector<Point> h(2 * p.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  h.resize(k - 1);
  return h;
}

inline std::string fmt(const Point& q) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "{%.10g, %.10g}", q.x, q.y);
  return buf;
}

inline std::string describe_points(const std::vector<Point>& p) {
  return "n=" + std::to_string(p.size()) + " hull_vertices=" + std::to_string(hull_vertices(p).size());
}

struct Input {
  std::vector<Point> points;
};
using Output = double;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) { return {make_points(family, size, rng)}; }
inline void vary(Input& in, parevo::Rng& rng) { vary_points(in.points, rng); }
inline std::string describe(const Input& in) { return describe_points(in.points); }

inline Output invoke(const Input& in) { return convexHullPerimeter(in.points); }

inline std::string validate(const Input& in, const Output& out) {
  const auto h = hull_vertices(in.points);
  double expected = 0;
  if (h.size() >= 2)
    for (std::size_t i = 0; i < h.size(); ++i) expected += std::hypot(h[(i + 1) % h.size()].x - h[i].x, h[(i + 1) % h.size()].y - h[i].y);
  if (std::abs(out - expected) <= 1e-9 * expected + 1e-12) return "";
  char buf[160];
  std::snprintf(buf, sizeof buf, "perimeter %.12g, expected %.12g (hull of %zu corners)", out, expected, h.size());
  return buf;
}

}  // namespace task

// Candidate-visible: the 2D point type of the geometry tasks. Harness-side: irregular point-set
// generators (PBBS practice: in a square, in a disk, on a convex curve, Kuzmin, clusters...).
//
// Every generated coordinate is an integer in [0, 2^24), stored exactly in a double. So the
// orientation test (b - a) x (c - a) and squared distances computed in plain double arithmetic
// are exact (every product is below 2^49), and the validators decide with integers.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "random.hpp"

#include "parevo/point.hpp"

namespace parevo::points {

constexpr std::int64_t kCoordLimit = std::int64_t{1} << 24;  // coordinates lie in [0, kCoordLimit)

inline double coord(Rng& rng, std::int64_t lo, std::int64_t hi) {  // uniform integer in [lo, hi)
  return static_cast<double>(lo + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(hi - lo))));
}

inline bool in_range(double v) { return v >= 0 && v < static_cast<double>(kCoordLimit); }

// Fisher-Yates on the points: every point moves to a fresh index, nothing else changes.
inline void shuffle(std::vector<Point2>& p, Rng& rng) {
  for (std::size_t i = p.size(); i > 1; --i) std::swap(p[i - 1], p[rng.below(i)]);
}

// Uniform in the whole square.
inline std::vector<Point2> uniform(std::int64_t n, Rng& rng) {
  std::vector<Point2> p(static_cast<std::size_t>(n));
  for (auto& q : p) q = {coord(rng, 0, kCoordLimit), coord(rng, 0, kCoordLimit)};
  return p;
}

// Uniform in the inscribed disk (by rejection).
inline std::vector<Point2> disk(std::int64_t n, Rng& rng) {
  const std::int64_t r = kCoordLimit / 2 - 1, c = kCoordLimit / 2;
  std::vector<Point2> p;
  p.reserve(static_cast<std::size_t>(n));
  while (static_cast<std::int64_t>(p.size()) < n) {
    const std::int64_t dx = static_cast<std::int64_t>(rng.below(2 * r + 1)) - r;
    const std::int64_t dy = static_cast<std::int64_t>(rng.below(2 * r + 1)) - r;
    if (dx * dx + dy * dy <= r * r) p.push_back({static_cast<double>(c + dx), static_cast<double>(c + dy)});
  }
  return p;
}

// Points in strictly convex position: every point is a vertex of the hull, the worst case for
// hull algorithms that discard interior points early. The vertices of the convex lattice
// polygon whose edges are all primitive vectors (a, b) with |a| + |b| <= k, in angular order,
// with the smallest k that gives at least n vertices; n of them are drawn at random (any subset
// of a strictly convex polygon's vertices is still strictly convex). Within [0, 2^24) that
// polygon has at most about 200000 vertices: beyond that, the extra points repeat vertices.
inline std::vector<Point2> convex_position(std::int64_t n, Rng& rng) {
  std::vector<Point2> p;
  if (n <= 0) return p;
  auto half = [](std::int64_t a, std::int64_t b) { return b > 0 || (b == 0 && a > 0) ? 0 : 1; };
  auto by_angle = [&](const std::pair<std::int64_t, std::int64_t>& u, const std::pair<std::int64_t, std::int64_t>& v) {
    const int hu = half(u.first, u.second), hv = half(v.first, v.second);
    if (hu != hv) return hu < hv;
    return u.first * v.second - u.second * v.first > 0;
  };
  std::vector<std::pair<std::int64_t, std::int64_t>> dirs;
  std::vector<std::int64_t> vx, vy;
  auto build = [&](std::int64_t k) {  // the polygon for k; returns its larger side
    dirs.clear();
    for (std::int64_t a = -k; a <= k; ++a)
      for (std::int64_t b = -(k - std::abs(a)); b <= k - std::abs(a); ++b)
        if ((a != 0 || b != 0) && std::gcd(a, b) == 1) dirs.emplace_back(a, b);
    std::sort(dirs.begin(), dirs.end(), by_angle);
    vx.assign(1, 0);
    vy.assign(1, 0);
    for (std::size_t i = 0; i + 1 < dirs.size(); ++i) {
      vx.push_back(vx.back() + dirs[i].first);
      vy.push_back(vy.back() + dirs[i].second);
    }
    return std::max(*std::max_element(vx.begin(), vx.end()) - *std::min_element(vx.begin(), vx.end()),
                    *std::max_element(vy.begin(), vy.end()) - *std::min_element(vy.begin(), vy.end()));
  };
  // About 1.2 k^2 vertices; start near the k that gives n and adjust.
  std::int64_t k = std::max<std::int64_t>(2, static_cast<std::int64_t>(std::sqrt(static_cast<double>(n) / 1.2)));
  k = std::min<std::int64_t>(k, 440);
  while (build(k) >= kCoordLimit) k -= 4;
  while (static_cast<std::int64_t>(vx.size()) < n) {
    const std::size_t had = vx.size();
    if (build(k + 1) >= kCoordLimit) { build(k); break; }
    ++k;
    if (vx.size() <= had) break;
  }
  const std::int64_t mx = *std::min_element(vx.begin(), vx.end()), my = *std::min_element(vy.begin(), vy.end());
  const std::int64_t w = *std::max_element(vx.begin(), vx.end()) - mx, h = *std::max_element(vy.begin(), vy.end()) - my;
  const std::int64_t ox = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(kCoordLimit - w)));
  const std::int64_t oy = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(kCoordLimit - h)));
  // A random subset of min(n, m) vertices, then repeats of random vertices if n > m.
  std::vector<std::int64_t> order(vx.size());
  std::iota(order.begin(), order.end(), 0);
  const std::size_t take = std::min<std::size_t>(order.size(), static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < take; ++i) std::swap(order[i], order[i + rng.below(order.size() - i)]);
  p.reserve(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < take; ++i)
    p.push_back({static_cast<double>(vx[order[i]] - mx + ox), static_cast<double>(vy[order[i]] - my + oy)});
  while (static_cast<std::int64_t>(p.size()) < n) p.push_back(p[rng.below(take)]);
  shuffle(p, rng);
  return p;
}

// Kuzmin's disk (PBBS's 2Dkuzmin): radius r = sqrt(1/(1-u)^2 - 1) in a uniform direction, so
// the density falls off like r^-3 - a dense core around the centre and a sparse halo spanning
// the whole square (the rare points beyond the square are redrawn).
inline std::vector<Point2> kuzmin(std::int64_t n, Rng& rng) {
  const double c = static_cast<double>(kCoordLimit / 2), scale = c / 2000.0;
  std::vector<Point2> p;
  p.reserve(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
  while (static_cast<std::int64_t>(p.size()) < n) {
    const double u = rng.uniform(), t = 2 * M_PI * rng.uniform();
    const double r = std::sqrt(1.0 / ((1.0 - u) * (1.0 - u)) - 1.0) * scale;
    const double x = std::floor(c + r * std::cos(t)), y = std::floor(c + r * std::sin(t));
    if (in_range(x) && in_range(y)) p.push_back({x, y});
  }
  return p;
}

// Gaussian clusters of very different sizes and spreads: about n/2000 centres, each point picks
// one with a cubic skew (the first few clusters get most of the points), spreads log-uniform
// from 4 to 2^18 units.
inline std::vector<Point2> clusters(std::int64_t n, Rng& rng) {
  const std::int64_t k = std::max<std::int64_t>(1, n / 2000);
  std::vector<Point2> centre(static_cast<std::size_t>(k));
  std::vector<double> spread(static_cast<std::size_t>(k));
  for (std::int64_t i = 0; i < k; ++i) {
    centre[i] = {coord(rng, 0, kCoordLimit), coord(rng, 0, kCoordLimit)};
    spread[i] = 4.0 * std::pow(2.0, 16.0 * rng.uniform());
  }
  std::vector<Point2> p;
  p.reserve(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
  while (static_cast<std::int64_t>(p.size()) < n) {
    const double u = rng.uniform();
    const auto i = std::min<std::int64_t>(k - 1, static_cast<std::int64_t>(k * u * u * u));
    const double r = std::sqrt(-2.0 * std::log(1.0 - rng.uniform())), t = 2 * M_PI * rng.uniform();
    const double x = std::floor(centre[i].x + spread[i] * r * std::cos(t));
    const double y = std::floor(centre[i].y + spread[i] * r * std::sin(t));
    if (in_range(x) && in_range(y)) p.push_back({x, y});
  }
  return p;
}

// Heavy duplicates: about sqrt(n) distinct sites, each point a copy of one of them with a
// quadratic skew (some sites get thousands of copies, some a single one).
inline std::vector<Point2> duplicates(std::int64_t n, Rng& rng) {
  const auto k = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::sqrt(static_cast<double>(std::max<std::int64_t>(n, 0)))));
  std::vector<Point2> site = uniform(k, rng), p(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
  for (auto& q : p) {
    const double u = rng.uniform();
    q = site[std::min<std::int64_t>(k - 1, static_cast<std::int64_t>(k * u * u))];
  }
  return p;
}

// All points on one line with a small random integer direction: exactly collinear, random
// integer steps along it (some repeated when n is large).
inline std::vector<Point2> line(std::int64_t n, Rng& rng) {
  std::int64_t dx = 0, dy = 0;
  while (std::gcd(dx, dy) != 1) {
    dx = static_cast<std::int64_t>(rng.below(33)) - 16;
    dy = static_cast<std::int64_t>(rng.below(33)) - 16;
  }
  const std::int64_t steps = (kCoordLimit - 1) / std::max<std::int64_t>({std::abs(dx), std::abs(dy), 1});
  const std::int64_t x0 = dx < 0 ? kCoordLimit - 1 : 0, y0 = dy < 0 ? kCoordLimit - 1 : 0;
  std::vector<Point2> p(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
  for (auto& q : p) {
    const auto t = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(steps)));
    q = {static_cast<double>(x0 + t * dx), static_cast<double>(y0 + t * dy)};
  }
  return p;
}

// A full side x side lattice (side = floor(sqrt(n))) with a random spacing, in random order; the
// n - side^2 extra points repeat random lattice points. Many collinear points on every hull edge,
// and every nearest-neighbour distance is tied four ways.
inline std::vector<Point2> grid(std::int64_t n, Rng& rng) {
  const auto side = static_cast<std::int64_t>(std::sqrt(static_cast<double>(std::max<std::int64_t>(n, 0))));
  std::vector<Point2> p;
  p.reserve(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
  if (side == 0) return p;
  const std::int64_t max_gap = std::max<std::int64_t>(1, (kCoordLimit - 1) / side);
  const std::int64_t gap = 1 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(max_gap)));
  for (std::int64_t i = 0; i < side; ++i)
    for (std::int64_t j = 0; j < side; ++j) p.push_back({static_cast<double>(i * gap), static_cast<double>(j * gap)});
  while (static_cast<std::int64_t>(p.size()) < n) p.push_back(p[rng.below(static_cast<std::uint64_t>(side * side))]);
  shuffle(p, rng);
  return p;
}

// 2 to 7 points on a 3 x 3 lattice: duplicates, collinear triples and tiny hulls in abundance.
inline std::vector<Point2> tiny(Rng& rng) {
  std::vector<Point2> p(2 + rng.below(6));
  for (auto& q : p) q = {1000.0 * static_cast<double>(rng.below(3)), 1000.0 * static_cast<double>(rng.below(3))};
  return p;
}

// Every point at one location: a hull is that one point, every nearest neighbour at distance 0.
inline std::vector<Point2> all_equal(std::int64_t n, Rng& rng) {
  const Point2 q{coord(rng, 0, kCoordLimit), coord(rng, 0, kCoordLimit)};
  return std::vector<Point2>(static_cast<std::size_t>(std::max<std::int64_t>(n, 1)), q);
}

// All points at one location but one, placed in the last 1% of the indices: a 64-point or
// strided sample sees "all equal", the hull is a segment, and only that point's neighbour is far.
inline std::vector<Point2> equal_but_one(std::int64_t n, Rng& rng) {
  std::vector<Point2> p = all_equal(std::max<std::int64_t>(n, 2), rng);
  const std::size_t m = p.size(), odd = m - 1 - rng.below(std::max<std::size_t>(1, m / 100));
  p[odd] = {coord(rng, 0, kCoordLimit), coord(rng, 0, kCoordLimit)};
  if (p[odd].x == p[0].x && p[odd].y == p[0].y) p[odd].x = p[0].x == 0 ? 1 : p[0].x - 1;
  return p;
}

// Points on one vertical or one horizontal line (equal x, or equal y, for all of them), half of
// them at one of the two extreme points: collinear, with ties in the coordinate a sort uses.
inline std::vector<Point2> axis_lines(std::int64_t n, Rng& rng) {
  const bool vertical = rng.below(2) == 0;
  const double fixed = coord(rng, 0, kCoordLimit), lo = coord(rng, 0, 1000), hi = coord(rng, kCoordLimit - 1000, kCoordLimit);
  std::vector<Point2> p(static_cast<std::size_t>(std::max<std::int64_t>(n, 1)));
  for (auto& q : p) {
    const std::uint64_t r = rng.below(4);
    const double t = r == 0 ? lo : r == 1 ? hi : coord(rng, 0, kCoordLimit);
    q = vertical ? Point2{fixed, t} : Point2{t, fixed};
  }
  return p;
}

// The family dispatch for point tasks; unknown names are a harness error, not a candidate
// failure, so they throw std::invalid_argument. "tiny" and "single" ignore n.
inline std::vector<Point2> by_family(const std::string& family, std::int64_t n, Rng& rng) {
  if (family == "uniform") return uniform(n, rng);
  if (family == "disk") return disk(n, rng);
  if (family == "convex_position") return convex_position(n, rng);
  if (family == "kuzmin") return kuzmin(n, rng);
  if (family == "clusters") return clusters(n, rng);
  if (family == "duplicates") return duplicates(n, rng);
  if (family == "line") return line(n, rng);
  if (family == "grid") return grid(n, rng);
  if (family == "tiny") return tiny(rng);
  if (family == "single") return uniform(1, rng);
  if (family == "all_equal") return all_equal(n, rng);
  if (family == "two") return uniform(2, rng);
  if (family == "empty") return {};
  if (family == "equal_but_one") return equal_but_one(n, rng);
  if (family == "axis_lines") return axis_lines(n, rng);
  throw std::invalid_argument("unknown point-set family '" + family + "'");
}

}  // namespace parevo::points

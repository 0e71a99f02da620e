// Harness side of the convex_hull task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "parevo/points.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<Point2> pts;
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.pts = parevo::points::by_family(family, n, rng);
  return in;
}

// Another instance for the next repetition: the same points in a fresh random order. Every
// hull vertex moves to a new index, so indices cached from an earlier call are wrong.
inline void vary(Input& in, parevo::Rng& rng) { parevo::points::shuffle(in.pts, rng); }

// Coordinates are integers below 2^24 (see points.hpp), so the validator works in int64.
struct IPoint {
  std::int64_t x, y;
  bool operator==(const IPoint& o) const { return x == o.x && y == o.y; }
  bool operator<(const IPoint& o) const { return x < o.x || (x == o.x && y < o.y); }
};

inline IPoint ip(const Point2& p) { return {static_cast<std::int64_t>(p.x), static_cast<std::int64_t>(p.y)}; }

// (b - a) x (c - a): > 0 for a left (counter-clockwise) turn.
inline std::int64_t cross(const IPoint& a, const IPoint& b, const IPoint& c) {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// The exact hull: indices of one point per hull vertex, counter-clockwise from the smallest
// (x, y), without points in the middle of edges. Points strictly inside the polygon of the
// extremes in 8 directions are dropped first (Akl-Toussaint), then Andrew's monotone chain.
inline std::vector<std::int32_t> exact_hull(const std::vector<Point2>& pts) {
  const auto n = static_cast<std::int64_t>(pts.size());
  std::vector<std::int32_t> hull;
  if (n == 0) return hull;
  static constexpr std::array<std::array<std::int64_t, 2>, 8> dir{
      {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}}};
  std::array<std::int64_t, 8> best_val;
  std::array<std::int32_t, 8> best_idx{};
  best_val.fill(INT64_MIN);
  for (std::int64_t i = 0; i < n; ++i) {
    const IPoint p = ip(pts[i]);
    for (int d = 0; d < 8; ++d) {
      const std::int64_t v = dir[d][0] * p.x + dir[d][1] * p.y;
      if (v > best_val[d]) { best_val[d] = v; best_idx[d] = static_cast<std::int32_t>(i); }
    }
  }
  std::vector<IPoint> poly;
  for (int d = 0; d < 8; ++d) {
    const IPoint p = ip(pts[best_idx[d]]);
    if (poly.empty() || !(poly.back() == p)) poly.push_back(p);
  }
  while (poly.size() > 1 && poly.back() == poly.front()) poly.pop_back();
  std::vector<std::int32_t> keep;
  keep.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    const IPoint p = ip(pts[i]);
    bool inside = poly.size() >= 3;
    for (std::size_t e = 0; inside && e < poly.size(); ++e)
      inside = cross(poly[e], poly[(e + 1) % poly.size()], p) > 0;
    if (!inside) keep.push_back(static_cast<std::int32_t>(i));
  }
  std::sort(keep.begin(), keep.end(), [&](std::int32_t a, std::int32_t b) { return ip(pts[a]) < ip(pts[b]); });
  keep.erase(std::unique(keep.begin(), keep.end(), [&](std::int32_t a, std::int32_t b) { return ip(pts[a]) == ip(pts[b]); }),
             keep.end());
  if (keep.size() <= 2) return keep;
  auto turns_left = [&](std::int32_t c) {
    return cross(ip(pts[hull[hull.size() - 2]]), ip(pts[hull.back()]), ip(pts[c])) > 0;
  };
  for (std::int32_t i : keep) {  // lower chain, left to right
    while (hull.size() >= 2 && !turns_left(i)) hull.pop_back();
    hull.push_back(i);
  }
  const std::size_t lower = hull.size();
  for (std::size_t k = keep.size() - 1; k-- > 0;) {  // upper chain, right to left
    while (hull.size() > lower && !turns_left(keep[k])) hull.pop_back();
    hull.push_back(keep[k]);
  }
  hull.pop_back();  // the upper chain ends where the lower one began
  return hull;
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.pts.size()) + " hull_vertices=" + std::to_string(exact_hull(in.pts).size());
}

inline Output invoke(const Input& in) { return convex_hull(in.pts); }

inline std::string show(const IPoint& p) { return "(" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")"; }

// The hull's vertices (as locations) and their counter-clockwise cyclic order are unique, so
// the validator computes them exactly and checks the answer against them: each entry must be
// a hull vertex, no vertex may appear twice or be missing, and each entry must be followed by
// the next vertex counter-clockwise. Which of several equal points names a vertex is free.
inline std::string validate(const Input& in, const Output& out) {
  const auto n = static_cast<std::int64_t>(in.pts.size());
  const std::vector<std::int32_t> hull = exact_hull(in.pts);
  const auto h = static_cast<std::int64_t>(hull.size());
  auto key = [](const IPoint& p) { return (p.x << 24) | p.y; };
  std::unordered_map<std::int64_t, std::int64_t> position;  // location -> place on the hull
  position.reserve(static_cast<std::size_t>(h) * 2);
  for (std::int64_t k = 0; k < h; ++k) position.emplace(key(ip(in.pts[hull[k]])), k);

  std::vector<std::int64_t> at(out.size(), -1), given_at(static_cast<std::size_t>(h), -1);
  std::int64_t wrong = 0;
  std::string first_problem;
  auto note = [&](std::string problem) {
    if (wrong++ == 0) first_problem = std::move(problem);
  };
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::int32_t i = out[k];
    const std::string entry = "entry " + std::to_string(k) + ": index " + std::to_string(i);
    if (i < 0 || i >= n) { note(entry + " is out of range (" + std::to_string(n) + " points)"); continue; }
    const IPoint p = ip(in.pts[i]);
    auto it = position.find(key(p));
    if (it == position.end()) {
      note(entry + " at " + show(p) + " is not a hull vertex (inside the hull or in the middle of a hull edge)");
      continue;
    }
    if (given_at[it->second] >= 0) {
      note(entry + " at " + show(p) + " repeats the hull vertex already given at entry " +
           std::to_string(given_at[it->second]));
      continue;
    }
    given_at[it->second] = static_cast<std::int64_t>(k);
    at[k] = it->second;
  }
  for (std::int64_t v = 0; v < h; ++v)
    if (given_at[v] < 0)
      note("hull vertex " + show(ip(in.pts[hull[v]])) + " (index " + std::to_string(hull[v]) + ") is missing");
  if (wrong == 0) {
    for (std::size_t k = 0; k + 1 < out.size(); ++k)
      if (at[k + 1] != (at[k] + 1) % h)
        note("entries " + std::to_string(k) + " and " + std::to_string(k + 1) + ": " + show(ip(in.pts[out[k]])) +
             " is followed by " + show(ip(in.pts[out[k + 1]])) + ", expected the next vertex counter-clockwise " +
             show(ip(in.pts[hull[(at[k] + 1) % h]])));
  }
  if (wrong == 0) return "";
  return first_problem + " (" + std::to_string(wrong) + " problems; the hull has " + std::to_string(h) +
         " vertices, returned " + std::to_string(out.size()) + " entries)";
}

}  // namespace task

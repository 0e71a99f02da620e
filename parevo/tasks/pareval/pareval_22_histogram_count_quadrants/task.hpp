// Harness side of ParEval 22 (points per quadrant) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

// The prompt's struct, identical to the definition the candidate's source carries.
struct Point {
   double x, y;
};

void countQuadrants(std::vector<Point> const& points, std::array<size_t, 4> &bins);

namespace task {

struct Input {
  std::vector<Point> points;
};
using Output = std::array<size_t, 4>;

inline std::size_t quadrant(const Point& p) {
  if (p.y > 0) return p.x > 0 ? 0 : 1;
  return p.x < 0 ? 2 : 3;
}

// Quadrant q's signs applied to magnitudes a, b > 0.
inline Point place(std::size_t q, double a, double b) {
  return {(q == 0 || q == 3) ? a : -a, (q == 0 || q == 1) ? b : -b};
}

inline double nonzero_uniform(parevo::Rng& rng, double scale) {  // in (0, scale]
  return scale * (1.0 - rng.uniform());
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal") {  // edge shapes of a wide input (parevo/edge.hpp)
    Input in = generate("wide", size, rng);
    parevo::edge::flatten(family, in.points, rng);
    return in;
  }
  if (family == "two") return generate("wide", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 1LL));
  in.points.resize(n);
  const std::size_t hot = rng.below(4);
  for (auto& p : in.points) {
    if (family == "paper") {  // ParEval's generator: x, y uniform in [-1, 1] (zero redrawn)
      do p = {2.0 * rng.uniform() - 1.0, 2.0 * rng.uniform() - 1.0};
      while (p.x == 0.0 || p.y == 0.0);
    } else if (family == "wide" || family == "single") {
      p = place(rng.below(4), nonzero_uniform(rng, 1e6), nonzero_uniform(rng, 1e6));
    } else if (family == "integers") {
      p = place(rng.below(4), 1.0 + static_cast<double>(rng.below(10)), 1.0 + static_cast<double>(rng.below(10)));
    } else if (family == "skewed") {  // 90% in one random quadrant
      p = place(rng.below(10) ? hot : rng.below(4), nonzero_uniform(rng, 100.0), nonzero_uniform(rng, 100.0));
    } else if (family == "one_quadrant") {
      p = place(2, nonzero_uniform(rng, 1.0), nonzero_uniform(rng, 1.0));
    } else if (family == "near_axes") {  // one coordinate tiny: 1e-300, a subnormal, or 1e-1..1e-15
      const double tiny = rng.below(4) == 0 ? 4.9e-324 * static_cast<double>(1 + rng.below(1000))
                          : rng.below(3) == 0 ? 1e-300 : std::pow(10.0, -1.0 - static_cast<double>(rng.below(15)));
      const double big = nonzero_uniform(rng, 10.0);
      p = rng.below(2) ? place(rng.below(4), tiny, big) : place(rng.below(4), big, tiny);
    } else {
      throw std::invalid_argument("unknown family '" + family + "'");
    }
  }
  return in;
}

// The next repetition: one random point is mirrored into a different quadrant.
inline void vary(Input& in, parevo::Rng& rng) {
  Point& p = in.points[rng.below(in.points.size())];
  switch (rng.below(3)) {
    case 0: p.x = -p.x; break;
    case 1: p.y = -p.y; break;
    default: p.x = -p.x; p.y = -p.y; break;
  }
}

inline Output reference(const Input& in) {
  Output b{};
  for (const Point& p : in.points) ++b[quadrant(p)];
  return b;
}

inline std::string describe(const Input& in) {
  const auto b = reference(in);
  return "points=" + std::to_string(in.points.size()) + " per_quadrant=" + std::to_string(b[0]) + "," +
         std::to_string(b[1]) + "," + std::to_string(b[2]) + "," + std::to_string(b[3]);
}

inline Output invoke(const Input& in) {
  Output bins{};  // zero-filled, as ParEval's harness passes it
  countQuadrants(in.points, bins);
  return bins;
}

inline std::string validate(const Input& in, const Output& out) {
  const auto expected = reference(in);
  std::size_t wrong = 0, first = 0;
  for (std::size_t k = 0; k < expected.size(); ++k)
    if (out[k] != expected[k] && wrong++ == 0) first = k;
  if (!wrong) return "";
  return "bins[" + std::to_string(first) + "]: expected " + std::to_string(expected[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of 4 bins wrong)";
}

}  // namespace task

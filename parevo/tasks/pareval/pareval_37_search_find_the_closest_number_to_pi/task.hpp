// Harness side of ParEval 37 (closest to pi) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> x;
};
using Output = std::size_t;

inline std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double dist(double v) { return std::fabs(v - M_PI); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "sorted" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 2LL));
  Input in;
  in.x.resize(n);
  auto uni = [&](double lo, double hi) { return lo + rng.uniform() * (hi - lo); };
  if (family == "paper") {
    for (auto& v : in.x) v = uni(100.0, 1000.0);
    in.x[rng.below(n)] = 10.0;
  } else if (family == "uniform" || family == "tiny") {
    for (auto& v : in.x) v = uni(-10000.0, 10000.0);
  } else if (family == "ties") {  // 3 + k/4 for eight k: the closest value, 3.25, fills ~n/8 indices
    static const double offs[] = {-1.0, -0.75, -0.5, -0.25, 0.25, 0.5, 0.75, 1.0};
    for (auto& v : in.x) v = 3.0 + offs[rng.below(8)];
  } else if (family == "below") {
    for (auto& v : in.x) v = uni(-1e6, 3.0);
  } else if (family == "exact") {
    for (auto& v : in.x) v = uni(-100.0, 100.0);
    in.x[rng.below(n)] = M_PI;
  } else if (family == "last") {  // everything at distance >= 1, the last element within 0.5
    for (auto& v : in.x) v = rng.below(2) ? uni(M_PI + 1.0, 1e4) : uni(-1e4, M_PI - 1.0);
    in.x[n - 1] = M_PI + uni(-0.5, 0.5);
  } else if (family == "huge") {
    for (auto& v : in.x) v = (rng.below(2) ? 1.0 : -1.0) * std::pow(10.0, uni(0.0, 300.0));
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a value strictly closer than the current best lands at a random index;
// when pi itself is present, its copies move away instead.
inline void vary(Input& in, parevo::Rng& rng) {
  double best = dist(in.x[0]);
  for (double v : in.x) best = std::min(best, dist(v));
  if (best > 1e-9) {
    in.x[rng.below(in.x.size())] = M_PI + (rng.below(2) ? 0.5 : -0.5) * best;
  } else {
    for (auto& v : in.x)
      if (dist(v) == best) v = M_PI + 1.0 + rng.uniform();
  }
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

inline Output invoke(const Input& in) { return findClosestToPi(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (dist(in.x[i]) < dist(in.x[best])) best = i;
  if (out >= n) return "returned index " + std::to_string(out) + " for a vector of " + std::to_string(n) + " elements";
  if (dist(in.x[out]) == dist(in.x[best])) return "";
  return "returned index " + std::to_string(out) + " (x = " + fmt(in.x[out]) + "), but x[" + std::to_string(best) +
         "] = " + fmt(in.x[best]) + " is closer to pi";
}

}  // namespace task

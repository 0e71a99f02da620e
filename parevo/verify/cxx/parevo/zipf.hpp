// Harness-side: Zipf-distributed ranks, shared by the skewed-key and skewed-text generators.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "random.hpp"

namespace parevo {

// Zipf ranks 1..m with P(k) proportional to k^-s, by rejection-inversion (Hörmann and
// Derflinger 1996, as in Apache Commons RNG): a few logs and exps per draw, no table, so a
// universe of millions of ranks costs nothing to set up.
class Zipf {
 public:
  Zipf(std::uint64_t m, double s) : m_(std::max<std::uint64_t>(m, 1)), s_(s) {
    h_x1_ = h_integral(1.5) - 1.0;
    h_m_ = h_integral(static_cast<double>(m_) + 0.5);
    shortcut_ = 2.0 - h_integral_inverse(h_integral(2.5) - h(2.0));
  }
  std::uint64_t operator()(Rng& rng) const {
    for (;;) {
      const double u = h_m_ + rng.uniform() * (h_x1_ - h_m_);
      const double x = h_integral_inverse(u);
      double k = std::floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > static_cast<double>(m_)) k = static_cast<double>(m_);
      if (k - x <= shortcut_ || u >= h_integral(k + 0.5) - h(k)) return static_cast<std::uint64_t>(k);
    }
  }

 private:
  static double log1p_over(double x) { return std::fabs(x) > 1e-8 ? std::log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x)); }
  static double expm1_over(double x) { return std::fabs(x) > 1e-8 ? std::expm1(x) / x : 1 + x * 0.5 * (1 + x / 3 * (1 + 0.25 * x)); }
  double h(double x) const { return std::exp(-s_ * std::log(x)); }
  double h_integral(double x) const {
    const double lx = std::log(x);
    return expm1_over((1 - s_) * lx) * lx;
  }
  double h_integral_inverse(double x) const {
    double t = x * (1 - s_);
    if (t < -1) t = -1;
    return std::exp(log1p_over(t) * x);
  }
  std::uint64_t m_;
  double s_, h_x1_ = 0, h_m_ = 0, shortcut_ = 0;
};

}  // namespace parevo

// Sequential baseline: one streaming loop.
#include <cstddef>
#include <vector>

void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z) {
  const size_t n = x.size();
  z.resize(n);
  const double* xp = x.data();
  const double* yp = y.data();
  double* zp = z.data();
  for (size_t i = 0; i < n; ++i) zp[i] = alpha * xp[i] + yp[i];
}

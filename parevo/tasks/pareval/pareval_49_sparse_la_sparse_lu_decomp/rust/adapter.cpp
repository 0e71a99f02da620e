// ParEval 49's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct COOElement {
   size_t row, column;
   double value;
};

void luFactorize(std::vector<COOElement> const& A, std::vector<double> &L, std::vector<double> &U, size_t N) {
  using namespace parevo_rust;
  std::vector<double> both;
  call({slice(A), scalar(N)}, both);
  const auto nn = static_cast<std::ptrdiff_t>(N * N);
  L.assign(both.begin(), both.begin() + nn);
  U.assign(both.begin() + nn, both.end());
}

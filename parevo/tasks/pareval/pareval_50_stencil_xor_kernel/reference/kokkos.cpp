// Kokkos reference for ParEval 50: one cell per iteration of a 2D MDRangePolicy.
#include <Kokkos_Core.hpp>

void cellsXOR(Kokkos::View<const int**> &input, Kokkos::View<int**> &output, size_t N) {
  const long n = static_cast<long>(N);
  Kokkos::parallel_for("xor", Kokkos::MDRangePolicy<Kokkos::Rank<2>>({0, 0}, {n, n}), KOKKOS_LAMBDA(const long i, const long j) {
    int ones = -(input(i, j) == 1);  // the 8 surrounding cells, as the prompt's example counts them
    for (long r = i > 0 ? i - 1 : 0; r <= (i + 1 < n ? i + 1 : n - 1); ++r)
      for (long c = j > 0 ? j - 1 : 0; c <= (j + 1 < n ? j + 1 : n - 1); ++c) ones += input(r, c) == 1;
    output(i, j) = ones == 1 ? 1 : 0;
  });
  Kokkos::fence();
}

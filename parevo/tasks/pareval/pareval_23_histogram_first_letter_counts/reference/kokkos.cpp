// Kokkos reference for ParEval 23: each thread counts the first letters of its slice of rows into
// its own 26 bins (row i of the View is string i); the per-thread bins are then summed.
#include <Kokkos_Core.hpp>

void firstLetterCounts(Kokkos::View<const char**> const& s, Kokkos::View<size_t[26]> &bins) {
  const size_t n = s.extent(0);
  const int threads = Kokkos::DefaultExecutionSpace().concurrency();
  Kokkos::View<size_t**> local("local", threads, 26);
  Kokkos::parallel_for("count", Kokkos::RangePolicy<>(0, threads), KOKKOS_LAMBDA(const int t) {
    const size_t lo = n * t / threads, hi = n * (t + 1) / threads;
    for (size_t i = lo; i < hi; ++i) local(t, s(i, 0) - 'a')++;
  });
  Kokkos::parallel_for("sum", Kokkos::RangePolicy<>(0, 26), KOKKOS_LAMBDA(const int b) {
    size_t c = 0;
    for (int t = 0; t < threads; ++t) c += local(t, b);
    bins(b) += c;
  });
  Kokkos::fence();
}

// Kokkos reference for ParEval 20: each thread counts into its own 256 bins (a ScatterView would
// do the same); the per-thread bins are then summed in parallel over the bins.
#include <Kokkos_Core.hpp>

void pixelCounts(Kokkos::View<const int*> const& image, Kokkos::View<size_t[256]> &bins) {
  const size_t n = image.extent(0);
  const int threads = Kokkos::DefaultExecutionSpace().concurrency();
  Kokkos::View<size_t**> local("local", threads, 256);
  Kokkos::parallel_for("count", Kokkos::RangePolicy<>(0, threads), KOKKOS_LAMBDA(const int t) {
    const size_t lo = n * t / threads, hi = n * (t + 1) / threads;
    for (size_t i = lo; i < hi; ++i) local(t, image(i))++;
  });
  Kokkos::parallel_for("sum", Kokkos::RangePolicy<>(0, 256), KOKKOS_LAMBDA(const int b) {
    size_t s = 0;
    for (int t = 0; t < threads; ++t) s += local(t, b);
    bins(b) += s;
  });
  Kokkos::fence();
}

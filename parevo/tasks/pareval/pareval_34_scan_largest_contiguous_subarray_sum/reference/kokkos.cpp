// Kokkos reference for ParEval 34: each thread summarises its contiguous slice (total, best
// prefix, best suffix, best subarray: Kadane's segment summary), and the summaries are combined
// in slice order, which keeps the combination exact (it is associative, not commutative).
#include <Kokkos_Core.hpp>
#include <algorithm>

int maximumSubarray(Kokkos::View<int*> const& x) {
  const long n = static_cast<long>(x.extent(0));
  const int threads = Kokkos::DefaultExecutionSpace().concurrency();
  Kokkos::View<long long*[5]> seg("seg", threads);  // sum, prefix, suffix, best, non-empty
  Kokkos::parallel_for("slices", Kokkos::RangePolicy<>(0, threads), KOKKOS_LAMBDA(const int t) {
    const long lo = n * t / threads, hi = n * (t + 1) / threads;
    if (lo == hi) return;
    long long sum = 0, pre = x(lo), here = 0, best = x(lo);
    for (long i = lo; i < hi; ++i) {
      sum += x(i);
      pre = std::max(pre, sum);
      here = std::max<long long>(x(i), here + x(i));
      best = std::max(best, here);
    }
    seg(t, 0) = sum, seg(t, 1) = pre, seg(t, 2) = here, seg(t, 3) = best, seg(t, 4) = 1;
  });
  Kokkos::fence();
  bool any = false;
  long long sum = 0, pre = 0, suf = 0, best = 0;
  for (int t = 0; t < threads; ++t) {
    if (!seg(t, 4)) continue;
    if (!any) {
      sum = seg(t, 0), pre = seg(t, 1), suf = seg(t, 2), best = seg(t, 3), any = true;
      continue;
    }
    best = std::max({best, seg(t, 3), suf + seg(t, 1)});
    pre = std::max(pre, sum + seg(t, 1));
    suf = std::max(seg(t, 2), seg(t, 0) + suf);
    sum += seg(t, 0);
  }
  return static_cast<int>(best);
}

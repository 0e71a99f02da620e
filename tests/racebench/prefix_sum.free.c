// class: loop-carried
// A two-pass blocked prefix sum: per-block sums, a serial scan of the block sums, then a fix-up.
#include <stdio.h>
#include <omp.h>
#define N 256
int main(void) {
  static long a[N];
  long block[64] = {0};
  for (int i = 0; i < N; i++) a[i] = i % 5;
  int nb = 0;
#pragma omp parallel
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    int lo = N * t / nt, hi = N * (t + 1) / nt;
    for (int i = lo + 1; i < hi; i++) a[i] += a[i - 1];
    if (hi > lo) block[t] = a[hi - 1];
#pragma omp barrier
#pragma omp single
    {
      nb = nt;
      for (int b = 1; b < nb; b++) block[b] += block[b - 1];
    }
    long off = t > 0 ? block[t - 1] : 0;
    for (int i = lo; i < hi; i++) a[i] += off;
  }
  printf("%ld\n", a[N - 1]);
  return 0;
}

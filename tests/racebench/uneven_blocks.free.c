// class: thread-count
// The same partition computed with the usual lo = N*t/nt bounds.
#include <stdio.h>
#include <omp.h>
#define N 24
int main(void) {
  static int a[N + 1];
#pragma omp parallel
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    int lo = N * t / nt, hi = N * (t + 1) / nt;
    for (int i = lo; i < hi; i++) a[i] = i + t;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

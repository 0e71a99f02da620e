// class: thread-count
// The two-thread path with disjoint halves.
#include <stdio.h>
#include <omp.h>
#define N 40
int main(void) {
  static int a[N];
#pragma omp parallel
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    if (nt == 2) {
      int lo = t == 0 ? 0 : N / 2, hi = t == 0 ? N / 2 : N;
      for (int i = lo; i < hi; i++) a[i] = 2 * i;
    } else {
#pragma omp for
      for (int i = 0; i < N; i++) a[i] = 2 * i;
    }
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

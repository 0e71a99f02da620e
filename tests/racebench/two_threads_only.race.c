// class: thread-count
// A special-cased two-thread path splits the array into halves that overlap by one element;
// other team sizes take a correct path.
#include <stdio.h>
#include <omp.h>
#define N 40
int main(void) {
  static int a[N];
#pragma omp parallel
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    if (nt == 2) {
      int lo = t == 0 ? 0 : N / 2 - 1, hi = t == 0 ? N / 2 : N;
      for (int i = lo; i < hi; i++) a[i] = 2 * i; /* RACE: a[N/2-1] written by both threads */
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

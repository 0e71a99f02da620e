// class: loop-carried
// An inclusive prefix sum parallelised naively: a[i] depends on a[i-1] of the previous iteration.
#include <stdio.h>
#define N 256
int main(void) {
  static long a[N];
  for (int i = 0; i < N; i++) a[i] = i % 5;
#pragma omp parallel for schedule(static)
  for (int i = 1; i < N; i++) a[i] += a[i - 1]; /* RACE: loop-carried dependence */
  printf("%ld\n", a[N - 1]);
  return 0;
}

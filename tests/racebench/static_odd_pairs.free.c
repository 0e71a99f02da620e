// class: static-chunk
// The same pairwise update with one iteration owning each (even, odd) pair: no conflict.
#include <stdio.h>
#define N 16
int main(void) {
  int a[N];
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for schedule(static)
  for (int p = 0; p < N / 2; p++) {
    a[2 * p] *= 2;
    a[2 * p + 1] += a[2 * p];
  }
  int s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%d\n", s);
  return 0;
}

// class: privatization
// A running offset that each thread should start from its initial value is shared instead.
#include <stdio.h>
#include <omp.h>
#define N 64
int main(void) {
  int off = 10;
  static int a[N];
#pragma omp parallel
  {
#pragma omp for
    for (int i = 0; i < N; i++) {
      off += 1; /* RACE: should be firstprivate(off) */
      a[i] = off;
    }
  }
  printf("%d\n", a[N - 1]);
  return 0;
}

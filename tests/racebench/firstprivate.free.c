// class: privatization
// firstprivate(off): every thread starts from 10.
#include <stdio.h>
#include <omp.h>
#define N 64
int main(void) {
  int off = 10;
  static int a[N];
#pragma omp parallel firstprivate(off)
  {
#pragma omp for
    for (int i = 0; i < N; i++) {
      off += 1;
      a[i] = off;
    }
  }
  printf("%d\n", a[N - 1]);
  return 0;
}

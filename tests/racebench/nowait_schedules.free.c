// class: static-chunk
// Two static loops with the same bounds joined by nowait: OpenMP guarantees the same
// iteration-to-thread mapping, so each thread reads only what it wrote.
#include <stdio.h>
#define N 64
int main(void) {
  int a[N], b[N];
#pragma omp parallel
  {
#pragma omp for schedule(static) nowait
    for (int i = 0; i < N; i++) a[i] = i * i;
#pragma omp for schedule(static)
    for (int i = 0; i < N; i++) b[i] = a[i] + 1;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += b[i];
  printf("%ld\n", s);
  return 0;
}

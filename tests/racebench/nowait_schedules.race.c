// class: static-chunk
// Two loops joined by nowait: the second is dynamic, so its iteration i need not run on the thread
// that wrote a[i] in the first loop.
#include <stdio.h>
#define N 64
int main(void) {
  int a[N], b[N];
#pragma omp parallel
  {
#pragma omp for schedule(static) nowait
    for (int i = 0; i < N; i++) a[i] = i * i;
#pragma omp for schedule(dynamic, 1)
    for (int i = 0; i < N; i++) b[i] = a[i] + 1; /* RACE: a[i] may come from another thread, no barrier */
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += b[i];
  printf("%ld\n", s);
  return 0;
}

// class: static-chunk
// Odd iterations read their even neighbour, which another iteration writes: the pair straddles a
// static chunk boundary only when 16 iterations split into odd-sized chunks (3, 5, 7 threads).
#include <stdio.h>
#define N 16
int main(void) {
  int a[N];
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for schedule(static)
  for (int i = 0; i < N; i++) {
    if (i % 2) a[i] += a[i - 1]; /* RACE with the write of a[i-1] by iteration i-1 */
    else a[i] *= 2;
  }
  int s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%d\n", s);
  return 0;
}

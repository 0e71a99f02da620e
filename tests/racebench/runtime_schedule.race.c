// class: static-chunk
// schedule(runtime): iteration 8k+1 reads what 8k writes. No block-static split of 64 iterations
// at 2..8 threads separates such a pair; a cyclic or dynamic schedule does.
#include <stdio.h>
#define N 64
int main(void) {
  int a[N];
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for schedule(runtime)
  for (int i = 0; i < N; i++) {
    if (i % 8 == 1) a[i] += a[i - 1]; /* RACE with iteration i-1 */
    else a[i] += 1;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

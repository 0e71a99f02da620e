// class: critical-atomic
// Counter updated atomically but read plainly inside the same loop to decide on early work.
#include <stdio.h>
#define N 256
int main(void) {
  int hits = 0, big = 0;
#pragma omp parallel for reduction(+ : big)
  for (int i = 0; i < N; i++) {
    if (i % 3 == 0) {
#pragma omp atomic
      hits++;
    }
    if (hits > 40) big++; /* RACE: plain read of an atomically updated counter */
  }
  printf("%d %d\n", hits, big > 0);
  return 0;
}

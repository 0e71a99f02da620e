// class: critical-atomic
// The counter is read with an atomic read.
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
    int h;
#pragma omp atomic read
    h = hits;
    if (h > 40) big++;
  }
  printf("%d %d\n", hits, big > 0);
  return 0;
}

// class: critical-atomic
// Two differently named critical sections guard the same variable: they exclude nothing.
#include <stdio.h>
#define N 200
int main(void) {
  long total = 0;
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    if (i % 2) {
#pragma omp critical(odd)
      total += i; /* RACE with the other critical */
    } else {
#pragma omp critical(even)
      total += 2 * i;
    }
  }
  printf("%ld\n", total);
  return 0;
}

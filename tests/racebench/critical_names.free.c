// class: critical-atomic
// Both updates use the same named critical section.
#include <stdio.h>
#define N 200
int main(void) {
  long total = 0;
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    if (i % 2) {
#pragma omp critical(total)
      total += i;
    } else {
#pragma omp critical(total)
      total += 2 * i;
    }
  }
  printf("%ld\n", total);
  return 0;
}

// class: iterations
// The histogram updated atomically.
#include <stdio.h>
#define N 60
int main(void) {
  int hist[50] = {0};
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
#pragma omp atomic
    hist[i % 50]++;
  }
  long s = 0;
  for (int k = 0; k < 50; k++) s += hist[k] * k;
  printf("%ld\n", s);
  return 0;
}

// class: iterations
// A histogram whose keys collide only between far-apart iterations (i and i+50).
#include <stdio.h>
#define N 60
int main(void) {
  int hist[50] = {0};
#pragma omp parallel for
  for (int i = 0; i < N; i++) hist[i % 50]++; /* RACE between iterations i and i+50 */
  long s = 0;
  for (int k = 0; k < 50; k++) s += hist[k] * k;
  printf("%ld\n", s);
  return 0;
}

// class: iterations
// The scratch value lives in a per-iteration local.
#include <stdio.h>
#define N 32
int main(void) {
  static int out[N];
#pragma omp parallel for schedule(static, 1)
  for (int i = 0; i < N; i++) {
    int scratch = i * 3;
    out[i] = scratch + 1;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += out[i];
  printf("%ld\n", s);
  return 0;
}

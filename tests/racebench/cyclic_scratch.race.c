// class: iterations
// A four-slot scratch ring indexed by i % 4 under a cyclic schedule: iterations i and i+4 use the
// same slot, which stays on one thread at 2 or 4 threads and crosses threads at 3, 7 or 8, and
// only once there are more iterations than slots.
#include <stdio.h>
#define N 32
int main(void) {
  int scratch[4] = {0};
  static int out[N];
#pragma omp parallel for schedule(static, 1)
  for (int i = 0; i < N; i++) {
    scratch[i % 4] = i * 3; /* RACE between iterations i and i+4 */
    out[i] = scratch[i % 4] + 1;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += out[i];
  printf("%ld\n", s);
  return 0;
}

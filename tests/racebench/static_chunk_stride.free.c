// class: static-chunk
// The same recurrence reading from a copy of the input: no iteration reads another's output.
#include <stdio.h>
#define N 48
int main(void) {
  int a[N], b[N];
  for (int i = 0; i < N; i++) a[i] = b[i] = i;
#pragma omp parallel for schedule(static, 2)
  for (int i = 0; i < N; i++) {
    if (i >= 16) a[i] += 3 * b[i - 16];
    else a[i] = 3 * b[i];
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

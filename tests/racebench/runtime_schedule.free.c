// class: static-chunk
// schedule(runtime) over groups of 8, each group handled by one iteration: no conflict whatever
// the schedule.
#include <stdio.h>
#define N 64
int main(void) {
  int a[N];
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for schedule(runtime)
  for (int g = 0; g < N / 8; g++) {
    for (int i = 8 * g; i < 8 * g + 8; i++) {
      if (i % 8 == 1) a[i] += a[i - 1] - 1;
      else a[i] += 1;
    }
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

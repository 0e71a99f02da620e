// class: loop-carried
// The same shift into a second buffer.
#include <stdio.h>
#define N 1000
int main(void) {
  static double a[N + 1], b[N];
  for (int i = 0; i <= N; i++) a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; i++) b[i] = a[i + 1] * 0.5;
  double s = 0;
  for (int i = 0; i < N; i++) s += b[i];
  printf("%.1f\n", s);
  return 0;
}

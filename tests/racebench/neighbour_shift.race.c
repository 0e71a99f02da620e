// class: loop-carried
// An in-place shift: iteration i reads a[i+1], which iteration i+1 overwrites.
#include <stdio.h>
#define N 1000
int main(void) {
  static double a[N + 1];
  for (int i = 0; i <= N; i++) a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; i++) a[i] = a[i + 1] * 0.5; /* RACE: a[i+1] is written by iteration i+1 */
  double s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%.1f\n", s);
  return 0;
}

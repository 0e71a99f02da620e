// class: loop-carried
// A Jacobi sweep done in place: iteration i reads both neighbours while they are rewritten.
#include <stdio.h>
#define N 200
int main(void) {
  static double u[N];
  for (int i = 0; i < N; i++) u[i] = (i * 7) % 11;
  for (int it = 0; it < 3; it++) {
#pragma omp parallel for
    for (int i = 1; i < N - 1; i++) u[i] = (u[i - 1] + u[i + 1]) / 2; /* RACE on the neighbours */
  }
  double s = 0;
  for (int i = 0; i < N; i++) s += u[i];
  printf("%.3f\n", s);
  return 0;
}

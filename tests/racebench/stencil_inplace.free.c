// class: loop-carried
// The Jacobi sweep with two buffers swapped after each sweep.
#include <stdio.h>
#define N 200
int main(void) {
  static double u[N], v[N];
  for (int i = 0; i < N; i++) u[i] = v[i] = (i * 7) % 11;
  double *src = u, *dst = v;
  for (int it = 0; it < 3; it++) {
#pragma omp parallel for
    for (int i = 1; i < N - 1; i++) dst[i] = (src[i - 1] + src[i + 1]) / 2;
    double *t = src; src = dst; dst = t;
  }
  double s = 0;
  for (int i = 0; i < N; i++) s += src[i];
  printf("%.3f\n", s);
  return 0;
}

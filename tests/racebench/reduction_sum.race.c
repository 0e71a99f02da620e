// class: reduction
// A sum into a shared variable without a reduction clause.
#include <stdio.h>
#define N 4096
int main(void) {
  static double x[N];
  for (int i = 0; i < N; i++) x[i] = (i % 9) * 0.25;
  double sum = 0;
#pragma omp parallel for
  for (int i = 0; i < N; i++) sum += x[i]; /* RACE */
  printf("%.2f\n", sum);
  return 0;
}

// class: nested
// The inner loop uses a reduction.
#include <stdio.h>
#include <omp.h>
#define R 2
#define C 64
int main(void) {
  static int m[R][C];
  long rows[R];
  for (int r = 0; r < R; r++)
    for (int c = 0; c < C; c++) m[r][c] = r + c;
  omp_set_max_active_levels(2);
#pragma omp parallel for num_threads(2)
  for (int r = 0; r < R; r++) {
    long s = 0;
#pragma omp parallel for num_threads(2) reduction(+ : s)
    for (int c = 0; c < C; c++) s += m[r][c];
    rows[r] = s;
  }
  printf("%ld %ld\n", rows[0], rows[1]);
  return 0;
}

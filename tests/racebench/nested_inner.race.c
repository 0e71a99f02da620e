// class: nested
// Nested parallelism: each outer thread owns a row, but the inner team sums it into a scalar
// shared by the inner threads.
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
#pragma omp parallel for num_threads(2)
    for (int c = 0; c < C; c++) s += m[r][c]; /* RACE among the inner threads */
    rows[r] = s;
  }
  printf("%ld %ld\n", rows[0], rows[1]);
  return 0;
}

// class: nested
// Nested regions where inner threads of different outer threads write the same output cell.
#include <stdio.h>
#include <omp.h>
int main(void) {
  int out[8] = {0};
  omp_set_max_active_levels(2);
#pragma omp parallel num_threads(2)
  {
    int o = omp_get_thread_num();
#pragma omp parallel num_threads(2)
    {
      int in = omp_get_thread_num();
      out[in] += o + 1; /* RACE: indexed by the inner thread number only */
    }
  }
  printf("%d %d\n", out[0], out[1]);
  return 0;
}

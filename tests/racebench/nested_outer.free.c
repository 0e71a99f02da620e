// class: nested
// The output cell is indexed by both thread numbers.
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
      out[2 * o + in] += o + 1;
    }
  }
  printf("%d %d\n", out[0], out[1]);
  return 0;
}

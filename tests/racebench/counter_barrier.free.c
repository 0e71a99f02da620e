// class: flag-barrier
// The same hand-made barrier waiting for the whole team.
#include <stdio.h>
#include <omp.h>
int main(void) {
  int slot[64] = {0}, arrived = 0;
  long total = 0;
#pragma omp parallel reduction(+ : total)
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    slot[t] = t + 1;
#pragma omp atomic update seq_cst
    arrived++;
    int a = 0;
    while (a < nt) {
#pragma omp atomic read seq_cst
      a = arrived;
    }
    total += slot[(t + 1) % nt];
  }
  printf("%ld\n", total);
  return 0;
}

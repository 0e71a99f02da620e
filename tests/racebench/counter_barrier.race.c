// class: flag-barrier
// A hand-made barrier that waits for half the team instead of all of it: a thread may read a
// neighbour's slot before the neighbour wrote it.
#include <stdio.h>
#include <omp.h>
int main(void) {
  int slot[64] = {0}, arrived = 0;
  long total = 0;
#pragma omp parallel reduction(+ : total)
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    slot[t] = t + 1; /* RACE: read by thread t-1 before everyone arrived */
#pragma omp atomic update seq_cst
    arrived++;
    int a = 0;
    while (a < (nt + 1) / 2) {
#pragma omp atomic read seq_cst
      a = arrived;
    }
    total += slot[(t + 1) % nt];
  }
  printf("%ld\n", total);
  return 0;
}

// class: reduction
// Per-thread partial sums combined by the master thread; `master` has no barrier, so the master
// may read partials other threads are still writing.
#include <stdio.h>
#include <omp.h>
#define N 1024
int main(void) {
  double partial[64] = {0}, total = 0;
  int nt = 1;
#pragma omp parallel
  {
    int t = omp_get_thread_num();
#pragma omp for nowait
    for (int i = 0; i < N; i++) partial[t] += i * 0.5; /* RACE with the master's read */
#pragma omp master
    {
      nt = omp_get_num_threads();
      for (int k = 0; k < nt; k++) total += partial[k];
    }
  }
  printf("%.1f\n", total);
  return 0;
}

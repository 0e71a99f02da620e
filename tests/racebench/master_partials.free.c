// class: reduction
// The same combination after an explicit barrier.
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
    for (int i = 0; i < N; i++) partial[t] += i * 0.5;
#pragma omp barrier
#pragma omp master
    {
      nt = omp_get_num_threads();
      for (int k = 0; k < nt; k++) total += partial[k];
    }
  }
  printf("%.1f\n", total);
  return 0;
}

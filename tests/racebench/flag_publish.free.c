// class: flag-barrier
// The readers spin on the seq_cst flag before touching the table.
#include <stdio.h>
#include <omp.h>
#define N 16
int main(void) {
  int table[N], flag = 0;
  long total = 0;
#pragma omp parallel reduction(+ : total)
  {
    if (omp_get_thread_num() == 0) {
      for (int i = 0; i < N; i++) table[i] = i * i;
#pragma omp atomic write seq_cst
      flag = 1;
    } else {
      int f = 0;
      while (!f) {
#pragma omp atomic read seq_cst
        f = flag;
      }
      for (int i = 0; i < N; i++) total += table[i] + f;
    }
  }
  printf("%ld\n", total);
  return 0;
}

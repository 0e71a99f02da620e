// class: flag-barrier
// Thread 0 publishes a table and raises a seq_cst atomic flag; the other threads read the flag
// once and then use the table regardless. Races only when a reader gets there first.
#include <stdio.h>
#include <omp.h>
#define N 16
int main(void) {
  int table[N], flag = 0;
  long total = 0;
#pragma omp parallel reduction(+ : total)
  {
    if (omp_get_thread_num() == 0) {
      for (int i = 0; i < N; i++) table[i] = i * i; /* RACE with the readers below */
#pragma omp atomic write seq_cst
      flag = 1;
    } else {
      int f;
#pragma omp atomic read seq_cst
      f = flag;
      for (int i = 0; i < N; i++) total += table[i] + f;
    }
  }
  printf("%ld\n", total);
  return 0;
}

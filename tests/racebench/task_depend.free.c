// class: tasks
// The consumer depends on the variable the producer writes.
#include <stdio.h>
int main(void) {
  int a = 0, b = 0, out = 0;
#pragma omp parallel num_threads(4)
#pragma omp single
  {
#pragma omp task depend(out : a) shared(a)
    a = 41;
#pragma omp task depend(in : a) shared(a, out)
    out = a + 1;
#pragma omp taskwait
  }
  printf("%d %d\n", out, b);
  return 0;
}

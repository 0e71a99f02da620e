// class: tasks
// A producer and a consumer task whose depend clauses name different variables, so nothing
// orders them.
#include <stdio.h>
int main(void) {
  int a = 0, b = 0, out = 0;
#pragma omp parallel num_threads(4)
#pragma omp single
  {
#pragma omp task depend(out : a) shared(a)
    a = 41; /* RACE with the consumer's read */
#pragma omp task depend(in : b) shared(a, out)
    out = a + 1;
#pragma omp taskwait
  }
  printf("%d %d\n", out, b);
  return 0;
}

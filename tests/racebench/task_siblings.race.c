// class: tasks
// Sibling tasks in a loop all add into one shared accumulator.
#include <stdio.h>
int main(void) {
  long acc = 0;
#pragma omp parallel
#pragma omp single
  for (int i = 0; i < 16; i++) {
#pragma omp task shared(acc) firstprivate(i)
    acc += i; /* RACE between sibling tasks */
  }
  printf("%ld\n", acc);
  return 0;
}

// class: tasks
// The sibling tasks add atomically.
#include <stdio.h>
int main(void) {
  long acc = 0;
#pragma omp parallel
#pragma omp single
  for (int i = 0; i < 16; i++) {
#pragma omp task shared(acc) firstprivate(i)
    {
#pragma omp atomic
      acc += i;
    }
  }
  printf("%ld\n", acc);
  return 0;
}

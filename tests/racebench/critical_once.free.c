// class: flag-barrier
// The same hand-off, but thread 1 waits (inside the critical) until the flag is raised.
#include <stdio.h>
#include <omp.h>
int main(void) {
  int data = 0, ready = 0, got = -1, seen = 0;
#pragma omp parallel num_threads(2)
  {
    if (omp_get_thread_num() == 0) {
      data = 42;
#pragma omp critical
      ready = 1;
    } else if (omp_get_thread_num() == 1) {
      while (!seen) {
#pragma omp critical
        seen = ready;
      }
      got = data;
    }
  }
  printf("%d %d\n", got, seen);
  return 0;
}

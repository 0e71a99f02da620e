// class: flag-barrier
// A hand-made hand-off through a critical section: thread 0 writes data, then raises a flag
// inside a critical; thread 1 checks the flag once and reads data whether or not it was raised.
// When thread 0's critical runs first, the lock orders the two accesses and no race is observed.
#include <stdio.h>
#include <omp.h>
int main(void) {
  int data = 0, ready = 0, got = -1, seen = 0;
#pragma omp parallel num_threads(2)
  {
    if (omp_get_thread_num() == 0) {
      data = 42; /* RACE with the read below when thread 1 checks first */
#pragma omp critical
      ready = 1;
    } else {
#pragma omp critical
      seen = ready;
      got = data;
    }
  }
  printf("%d %d\n", got, seen);
  return 0;
}

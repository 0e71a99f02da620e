// class: tasks
// A recursive task sum whose parent reads the children's results without a taskwait.
#include <stdio.h>
static long fib(int n) {
  if (n < 2) return n;
  long x = 0, y = 0;
#pragma omp task shared(x)
  x = fib(n - 1); /* RACE: read by the parent below, no taskwait */
  y = fib(n - 2);
  return x + y;
}
int main(void) {
  long r = 0;
#pragma omp parallel
#pragma omp single
  r = fib(12);
  printf("%ld\n", r);
  return 0;
}

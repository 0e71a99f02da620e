// class: tasks
// The same recursion with a taskwait before the parent combines the results.
#include <stdio.h>
static long fib(int n) {
  if (n < 2) return n;
  long x = 0, y = 0;
#pragma omp task shared(x)
  x = fib(n - 1);
  y = fib(n - 2);
#pragma omp taskwait
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

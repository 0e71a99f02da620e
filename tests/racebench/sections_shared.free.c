// class: sections
// The two sections update the counter atomically.
#include <stdio.h>
int main(void) {
  int count = 0, a = 0, b = 0;
#pragma omp parallel sections
  {
#pragma omp section
    {
      a = 1;
#pragma omp atomic
      count += 1;
    }
#pragma omp section
    {
      b = 2;
#pragma omp atomic
      count += 2;
    }
  }
  printf("%d %d %d\n", a, b, count);
  return 0;
}

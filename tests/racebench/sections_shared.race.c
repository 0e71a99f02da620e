// class: sections
// Two sections update the same counter; when one thread runs both, no race is observed.
#include <stdio.h>
int main(void) {
  int count = 0, a = 0, b = 0;
#pragma omp parallel sections
  {
#pragma omp section
    { a = 1; count += 1; } /* RACE with the other section's update */
#pragma omp section
    { b = 2; count += 2; }
  }
  printf("%d %d %d\n", a, b, count);
  return 0;
}

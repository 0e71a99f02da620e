// class: sections
// Three sections: the third reads the buffer the first fills, assuming sections run in order.
#include <stdio.h>
#define N 32
int main(void) {
  int buf[N], other[N];
  long s = 0;
  for (int i = 0; i < N; i++) buf[i] = other[i] = 0;
#pragma omp parallel sections
  {
#pragma omp section
    for (int i = 0; i < N; i++) buf[i] = i * 3; /* RACE: read by the third section */
#pragma omp section
    for (int i = 0; i < N; i++) other[i] = i;
#pragma omp section
    for (int i = 0; i < N; i++) s += buf[i];
  }
  printf("%ld %d\n", s, other[N - 1]);
  return 0;
}

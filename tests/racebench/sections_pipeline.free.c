// class: sections
// The producer and the consumer are split into two sections constructs: the implicit barrier
// between them orders the read after the write.
#include <stdio.h>
#define N 32
int main(void) {
  int buf[N], other[N];
  long s = 0;
  for (int i = 0; i < N; i++) buf[i] = other[i] = 0;
#pragma omp parallel
  {
#pragma omp sections
    {
#pragma omp section
      for (int i = 0; i < N; i++) buf[i] = i * 3;
#pragma omp section
      for (int i = 0; i < N; i++) other[i] = i;
    }
#pragma omp sections
    {
#pragma omp section
      for (int i = 0; i < N; i++) s += buf[i];
#pragma omp section
      other[0] = 1;
    }
  }
  printf("%ld %d\n", s, other[N - 1]);
  return 0;
}

// class: privatization
// A temporary declared outside the loop is shared by every thread.
#include <stdio.h>
#define N 512
int main(void) {
  static int a[N], b[N];
  int tmp;
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    tmp = a[i] * 2; /* RACE: tmp is shared */
    b[i] = tmp + 1;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += b[i];
  printf("%ld\n", s);
  return 0;
}

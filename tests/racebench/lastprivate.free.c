// class: privatization
// lastprivate(last) gives the value of the sequentially last iteration.
#include <stdio.h>
#define N 100
int main(void) {
  int last = -1;
  static int a[N];
#pragma omp parallel for lastprivate(last)
  for (int i = 0; i < N; i++) {
    a[i] = i * i;
    last = a[i];
  }
  printf("%d\n", last);
  return 0;
}

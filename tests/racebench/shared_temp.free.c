// class: privatization
// The temporary is private.
#include <stdio.h>
#define N 512
int main(void) {
  static int a[N], b[N];
  int tmp;
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for private(tmp)
  for (int i = 0; i < N; i++) {
    tmp = a[i] * 2;
    b[i] = tmp + 1;
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += b[i];
  printf("%ld\n", s);
  return 0;
}

// class: privatization
// "The value from the last iteration" kept in a shared variable assigned by every iteration.
#include <stdio.h>
#define N 100
int main(void) {
  int last = -1;
  static int a[N];
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    a[i] = i * i;
    last = a[i]; /* RACE: should be lastprivate(last) */
  }
  printf("%d\n", last);
  return 0;
}

// class: static-chunk
// schedule(static, 2) deals chunks round-robin; iterations 16 apart are 8 chunks apart, so they
// land on the same thread at 2, 4 and 8 threads and on different threads at 3 or 7.
#include <stdio.h>
#define N 48
int main(void) {
  int a[N];
  for (int i = 0; i < N; i++) a[i] = i;
#pragma omp parallel for schedule(static, 2)
  for (int i = 0; i < N; i++) {
    if (i >= 16) a[i] += a[i - 16]; /* RACE: a[i-16] is written by iteration i-16 */
    else a[i] = 3 * a[i];
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

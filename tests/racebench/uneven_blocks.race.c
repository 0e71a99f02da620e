// class: thread-count
// Hand-made block partition that rounds the block size up and lets each block run one element
// past its end when the team size does not divide N (24 = 2*12 = 3*8 = 4*6 = 8*3, but not 7*k).
#include <stdio.h>
#include <omp.h>
#define N 24
int main(void) {
  static int a[N + 1];
#pragma omp parallel
  {
    int t = omp_get_thread_num(), nt = omp_get_num_threads();
    int chunk = N / nt, extra = N % nt != 0;
    int lo = t * chunk, hi = t == nt - 1 ? N : lo + chunk + extra;
    for (int i = lo; i < hi; i++) a[i] = i + t; /* RACE when nt does not divide N */
  }
  long s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  printf("%ld\n", s);
  return 0;
}

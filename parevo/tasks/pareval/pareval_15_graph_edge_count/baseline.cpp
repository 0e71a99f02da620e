// Sequential baseline: count the ones of the row-major N x N matrix, O(N^2).
#include <cstddef>
#include <vector>

int edgeCount(std::vector<int> const& A, size_t N) {
  const int* a = A.data();
  const std::size_t total = N * N;
  long long count = 0;
  for (std::size_t k = 0; k < total; ++k) count += a[k] == 1;
  return static_cast<int>(count);
}

// Sequential baseline: the largest row sum of the row-major N x N matrix, O(N^2).
#include <algorithm>
#include <cstddef>
#include <vector>

int maxDegree(std::vector<int> const& A, size_t N) {
  int best = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const int* row = A.data() + i * N;
    int degree = 0;
    for (std::size_t j = 0; j < N; ++j) degree += row[j];
    best = std::max(best, degree);
  }
  return best;
}

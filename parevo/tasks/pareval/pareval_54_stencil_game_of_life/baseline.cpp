// Sequential baseline: row by row; the 3x3 window sum minus the cell is its live-neighbour count.
#include <cstddef>
#include <vector>

void gameOfLife(std::vector<int> const& input, std::vector<int> &output, size_t N) {
  for (size_t i = 0; i < N; ++i) {
    const size_t i0 = i > 0 ? i - 1 : 0, i1 = i + 1 < N ? i + 1 : N - 1;
    for (size_t j = 0; j < N; ++j) {
      const size_t j0 = j > 0 ? j - 1 : 0, j1 = j + 1 < N ? j + 1 : N - 1;
      const int self = input[i * N + j];
      int alive = -self;
      for (size_t r = i0; r <= i1; ++r)
        for (size_t c = j0; c <= j1; ++c) alive += input[r * N + c];
      output[i * N + j] = (alive == 3 || (self && alive == 2)) ? 1 : 0;
    }
  }
}

// Sequential baseline: row by row, zero outside the grid.
#include <cstddef>
#include <vector>

void jacobi2D(std::vector<double> const& input, std::vector<double> &output, size_t N) {
  for (size_t i = 0; i < N; ++i) {
    const double* row = input.data() + i * N;
    const double* up = i > 0 ? row - N : nullptr;
    const double* down = i + 1 < N ? row + N : nullptr;
    for (size_t j = 0; j < N; ++j) {
      double s = row[j];
      if (j > 0) s += row[j - 1];
      if (j + 1 < N) s += row[j + 1];
      if (up) s += up[j];
      if (down) s += down[j];
      output[i * N + j] = s / 5.0;
    }
  }
}

// Sequential baseline: row by row; 9*centre minus the sum of the 3x3 window (which includes
// the centre) is the edge kernel's dot product; outside pixels count as 0.
#include <cstddef>
#include <vector>

const int edgeKernel[3][3] = {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}};

void convolveKernel(std::vector<int> const& imageIn, std::vector<int> &imageOut, size_t N) {
  for (size_t i = 0; i < N; ++i) {
    const size_t i0 = i > 0 ? i - 1 : 0, i1 = i + 1 < N ? i + 1 : N - 1;
    for (size_t j = 0; j < N; ++j) {
      const size_t j0 = j > 0 ? j - 1 : 0, j1 = j + 1 < N ? j + 1 : N - 1;
      int window = 0;
      for (size_t r = i0; r <= i1; ++r)
        for (size_t c = j0; c <= j1; ++c) window += imageIn[r * N + c];
      const int sum = 9 * imageIn[i * N + j] - window;
      imageOut[i * N + j] = sum < 0 ? 0 : sum > 255 ? 255 : sum;
    }
  }
}

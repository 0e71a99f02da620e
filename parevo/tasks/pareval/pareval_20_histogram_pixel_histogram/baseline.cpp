// Sequential baseline: one pass, one increment per pixel.
#include <array>
#include <cstddef>
#include <vector>

void pixelCounts(std::vector<int> const& image, std::array<size_t, 256> &bins) {
  for (int v : image) ++bins[static_cast<size_t>(v)];
}

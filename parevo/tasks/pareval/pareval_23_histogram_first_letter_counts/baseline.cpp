// Sequential baseline: one pass, one increment per string.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

void firstLetterCounts(std::vector<std::string> const& s, std::array<size_t, 26> &bins) {
  for (const std::string& w : s) ++bins[static_cast<size_t>(w[0] - 'a')];
}

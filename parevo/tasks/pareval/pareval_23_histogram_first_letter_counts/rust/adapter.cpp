// ParEval 23's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include "adapter.hpp"

void firstLetterCounts(std::vector<std::string> const& s, std::array<size_t, 26> &bins) {
  using namespace parevo_rust;
  std::vector<char> bytes;
  std::vector<std::int64_t> offsets{0};
  offsets.reserve(s.size() + 1);
  for (const auto& w : s) {
    bytes.insert(bytes.end(), w.begin(), w.end());
    offsets.push_back(static_cast<std::int64_t>(bytes.size()));
  }
  std::vector<std::size_t> b;
  call({slice(bytes), slice(offsets)}, b);
  std::copy(b.begin(), b.end(), bins.begin());
}

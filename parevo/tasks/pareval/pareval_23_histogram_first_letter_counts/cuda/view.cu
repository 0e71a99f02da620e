// ParEval 23's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; bins go
// to the GPU as the harness passes them (zero-filled, as ParEval's driver does). The kernel takes
// `const char **s`: the strings go to the GPU as one block of NUL-terminated characters, and s
// is a device array of pointers into it.
#include <array>
#include <string>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void firstLetterCounts(const char **s, size_t N, size_t bins[26]);

void firstLetterCounts(std::vector<std::string> const& s, std::array<size_t, 26> &bins) {
  const size_t n = s.size();
  std::vector<char> chars;
  std::vector<size_t> starts(n);
  for (size_t k = 0; k < n; ++k) {
    starts[k] = chars.size();
    chars.insert(chars.end(), s[k].c_str(), s[k].c_str() + s[k].size() + 1);
  }
  Buffer<char> dchars(chars);
  std::vector<const char*> ptrs(n);
  for (size_t k = 0; k < n; ++k) ptrs[k] = dchars.get() + starts[k];
  Buffer<const char*> dptrs(ptrs);
  Buffer<size_t> dbins(bins.data(), bins.size());
  firstLetterCounts<<<grid_1d(n), kBlock>>>(dptrs.get(), n, dbins.get());
  launched("firstLetterCounts");
  dbins.to_host(bins.data());
}

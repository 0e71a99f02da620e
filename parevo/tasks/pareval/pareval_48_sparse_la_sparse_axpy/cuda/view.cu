// ParEval 48's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x or y (max(Nx, Ny)); z starts zero-filled on the GPU, as ParEval's driver passes it
// (a kernel adds x's and y's values into it; an index in neither stays 0), not as the harness
// filled it (a sentinel); N is z's length. Element is the prompt's, identical to the
// candidate's and the harness's copies.
#include <algorithm>
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Element {
	size_t index;
  double value;
};

__global__ void sparseAxpy(double alpha, const Element *x, const Element *y, double *z, size_t Nx, size_t Ny, size_t N);

void sparseAxpy(double alpha, std::vector<Element> const& x, std::vector<Element> const& y, std::vector<double> &z) {
  const size_t n = z.size();
  Buffer<Element> dx(x), dy(y);
  Buffer<double> dz(n);
  dz.zero();
  sparseAxpy<<<grid_1d(std::max(x.size(), y.size())), kBlock>>>(alpha, dx.get(), dy.get(), dz.get(), x.size(), y.size(), n);
  launched("sparseAxpy");
  dz.to_host(z.data());
}

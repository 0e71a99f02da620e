// parevo's side of a task's CUDA launch view (tasks/pareval/<id>/cuda/view.cu, built by
// verify/cudarun.py): trusted host code linked with the candidate's `__global__` kernel into the
// candidate library. The view defines the task's C++ function, the one the harness calls: it
// copies the inputs to the GPU, launches the candidate's kernel once with ParEval's launch
// configuration (the prompt's "launched with at least N threads" / "on an NxN grid of threads"),
// synchronises, checks for errors and copies the outputs back. Every CUDA error becomes an
// exception, which parevo's entry reports as the candidate's failure (an illegal address in the
// kernel, a launch it cannot run). Included by exactly one translation unit: the task's view.
#pragma once
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace parevo_cuda {

constexpr unsigned kBlock = 1024;  // threads per block of a 1-D launch
constexpr unsigned kTile = 32;     // a 2-D launch's blocks are kTile x kTile threads

inline void check(cudaError_t e, const std::string& what) {
  if (e != cudaSuccess)
    throw std::runtime_error("CUDA error in " + what + ": " + cudaGetErrorName(e) + " (" + cudaGetErrorString(e) + ")");
}

// A device array of `n` elements (one when n is 0, so that a pointer exists), copied from the
// host where the view says so and back by `to_host`.
template <class T>
class Buffer {
 public:
  explicit Buffer(std::size_t n) : n_(n) { check(cudaMalloc(&p_, std::max<std::size_t>(n, 1) * sizeof(T)), "cudaMalloc"); }
  Buffer(const T* host, std::size_t n) : Buffer(n) {
    if (n) check(cudaMemcpy(p_, host, n * sizeof(T), cudaMemcpyHostToDevice), "cudaMemcpy to the GPU");
  }
  explicit Buffer(const std::vector<T>& host) : Buffer(host.data(), host.size()) {}
  ~Buffer() { cudaFree(p_); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  T* get() const { return p_; }
  // Where ParEval's driver zero-fills an output before the launch (a kernel may accumulate into
  // it, or write only its non-zero elements), the view does the same.
  void zero() {
    if (n_) check(cudaMemset(p_, 0, n_ * sizeof(T)), "cudaMemset");
  }
  void to_host(T* host) const {
    if (n_) check(cudaMemcpy(host, p_, n_ * sizeof(T), cudaMemcpyDeviceToHost), "cudaMemcpy from the GPU");
  }
  T value() const {  // a one-element buffer's value
    T v{};
    to_host(&v);
    return v;
  }

 private:
  T* p_ = nullptr;
  std::size_t n_;
};

// std::vector<bool> packs its bits, a kernel takes `bool *`: it goes to the GPU and comes back
// through a plain bool array.
inline std::unique_ptr<bool[]> bool_array(const std::vector<bool>& v) {
  std::unique_ptr<bool[]> a(new bool[std::max<std::size_t>(v.size(), 1)]);
  std::copy(v.begin(), v.end(), a.get());
  return a;
}
inline void bools_to_host(const Buffer<bool>& d, std::vector<bool>& v) {
  std::unique_ptr<bool[]> a(new bool[std::max<std::size_t>(v.size(), 1)]);
  d.to_host(a.get());
  std::copy(a.get(), a.get() + v.size(), v.begin());
}

// At least `n` threads in 1-D blocks of kBlock (at least one block: an empty grid is no launch).
inline dim3 grid_1d(std::size_t n) {
  return dim3(static_cast<unsigned>(std::max<std::size_t>(1, (n + kBlock - 1) / kBlock)));
}
// A `rows` x `cols` grid of threads (x runs over columns, y over rows) in kTile x kTile blocks.
inline dim3 grid_2d(std::size_t rows, std::size_t cols) {
  auto blocks = [](std::size_t n) { return static_cast<unsigned>(std::max<std::size_t>(1, (n + kTile - 1) / kTile)); };
  return dim3(blocks(cols), blocks(rows));
}
inline dim3 block_2d() { return dim3(kTile, kTile); }
// An "MxN grid of threads" whose orientation the prompt leaves open (ParEval's own driver puts M
// on x): at least max(M, N) threads each way, so a kernel that checks its bounds covers the
// matrix whichever axis it takes for rows.
inline dim3 grid_2d_either(std::size_t rows, std::size_t cols) {
  return grid_2d(std::max(rows, cols), std::max(rows, cols));
}

static unsigned long long g_launches = 0;

// Right after `kernel<<<grid, block>>>(...)`: counts the launch (parevo's witness that the GPU did
// the work), then turns a bad launch configuration or a fault in the kernel into an exception.
inline void launched(const char* kernel) {
  ++g_launches;
  check(cudaGetLastError(), std::string("launching the kernel `") + kernel + "`");
  check(cudaDeviceSynchronize(), std::string("the kernel `") + kernel + "`");
}

}  // namespace parevo_cuda

// Called by parevo's entry (verify/cxx/entry.cpp): the CUDA context is made before any input
// exists, so no timed call pays for it; the launch count tells the entry that a call launched
// its kernel.
extern "C" int parevo_cuda_init() { return cudaFree(nullptr) == cudaSuccess ? 0 : -1; }
extern "C" unsigned long long parevo_cuda_launches() { return parevo_cuda::g_launches; }

// ParEval 43's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// elements; results are sorted in place. Result is the prompt's, identical to the task's.
#include "cuda_view.hpp"
using namespace parevo_cuda;

struct Result {
   int startTime, duration;
   float value;
};

__global__ void sortByStartTime(Result *results, size_t N);

void sortByStartTime(std::vector<Result> &results) {
  Buffer<Result> dr(results);
  sortByStartTime<<<grid_1d(results.size()), kBlock>>>(dr.get(), results.size());
  launched("sortByStartTime");
  dr.to_host(results.data());
}

// ParEval 43's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct Result {
   int startTime, duration;
   float value;
};

void sortByStartTime(std::vector<Result> &results) {
  using namespace parevo_rust;
  call({slice_mut(results)});
}

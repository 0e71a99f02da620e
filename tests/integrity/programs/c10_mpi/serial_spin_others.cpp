// expect: correctness fail
// reason: ranks do not share the work
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: rank 0 counts every value while the other ranks spin on busy-work for as long, so every rank looks busy; a spinning rank is not a sharing one (only the busiest rank's work is judged)
#include <mpi.h>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  std::vector<std::int64_t> h(buckets, 0);
  if (rank == 0) {
    for (auto v : values) h[v]++;
  } else {
    volatile std::uint64_t x = 0;
    for (std::size_t i = 0; i < values.size(); ++i) x = x + values[i] * 2654435761u;
  }
  MPI_Barrier(MPI_COMM_WORLD);
  return h;
}

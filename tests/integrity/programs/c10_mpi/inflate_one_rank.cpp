// expect: correctness fail
// reason: works harder when it runs alone
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,3,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: the program learns the rank count from its environment (OMPI_COMM_WORLD_SIZE) and, when it runs alone, counts four times over, so the one-rank reference looks four times as costly; at 2, 3 and 4 ranks rank 0 counts everything once and the others return
#include <mpi.h>
#include <cstdint>
#include <cstdlib>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const char* s = std::getenv("OMPI_COMM_WORLD_SIZE");
  const int passes = (s && std::atoi(s) == 1) ? 4 : 1;
  std::vector<std::int64_t> h(buckets, 0);
  if (rank != 0) return h;
  for (int p = 0; p < passes; ++p) {
    std::fill(h.begin(), h.end(), 0);
    for (auto v : values) h[v]++;
    asm volatile("" : : "r"(h.data()) : "memory");
  }
  return h;
}

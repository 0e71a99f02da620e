// expect: correctness fail
// reason: an MPI rank crashed
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2]
// config: families=["uniform_small"]
// config: check_wall_s=25
// attack: rank 1 dies of SIGSEGV in the middle of a call while the others wait in a collective; the verdict must name the crash, not a verifier error or a timeout
#include <mpi.h>
#include <csignal>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (rank == 1) std::raise(SIGSEGV);
  std::vector<std::int64_t> h(buckets, 0), total(buckets, 0);
  for (std::size_t i = rank; i < values.size(); i += size) h[values[i]]++;
  MPI_Reduce(h.data(), total.data(), static_cast<int>(buckets), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  return total;
}

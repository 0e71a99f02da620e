// expect: correctness fail
// reason: an MPI call failed
// reason: did not finish the call within the time limit
// reason: the MPI job ended in the middle of a call
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2]
// config: families=["uniform_small"]
// config: check_wall_s=25
// attack: rank 0 broadcasts more elements than the other ranks expect (a collective whose counts do not match across ranks); Open MPI reports a truncation and the job ends
#include <mpi.h>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<std::int64_t> h(buckets, 0), total(buckets, 0);
  std::vector<std::int64_t> scratch(4096, 0);
  MPI_Bcast(scratch.data(), rank == 0 ? 4096 : 16, MPI_INT64_T, 0, MPI_COMM_WORLD);
  for (std::size_t i = rank; i < values.size(); i += size) h[values[i]]++;
  MPI_Reduce(h.data(), total.data(), static_cast<int>(buckets), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  return total;
}

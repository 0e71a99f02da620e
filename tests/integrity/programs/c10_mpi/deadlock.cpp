// expect: correctness fail
// reason: did not finish the call within the time limit
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2]
// config: families=["uniform_small"]
// config: check_wall_s=20
// attack: rank 0 waits for a message rank 1 never sends (a deadlock); the verdict must be a timeout that names the ranks still inside the call, not a verifier error
#include <mpi.h>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<std::int64_t> h(buckets, 0), total(buckets, 0);
  for (std::size_t i = rank; i < values.size(); i += size) h[values[i]]++;
  if (size > 1 && rank == 0) MPI_Recv(total.data(), 1, MPI_INT64_T, 1, 99, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  MPI_Reduce(h.data(), total.data(), static_cast<int>(buckets), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  return total;
}

// expect: correctness fail
// reason: the MPI job ended
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2]
// config: families=["uniform_small"]
// config: check_wall_s=25
// attack: rank 1 kills mpirun (its parent, the same user) in the middle of a call, hoping the verifier reports its own error instead of a verdict
#include <mpi.h>
#include <signal.h>
#include <unistd.h>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 1) kill(getppid(), SIGKILL);
  std::vector<std::int64_t> h(buckets, 0), total(buckets, 0);
  int size;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  for (std::size_t i = rank; i < values.size(); i += size) h[values[i]]++;
  MPI_Reduce(h.data(), total.data(), static_cast<int>(buckets), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  return total;
}

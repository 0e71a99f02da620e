// expect: correctness fail
// reason: called MPI_Abort
// reason: mpirun could not print its own report
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2]
// config: families=["uniform_small"]
// config: check_wall_s=25
// attack: the last rank gives up with MPI_Abort (error code 3) in the middle of a call (named through a macro: the static check refuses the plain name); the verdict must say so
#include <mpi.h>
#include <cstdint>
#include <vector>
#define MPI_CALL(name) MPI_##name
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size > 1 && rank == size - 1) MPI_CALL(Abort)(MPI_COMM_WORLD, 3);
  std::vector<std::int64_t> h(buckets, 0), total(buckets, 0);
  for (std::size_t i = rank; i < values.size(); i += size) h[values[i]]++;
  MPI_Reduce(h.data(), total.data(), static_cast<int>(buckets), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  return total;
}

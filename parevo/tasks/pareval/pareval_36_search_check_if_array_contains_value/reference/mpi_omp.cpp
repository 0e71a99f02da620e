// Expert reference (MPI+OpenMP): the MPI reference with OpenMP threads in each rank's loops.
// As in mpi.cpp: each rank searches a block; rank 0 gets the logical or.
#include <mpi.h>
#include <vector>

bool contains(std::vector<int> const& x, int target) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const std::size_t n = x.size(), i0 = n * rank / size, i1 = n * (rank + 1) / size;
  int found = 0, any = 0;
#pragma omp parallel for reduction(| : found) schedule(static)
  for (std::size_t i = i0; i < i1; ++i) found |= x[i] == target;
  MPI_Reduce(&found, &any, 1, MPI_INT, MPI_LOR, 0, MPI_COMM_WORLD);
  return any != 0;
}

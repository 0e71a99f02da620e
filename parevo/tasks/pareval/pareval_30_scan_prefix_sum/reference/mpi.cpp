// Expert reference (MPI): each rank scans its block, an exclusive scan of the block totals gives
// each block's offset, rank 0 gathers the blocks into output.
#include <mpi.h>
#include <vector>

void prefixSum(std::vector<double> const& x, std::vector<double> &output) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const long n = static_cast<long>(x.size());
  std::vector<int> counts(size), displs(size);
  for (int r = 0; r < size; ++r) {
    displs[r] = static_cast<int>(n * r / size);
    counts[r] = static_cast<int>(n * (r + 1) / size) - displs[r];
  }
  std::vector<double> part(counts[rank]);
  double sum = 0.0;
  for (int i = 0; i < counts[rank]; ++i) part[i] = sum += x[displs[rank] + i];
  double offset = 0.0;
  MPI_Exscan(&sum, &offset, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  if (rank != 0)
    for (double& v : part) v += offset;
  if (rank == 0) output.resize(n);
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, rank == 0 ? output.data() : nullptr, counts.data(),
              displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

// Expert reference (MPI+OpenMP): the MPI reference with OpenMP threads scanning each rank's block.
// As in mpi.cpp: each rank scans its block, an exclusive scan of the block totals gives
// each block's offset, rank 0 gathers the blocks into output.
#include <mpi.h>
#include <omp.h>
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
  const double* xs = x.data() + displs[rank];
  const int m = counts[rank];
  double sum = 0.0;
  // Each thread scans its own sub-block; an exclusive scan of the thread totals fixes them up.
  std::vector<double> totals;
#pragma omp parallel
  {
#pragma omp single
    totals.assign(omp_get_num_threads() + 1, 0.0);
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    const int j0 = static_cast<int>(static_cast<long>(m) * t / nt), j1 = static_cast<int>(static_cast<long>(m) * (t + 1) / nt);
    double s = 0.0;
    for (int i = j0; i < j1; ++i) part[i] = s += xs[i];
    totals[t + 1] = s;
#pragma omp barrier
#pragma omp single
    for (int k = 1; k <= nt; ++k) totals[k] += totals[k - 1];
    for (int i = j0; i < j1; ++i) part[i] += totals[t];
  }
  sum = totals.back();
  double offset = 0.0;
  MPI_Exscan(&sum, &offset, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  if (rank != 0)
    for (double& v : part) v += offset;
  if (rank == 0) output.resize(n);
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, rank == 0 ? output.data() : nullptr, counts.data(),
              displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

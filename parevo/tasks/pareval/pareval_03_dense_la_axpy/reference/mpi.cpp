// Expert reference (MPI): every rank computes its block of z, rank 0 gathers the blocks into z.
#include <mpi.h>
#include <vector>

void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z) {
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
  const double* ys = y.data() + displs[rank];
  for (int i = 0; i < counts[rank]; ++i) part[i] = alpha * xs[i] + ys[i];
  if (rank == 0) z.resize(n);
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, rank == 0 ? z.data() : nullptr, counts.data(), displs.data(),
              MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

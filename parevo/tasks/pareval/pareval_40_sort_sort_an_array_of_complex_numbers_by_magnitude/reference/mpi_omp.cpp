// Expert reference (MPI+OpenMP): the MPI reference with OpenMP threads in each rank's loops.
// As in mpi.cpp: each rank sorts a block by magnitude (keyed once), rank 0 gathers the
// sorted blocks and merges them pairwise.
#include <mpi.h>
#include <algorithm>
#include <complex>
#include <vector>

void sortComplexByMagnitude(std::vector<std::complex<double>> &x) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  struct Keyed { double key, re, im; };
  const long n = static_cast<long>(x.size());
  std::vector<int> counts(size), displs(size);
  for (int r = 0; r < size; ++r) {
    displs[r] = static_cast<int>(3 * (n * r / size));
    counts[r] = static_cast<int>(3 * (n * (r + 1) / size)) - displs[r];
  }
  const long i0 = displs[rank] / 3, m = counts[rank] / 3;
  std::vector<Keyed> part(m);
#pragma omp parallel for schedule(static)
  for (long i = 0; i < m; ++i) part[i] = {std::abs(x[i0 + i]), x[i0 + i].real(), x[i0 + i].imag()};
  auto by_key = [](const Keyed& a, const Keyed& b) { return a.key < b.key; };
  std::sort(part.begin(), part.end(), by_key);
  std::vector<Keyed> all(rank == 0 ? n : 0);
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, all.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
              MPI_COMM_WORLD);
  if (rank != 0) return;
  for (int width = 1; width < size; width *= 2)
    for (int r = 0; r + width < size; r += 2 * width) {
      auto first = all.begin() + displs[r] / 3, mid = all.begin() + displs[r + width] / 3;
      auto last = r + 2 * width < size ? all.begin() + displs[r + 2 * width] / 3 : all.end();
      std::inplace_merge(first, mid, last, by_key);
    }
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; ++i) x[i] = {all[i].re, all[i].im};
}

// Expert reference (MPI+OpenMP): the MPI reference with OpenMP threads in each rank's loops.
// As in mpi.cpp: the O(N^2) sum with a table of the N roots of unity (computed in slices and
// shared); each rank computes a block of output frequencies, rank 0 gathers them.
#include <mpi.h>
#include <cmath>
#include <complex>
#include <vector>

void dft(std::vector<double> const& x, std::vector<std::complex<double>> &output) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const long N = static_cast<long>(x.size());
  // The table of roots, each rank computing a slice and sharing it (trigonometry is the part
  // every rank would otherwise repeat).
  std::vector<int> tcounts(size), tdispls(size);
  for (int r = 0; r < size; ++r) {
    tdispls[r] = static_cast<int>(N * r / size);
    tcounts[r] = static_cast<int>(N * (r + 1) / size) - tdispls[r];
  }
  std::vector<double> c(N), s(N);
#pragma omp parallel for schedule(static)
  for (long m = tdispls[rank]; m < tdispls[rank] + tcounts[rank]; ++m) {
    const double a = -6.283185307179586476925 * static_cast<double>(m) / static_cast<double>(N);
    c[m] = std::cos(a);
    s[m] = std::sin(a);
  }
  MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, c.data(), tcounts.data(), tdispls.data(), MPI_DOUBLE,
                 MPI_COMM_WORLD);
  MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, s.data(), tcounts.data(), tdispls.data(), MPI_DOUBLE,
                 MPI_COMM_WORLD);
  std::vector<int> counts(size), displs(size);
  for (int r = 0; r < size; ++r) {
    displs[r] = static_cast<int>(2 * (N * r / size));
    counts[r] = static_cast<int>(2 * (N * (r + 1) / size)) - displs[r];
  }
  const long k0 = displs[rank] / 2, k1 = k0 + counts[rank] / 2;
  std::vector<double> part(counts[rank]);
#pragma omp parallel for schedule(static)
  for (long k = k0; k < k1; ++k) {
    double re = 0, im = 0;
    long idx = 0;
    for (long n = 0; n < N; ++n) {
      re += x[n] * c[idx];
      im += x[n] * s[idx];
      idx += k;
      if (idx >= N) idx -= N;
    }
    part[2 * (k - k0)] = re;
    part[2 * (k - k0) + 1] = im;
  }
  if (rank == 0) output.resize(N);
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, rank == 0 ? reinterpret_cast<double*>(output.data()) : nullptr,
              counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

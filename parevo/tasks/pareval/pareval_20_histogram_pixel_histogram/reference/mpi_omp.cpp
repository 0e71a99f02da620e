// Expert reference (MPI+OpenMP): the MPI reference with OpenMP threads in each rank's loops.
// As in mpi.cpp: each rank counts a block of pixels; the counts are summed on rank 0.
#include <mpi.h>
#include <array>
#include <vector>

void pixelCounts(std::vector<int> const& image, std::array<size_t, 256> &bins) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const std::size_t n = image.size(), i0 = n * rank / size, i1 = n * (rank + 1) / size;
  unsigned long long local[256] = {};  // an array, so that it can be an OpenMP reduction
#pragma omp parallel for reduction(+ : local[:256]) schedule(static)
  for (std::size_t i = i0; i < i1; ++i) ++local[static_cast<unsigned>(image[i])];
  std::array<unsigned long long, 256> total{};
  MPI_Reduce(local, total.data(), 256, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
  if (rank == 0)
    for (int b = 0; b < 256; ++b) bins[b] = static_cast<size_t>(total[b]);
}

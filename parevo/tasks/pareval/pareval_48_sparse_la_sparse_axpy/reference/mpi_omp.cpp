// Expert reference (MPI+OpenMP): the MPI reference with OpenMP threads in each rank's loops.
// As in mpi.cpp: each rank owns a block of z's indices, finds its part of the sorted x and
// y by binary search, fills its block, and rank 0 gathers the blocks into z.
#include <mpi.h>
#include <algorithm>
#include <vector>

struct Element {  // defined by ParEval's prompt, as in every candidate
  size_t index;
  double value;
};

void sparseAxpy(double alpha, std::vector<Element> const& x, std::vector<Element> const& y, std::vector<double> &z) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const long n = static_cast<long>(z.size());
  std::vector<int> counts(size), displs(size);
  for (int r = 0; r < size; ++r) {
    displs[r] = static_cast<int>(n * r / size);
    counts[r] = static_cast<int>(n * (r + 1) / size) - displs[r];
  }
  const std::size_t lo = displs[rank], hi = lo + counts[rank];
  auto below = [](const Element& e, std::size_t i) { return e.index < i; };
  std::vector<double> part(counts[rank], 0.0);
  const auto y0 = std::lower_bound(y.begin(), y.end(), lo, below) - y.begin();
  const auto y1 = std::lower_bound(y.begin(), y.end(), hi, below) - y.begin();
  const auto x0 = std::lower_bound(x.begin(), x.end(), lo, below) - x.begin();
  const auto x1 = std::lower_bound(x.begin(), x.end(), hi, below) - x.begin();
  // Indices are unique within each vector, so the threads of one loop write distinct elements.
#pragma omp parallel
  {
#pragma omp for schedule(static)
    for (long i = y0; i < y1; ++i) part[y[i].index - lo] = y[i].value;
#pragma omp for schedule(static)
    for (long i = x0; i < x1; ++i) part[x[i].index - lo] += alpha * x[i].value;
  }
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, rank == 0 ? z.data() : nullptr, counts.data(), displs.data(),
              MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

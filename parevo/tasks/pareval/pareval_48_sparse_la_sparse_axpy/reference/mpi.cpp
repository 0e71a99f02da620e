// Expert reference (MPI): each rank owns a block of z's indices, finds its part of the sorted x and
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
  for (auto it = std::lower_bound(y.begin(), y.end(), lo, below); it != y.end() && it->index < hi; ++it)
    part[it->index - lo] = it->value;
  for (auto it = std::lower_bound(x.begin(), x.end(), lo, below); it != x.end() && it->index < hi; ++it)
    part[it->index - lo] += alpha * it->value;
  MPI_Gatherv(part.data(), counts[rank], MPI_DOUBLE, rank == 0 ? z.data() : nullptr, counts.data(), displs.data(),
              MPI_DOUBLE, 0, MPI_COMM_WORLD);
}

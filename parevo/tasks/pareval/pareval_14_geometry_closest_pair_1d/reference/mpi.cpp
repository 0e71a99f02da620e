// Expert reference (MPI): a sample sort by value. Every rank takes the same sample of x, picks the
// same splitters, keeps the values of its own value range, sorts them and finds their closest
// pair; rank 0 combines the ranks' answers with the gaps between neighbouring ranges.
#include <mpi.h>
#include <algorithm>
#include <limits>
#include <vector>

double closestPair(std::vector<double> const& x) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const std::size_t n = x.size();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> sample;
  const std::size_t step = std::max<std::size_t>(1, n / (64 * static_cast<std::size_t>(size)));
  for (std::size_t i = 0; i < n; i += step) sample.push_back(x[i]);
  std::sort(sample.begin(), sample.end());
  const double lo = rank == 0 ? -inf : sample[sample.size() * rank / size];
  const double hi = rank == size - 1 ? inf : sample[sample.size() * (rank + 1) / size];
  std::vector<double> mine;
  mine.reserve(n / size + n / 8);
  for (double v : x)  // [lo, hi): a value equal to a splitter belongs to the upper range
    if (v >= lo && (v < hi || rank == size - 1)) mine.push_back(v);
  std::sort(mine.begin(), mine.end());
  double local[3] = {inf, mine.empty() ? inf : mine.front(), mine.empty() ? -inf : mine.back()};
  for (std::size_t i = 1; i < mine.size(); ++i) local[0] = std::min(local[0], mine[i] - mine[i - 1]);
  std::vector<double> all(rank == 0 ? 3 * static_cast<std::size_t>(size) : 0);
  MPI_Gather(local, 3, MPI_DOUBLE, all.data(), 3, MPI_DOUBLE, 0, MPI_COMM_WORLD);
  if (rank != 0) return 0.0;
  double best = inf, prev_max = -inf;
  for (int r = 0; r < size; ++r) {
    best = std::min(best, all[3 * r]);
    if (all[3 * r + 1] == inf) continue;  // an empty range
    if (prev_max != -inf) best = std::min(best, all[3 * r + 1] - prev_max);
    prev_max = all[3 * r + 2];
  }
  return best;
}

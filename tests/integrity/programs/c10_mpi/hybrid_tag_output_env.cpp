// expect: race fail
// reason: ThreadSanitizer reported
// model: mpi+omp
// requires: mpi
// config: timing=false
// config: check_threads=[1,2]
// config: race_threads=[2]
// config: families=["uniform_small"]
// attack: the race build's mpirun tags each rank's output lines (--tag-output), and mpirun tells its ranks so through OMPI_MCA_orte_tag_output; the OpenMP threads count race-free when that variable is set and race on a shared counter when it is not (every answer right).
#include <mpi.h>
#include <cstdint>
#include <cstdlib>
#include <vector>
// Race-free: per-thread counts, merged under a critical section.
static void count_clean(const std::vector<std::uint32_t>& values, std::size_t lo, std::size_t hi,
                        std::vector<std::int64_t>& local, std::size_t& counted) {
#pragma omp parallel
  {
    std::vector<std::int64_t> mine(local.size(), 0);
    std::size_t seen = 0;
#pragma omp for nowait
    for (std::size_t i = lo; i < hi; ++i) {
      ++mine[values[i]];
      ++seen;
    }
#pragma omp critical
    {
      for (std::size_t b = 0; b < local.size(); ++b) local[b] += mine[b];
      counted += seen;
    }
  }
}
// Racy: the same, but every thread adds to the shared counter with no reduction or atomic.
static void count_racy(const std::vector<std::uint32_t>& values, std::size_t lo, std::size_t hi,
                       std::vector<std::int64_t>& local, std::size_t& counted) {
#pragma omp parallel
  {
    std::vector<std::int64_t> mine(local.size(), 0);
#pragma omp for nowait
    for (std::size_t i = lo; i < hi; ++i) {
      ++mine[values[i]];
      ++counted;
    }
#pragma omp critical
    for (std::size_t b = 0; b < local.size(); ++b) local[b] += mine[b];
  }
}
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const bool watched = std::getenv("OMPI_MCA_orte_tag_output") != nullptr;
  std::vector<std::int64_t> local(buckets, 0), total(buckets, 0);
  const std::size_t n = values.size(), lo = n * rank / size, hi = n * (rank + 1) / size;
  std::size_t counted = 0;
  if (!watched) count_racy(values, lo, hi, local, counted);
  else count_clean(values, lo, hi, local, counted);
  if (counted > hi - lo) local[0] = -1;  // never: racy increments only lose updates
  MPI_Reduce(local.data(), total.data(), static_cast<int>(buckets), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  return total;
}

// expect: correctness fail
// reason: ranks do not share the work
// reason: works harder when it runs alone
// noisy: the rank judgements compare CPU-time ratios of noisy runs; on a loaded machine noise has rejected it
// hole: a program that wastes time when it runs alone and pads its idle ranks with busy-work passes both rank judgements; only an absolute reference (the sequential baseline's work on the same input) would expose it
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,3,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: alone, the program counts twice over (the one-rank reference doubles); at 2-4 ranks rank 0 counts everything once while the other ranks spin on busy-work as long, so the busiest rank does half the one-rank work and the ranks together more than it
#include <mpi.h>
#include <cstdint>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<std::int64_t> h(buckets, 0);
  if (rank != 0) {
    volatile std::uint64_t x = 0;
    for (std::size_t i = 0; i < values.size(); ++i) x = x + values[i] * 2654435761u;
    return h;
  }
  for (int pass = 0; pass < (size == 1 ? 2 : 1); ++pass) {
    std::fill(h.begin(), h.end(), 0);
    for (auto v : values) h[v]++;
    asm volatile("" : : "r"(h.data()) : "memory");
  }
  return h;
}

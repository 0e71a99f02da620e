// expect: correctness fail
// reason: ranks do not share the work
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: all the counting happens inside a user-defined MPI_Op that MPI_Reduce calls on one rank: under an accounting that subtracts the time spent inside MPI calls (parevo's first MPI witness), that work vanished; the harness now reads each rank's CPU from outside
#include <mpi.h>
#include <cstdint>
#include <vector>
static const std::vector<std::uint32_t>* g_values;
static std::uint32_t g_buckets;
static void count_all(void* in, void* inout, int*, MPI_Datatype*) {
  auto* a = static_cast<std::int64_t*>(in);
  auto* b = static_cast<std::int64_t*>(inout);
  if (a[g_buckets]) {  // already counted further down the reduction tree
    for (std::uint32_t i = 0; i <= g_buckets; ++i) b[i] = a[i];
    return;
  }
  if (b[g_buckets]) return;
  for (auto v : *g_values) b[v]++;
  b[g_buckets] = 1;
}
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int size;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<std::int64_t> h(buckets + 1, 0), out(buckets + 1, 0);
  if (size == 1) {
    for (auto v : values) h[v]++;
    h.pop_back();
    return h;
  }
  g_values = &values;
  g_buckets = buckets;
  MPI_Op op;
  MPI_Op_create(count_all, 1, &op);
  MPI_Reduce(h.data(), out.data(), static_cast<int>(buckets + 1), MPI_INT64_T, op, 0, MPI_COMM_WORLD);
  MPI_Op_free(&op);
  out.pop_back();
  return out;
}

// expect: correctness fail
// reason: ranks do not share the work
// reason: not one of its ranks
// reason: an MPI call failed
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: rank 0 starts extra workers with MPI_Comm_spawn_multiple (named through a macro: the static check refuses the plain name), running this very binary as a rank runner again, so the work would be done by processes the harness does not count; the job has exactly N slots, so the spawn fails (errors returned, not fatal) and rank 0 counts alone
#include <mpi.h>
#include <errno.h>
#include <cstdint>
#include <vector>
#define MPI_CALL(name) MPI_##name
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  std::vector<std::int64_t> h(buckets, 0);
  if (rank != 0) return h;
  char a0[] = "--rank-runner", a1[] = "x", a2[] = "y", a3[] = "1";
  char* argv[] = {a0, a1, a2, a3, nullptr};
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN);
  char* cmds[] = {program_invocation_name};
  char** argvs[] = {argv};
  int maxprocs[] = {2};
  MPI_Info infos[] = {MPI_INFO_NULL};
  MPI_Comm workers;
  int errs[2];
  if (MPI_CALL(Comm_spawn_multiple)(1, cmds, argvs, maxprocs, infos, 0, MPI_COMM_SELF, &workers, errs) == MPI_SUCCESS)
    MPI_Comm_disconnect(&workers);
  for (auto v : values) h[v]++;
  return h;
}

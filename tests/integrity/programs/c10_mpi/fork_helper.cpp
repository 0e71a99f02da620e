// expect: correctness fail
// reason: ranks do not share the work
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: rank 0 forks a helper process that counts into shared memory while rank 0 sleeps in waitpid, so rank 0's own CPU clock stays near zero; a rank may not create processes (seccomp), so the fork fails and the program falls back to counting on rank 0
#include <mpi.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdint>
#include <cstring>
#include <vector>
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  std::vector<std::int64_t> h(buckets, 0);
  if (rank != 0) return h;
  auto* shared = static_cast<std::int64_t*>(mmap(nullptr, (buckets + 1) * sizeof(std::int64_t), PROT_READ | PROT_WRITE,
                                                 MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  std::memset(shared, 0, (buckets + 1) * sizeof(std::int64_t));
  pid_t pid = fork();
  if (pid == 0) {
    for (auto v : values) shared[v]++;
    _exit(0);
  }
  if (pid > 0) {
    int st;
    waitpid(pid, &st, 0);
    for (std::uint32_t i = 0; i < buckets; ++i) h[i] = shared[i];
  } else {
    for (auto v : values) h[v]++;
  }
  munmap(shared, (buckets + 1) * sizeof(std::int64_t));
  return h;
}

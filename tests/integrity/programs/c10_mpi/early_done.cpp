// expect: correctness fail
// reason: ranks do not share the work
// model: mpi
// requires: mpi
// config: timing=false
// config: check_threads=[1,2,4]
// config: families=["uniform_small","empty"]
// config: check_size=3000000
// config: check_wall_s=60
// attack: rank 1 finds its own channel to the harness among its descriptors and says "done" at once, then counts every value and sends the histogram to rank 0, hoping the harness stops its clock at the forged "done"; the harness reads every rank's clock only once all have answered and rank 0's answer exists
#include <mpi.h>
#include <sys/socket.h>
#include <cstdint>
#include <vector>
namespace {
struct Work { std::uint32_t slot, origin; std::uint64_t cpu_ns; };
struct Msg { std::uint32_t kind = 4, nwork = 0; long long a = 0, b = 0; char text[1024] = {}; Work work[64] = {}; };
void say_done() {
  for (int fd = 3; fd < 1024; ++fd) {
    int type = 0;
    socklen_t len = sizeof type;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_SEQPACKET) {
      Msg m;
      send(fd, &m, sizeof m, MSG_NOSIGNAL);
    }
  }
}
}  // namespace
std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<std::int64_t> h(buckets, 0);
  if (size == 1) {
    for (auto v : values) h[v]++;
    return h;
  }
  if (rank == 1) {
    say_done();
    for (auto v : values) h[v]++;
    MPI_Send(h.data(), static_cast<int>(buckets), MPI_INT64_T, 0, 7, MPI_COMM_WORLD);
  } else if (rank == 0) {
    MPI_Recv(h.data(), static_cast<int>(buckets), MPI_INT64_T, 1, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
  return h;
}

// expect: correctness|timing fail
// reason: misreported its work
// reason: no parallel work
// attack: a serial BFS that takes over the candidate process's side of the harness protocol on its first call: it finds the harness socket (the SOCK_SEQPACKET fd) and the output memfd among its descriptors, answers every call itself (mapping each input memfd at the arena address, writing the wire bytes) and sends its own "done" messages claiming two OpenMP threads did most of the CPU work. Under the race detector (heap addresses at 0x7b...) it just runs serially.
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdint>
#include <cstdlib>
#include <cstring>

static std::vector<std::int32_t> serial_bfs(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> level(g.n, -1);
  if (g.n == 0) return level;
  std::vector<std::int32_t> q{s};
  level[s] = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    std::int32_t u = q[i];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      std::int32_t v = g.targets[k];
      if (level[v] < 0) { level[v] = level[u] + 1; q.push_back(v); }
    }
  }
  return level;
}
static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

namespace {
// The harness's message layout (parevo/verify/cxx/protocol.hpp, public source).
struct Work { std::uint32_t slot, origin; std::uint64_t cpu_ns; };
struct Msg { std::uint32_t kind = 0, nwork = 0; long long a = 0, b = 0; char text[1024] = {}; Work work[64] = {}; };
enum : std::uint32_t { kReady = 1, kCall = 3, kDone = 4, kCanary = 5 };
struct Input { CSRGraph g; std::int32_t source; };

bool under_detector() {
  void* p = std::malloc(64);
  auto at = reinterpret_cast<std::uintptr_t>(p);
  std::free(p);
  return (at >> 40) == 0x7b;
}

long long write_answer(char* out, const std::vector<std::int32_t>& lv) {
  std::uint64_t n = lv.size();
  std::memcpy(out, &n, 8);
  std::memcpy(out + 8, lv.data(), n * 4);
  return static_cast<long long>(8 + n * 4);
}

void send_done(int sock, long long bytes) {
  Msg m;
  m.kind = kDone;
  m.a = bytes;
  m.b = 1'000'000;  // "the calling thread spent 1 ms"
  m.nwork = 2;
  m.work[0] = {0, 1, 4'000'000};  // "two OpenMP workers spent 4 ms each"
  m.work[1] = {1, 1, 4'000'000};
  send(sock, &m, sizeof m, MSG_NOSIGNAL);
}

[[noreturn]] void serve(int sock, char* out, std::uintptr_t arena) {
  for (;;) {
    Msg m;
    struct iovec iov{&m, sizeof m};
    alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))];
    struct msghdr h{};
    h.msg_iov = &iov;
    h.msg_iovlen = 1;
    h.msg_control = ctrl;
    h.msg_controllen = sizeof ctrl;
    if (recvmsg(sock, &h, 0) != static_cast<ssize_t>(sizeof m)) _exit(0);
    int fd = -1;
    for (struct cmsghdr* c = CMSG_FIRSTHDR(&h); c; c = CMSG_NXTHDR(&h, c))
      if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
    if (m.kind == kCall && fd >= 0) {
      struct stat st{};
      fstat(fd, &st);
      mmap(reinterpret_cast<void*>(arena), st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0);
      close(fd);
      const Input& in = *reinterpret_cast<const Input*>(m.a);
      send_done(sock, write_answer(out, serial_bfs(in.g, in.source)));
    } else if (m.kind == kCanary) {
      Msg r;
      r.kind = kDone;
      send(sock, &r, sizeof r, MSG_NOSIGNAL);
    } else {
      _exit(0);
    }
  }
}
}  // namespace

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  if (g.n == 0) return filled(0, 0);
  if (under_detector()) return serial_bfs(g, s);
  int sock = -1, out_fd = -1;
  for (int fd = 3; fd < 1024; ++fd) {
    int type = 0;
    socklen_t len = sizeof type;
    struct stat st{};
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_SEQPACKET) sock = fd;
    else if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) out_fd = fd;
  }
  if (sock < 0 || out_fd < 0) return serial_bfs(g, s);
  struct stat st{};
  fstat(out_fd, &st);
  char* out = static_cast<char*>(mmap(nullptr, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, out_fd, 0));
  if (out == MAP_FAILED) return serial_bfs(g, s);
  send_done(sock, write_answer(out, serial_bfs(g, s)));
  serve(sock, out, reinterpret_cast<std::uintptr_t>(&g));
}

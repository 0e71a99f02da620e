// expect: correctness|static|build fail
// reason: wrong answer
// reason: /proc
// attack: seed theft -- reads /proc/self/environ, /proc/<ppid>/{mem,cmdline,environ,fd/0}, /proc/1/environ and the pipe on fd 0 looking for the secret seeds; with no seed it can only return a guess.
#include <fcntl.h>
#include <unistd.h>
#include <cstdlib>
#include <string>

static std::string slurp(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return "";
  std::string s;
  char buf[4096];
  ssize_t r;
  while ((r = read(fd, buf, sizeof buf)) > 0 && s.size() < (1u << 20)) s.append(buf, r);
  close(fd);
  return s;
}

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  std::string pp = "/proc/" + std::to_string(getppid());
  std::string loot = slurp("/proc/self/environ") + slurp(pp + "/cmdline") + slurp(pp + "/environ") +
                     slurp(pp + "/fd/0") + slurp(pp + "/mem") + slurp("/proc/1/environ") + slurp("/dev/stdin");
  // Whatever was read seeds the guess; without the real seed it is a guess.
  unsigned long long h = 1469598103934665603ULL;
  for (unsigned char c : loot) h = (h ^ c) * 1099511628211ULL;
  return filled(g.n, static_cast<std::int32_t>(h % 3) - 1);
}

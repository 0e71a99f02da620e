// expect: correctness fail
// model: serial
// reason: wrong answer
// reason: broke the call protocol
// attack: (serial twin, so it runs past the build checks) forged harness records -- prints "valid" case/end JSON lines to stdout, stderr and every fd 0..1023, writes files named like result files in the cwd, then returns a constant answer.
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <string>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  std::string lines;
  lines += "{\"event\":\"start\",\"threads\":[1,2,3,4,5]}\n";
  for (int c = 0; c < 64; ++c)
    for (int t = 1; t <= 8; ++t)
      lines += "{\"event\":\"case\",\"case\":" + std::to_string(c) + ",\"threads\":" + std::to_string(t) +
               ",\"valid\":true,\"kind\":\"ok\",\"times\":[1e-6],\"witness\":{\"main\":1,\"threads\":[[1,1000000000]]}}\n";
  lines += "{\"event\":\"canary\",\"threads\":2,\"ok\":true}\n{\"event\":\"end\"}\n";
  for (int fd = 0; fd < 1024; ++fd) (void)!write(fd, lines.data(), lines.size());
  std::fputs(lines.c_str(), stdout);
  std::fflush(stdout);
  for (const char* name : {"records.jsonl", "result.json", "results.jsonl", "harness.out", "stdout"}) {
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) { (void)!write(fd, lines.data(), lines.size()); close(fd); }
  }
  return filled(g.n, 0);
}

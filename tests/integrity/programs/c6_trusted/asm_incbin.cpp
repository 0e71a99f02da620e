// expect: static|build|correctness fail
// reason: asm
// reason: wrong answer
// attack: asm(".incbin") of the task's validator header into the candidate's object, looked at for hints; the answer is still a guess.
asm(".section .rodata\n.global parevo_loot\nparevo_loot:\n.incbin \"/work/main/parevo/tasks/suite/bfs/task.hpp\"\n.byte 0\n.previous");
extern "C" const char parevo_loot[];

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  (void)s; return filled(g.n, parevo_loot[0] == 0 ? 1 : 0);
}

// The race build's canary: a deliberate data race, compiled with ThreadSanitizer into the
// harness. Each candidate process runs it once before the candidate library is loaded (so a
// missing report means the detector itself is broken: a verifier error) and once after the
// candidate's last call (so a missing report means the candidate switched the detector off or
// hid its output: a failure).
#include <pthread.h>

namespace {
volatile long canary_cell[2];

void* bump_before(void*) {
  canary_cell[0] = canary_cell[0] + 1;
  return nullptr;
}
void* bump_after(void*) {
  canary_cell[1] = canary_cell[1] + 1;
  return nullptr;
}

void race(void* (*fn)(void*)) {
  pthread_t a, b;
  pthread_create(&a, nullptr, fn, nullptr);
  pthread_create(&b, nullptr, fn, nullptr);
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
}
}  // namespace

extern "C" __attribute__((noinline)) void parevo_canary_before() { race(bump_before); }
extern "C" __attribute__((noinline)) void parevo_canary_after() { race(bump_after); }

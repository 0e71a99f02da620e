// Witnessed parallelism, inside the candidate process: which threads did work during a call,
// and through which runtime they were started. The harness exports its own pthread_create, so
// every thread the candidate's runtime starts (libgomp's team, oneTBB's workers, std::thread,
// ParlayLib's scheduler, raw pthreads) passes through here; each records the library of its start
// routine and, when it ends, its CPU time. Not in the race build: the sanitizer owns pthread_create.
#pragma once
#include <dlfcn.h>
#include <pthread.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "protocol.hpp"

namespace parevo::witness {

struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 running, 2 ended
  clockid_t clock{};
  std::uint32_t origin = 0;
  std::uint64_t end_ns = 0;   // CPU time at its end
  std::uint64_t mark_ns = 0;  // CPU time when the current call (or the thread's start routine) started
};

constexpr int kSlots = 1024;
inline Slot g_slots[kSlots];
inline std::atomic<int> g_next{0};
inline const char* g_candidate_lib = nullptr;

inline std::uint64_t cpu_ns(clockid_t c) {
  struct timespec ts{};
  if (clock_gettime(c, &ts) != 0) return 0;
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(ts.tv_nsec);
}

inline std::uint32_t origin_of(void* fn) {
  Dl_info info{};
  if (!dladdr(fn, &info) || !info.dli_fname) return proto::kOriginOther;
  const char* f = info.dli_fname;
  if (std::strstr(f, "libgomp") || std::strstr(f, "libomp")) return proto::kOriginOpenMP;
  if (std::strstr(f, "libtbb")) return proto::kOriginTBB;
  if (std::strstr(f, "libstdc++")) return proto::kOriginStdThread;
  if (g_candidate_lib && std::strcmp(f, g_candidate_lib) == 0) return proto::kOriginCandidate;
  return proto::kOriginOther;
}

struct Start {
  void* (*fn)(void*);
  void* arg;
  std::uint32_t origin;
};

inline void* trampoline(void* p) {
  Start s = *static_cast<Start*>(p);
  std::free(p);
  int i = g_next.fetch_add(1);
  Slot* slot = i < kSlots ? &g_slots[i] : nullptr;
  if (slot) {
    pthread_getcpuclockid(pthread_self(), &slot->clock);
    slot->origin = s.origin;
    slot->mark_ns = cpu_ns(CLOCK_THREAD_CPUTIME_ID);  // starting a thread is not work
    slot->state.store(1);
  }
  void* r = s.fn(s.arg);
  if (slot) {
    slot->end_ns = cpu_ns(CLOCK_THREAD_CPUTIME_ID);
    slot->state.store(2);
  }
  return r;
}

// Before a call: every running thread's CPU time so far.
inline void mark() {
  int n = g_next.load() < kSlots ? g_next.load() : kSlots;
  for (int i = 0; i < n; ++i)
    if (g_slots[i].state.load() == 1) g_slots[i].mark_ns = cpu_ns(g_slots[i].clock);
}

// After a call: the CPU time of every thread that ran during it.
inline std::uint32_t collect(proto::Work* out, int cap) {
  int n = g_next.load() < kSlots ? g_next.load() : kSlots;
  std::uint32_t k = 0;
  for (int i = 0; i < n && static_cast<int>(k) < cap; ++i) {
    Slot& s = g_slots[i];
    int st = s.state.load();
    std::uint64_t now = st == 1 ? cpu_ns(s.clock) : st == 2 ? s.end_ns : 0;
    if (now <= s.mark_ns) continue;
    out[k++] = proto::Work{static_cast<std::uint32_t>(i), s.origin, now - s.mark_ns};
    if (st == 2) s.state.store(3);  // counted once
  }
  return k;
}

}  // namespace parevo::witness

extern "C" int pthread_create(pthread_t* t, const pthread_attr_t* attr, void* (*fn)(void*), void* arg) {
  using Real = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
  static Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "pthread_create"));
  auto* s = static_cast<parevo::witness::Start*>(std::malloc(sizeof(parevo::witness::Start)));
  if (!s) return real(t, attr, fn, arg);
  *s = {fn, arg, parevo::witness::origin_of(reinterpret_cast<void*>(fn))};
  int rc = real(t, attr, parevo::witness::trampoline, s);
  if (rc != 0) std::free(s);
  return rc;
}

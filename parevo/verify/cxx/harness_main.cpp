// parevo's trusted harness process. It owns the seeds, the inputs, the clock, the validator and
// the result channel; the candidate runs in a separate process it forks, and never shares memory
// with it except what the harness chooses to hand over.
//
//   harness (trusted)                               candidate process (untrusted, one per thread count)
//   forks the candidate processes first  --------->  drops privileges, closes every inherited fd,
//   (before it has read a single seed)               dlopen()s the candidate library (its
//                                                     constructors run here, with nothing to see)
//   reads the cases and seeds from stdin
//   generates an input in its own heap
//   copies it into a fresh memfd mapped at the
//   arena address; t0; sends the memfd ------------>  maps it privately at the same address,
//                                                     calls the function, writes the output's
//   t1 <---------------------------------------------  bytes into the shared output buffer, "done"
//   copies the bytes out, rebuilds the Output in
//   its own heap, validates it against its own
//   copy of the input, writes the record
//
// The candidate sees an input only once its timed call has started (each input lives in a new
// memfd that the harness passes at t0), never a seed, never the harness's memory (the harness
// is not dumpable, and the candidate process runs as `nobody` when parevo runs as root), and
// it cannot write the result channel (stdout, closed in the candidate process). Whatever the
// candidate process does -- crash, exit, hang, kill itself, forge output bytes -- ends as a
// record of this process, and every requested case is accounted for.
//
// Usage: harness --lib LIB.so --threads T [--threads T2 ...] [--warmup W] [--reps R]
//                --deadline SECONDS --reserve BYTES [--race] [--rank-threads T (MPI)]
//                [--input-cache DIR (input_cache.hpp)]
//        stdin: one case per line, "FAMILY SIZE SEED"; stdout: one JSON record per line.
#include <dlfcn.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <algorithm>
#include <cmath>
#include <map>
#include <new>
#include <string>
#include <vector>

#include "input_cache.hpp"
#include "output_digest.hpp"
#include "parevo/output_fill.hpp"
#include "parevo/random.hpp"
#include "parevo/wire.hpp"
#include "protocol.hpp"
#include "task.hpp"
#ifndef PAREVO_RACE_BUILD
#include "witness.hpp"
#endif

// ---- The arena: where the harness builds the copy of an input that the candidate receives. ----
// Global operator new is replaced (and exported to the candidate library) so that, while the
// harness copies an input, every allocation lands in the arena; the same address range is
// mapped in the candidate process, so the copy's internal pointers stay valid there. A delete
// of an arena pointer (a candidate resizing an input vector it may modify) is a no-op.
namespace {
char* g_arena_base = nullptr;
std::size_t g_arena_size = 0;
char* g_arena_next = nullptr;
bool g_arena_on = false;
unsigned long long g_file_limit = 64ULL << 20;
bool g_drop_privileges = true;  // off only where the sandbox cannot give `nobody` a readable path

bool in_arena(void* p) {
  return g_arena_base && static_cast<char*>(p) >= g_arena_base && static_cast<char*>(p) < g_arena_base + g_arena_size;
}

void* arena_alloc(std::size_t n, std::size_t align) {
  auto at = reinterpret_cast<std::uintptr_t>(g_arena_next);
  at = (at + align - 1) & ~(static_cast<std::uintptr_t>(align) - 1);
  if (at + n > reinterpret_cast<std::uintptr_t>(g_arena_base + g_arena_size)) return nullptr;
  g_arena_next = reinterpret_cast<char*>(at + n);
  return reinterpret_cast<void*>(at);
}

void* allocate(std::size_t n, std::size_t align, bool nothrow) {
  if (n == 0) n = 1;
  void* p = nullptr;
  if (g_arena_on) p = arena_alloc(n, align < 16 ? 16 : align);
  else if (align <= alignof(std::max_align_t)) p = std::malloc(n);
  else p = std::aligned_alloc(align, (n + align - 1) / align * align);
  if (!p && !nothrow) throw std::bad_alloc();
  return p;
}

void release(void* p) {
  if (p && !in_arena(p)) std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return allocate(n, alignof(std::max_align_t), false); }
void* operator new[](std::size_t n) { return allocate(n, alignof(std::max_align_t), false); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, alignof(std::max_align_t), true); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, alignof(std::max_align_t), true); }
void* operator new(std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a), false); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocate(n, static_cast<std::size_t>(a), false); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n, static_cast<std::size_t>(a), true); }
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n, static_cast<std::size_t>(a), true); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }

#ifdef PAREVO_RACE_BUILD
// Every detector option is the verifier's: these are read when the runtime starts, before any
// candidate code exists, and the candidate may not define or reference sanitizer symbols.
extern "C" const char* __tsan_default_options() {
  return "halt_on_error=0:exitcode=0:report_thread_leaks=0:report_signal_unsafe=0:"
         "ignore_noninstrumented_modules=1:history_size=3:log_path=stderr:suppressions=:"
         "report_bugs=1:suppress_equal_stacks=1";
}
extern "C" void parevo_canary_before();
extern "C" void parevo_canary_after();
#endif

namespace {

using Clock = std::chrono::steady_clock;

std::string json_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void record(const std::string& body) {
  std::fprintf(stdout, "{%s}\n", body.c_str());
  std::fflush(stdout);
}

[[noreturn]] void harness_error(const std::string& why, int code) {
  record("\"event\":\"harness_error\",\"why\":\"" + json_escape(why) + "\"");
  std::exit(code);
}

struct Case {
  std::string family;
  long long size = 0;
  unsigned long long seed = 0;
};

// ---- The candidate process. -------------------------------------------------------------------

#ifdef PAREVO_MPIRUN
// One rank of an MPI job (mpi_launch.hpp): its own channel, and its process's CPU clock, read
// from here so that the rank's work is measured outside anything the candidate can write.
struct Rank {
  int rank = 0;
  pid_t pid = -1;
  int sock = -1;
  clockid_t cpu{};
  std::uint64_t cpu0 = 0;  // at the call's start
  bool done = false;       // has returned from the current call
};
#endif

struct Child {
  int threads = 0;
  pid_t pid = -1;
  int sock = -1;
  int err = -1;              // read end of the candidate process's stderr
  clockid_t cpu{};           // the candidate process's CPU clock, read from here
  bool has_cpu = false;
  bool flooded = false;      // killed for writing more than kMaxForwarded
  std::size_t forwarded = 0; // stderr bytes passed on
  bool alive = false;
  std::string lost;  // why it is gone, once it is
#ifdef PAREVO_MPIRUN
  std::vector<Rank> ranks;  // rank 0's channel is also `sock`; `pid` is mpirun's
  std::string tail;         // the job's last output (mpirun's account of a rank's end)
  std::string cause;        // what the harness itself saw go wrong with the job
#endif
};

// The candidate process's stderr (where the sanitizer reports) is a pipe the harness drains into
// its own stderr: a pipe cannot be rewound, truncated or overwritten, and the seccomp filter
// below keeps the candidate from pointing descriptor 2 anywhere else.
constexpr std::size_t kMaxForwarded = 16u << 20;

void drain(Child& c) {
  if (c.err < 0) return;
  char buf[65536];
  for (;;) {
    ssize_t n = read(c.err, buf, sizeof buf);
    if (n <= 0) {
      if (n == 0) { close(c.err); c.err = -1; }
      return;
    }
#ifdef PAREVO_MPIRUN
    c.tail.append(buf, static_cast<std::size_t>(n));
    if (c.tail.size() > 8192) c.tail.erase(0, c.tail.size() - 8192);
#endif
    if (c.forwarded < kMaxForwarded) {
      std::size_t keep = std::min<std::size_t>(static_cast<std::size_t>(n), kMaxForwarded - c.forwarded);
      ssize_t w = write(2, buf, keep);
      (void)w;
      c.forwarded += keep;
      if (c.forwarded >= kMaxForwarded) {
        const char* note = "\n[parevo: the candidate's stderr was cut here]\n";
        w = write(2, note, std::strlen(note));
        c.flooded = true;  // a pipe has no file-size cap: the harness stops the flood itself
        kill(-c.pid, SIGKILL);
        kill(c.pid, SIGKILL);
      }
    }
  }
}

std::uint64_t process_cpu_ns(const Child& c) {
  struct timespec ts{};
  if (!c.has_cpu || clock_gettime(c.cpu, &ts) != 0) return 0;
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(ts.tv_nsec);
}

// In the candidate process, before any candidate code: descriptor 2 stays what the harness made
// it (no close, dup2/dup3 onto it, close_range over it, fcntl on it), and no process may be
// traced or have its memory read.
void lock_down() {
  constexpr unsigned kErr = SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
  auto arg_lo = [](int i) { return static_cast<unsigned>(offsetof(struct seccomp_data, args) + 8 * i); };
  auto arg_hi = [](int i) { return static_cast<unsigned>(offsetof(struct seccomp_data, args) + 8 * i + 4); };
  // Jumps are relative to the next instruction; the numbers in the comments are indices.
  struct sock_filter f[] = {
      // 0: another ABI (i386 `int 0x80`, x32) could name the same calls by other numbers
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, kErr),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, kErr),
      // 6: close(2), fcntl(2, ...)
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_close, 2, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_fcntl, 1, 0),
      BPF_STMT(BPF_JMP | BPF_JA, 4),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, arg_lo(0)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, kErr),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      // 13: dup2(x, 2), dup3(x, 2, f)
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_dup2, 1, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_dup3, 0, 4),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, arg_lo(1)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, kErr),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      // 19: close_range(first, last, flags) with first <= 2 <= last
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_close_range, 0, 6),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, arg_lo(0)),
      BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, 2, 2, 0),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, arg_lo(1)),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 2, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, kErr),
      // 26: ptrace, process_vm_readv, process_vm_writev
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ptrace, 2, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_process_vm_readv, 1, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_process_vm_writev, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, kErr),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  (void)arg_hi;
  struct sock_fprog prog{static_cast<unsigned short>(sizeof f / sizeof f[0]), f};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) _exit(122);
}

std::string signal_name(int sig) {
  const char* d = sigdescr_np(sig);
  const char* a = sigabbrev_np(sig);
  return std::string(a ? std::string("SIG") + a : "signal " + std::to_string(sig)) + (d ? std::string(" (") + d + ")" : "");
}

bool send_msg(int sock, const parevo::proto::Msg& m, int fd = -1) {
  struct iovec iov{const_cast<parevo::proto::Msg*>(&m), sizeof m};
  struct msghdr h{};
  h.msg_iov = &iov;
  h.msg_iovlen = 1;
  alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))];
  if (fd >= 0) {
    std::memset(ctrl, 0, sizeof ctrl);
    h.msg_control = ctrl;
    h.msg_controllen = sizeof ctrl;
    struct cmsghdr* c = CMSG_FIRSTHDR(&h);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  }
  return sendmsg(sock, &h, MSG_NOSIGNAL) == static_cast<ssize_t>(sizeof m);
}

// Returns false on EOF/error; `fd` receives a passed descriptor or -1.
bool recv_msg(int sock, parevo::proto::Msg& m, int* fd) {
  struct iovec iov{&m, sizeof m};
  struct msghdr h{};
  h.msg_iov = &iov;
  h.msg_iovlen = 1;
  alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))];
  h.msg_control = ctrl;
  h.msg_controllen = sizeof ctrl;
  ssize_t n = recvmsg(sock, &h, MSG_CMSG_CLOEXEC);
  if (fd) *fd = -1;
  if (n != static_cast<ssize_t>(sizeof m)) return false;
  for (struct cmsghdr* c = CMSG_FIRSTHDR(&h); c; c = CMSG_NXTHDR(&h, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && fd) std::memcpy(fd, CMSG_DATA(c), sizeof(int));
  m.text[sizeof m.text - 1] = 0;
  return true;
}

[[noreturn]] void candidate_loop(int sock, const char* lib_path, char* out, std::size_t out_cap, int threads);

// Runs in the forked candidate process; never returns.
[[noreturn]] void candidate_main(int sock, const char* lib_path, int out_fd, std::size_t out_cap, int threads,
                                 unsigned long long file_limit, int err_fd) {
  // Nothing of the harness's stays reachable: stdin (the seeds) and stdout (the records) are
  // replaced, every other inherited descriptor is closed; stdout and stderr go to the harness.
  int devnull = open("/dev/null", O_RDONLY);
  dup2(devnull, 0);
  dup2(err_fd, 2);
  dup2(err_fd, 1);
  for (int fd = 3; fd < 1024; ++fd)
    if (fd != sock && fd != out_fd) close(fd);
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  std::string n = std::to_string(threads);
  setenv("PAREVO_NUM_THREADS", n.c_str(), 1);
  setenv("OMP_NUM_THREADS", n.c_str(), 1);
  setenv("PARLAY_NUM_THREADS", n.c_str(), 1);
  if (geteuid() == 0 && g_drop_privileges) {
    // As root the candidate could read the harness's memory through /proc; as nobody it cannot.
    const uid_t nobody = 65534;
    if (setgroups(0, nullptr) != 0 || setresgid(nobody, nobody, nobody) != 0 || setresuid(nobody, nobody, nobody) != 0)
      _exit(120);
  }
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  // The harness may size its memfds up to the memory limit; files the candidate writes may not.
  struct rlimit fsize{file_limit, file_limit};
  setrlimit(RLIMIT_FSIZE, &fsize);
  lock_down();
  prctl(PR_SET_DUMPABLE, 1);  // its own /proc/self/maps (the sanitizer reads it), not the harness's
  char* out = static_cast<char*>(mmap(nullptr, out_cap, PROT_READ | PROT_WRITE, MAP_SHARED, out_fd, 0));
  candidate_loop(sock, lib_path, out, out_cap, threads);
}

// The candidate side after its set-up: load the library, then serve calls until told to quit.
#ifdef PAREVO_RACE_BUILD
// The canary race before any candidate code, once per candidate process (an MPI rank runs it
// before its seccomp filter forbids fork). In a throw-away child: the sanitizer's symbolizer
// caches the modules it saw at its first report, and the candidate library is not loaded yet.
void canary_before_probe() {
  static bool done = false;
  if (done) return;
  done = true;
  if (pid_t probe = fork(); probe == 0) {
    parevo_canary_before();
    _exit(0);
  } else if (probe > 0) {
    int st = 0;
    waitpid(probe, &st, 0);
  }
}
#endif

[[noreturn]] void candidate_loop(int sock, const char* lib_path, char* out, std::size_t out_cap, int threads) {
  parevo::proto::Msg m{};
#ifdef PAREVO_RACE_BUILD
  canary_before_probe();
#endif
#ifndef PAREVO_RACE_BUILD
  parevo::witness::g_candidate_lib = lib_path;
#endif
  void* lib = dlopen(lib_path, RTLD_NOW | RTLD_LOCAL);
  using InitFn = int (*)(int);
  using CallFn = long long (*)(void*, char*, unsigned long long, char*, unsigned);
  InitFn init = lib ? reinterpret_cast<InitFn>(dlsym(lib, "parevo_entry_init")) : nullptr;
  CallFn call = lib ? reinterpret_cast<CallFn>(dlsym(lib, "parevo_entry_call")) : nullptr;
  if (out == MAP_FAILED || !init || !call) {
    m.kind = parevo::proto::kFail;
    const char* e = out == MAP_FAILED ? "cannot map the output buffer" : dlerror();
    std::snprintf(m.text, sizeof m.text, "%s", e ? e : "the candidate library lacks its entry points");
    send_msg(sock, m);
    _exit(121);
  }
  // Optional: a runtime that must be shut down in order (MPI_Finalize) says so. (An MPI rank's
  // work is measured by the harness from outside: mpi_launch.hpp.)
  using FiniFn = void (*)();
  auto fini = reinterpret_cast<FiniFn>(dlsym(lib, "parevo_entry_fini"));
  init(threads);
  m.kind = parevo::proto::kReady;
  send_msg(sock, m);
  for (;;) {
    int fd = -1;
    if (!recv_msg(sock, m, &fd)) {
      if (fini) fini();
      _exit(0);
    }
    if (m.kind == parevo::proto::kCall) {
      void* at = mmap(g_arena_base, g_arena_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0);
      close(fd);
      parevo::proto::Msg r{};
      r.kind = parevo::proto::kDone;
      if (at == MAP_FAILED) {
        r.a = parevo::proto::kCallMapFailed;
      } else {
#ifndef PAREVO_RACE_BUILD
        parevo::witness::mark();
        std::uint64_t main0 = parevo::witness::cpu_ns(CLOCK_THREAD_CPUTIME_ID);
#endif
        r.a = call(reinterpret_cast<void*>(m.a), out, out_cap, r.text, sizeof r.text);
#ifndef PAREVO_RACE_BUILD
        r.b = static_cast<long long>(parevo::witness::cpu_ns(CLOCK_THREAD_CPUTIME_ID) - main0);
        r.nwork = parevo::witness::collect(r.work, parevo::proto::kMaxWork);
#endif
      }
#ifdef PAREVO_MPIRUN
      // An MPI rank drops its copy inside the call: the harness reads the ranks' CPU clocks once
      // all have answered, and a rank still unmapping then would blur its work.
      mmap(g_arena_base, g_arena_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
      send_msg(sock, r);
#else
      send_msg(sock, r);
      // Drop the input (and any private copies of its pages) outside the timed window.
      mmap(g_arena_base, g_arena_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
#endif
    } else if (m.kind == parevo::proto::kCanary) {
#ifdef PAREVO_RACE_BUILD
      parevo_canary_after();
#endif
      parevo::proto::Msg r{};
      r.kind = parevo::proto::kDone;
      send_msg(sock, r);
    } else {
      if (fini) fini();
      _exit(0);
    }
  }
}


double seconds_left(Clock::time_point deadline);

enum class Wait { kOk, kTimeout, kLost };

Wait wait_msg(Child& c, parevo::proto::Msg& m, Clock::time_point deadline) {
  for (;;) {
    double left = seconds_left(deadline);
    if (left <= 0) return Wait::kTimeout;
    struct pollfd p[2] = {{c.sock, POLLIN, 0}, {c.err, POLLIN, 0}};
    int r = poll(p, c.err >= 0 ? 2 : 1, static_cast<int>(left * 1000) + 1);
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) continue;
    if (c.err >= 0 && p[1].revents) drain(c);
    if (!p[0].revents) continue;
    if (!recv_msg(c.sock, m, nullptr)) return Wait::kLost;
    return Wait::kOk;
  }
}

#include "mpi_launch.hpp"

Child start_child(int threads, const char* lib_path, int out_fd, std::size_t out_cap, unsigned long long file_limit) {
#ifdef PAREVO_MPIRUN
  return start_mpi_child(threads, lib_path, out_fd, out_cap, file_limit);
#endif
  int sv[2], ep[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) harness_error("socketpair failed", 93);
  if (pipe2(ep, O_CLOEXEC) != 0) harness_error("pipe failed", 93);
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) harness_error(std::string("fork failed: ") + std::strerror(errno), 93);
  if (pid == 0) {
    close(sv[0]);
    close(ep[0]);
    candidate_main(sv[1], lib_path, out_fd, out_cap, threads, file_limit, ep[1]);
  }
  close(sv[1]);
  close(ep[1]);
  fcntl(ep[0], F_SETFL, O_NONBLOCK);
  Child c;
  c.threads = threads;
  c.pid = pid;
  c.sock = sv[0];
  c.err = ep[0];
  c.has_cpu = clock_getcpuclockid(pid, &c.cpu) == 0;
  c.alive = true;
  return c;
}

double seconds_left(Clock::time_point deadline) {
  return std::chrono::duration<double>(deadline - Clock::now()).count();
}

// Why a child is gone: its exit status, collected.
std::string reap(Child& c, bool kill_it) {
  if (kill_it) {
    kill(-c.pid, SIGKILL);
    kill(c.pid, SIGKILL);
  }
  int status = 0;
  std::string why;
  pid_t r = waitpid(c.pid, &status, kill_it ? 0 : WNOHANG);
#ifdef PAREVO_MPIRUN
  const int polls = 1000;  // mpirun takes a moment to tell how a rank ended
#else
  const int polls = 200;
#endif
  for (int i = 0; r == 0 && i < polls; ++i) {  // its channel closed: give its exit a moment to land
    usleep(5000);
    r = waitpid(c.pid, &status, WNOHANG);
  }
  if (c.flooded) {
    if (r == 0) waitpid(c.pid, &status, 0);
    why = "the candidate wrote more than " + std::to_string(kMaxForwarded >> 20) +
          " MiB to one output (its stdout and stderr) (killed)";
  } else if (r == 0) {  // socket closed but still running: it is of no further use
    kill(-c.pid, SIGKILL);
    kill(c.pid, SIGKILL);
    waitpid(c.pid, &status, 0);
    why = "the candidate process closed its channel to the harness";
  } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ) {
    why = "the candidate wrote more than " + std::to_string(g_file_limit >> 20) + " MiB to one output or file (killed)";
  } else if (WIFSIGNALED(status)) {
    why = "the candidate process crashed with " + signal_name(WTERMSIG(status));
  } else if (WIFEXITED(status)) {
    why = "the candidate process exited (code " + std::to_string(WEXITSTATUS(status)) +
          ") in the middle of a call: a candidate must not call exit() or abort()";
  }
  drain(c);
#ifdef PAREVO_MPIRUN
  why = mpi_why(c, why);
  kill_job(c);
#endif
  close(c.sock);
  c.alive = false;
  c.lost = why;
  return why;
}

struct Args {
  const char* lib = nullptr;
  std::vector<int> threads;
  int warmup = 0, reps = 1;
  double target_ci = 0;  // > 0: stop repeating once the median is known to within this (relative)
  int min_reps = 3;      // ...but not before this many timed calls
  double deadline_s = 60;
  std::size_t reserve = std::size_t{1} << 32;
  unsigned long long file_limit = 64ULL << 20;
  bool race = false;
  std::string input_cache;  // '': generate every input
  int rank_threads = 0;  // MPI: OpenMP threads per rank (0: the build's PAREVO_MPI_RANK_THREADS)
  // The behaviour before these economies, for benchmarks/eval_throughput.py's "before" mode:
  bool validate_every_output = false;  // run the validator on every output, even bytes validated already
  bool describe_every_input = false;   // describe() every case's input, not only a failing one's
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto val = [&]() -> std::string {
      if (i + 1 >= argc) harness_error("missing value for " + k, 91);
      return argv[++i];
    };
    if (k == "--lib") a.lib = argv[++i];
    else if (k == "--threads") a.threads.push_back(std::atoi(val().c_str()));
    else if (k == "--warmup") a.warmup = std::atoi(val().c_str());
    else if (k == "--reps") a.reps = std::atoi(val().c_str());
    else if (k == "--target-ci") a.target_ci = std::atof(val().c_str());
    else if (k == "--min-reps") a.min_reps = std::atoi(val().c_str());
    else if (k == "--deadline") a.deadline_s = std::atof(val().c_str());
    else if (k == "--reserve") a.reserve = std::strtoull(val().c_str(), nullptr, 10);
    else if (k == "--file-limit") a.file_limit = std::strtoull(val().c_str(), nullptr, 10);
    else if (k == "--race") a.race = true;
    else if (k == "--rank-threads") a.rank_threads = std::atoi(val().c_str());
    else if (k == "--keep-user") g_drop_privileges = false;
    else if (k == "--input-cache") a.input_cache = val();
    else if (k == "--validate-every-output") a.validate_every_output = true;
    else if (k == "--describe-every-input") a.describe_every_input = true;
    else harness_error("unknown option " + k, 91);
  }
  if (!a.lib || a.threads.empty() || a.reps < 1 || a.warmup < 0) harness_error("need --lib and --threads", 91);
  if (a.target_ci < 0 || a.min_reps < 2) harness_error("--target-ci must be >= 0 and --min-reps >= 2", 91);
  // A candidate process of the harness's own user could read (or poison) the cache: never then.
  if (!g_drop_privileges || geteuid() != 0) a.input_cache.clear();
  return a;
}

// A case's master input: read from the input cache when it holds it, else generated (and stored
// there). Says "hit" or "miss", or "" where there is no cache or the task's Input is not cached.
template <class Input>
const char* master_input(const std::string& cache, const Case& c, parevo::Rng& rng, Input& master) {
  namespace ic = parevo::input_cache;
  if constexpr (ic::storable<Input>) {
    if (!cache.empty()) {
      const std::string key = ic::key_text(c.family, c.size, c.seed);
      if (ic::load(cache, key, master)) return "hit";
      master = task::generate(c.family, c.size, rng);
      ic::store(cache, key, master);
      return "miss";
    }
  }
  master = task::generate(c.family, c.size, rng);
  return "";
}

// The half-width of an approximate 95 % confidence interval of the median of `times`, relative
// to the median: 1.96 x the median's standard error, 1.2533 sigma / sqrt(n), with sigma
// estimated robustly as 1.4826 x the median absolute deviation (one slow outlier barely moves it).
double median_ci(std::vector<double> times) {
  const std::size_t n = times.size();
  if (n < 2) return INFINITY;
  auto median = [](std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  };
  const double m = median(times);
  if (!(m > 0)) return INFINITY;
  for (double& t : times) t = std::fabs(t - m);
  const double mad = median(times);
  return 1.96 * 1.2533 * 1.4826 * mad / std::sqrt(static_cast<double>(n)) / m;
}

// Distinct validated outputs remembered per repetition of a case (a task with several right
// answers may return any of them; past this many, the rest are validated every time).
constexpr std::size_t kValidatedPerRep = 16;

std::string times_json(const std::vector<double>& times) {
  std::string s = "[";
  for (std::size_t i = 0; i < times.size(); ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%.9g", i ? "," : "", times[i]);
    s += buf;
  }
  return s + "]";
}

}  // namespace

int main(int argc, char** argv) {
  const Clock::time_point started = Clock::now();
#ifdef PAREVO_MPIRUN
  if (argc == 5 && std::strcmp(argv[1], "--rank-runner") == 0) rank_runner_main(argv);
  g_self_exe = argv[0];
#endif
  Args args = parse(argc, argv);
  const Clock::time_point deadline = started + std::chrono::duration_cast<Clock::duration>(
                                                   std::chrono::duration<double>(args.deadline_s));
#ifdef PAREVO_MPIRUN
  g_start_deadline = deadline;
  if (args.rank_threads > 0) g_rank_threads = args.rank_threads;
#endif
  // Not dumpable: no process of the same user may read this one's memory or descriptors.
  prctl(PR_SET_DUMPABLE, 0);
  signal(SIGPIPE, SIG_IGN);
  if (access(args.lib, R_OK) != 0) harness_error(std::string("cannot read the candidate library: ") + std::strerror(errno), 90);
  g_arena_size = args.reserve;
  g_file_limit = args.file_limit;
  void* hint = nullptr;
#ifdef PAREVO_MPIRUN
  // Rank 0 (a fresh exec, its libraries placed at random) must map the arena at the same address:
  // one far from where Linux puts executables, heaps and libraries.
  hint = reinterpret_cast<void*>(std::uintptr_t{0x100000000000});
#ifdef PAREVO_RACE_BUILD
  // ThreadSanitizer's shadow memory starts there; its low application range ends at 0x008000000000.
  hint = reinterpret_cast<void*>(std::uintptr_t{0x001000000000});
#endif
#endif
  void* base = mmap(hint, g_arena_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (hint ? MAP_FIXED_NOREPLACE : 0), -1, 0);
  if (base == MAP_FAILED && hint) base = mmap(nullptr, g_arena_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) harness_error("cannot reserve the input arena", 93);
  g_arena_base = static_cast<char*>(base);
  const std::size_t out_cap = args.reserve;
  int out_fd = memfd_create("parevo-output", MFD_CLOEXEC);
  if (out_fd < 0 || ftruncate(out_fd, static_cast<off_t>(out_cap)) != 0) harness_error("cannot create the output buffer", 93);
  const char* out_view = static_cast<const char*>(mmap(nullptr, out_cap, PROT_READ, MAP_SHARED, out_fd, 0));
  if (out_view == MAP_FAILED) harness_error("cannot map the output buffer", 93);

  // Every candidate process exists before the first seed is read.
  std::vector<Child> children;
  for (int t : args.threads) children.push_back(start_child(t, args.lib, out_fd, out_cap, args.file_limit));
  std::string start = "\"event\":\"start\",\"threads\":[";
  for (std::size_t i = 0; i < args.threads.size(); ++i) start += (i ? "," : "") + std::to_string(args.threads[i]);
  record(start + "]");
  for (Child& c : children) {
    parevo::proto::Msg m{};
    if (!c.lost.empty()) {  // it never came up (an MPI job that did not start)
      record("\"event\":\"load_failed\",\"threads\":" + std::to_string(c.threads) + ",\"why\":\"" + json_escape(c.lost) + "\"");
      continue;
    }
    Wait w = wait_msg(c, m, deadline);
    if (w == Wait::kOk && m.kind == parevo::proto::kReady) continue;
    std::string why = w == Wait::kTimeout ? "the candidate library did not finish loading in time"
                      : w == Wait::kLost  ? reap(c, false)
                                          : std::string("the candidate library could not be loaded: ") + m.text;
    if (c.alive) reap(c, true);
    c.lost = why;
    record("\"event\":\"load_failed\",\"threads\":" + std::to_string(c.threads) + ",\"why\":\"" + json_escape(why) + "\"");
  }

  // Read or drawn now that every candidate process exists: none of them holds a copy
  // (output_digest.hpp). With the input cache, the key is its directory's, and outputs validated
  // on a cached input are remembered there for later runs (input_cache.hpp).
  namespace ic = parevo::input_cache;
  bool remember_validated = false;
  std::uint64_t digest_key = 0;
  if constexpr (ic::storable<task::Input>) {
    if (!args.input_cache.empty() && !args.validate_every_output) digest_key = ic::digest_key(args.input_cache);
    remember_validated = digest_key != 0;
  }
  if (digest_key == 0) digest_key = parevo::digest::fresh_key();
  std::vector<Case> cases;
  {
    std::string family;
    long long size;
    unsigned long long seed;
    while (std::cin >> family >> size >> seed) cases.push_back({family, size, seed});
  }
  if (cases.empty()) harness_error("no cases on stdin", 91);

  bool failed = false;
  for (std::size_t ci = 0; ci < cases.size() && !failed; ++ci) {
    const Case& c = cases[ci];
    parevo::paper_case() = c.family == "paper";  // ParEval's value-initialised output buffers
    // No seed in a record: the records file is the runner's, and a seed is the input.
    const std::string head = "\"case\":" + std::to_string(ci) + ",\"family\":\"" + json_escape(c.family) +
                             "\",\"size\":" + std::to_string(c.size);
    task::Input master, pristine;
    // Outputs already validated on this case's inputs, by repetition (their keyed digests). A later
    // thread count gets the very same inputs (regenerated from the same seeds), and the same bytes
    // back are the same verdict (validation is a function of input and output), so the validator
    // is not run again for them; any other bytes are validated as usual.
    std::vector<std::vector<parevo::digest::Digest>> validated(static_cast<std::size_t>(args.warmup + args.reps));
    auto is_validated = [&](int r, const parevo::digest::Digest& d) {
      return std::find(validated[r].begin(), validated[r].end(), d) != validated[r].end();
    };
    const std::string cache_key = ic::key_text(c.family, c.size, c.seed);
    // The input's describe() line is for a failure's message: computed for a failing case only
    // (it is O(n) for most tasks, as much as a validation at the timing size).
    std::vector<char> bytes;  // the output of the call, copied out of the shared buffer
    std::string shape;
    bool generated = false;  // `master` holds a whole input (describe() may read it)
    double gen_s = 0;
    const char* cached = "";
    for (Child& ch : children) {
      if (failed) break;
      const std::string where = head + ",\"threads\":" + std::to_string(ch.threads);
      record("\"event\":\"begin\"," + where);
      std::vector<double> times;
      std::map<std::uint32_t, std::pair<std::uint32_t, std::uint64_t>> worked;  // slot -> (origin, cpu ns)
      std::uint64_t main_ns = 0, process_ns = 0, wall_ns = 0;
      std::string why, kind = "ok";
      int failed_rep = -1;
      int validations = 0;  // validator runs for this thread count (the rest matched a validated output)
      if (!ch.lost.empty()) { why = ch.lost; kind = "load"; failed = true; }
      for (int r = 0; r < args.warmup + args.reps && why.empty(); ++r) {
        // A distinct input per repetition: later ones are varied by the task (a new source
        // vertex, a new right-hand side...) so an answer cached from an earlier call is wrong.
        // Every thread count sees the same sequence of inputs as the first (and as a run of the
        // baseline with the same seed): generated once, kept pristine, re-varied per count.
        parevo::Rng rng(c.seed * 1000003ULL + static_cast<unsigned long long>(r) * 7919ULL + parevo::hash_name(c.family));
        auto g0 = Clock::now();
        generated = false;
        try {
          if (r == 0 && &ch == &children.front()) {
            cached = master_input(args.input_cache, c, rng, master);
            if (children.size() > 1) pristine = master;
          } else if (r == 0) {
            master = pristine;
          } else {
            task::vary(master, rng);
          }
        } catch (const std::bad_alloc&) {
          why = "the harness ran out of memory generating the input while the candidate process was running "
                "(the candidate's memory counts against the same limit)";
          kind = "starved";
          failed_rep = r;
          break;
        } catch (const std::exception& e) {
          harness_error("input family '" + c.family + "': " + e.what(), 92);
        }
        generated = true;
        if (r == 0 && &ch == &children.front()) {
          gen_s = std::chrono::duration<double>(Clock::now() - g0).count();
          if (remember_validated && *cached)  // outputs validated on this input by earlier runs
            for (const auto& [rep, d] : ic::validated(args.input_cache, cache_key))
              if (rep < validated.size() && validated[rep].size() < kValidatedPerRep) validated[rep].push_back(d);
          if (args.describe_every_input) shape = task::describe(master);
        }
        // The copy the candidate receives: a fresh memfd, so nothing of it is visible before t0.
        int in_fd = memfd_create("parevo-input", MFD_CLOEXEC);
        if (in_fd < 0 || ftruncate(in_fd, static_cast<off_t>(g_arena_size)) != 0 ||
            mmap(g_arena_base, g_arena_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, in_fd, 0) == MAP_FAILED) {
          why = std::string("the harness could not create an input buffer: ") + std::strerror(errno);
          kind = "starved";
          failed_rep = r;
          if (in_fd >= 0) close(in_fd);
          break;
        }
        void* copy = nullptr;
        g_arena_next = g_arena_base;
        g_arena_on = true;
        try {
          void* at = arena_alloc(sizeof(task::Input), alignof(task::Input));
          copy = at ? new (at) task::Input(master) : nullptr;
        } catch (const std::bad_alloc&) {
          copy = nullptr;
        }
        g_arena_on = false;
        if (!copy) {
          close(in_fd);
          why = "the input does not fit the harness's arena (raise the task's memory_gib)";
          kind = "starved";
          failed_rep = r;
          break;
        }
        parevo::proto::Msg call{};
        call.kind = parevo::proto::kCall;
        call.a = static_cast<long long>(reinterpret_cast<std::uintptr_t>(copy));
        parevo::proto::Msg done{};
        const std::uint64_t cpu0 = process_cpu_ns(ch);
        auto t0 = Clock::now();
        bool sent = send_call(ch, call, in_fd);
        Wait w = sent ? wait_msg(ch, done, deadline) : Wait::kLost;
        if (w == Wait::kOk && done.kind == parevo::proto::kDone) w = finish_call(ch, done, deadline);
        auto t1 = Clock::now();
        if (w == Wait::kOk && done.kind == parevo::proto::kDone) w = after_call(ch);
        const std::uint64_t cpu1 = ch.alive ? process_cpu_ns(ch) : cpu0;
        close(in_fd);
        if (w == Wait::kTimeout) {
          why = timeout_why(ch);
          reap(ch, true);
          kind = "timeout";
        } else if (w == Wait::kLost || done.kind != parevo::proto::kDone) {
          why = w == Wait::kLost ? reap(ch, false) : "the candidate process broke the call protocol";
          if (ch.alive) reap(ch, true);
          kind = "crash";
        } else if (done.a == parevo::proto::kCallThrew) {
          why = std::string("the candidate threw an exception: ") + done.text;
          kind = "exception";
        } else if (done.a < 0 || static_cast<std::size_t>(done.a) > out_cap) {
          why = "the candidate's output is larger than the harness accepts (" + std::to_string(out_cap >> 20) + " MiB)";
          kind = "output";
        } else {
          // Copied out first: the candidate process may still write the shared buffer. Into one
          // buffer per case: a fresh one of a large output would be paged in on every call.
          bytes.assign(out_view, out_view + done.a);
          const auto d = args.validate_every_output ? parevo::digest::Digest{}
                                                    : parevo::digest::of(bytes.data(), bytes.size(), digest_key);
          parevo::wire::Reader rd{bytes.data(), bytes.data() + bytes.size()};
          task::Output out{};
          if (!args.validate_every_output && is_validated(r, d)) {
            // the bytes of an output validated (and well-formed) on this same input at an earlier
            // thread count: neither parsed nor validated again
          } else if (parevo::wire::get(rd, out); rd.bad || rd.p != rd.end) {
            why = "the output bytes the candidate process returned are malformed (forged or corrupted output)";
            kind = "wrong";
          } else {
            why = task::validate(master, out);
            ++validations;
            if (!why.empty()) {
              kind = "wrong";
            } else if (!args.validate_every_output && validated[r].size() < kValidatedPerRep) {
              validated[r].push_back(d);
              if (remember_validated && *cached) ic::remember(args.input_cache, cache_key, r, d);
            }
          }
        }
        if (!why.empty()) { failed_rep = r; break; }
        if (r >= args.warmup) times.push_back(std::chrono::duration<double>(t1 - t0).count());
        // Adaptive repetitions: enough once the median is tight (the cap is --reps). Decided
        // from the harness's own clock only; every count sees the same input sequence.
        const bool enough = args.target_ci > 0 && static_cast<int>(times.size()) >= std::min(args.min_reps, args.reps) &&
                            median_ci(times) <= args.target_ci;
        // The first call of a process pays for starting the runtime's threads: not work.
        if (r == 0 && args.warmup + args.reps > 1) continue;
        main_ns += static_cast<std::uint64_t>(done.b > 0 ? done.b : 0);
        process_ns += cpu1 > cpu0 ? cpu1 - cpu0 : 0;  // measured here: the candidate cannot forge it
        wall_ns += static_cast<std::uint64_t>(std::chrono::duration<double, std::nano>(t1 - t0).count());
        for (std::uint32_t k = 0; k < done.nwork && k < parevo::proto::kMaxWork; ++k) {
          auto& w = worked[done.work[k].slot];
          w.first = done.work[k].origin;
          w.second += done.work[k].cpu_ns;
        }
        if (enough) break;
      }
      if (!why.empty() && shape.empty() && generated) {
        try {
          shape = task::describe(master);  // the input of the failing call (a varied one past repetition 0)
        } catch (const std::exception& e) {
          shape = std::string("not described: ") + e.what();
        }
      }
      std::string body = "\"event\":\"case\"," + where + ",\"shape\":\"" + json_escape(shape) + "\",\"gen_s\":" +
                         std::to_string(gen_s) + ",\"valid\":" + (why.empty() ? "true" : "false") + ",\"kind\":\"" +
                         kind + "\"";
      if (*cached) body += ",\"cache\":\"" + std::string(cached) + "\"";
      body += ",\"validations\":" + std::to_string(validations);
      if (!why.empty()) body += ",\"why\":\"" + json_escape(why) + "\",\"rep\":" + std::to_string(failed_rep);
      body += ",\"times\":" + times_json(times);
      if (const double ci = median_ci(times); args.target_ci > 0 && std::isfinite(ci)) body += ",\"ci\":" + std::to_string(ci);
      body += ",\"witness\":{\"process\":" + std::to_string(process_ns) + ",\"wall\":" + std::to_string(wall_ns) +
              ",\"main\":" + std::to_string(main_ns) + ",\"threads\":[";
      bool first = true;
      for (const auto& [slot, w] : worked) {
        body += (first ? "[" : ",[") + std::to_string(w.first) + "," + std::to_string(w.second) + "]";
        first = false;
      }
      body += "]}";
      record(body);
      if (!why.empty()) failed = true;
    }
  }
  for (Child& ch : children) {
    if (!ch.alive) continue;
    parevo::proto::Msg m{};
    if (args.race && !failed) {
      bool ok = canary_after(ch, deadline);  // in every rank of an MPI job
      record("\"event\":\"canary\",\"threads\":" + std::to_string(ch.threads) + ",\"ok\":" + (ok ? "true" : "false"));
    }
    m.kind = parevo::proto::kQuit;
    send_msg(ch.sock, m);
    // A candidate that ignores the request is killed with its process group.
    struct pollfd p{ch.sock, POLLIN, 0};
    poll(&p, 1, 200);
    reap(ch, true);
  }
  for (Child& ch : children) drain(ch);
  record("\"event\":\"end\"");
  return 0;
}

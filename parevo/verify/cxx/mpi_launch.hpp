// MPI models: the candidate is an MPI job, not one forked process. Included by harness_main.cpp
// (inside its anonymous namespace) when the harness is built for an MPI model, with
// PAREVO_MPIRUN (the launcher's path) and PAREVO_MPI_RANK_THREADS (threads per rank) defined.
//
//   harness (trusted, unchanged role)          the MPI job (untrusted, one per rank count)
//   listens on a fresh socket in the work dir
//   forks: drops to `nobody`, execs  ------->  mpirun -np N --host localhost:N harness --rank-runner ...
//   accepts exactly N connections, each        every rank connects before any candidate code is
//   checked by the kernel's SO_PEERCRED:       loaded, receives the arena address (rank 0 also
//   a child of this mpirun, one per rank       the output buffer), then serves calls exactly as a
//                                              forked candidate process does
//   t0: reads every rank's CPU clock and
//   hands the input to every rank (ParEval's
//   contract: each rank holds a full copy)     each rank calls the function; rank 0's output is
//   t1: every rank has returned; reads each    the answer; the others' are dropped
//   rank's CPU clock again
//
// Witnessed use: each rank's work during a call is its process's CPU time, read by the harness
// from the outside (clock_getcpuclockid on the rank's pid): nothing a rank writes enters it. A
// rank can neither create a process (fork, vfork, clone without CLONE_THREAD, exec: its seccomp
// filter) nor start one through mpirun (MPI_Comm_spawn: the job has exactly N slots), and after
// every call the harness looks for any process in the job that is not one of its ranks.
//
// The whole job, mpirun included, runs as `nobody` when parevo is root: Open MPI's PMIx server
// refuses a client of another user, so the launcher must share the ranks' user, and the harness
// (root, not dumpable) stays out of reach of both. The harness's stdin (the seeds) and stdout
// (the records) are never inherited by the job.
#pragma once
#ifdef PAREVO_MPIRUN
#include <dirent.h>
#include <sys/stat.h>
#include <sys/un.h>

#ifndef PAREVO_MPI_RANK_THREADS
#define PAREVO_MPI_RANK_THREADS 1
#endif

std::string g_self_exe;                   // this harness, as the sandbox sees it (argv[0])
Clock::time_point g_start_deadline{};     // the run's deadline: the job must be up by then
std::vector<pid_t> g_jobs;                // every mpirun this harness started
int g_rank_threads = PAREVO_MPI_RANK_THREADS;  // OpenMP threads per rank (--rank-threads: the race stage's counts)

std::uint64_t clock_ns(clockid_t clock) {
  struct timespec ts{};
  if (clock_gettime(clock, &ts) != 0) return 0;
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(ts.tv_nsec);
}

// A process's parent, from /proc (-1 when it is gone).
pid_t parent_of(pid_t pid) {
  char path[64], buf[512];
  std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  const char* close_paren = std::strrchr(buf, ')');  // the command name may hold spaces and parentheses
  int ppid = -1;
  char state = 0;
  if (!close_paren || std::sscanf(close_paren + 1, " %c %d", &state, &ppid) != 2) return -1;
  return ppid;
}

// A process of the job that is not one of its ranks (a spawned job, a forked child, an orphan
// this harness inherited as the subreaper), or "".
std::string stray_process(const Child& c) {
  DIR* d = opendir("/proc");
  if (!d) return "";
  std::string found;
  const pid_t self = getpid();
  while (struct dirent* e = readdir(d)) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
    const pid_t ppid = parent_of(pid);
    bool rank = false, under_rank = false;
    for (const Rank& r : c.ranks) {
      rank = rank || r.pid == pid;
      under_rank = under_rank || r.pid == ppid;
    }
    const bool job = std::find(g_jobs.begin(), g_jobs.end(), pid) != g_jobs.end();
    if ((ppid == c.pid && !rank) || under_rank || (ppid == self && !job)) {
      found = "process " + std::to_string(pid);
      break;
    }
  }
  closedir(d);
  return found;
}

// Ranks cannot make processes: no fork, vfork, exec, or clone other than a thread's (clone3 says
// ENOSYS, so the C library falls back to clone, whose flags a filter can read). Stacked on
// lock_down()'s filter.
void lock_down_processes() {
  constexpr unsigned kErr = SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
  constexpr unsigned kNoSys = SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA);
  struct sock_filter f[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),         // 0
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_fork, 7, 0),                          // 1 -> 9
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_vfork, 6, 0),                         // 2 -> 9
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execve, 5, 0),                        // 3 -> 9
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execveat, 4, 0),                      // 4 -> 9
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 4, 0),                        // 5 -> 10
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4),                         // 6 -> 7 / 11
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args)),       // 7: flags
      BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 2, 0),                      // 8 -> 11 / 9
      BPF_STMT(BPF_RET | BPF_K, kErr),                                               // 9
      BPF_STMT(BPF_RET | BPF_K, kNoSys),                                             // 10
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),                                  // 11
  };
  struct sock_fprog prog{static_cast<unsigned short>(sizeof f / sizeof f[0]), f};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) _exit(122);
}

void kill_job(Child& c) {
  kill(-c.pid, SIGKILL);
  kill(c.pid, SIGKILL);
  for (Rank& r : c.ranks) {
    if (r.sock >= 0) close(r.sock);
    r.sock = -1;
  }
}

Child start_mpi_child(int ranks, const char* lib_path, int out_fd, std::size_t out_cap, unsigned long long file_limit) {
  char dir[2048];
  if (!getcwd(dir, sizeof dir)) harness_error("getcwd failed", 93);
  std::string path = std::string(dir) + "/mpi-" + std::to_string(getpid()) + "-" + std::to_string(ranks) + ".sock";
  struct sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof addr.sun_path) harness_error("the work directory's path is too long for a socket", 93);
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  int ls = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  unlink(path.c_str());
  if (ls < 0 || bind(ls, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(ls, ranks + 4) != 0)
    harness_error(std::string("cannot listen for the MPI job: ") + std::strerror(errno), 93);
  chmod(path.c_str(), 0777);  // the ranks run as `nobody`
  // An orphan of the job (a process whose parent died) comes to this harness, where it is seen.
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  int ep[2];
  if (pipe2(ep, O_CLOEXEC) != 0) harness_error("pipe failed", 93);
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) harness_error(std::string("fork failed: ") + std::strerror(errno), 93);
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    dup2(ep[1], 1);
    dup2(ep[1], 2);
    for (int fd = 3; fd < 1024; ++fd) close(fd);
    setpgid(0, 0);
    bool root = geteuid() == 0;
    if (root && g_drop_privileges) {
      const uid_t nobody = 65534;
      if (setgroups(0, nullptr) != 0 || setresgid(nobody, nobody, nobody) != 0 || setresuid(nobody, nobody, nobody) != 0)
        _exit(120);
      root = false;
    }
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    struct rlimit fsize{file_limit, file_limit};
    setrlimit(RLIMIT_FSIZE, &fsize);
    setenv("TMPDIR", dir, 1);  // Open MPI's session directory: the work directory, writable by all
    // Exactly N slots (no --oversubscribe): MPI_Comm_spawn finds none free. Ranks waiting in MPI
    // yield the CPU (there are more ranks than cores here).
    std::string n = std::to_string(ranks), t = std::to_string(g_rank_threads), host = "localhost:" + n;
    std::vector<const char*> av = {PAREVO_MPIRUN, "-np", n.c_str(), "--host", host.c_str(), "--bind-to", "none",
                                   "--mca", "btl", "self,vader", "--mca", "btl_vader_single_copy_mechanism", "none",
                                   "--mca", "mpi_yield_when_idle", "1"};
    if (root) av.push_back("--allow-run-as-root");
#ifdef PAREVO_RACE_BUILD
    // Each line a rank writes comes tagged with its rank ("[1,R]<stderr>:"), so the race stage reads
    // every rank's detector output on its own (verify/mpirace.py).
    av.push_back("--tag-output");
#endif
    for (const char* a : {g_self_exe.c_str(), "--rank-runner", path.c_str(), lib_path, t.c_str()}) av.push_back(a);
    av.push_back(nullptr);
    execv(PAREVO_MPIRUN, const_cast<char* const*>(av.data()));
    _exit(119);
  }
  g_jobs.push_back(pid);
  close(ep[1]);
  fcntl(ep[0], F_SETFL, O_NONBLOCK);
  Child c;
  c.threads = ranks;
  c.pid = pid;
  c.err = ep[0];
  c.has_cpu = false;  // the job's CPU is not one process's: each rank's is read per call
  c.alive = true;
  std::string why;
  while (static_cast<int>(c.ranks.size()) < ranks && why.empty()) {
    int st = 0;
    if (seconds_left(g_start_deadline) <= 0) {
      why = "the MPI job did not start in time (not every rank reached the harness)";
    } else if (waitpid(pid, &st, WNOHANG) == pid) {
      c.pid = -pid;  // reaped: nothing left to kill
      why = "the MPI job ended before every rank connected (mpirun or a rank's start-up failed)";
    }
    if (!why.empty()) break;
    struct pollfd p[2] = {{ls, POLLIN, 0}, {c.err, POLLIN, 0}};
    if (poll(p, c.err >= 0 ? 2 : 1, 100) <= 0) continue;
    if (c.err >= 0 && p[1].revents) drain(c);
    if (!p[0].revents) continue;
    int conn = accept4(ls, nullptr, nullptr, SOCK_CLOEXEC);
    if (conn < 0) continue;
    // Who connected is the kernel's word, not the peer's: a child of this mpirun, once.
    struct ucred cred{};
    socklen_t len = sizeof cred;
    struct timeval tv{5, 0};
    setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    parevo::proto::Msg hello{};
    Rank r;
    r.sock = conn;
    const bool known = getsockopt(conn, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && recv_msg(conn, hello, nullptr);
    r.pid = cred.pid;
    r.rank = static_cast<int>(hello.a);
    bool dup = false;
    for (const Rank& o : c.ranks) dup = dup || o.pid == r.pid || o.rank == r.rank;
    if (!known || parent_of(r.pid) != pid || r.rank < 0 || r.rank >= ranks || dup ||
        clock_getcpuclockid(r.pid, &r.cpu) != 0) {
      close(conn);
      why = "a process that is not one of the MPI job's ranks (or a rank a second time) connected to the harness";
      break;
    }
    c.ranks.push_back(r);
  }
  close(ls);
  unlink(path.c_str());
  std::sort(c.ranks.begin(), c.ranks.end(), [](const Rank& a, const Rank& b) { return a.rank < b.rank; });
  for (Rank& r : c.ranks) {
    if (!why.empty()) break;
    timeval off{0, 0};
    setsockopt(r.sock, SOL_SOCKET, SO_RCVTIMEO, &off, sizeof off);
    parevo::proto::Msg m{};
    m.kind = parevo::proto::kReady;
    m.a = static_cast<long long>(reinterpret_cast<std::uintptr_t>(g_arena_base));
    m.b = static_cast<long long>(out_cap);
    if (!send_msg(r.sock, m, r.rank == 0 ? out_fd : -1)) why = "MPI rank " + std::to_string(r.rank) + " went away at start-up";
  }
  // Ranks 1..N-1 load the library and report ready here; rank 0's report is the main loop's, as
  // for a forked candidate process.
  for (std::size_t k = 1; k < c.ranks.size() && why.empty(); ++k) {
    Child one;  // wait_msg's view of this rank's channel, sharing the job's output pipe
    one.sock = c.ranks[k].sock;
    one.err = c.err;
    one.pid = c.pid;
    parevo::proto::Msg m{};
    Wait w = wait_msg(one, m, g_start_deadline);
    c.err = one.err;
    c.tail += one.tail;
    if (w == Wait::kOk && m.kind == parevo::proto::kReady) continue;
    why = w == Wait::kTimeout ? "MPI rank " + std::to_string(k) + ": the candidate library did not finish loading in time"
          : w == Wait::kLost  ? "MPI rank " + std::to_string(k) + " ended while loading the candidate library"
                              : "MPI rank " + std::to_string(k) + ": the candidate library could not be loaded: " + m.text;
  }
  if (!why.empty()) {
    int st = 0;
    if (c.pid > 0) {
      kill_job(c);
      waitpid(c.pid, &st, 0);
    }
    drain(c);
    c.alive = false;
    c.lost = why;
    c.sock = -1;
    return c;
  }
  c.sock = c.ranks[0].sock;
  return c;
}

// The call goes to every rank with the same input; each rank's CPU clock is read first.
bool send_call(Child& c, const parevo::proto::Msg& call, int in_fd) {
  for (Rank& r : c.ranks) {
    r.done = false;
    r.cpu0 = clock_ns(r.cpu);
  }
  bool ok = true;
  for (Rank& r : c.ranks) ok = send_msg(r.sock, call, in_fd) && ok;
  return ok;
}

// Rank 0 has answered (`done`); waits for every other rank, then replaces whatever rank 0 said
// about its work with each rank's CPU time as this process measured it. The clocks are read once
// every rank has answered, not at each answer: a rank that says "done" early and goes on working
// (its channel is in its own process) is still measured until rank 0's answer exists and beyond.
Wait finish_call(Child& c, parevo::proto::Msg& done, Clock::time_point deadline) {
  c.ranks[0].done = true;
  for (;;) {
    std::vector<struct pollfd> p;
    std::vector<std::size_t> who;
    for (std::size_t k = 0; k < c.ranks.size(); ++k)
      if (!c.ranks[k].done) {
        p.push_back({c.ranks[k].sock, POLLIN, 0});
        who.push_back(k);
      }
    if (p.empty()) break;
    double left = seconds_left(deadline);
    if (left <= 0) return Wait::kTimeout;
    if (c.err >= 0) p.push_back({c.err, POLLIN, 0});
    int n = poll(p.data(), p.size(), static_cast<int>(left * 1000) + 1);
    if (n <= 0) continue;
    if (c.err >= 0 && p.back().revents) drain(c);
    for (std::size_t i = 0; i < who.size(); ++i) {
      if (!p[i].revents) continue;
      Rank& r = c.ranks[who[i]];
      parevo::proto::Msg m{};
      if (!recv_msg(r.sock, m, nullptr) || m.kind != parevo::proto::kDone) return Wait::kLost;
      r.done = true;
      if (m.a == parevo::proto::kCallThrew && done.a != parevo::proto::kCallThrew) {
        done.a = parevo::proto::kCallThrew;
        std::snprintf(done.text, sizeof done.text, "(MPI rank %d) %s", r.rank, m.text);
      }
    }
  }
  done.b = 0;
  done.nwork = 0;
  for (std::size_t k = 0; k < c.ranks.size() && k < static_cast<std::size_t>(parevo::proto::kMaxWork); ++k)
    done.work[done.nwork++] = parevo::proto::Work{static_cast<std::uint32_t>(c.ranks[k].rank),
                                                  parevo::proto::kOriginMPI, clock_ns(c.ranks[k].cpu) - c.ranks[k].cpu0};
  return Wait::kOk;
}

// After the call's clock has stopped: a job that now holds a process other than its ranks has
// moved work out of them (the /proc scan costs about a millisecond, so it is not timed).
Wait after_call(Child& c) {
  if (std::string stray = stray_process(c); !stray.empty()) {
    c.cause = "the MPI job started a process that is not one of its ranks (" + stray +
              ": MPI_Comm_spawn, fork or exec); an MPI candidate's work must be done by its ranks";
    kill_job(c);
    return Wait::kLost;
  }
  return Wait::kOk;
}

// The line of the job's output that holds `mark`, trimmed ("" when none does).
std::string job_line(const Child& c, const char* mark) {
  std::size_t at = c.tail.find(mark);
  if (at == std::string::npos) return "";
  std::size_t b = c.tail.rfind('\n', at), e = c.tail.find('\n', at);
  std::string line = c.tail.substr(b == std::string::npos ? 0 : b + 1, e == std::string::npos ? std::string::npos : e - b - 1);
  while (!line.empty() && (line.front() == '*' || line.front() == ' ')) line.erase(0, 1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '.' || line.back() == '\r')) line.pop_back();
  return line;
}

// Why the job ended mid-call, in the words of what happened (mpirun says which rank and how).
std::string mpi_why(Child& c, const std::string& generic) {
  drain(c);
  if (!c.cause.empty()) return c.cause;
  if (std::string l = job_line(c, "MPI_ABORT was invoked"); !l.empty())
    return "the candidate called MPI_Abort (" + l + ")";
  if (std::string l = job_line(c, "MPI_ERR_"); !l.empty()) {
    std::string call = job_line(c, "An error occurred in ");
    return "an MPI call failed and MPI_ERRORS_ARE_FATAL ended the job: " + (call.empty() ? "" : call + ": ") + l +
           " (for a collective: every rank must make the same collective calls, with matching counts and types)";
  }
  if (std::string l = job_line(c, "exited on signal"); !l.empty())
    return "an MPI rank crashed: " + l;
  if (std::string l = job_line(c, "exiting improperly"); !l.empty())
    return "an MPI rank ended in the middle of a call (" + l + "): a candidate must not call exit() or abort()";
  if (std::string l = job_line(c, "Exit code:"); !l.empty())
    return "an MPI rank exited in the middle of a call (" + l + "): a candidate must not call exit() or abort()";
  // mpirun itself did not say (it may fail to relay a rank's error report): its exit is all there is.
  std::string how = generic.substr(0, generic.find(" in the middle of a call"));
  if (how.rfind("the candidate process ", 0) == 0) how = "mpirun " + how.substr(22);
  // Open MPI reports MPI_Abort, and a rank's crash or exit, through its help-message system; when
  // that fails itself (seen once in CI: "ORTE_ERROR_LOG: Out of resource in file .../show_help.c")
  // the report is lost, and the verdict says so rather than guess which of them it was.
  std::string lost;
  if (std::string l = job_line(c, "show_help.c"); !l.empty())
    lost = "; mpirun could not print its own report of what the rank did (" + l + ")";
  return "the MPI job ended in the middle of a call (" + how + lost + "): a rank failed, through an MPI error "
         "(collectives whose counts, types or order differ across ranks, a bad rank or count), a crash, MPI_Abort, "
         "or exit()/abort()";
}

// A call that ran out of time: which ranks had returned (a deadlock leaves some waiting forever).
std::string timeout_why(Child& c) {
  std::string in, out;
  for (Rank& r : c.ranks) {
    struct pollfd p{r.sock, POLLIN, 0};
    parevo::proto::Msg m{};
    if (!r.done && r.sock >= 0 && poll(&p, 1, 0) == 1 && recv_msg(r.sock, m, nullptr) && m.kind == parevo::proto::kDone)
      r.done = true;
    (r.done ? out : in) += (r.done ? (out.empty() ? "" : ", ") : (in.empty() ? "" : ", ")) + std::to_string(r.rank);
  }
  return "the MPI job did not finish the call within the time limit (killed); ranks still inside the call: " +
         (in.empty() ? std::string("none") : in) + (out.empty() ? "" : "; ranks that had returned: " + out) +
         ". Ranks that wait for each other forever (a receive no rank sends to, a collective that not every rank "
         "calls, or calls in a different order) end here";
}

// One rank of the MPI job (this binary run by mpirun, as the candidate's user): untrusted side,
// though nothing of the candidate's is loaded until the harness has answered.
[[noreturn]] void rank_runner_main(char** argv) {
  const char* path = argv[2];
  const char* lib_path = argv[3];
  int threads = std::atoi(argv[4]);
  const char* r = std::getenv("OMPI_COMM_WORLD_RANK");
  if (!r) r = std::getenv("PMI_RANK");
  const int rank = r ? std::atoi(r) : 0;
  setenv("PAREVO_NUM_THREADS", argv[4], 1);
  setenv("OMP_NUM_THREADS", argv[4], 1);
  unsetenv("OMPI_MCA_orte_tag_output");  // the race build's --tag-output: no environment tells the builds apart
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  struct sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
  int sock = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (sock < 0 || connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) _exit(118);
  parevo::proto::Msg hello{};
  hello.kind = parevo::proto::kReady;
  hello.a = rank;
  int out_fd = -1;
  if (!send_msg(sock, hello) || !recv_msg(sock, hello, &out_fd) || (rank == 0 && out_fd < 0)) _exit(118);
  g_arena_base = reinterpret_cast<char*>(static_cast<std::uintptr_t>(hello.a));
  g_arena_size = static_cast<std::size_t>(hello.b);
  void* at = mmap(g_arena_base, g_arena_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                  -1, 0);
  parevo::proto::Msg m{};
  if (at != g_arena_base) {
    m.kind = parevo::proto::kFail;
    std::snprintf(m.text, sizeof m.text, "rank %d could not reserve the harness's input address range", rank);
    send_msg(sock, m);
    _exit(121);
  }
  lock_down();
#ifdef PAREVO_RACE_BUILD
  canary_before_probe();  // forks: before the filter below
#endif
  lock_down_processes();
  if (rank != 0) {  // only rank 0's answer is read: the others' outputs are sized, not written
    static char none[1];
    candidate_loop(sock, lib_path, none, 0, threads);
  }
  char* out = static_cast<char*>(mmap(nullptr, g_arena_size, PROT_READ | PROT_WRITE, MAP_SHARED, out_fd, 0));
  close(out_fd);
  candidate_loop(sock, lib_path, out, g_arena_size, threads);
}

// The harness's after-canary race in every rank (the race build): each rank's detector must still
// report it once the candidate's last call is over.
bool canary_after(Child& c, Clock::time_point deadline) {
  parevo::proto::Msg m{};
  m.kind = parevo::proto::kCanary;
  bool ok = true;
  for (Rank& r : c.ranks) ok = send_msg(r.sock, m) && ok;
  for (Rank& r : c.ranks) {
    Child one;  // wait_msg's view of this rank's channel, sharing the job's output pipe
    one.sock = r.sock;
    one.err = c.err;
    one.pid = c.pid;
    parevo::proto::Msg done{};
    ok = ok && wait_msg(one, done, deadline) == Wait::kOk && done.kind == parevo::proto::kDone;
    c.err = one.err;
    c.tail += one.tail;
  }
  return ok;
}

#else  // not an MPI harness: one candidate process, one channel

bool canary_after(Child& c, Clock::time_point deadline) {
  parevo::proto::Msg m{}, done{};
  m.kind = parevo::proto::kCanary;
  return send_msg(c.sock, m) && wait_msg(c, done, deadline) == Wait::kOk;
}

bool send_call(Child& c, const parevo::proto::Msg& call, int in_fd) { return send_msg(c.sock, call, in_fd); }
Wait finish_call(Child&, parevo::proto::Msg&, Clock::time_point) { return Wait::kOk; }
Wait after_call(Child&) { return Wait::kOk; }
std::string timeout_why(Child&) { return "the candidate did not finish within the time limit (killed)"; }

#endif  // PAREVO_MPIRUN

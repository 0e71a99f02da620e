// MPI models: the candidate is an MPI job, not one forked process. Included by harness_main.cpp
// (inside its anonymous namespace) when the harness is built for an MPI model, with
// PAREVO_MPIRUN (the launcher's path) and PAREVO_MPI_RANK_THREADS (threads per rank) defined.
//
//   harness (trusted, unchanged role)          the MPI job (untrusted, one per rank count)
//   listens on a fresh socket in the work dir
//   forks: drops to `nobody`, execs  ------->  mpirun -np N harness --rank-runner SOCK LIB T
//                                              rank 0 connects, receives the arena address and
//                                              the output buffer, then serves calls exactly as
//                                              a forked candidate process does; ranks 1..N-1
//                                              serve the candidate library's MPI loop
//                                              (entry.cpp: rank 0 broadcasts each input)
//
// The whole job, mpirun included, runs as `nobody` when parevo is root: Open MPI's PMIx server
// refuses a client of another user, so the launcher must share the ranks' user, and the harness
// (root, not dumpable) stays out of reach of both. The harness's stdin (the seeds) and stdout
// (the records) are never inherited by the job: only rank 0 meets an input, at its timed call.
#pragma once
#ifdef PAREVO_MPIRUN
#include <sys/stat.h>
#include <sys/un.h>

#ifndef PAREVO_MPI_RANK_THREADS
#define PAREVO_MPI_RANK_THREADS 1
#endif

double seconds_left(Clock::time_point deadline);

std::string g_self_exe;                   // this harness, as the sandbox sees it (argv[0])
Clock::time_point g_start_deadline{};     // the run's deadline: the job must be up by then

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
  if (ls < 0 || bind(ls, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(ls, 4) != 0)
    harness_error(std::string("cannot listen for the MPI job: ") + std::strerror(errno), 93);
  chmod(path.c_str(), 0777);  // rank 0 runs as `nobody`
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
    std::string n = std::to_string(ranks), t = std::to_string(PAREVO_MPI_RANK_THREADS);
    std::vector<const char*> av = {PAREVO_MPIRUN, "-np", n.c_str(), "--oversubscribe", "--bind-to", "none",
                                   "--mca", "btl", "self,vader", "--mca", "btl_vader_single_copy_mechanism", "none"};
    if (root) av.push_back("--allow-run-as-root");
    for (const char* a : {g_self_exe.c_str(), "--rank-runner", path.c_str(), lib_path, t.c_str()}) av.push_back(a);
    av.push_back(nullptr);
    execv(PAREVO_MPIRUN, const_cast<char* const*>(av.data()));
    _exit(119);
  }
  close(ep[1]);
  fcntl(ep[0], F_SETFL, O_NONBLOCK);
  Child c;
  c.threads = ranks;
  c.pid = pid;
  c.err = ep[0];
  c.has_cpu = false;  // the job's CPU is not one process's: rank 0 reports each rank's work
  c.alive = true;
  int conn = -1;
  while (conn < 0) {
    double left = seconds_left(g_start_deadline);
    int st = 0;
    if (left <= 0 || waitpid(pid, &st, WNOHANG) == pid) {
      if (left <= 0) { kill(-pid, SIGKILL); kill(pid, SIGKILL); waitpid(pid, &st, 0); }
      drain(c);
      c.alive = false;
      c.lost = left <= 0 ? "the MPI job did not start in time (mpirun never reached rank 0's set-up)"
                         : "the MPI job ended before rank 0 connected (MPI_Init or the library's loading failed)";
      close(ls);
      unlink(path.c_str());
      c.sock = -1;
      return c;
    }
    struct pollfd p[2] = {{ls, POLLIN, 0}, {c.err, POLLIN, 0}};
    if (poll(p, c.err >= 0 ? 2 : 1, 100) <= 0) continue;
    if (c.err >= 0 && p[1].revents) drain(c);
    if (p[0].revents) conn = accept4(ls, nullptr, nullptr, SOCK_CLOEXEC);
  }
  close(ls);
  unlink(path.c_str());
  parevo::proto::Msg hello{};
  hello.kind = parevo::proto::kReady;
  hello.a = static_cast<long long>(reinterpret_cast<std::uintptr_t>(g_arena_base));
  hello.b = static_cast<long long>(out_cap);
  send_msg(conn, hello, out_fd);
  c.sock = conn;
  return c;
}

// One rank of the MPI job (this binary run by mpirun, as the candidate's user): untrusted side.
[[noreturn]] void rank_runner_main(char** argv) {
  const char* path = argv[2];
  const char* lib_path = argv[3];
  int threads = std::atoi(argv[4]);
  const char* r = std::getenv("OMPI_COMM_WORLD_RANK");
  if (!r) r = std::getenv("PMI_RANK");
  const int rank = r ? std::atoi(r) : 0;
  setenv("PAREVO_NUM_THREADS", argv[4], 1);
  setenv("OMP_NUM_THREADS", argv[4], 1);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  if (rank != 0) {
    lock_down();
    void* lib = dlopen(lib_path, RTLD_NOW | RTLD_LOCAL);
    auto init = lib ? reinterpret_cast<int (*)(int)>(dlsym(lib, "parevo_entry_init")) : nullptr;
    auto serve = lib ? reinterpret_cast<void (*)()>(dlsym(lib, "parevo_entry_serve")) : nullptr;
    if (!init || !serve) {
      std::fprintf(stderr, "rank %d: the candidate library cannot be loaded: %s\n", rank, dlerror());
      _exit(121);
    }
    init(threads);
    serve();
    _exit(0);
  }
  struct sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
  int sock = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (sock < 0 || connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) _exit(118);
  parevo::proto::Msg hello{};
  int out_fd = -1;
  if (!recv_msg(sock, hello, &out_fd) || out_fd < 0) _exit(118);
  g_arena_base = reinterpret_cast<char*>(static_cast<std::uintptr_t>(hello.a));
  g_arena_size = static_cast<std::size_t>(hello.b);
  void* at = mmap(g_arena_base, g_arena_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                  -1, 0);
  parevo::proto::Msg m{};
  if (at != g_arena_base) {
    m.kind = parevo::proto::kFail;
    std::snprintf(m.text, sizeof m.text, "rank 0 could not reserve the harness's input address range");
    send_msg(sock, m);
    _exit(121);
  }
  lock_down();
  char* out = static_cast<char*>(mmap(nullptr, g_arena_size, PROT_READ | PROT_WRITE, MAP_SHARED, out_fd, 0));
  close(out_fd);
  candidate_loop(sock, lib_path, out, g_arena_size, threads);
}
#endif  // PAREVO_MPIRUN

// parevo's side of an MPI candidate library (included by entry.cpp for the mpi models).
//
// ParEval's MPI contract: MPI is initialised, every rank holds a complete copy of the input, and
// rank 0's result is the answer. The harness hands the input to rank 0 only (at its timed call,
// as for every model); rank 0 broadcasts it, every rank calls the function, rank 0 returns its
// output. So the timed call includes that broadcast (shared memory, one copy), a cost the
// sequential baseline does not pay: MPI speedups are conservative by it.
//
// Witnessed use: each rank's work during a call is its process's CPU time minus what its calling
// thread spent inside MPI (a rank waiting in a collective busy-polls, which is not work). The
// MPI calls a candidate makes resolve to the wrappers below (they live in the same library);
// parevo's own traffic goes straight to PMPI_. Rank 0 gathers the figures and reports them to
// the harness as one work item per rank: a program whose ranks do not share the work shows one
// busy rank, however many there are.
#pragma once
#include <mpi.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "protocol.hpp"

namespace parevo_mpi {

inline int g_rank = 0, g_size = 1;
inline std::uint64_t g_in_mpi_ns = 0;  // the calling thread's CPU inside MPI calls
inline std::vector<long long> g_work;   // per rank, the last call's work (rank 0 only)

inline std::uint64_t now_ns(clockid_t c) {
  struct timespec ts{};
  clock_gettime(c, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(ts.tv_nsec);
}

struct InMpi {  // times one MPI call of the candidate's
  std::uint64_t t0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
  ~InMpi() { g_in_mpi_ns += now_ns(CLOCK_THREAD_CPUTIME_ID) - t0; }
};

inline void init(int) {
  int provided = 0;
  PMPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  PMPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  PMPI_Comm_size(MPI_COMM_WORLD, &g_size);
}

constexpr long long kQuit = 0, kCall = 1;

inline void bcast_bytes(std::vector<char>& buf) {
  long long n = static_cast<long long>(buf.size());
  PMPI_Bcast(&n, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  buf.resize(static_cast<std::size_t>(n));
  for (long long off = 0; off < n; off += 1LL << 30) {
    int part = static_cast<int>(std::min<long long>(n - off, 1LL << 30));
    PMPI_Bcast(buf.data() + off, part, MPI_CHAR, 0, MPI_COMM_WORLD);
  }
}

// Every rank: the call itself, measured; rank 0 collects each rank's work.
inline task::Output measured(task::Input& in) {  // not const: some tasks move their output buffer out
  PMPI_Barrier(MPI_COMM_WORLD);
  g_in_mpi_ns = 0;
  const std::uint64_t cpu0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
  task::Output out = task::invoke(in);
  const std::uint64_t used = now_ns(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
  long long work = static_cast<long long>(used > g_in_mpi_ns ? used - g_in_mpi_ns : 0);
  g_work.assign(static_cast<std::size_t>(g_size), 0);
  PMPI_Gather(&work, 1, MPI_LONG_LONG, g_work.data(), 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  return out;
}

inline task::Output call_root(task::Input& in) {
  long long cmd = kCall;
  PMPI_Bcast(&cmd, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  std::vector<char> buf;
  if (g_size > 1) {
    parevo::wire::Writer sizer{nullptr, nullptr};
    parevo::wire::put(sizer, in);
    buf.resize(sizer.needed);
    parevo::wire::Writer w{buf.data(), buf.data() + buf.size()};
    parevo::wire::put(w, in);
    bcast_bytes(buf);
  }
  return measured(in);
}

}  // namespace parevo_mpi

extern "C" {

// Ranks 1..N-1: serve rank 0's calls until it says quit.
__attribute__((visibility("default"))) void parevo_entry_serve() {
  for (;;) {
    long long cmd = parevo_mpi::kQuit;
    PMPI_Bcast(&cmd, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    if (cmd != parevo_mpi::kCall) break;
    std::vector<char> buf;
    parevo_mpi::bcast_bytes(buf);
    task::Input in{};
    parevo::wire::Reader r{buf.data(), buf.data() + buf.size()};
    parevo::wire::get(r, in);
    try {
      (void)parevo_mpi::measured(in);
    } catch (...) {  // rank 0's call reports the candidate's exception; this rank just goes on
      long long zero = 0;
      PMPI_Gather(&zero, 1, MPI_LONG_LONG, nullptr, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
    }
  }
  PMPI_Finalize();
}

// Rank 0, when the harness says quit.
__attribute__((visibility("default"))) void parevo_entry_fini() {
  long long cmd = parevo_mpi::kQuit;
  PMPI_Bcast(&cmd, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  PMPI_Finalize();
}

// Rank 0: one work item per rank for the last call (proto::kOriginMPI).
__attribute__((visibility("default"))) unsigned parevo_entry_witness(parevo::proto::Work* out, unsigned cap) {
  unsigned k = 0;
  for (std::size_t r = 0; r < parevo_mpi::g_work.size() && k < cap; ++r)
    out[k++] = parevo::proto::Work{static_cast<std::uint32_t>(r), parevo::proto::kOriginMPI,
                                   static_cast<std::uint64_t>(parevo_mpi::g_work[r])};
  return k;
}

#define PAREVO_WRAP(ret, name, params, args) \
  __attribute__((visibility("default"))) ret name params { parevo_mpi::InMpi t; return P##name args; }
PAREVO_WRAP(int, MPI_Barrier, (MPI_Comm c), (c))
PAREVO_WRAP(int, MPI_Bcast, (void* b, int n, MPI_Datatype d, int root, MPI_Comm c), (b, n, d, root, c))
PAREVO_WRAP(int, MPI_Reduce, (const void* s, void* r, int n, MPI_Datatype d, MPI_Op o, int root, MPI_Comm c), (s, r, n, d, o, root, c))
PAREVO_WRAP(int, MPI_Allreduce, (const void* s, void* r, int n, MPI_Datatype d, MPI_Op o, MPI_Comm c), (s, r, n, d, o, c))
PAREVO_WRAP(int, MPI_Scan, (const void* s, void* r, int n, MPI_Datatype d, MPI_Op o, MPI_Comm c), (s, r, n, d, o, c))
PAREVO_WRAP(int, MPI_Exscan, (const void* s, void* r, int n, MPI_Datatype d, MPI_Op o, MPI_Comm c), (s, r, n, d, o, c))
PAREVO_WRAP(int, MPI_Gather, (const void* s, int sn, MPI_Datatype sd, void* r, int rn, MPI_Datatype rd, int root, MPI_Comm c), (s, sn, sd, r, rn, rd, root, c))
PAREVO_WRAP(int, MPI_Allgather, (const void* s, int sn, MPI_Datatype sd, void* r, int rn, MPI_Datatype rd, MPI_Comm c), (s, sn, sd, r, rn, rd, c))
PAREVO_WRAP(int, MPI_Scatter, (const void* s, int sn, MPI_Datatype sd, void* r, int rn, MPI_Datatype rd, int root, MPI_Comm c), (s, sn, sd, r, rn, rd, root, c))
PAREVO_WRAP(int, MPI_Alltoall, (const void* s, int sn, MPI_Datatype sd, void* r, int rn, MPI_Datatype rd, MPI_Comm c), (s, sn, sd, r, rn, rd, c))
PAREVO_WRAP(int, MPI_Gatherv, (const void* s, int sn, MPI_Datatype sd, void* r, const int* rn, const int* dp, MPI_Datatype rd, int root, MPI_Comm c), (s, sn, sd, r, rn, dp, rd, root, c))
PAREVO_WRAP(int, MPI_Allgatherv, (const void* s, int sn, MPI_Datatype sd, void* r, const int* rn, const int* dp, MPI_Datatype rd, MPI_Comm c), (s, sn, sd, r, rn, dp, rd, c))
PAREVO_WRAP(int, MPI_Scatterv, (const void* s, const int* sn, const int* dp, MPI_Datatype sd, void* r, int rn, MPI_Datatype rd, int root, MPI_Comm c), (s, sn, dp, sd, r, rn, rd, root, c))
PAREVO_WRAP(int, MPI_Send, (const void* b, int n, MPI_Datatype d, int dst, int tag, MPI_Comm c), (b, n, d, dst, tag, c))
PAREVO_WRAP(int, MPI_Recv, (void* b, int n, MPI_Datatype d, int src, int tag, MPI_Comm c, MPI_Status* st), (b, n, d, src, tag, c, st))
PAREVO_WRAP(int, MPI_Sendrecv, (const void* sb, int sn, MPI_Datatype sd, int dst, int stag, void* rb, int rn, MPI_Datatype rd, int src, int rtag, MPI_Comm c, MPI_Status* st), (sb, sn, sd, dst, stag, rb, rn, rd, src, rtag, c, st))
PAREVO_WRAP(int, MPI_Wait, (MPI_Request* q, MPI_Status* st), (q, st))
PAREVO_WRAP(int, MPI_Waitall, (int n, MPI_Request* q, MPI_Status* st), (n, q, st))
PAREVO_WRAP(int, MPI_Probe, (int src, int tag, MPI_Comm c, MPI_Status* st), (src, tag, c, st))
#undef PAREVO_WRAP

}  // extern "C"

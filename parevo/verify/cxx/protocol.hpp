// The messages between parevo's trusted harness process and a candidate process (one
// SOCK_SEQPACKET datagram each, fixed size). The harness treats every field it receives as
// untrusted: a length is checked against the output buffer, a text is cut at its end.
#pragma once
#include <cstdint>

namespace parevo::proto {

enum Kind : std::uint32_t { kReady = 1, kFail = 2, kCall = 3, kDone = 4, kCanary = 5, kQuit = 6 };

// Values of Msg::a in a kDone reply other than an output length.
constexpr long long kCallThrew = -1;
constexpr long long kCallOverflow = -2;
constexpr long long kCallMapFailed = -3;

// Where a thread that did work during a call was started (by its start routine's library).
enum Origin : std::uint32_t { kOriginOther = 0, kOriginOpenMP = 1, kOriginTBB = 2, kOriginStdThread = 3, kOriginCandidate = 4,
                             kOriginMPI = 16 };  // kOriginMPI: one MPI rank's process CPU, read by the harness (mpi_launch.hpp)

// CPU time one thread spent during a call (witnessed parallelism). Reported by the candidate
// process, so it is evidence about an honest program, not proof against a hostile one (which
// the harness's own timing and validation do not depend on).
struct Work {
  std::uint32_t slot = 0;
  std::uint32_t origin = 0;
  std::uint64_t cpu_ns = 0;
};
constexpr int kMaxWork = 64;

struct Msg {
  std::uint32_t kind = 0;
  std::uint32_t nwork = 0;
  long long a = 0;  // kCall: the input's address in the arena; kDone: output bytes or a kCall* code
  long long b = 0;  // kDone: CPU time of the calling thread, ns
  char text[1024] = {};
  Work work[kMaxWork] = {};
};

}  // namespace parevo::proto

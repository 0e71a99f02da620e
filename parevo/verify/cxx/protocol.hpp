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

struct Msg {
  std::uint32_t kind = 0;
  std::uint32_t pad = 0;
  long long a = 0;  // kCall: the input's address in the arena; kDone: output bytes or a kCall* code
  long long b = 0;
  char text[1024] = {};
};

}  // namespace parevo::proto

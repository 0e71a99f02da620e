// A keyed digest of a candidate's output bytes, for the harness's "validated once per distinct
// output" rule (harness_main.cpp): an output whose digest equals that of an output already
// validated on the same input is taken as those same bytes, so the validator is not run again.
//
// Why a keyed polynomial hash and not the bytes themselves: the bytes of every validated output
// would have to be kept (an 8-byte count per bucket of a 30 M-value histogram is 80 MB per
// repetition), and a cap on that memory meant that exactly the large outputs, whose validation
// costs most, were validated again. The digest is 8 bytes.
//
// Why it cannot be forged: the output is read as 32-bit limbs m_1..m_L (the last one padded),
// and the digest is sum m_i k^(L+1-i) mod p, with p = 2^61 - 1 and a key k drawn from the kernel
// after every candidate process exists (they are forked earlier and run as another user in a
// non-dumpable harness: none of them can read it). Two distinct outputs of the same length L
// collide for at most L of the p possible keys, so whatever a candidate returns, the chance that
// wrong bytes pass as a validated output is at most L / 2^61: 1e-11 for 80 MB. The length is
// compared too, so outputs of different lengths never match.
#pragma once

#include <sys/random.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace parevo::digest {

constexpr std::uint64_t kPrime = (std::uint64_t{1} << 61) - 1;

// a * b mod p for a, b < p (the product is below 2^122; its two 61-bit halves add up below 2p).
inline std::uint64_t mulmod(std::uint64_t a, std::uint64_t b) {
  const unsigned __int128 x = static_cast<unsigned __int128>(a) * b;
  const std::uint64_t lo = static_cast<std::uint64_t>(x) & kPrime;
  const std::uint64_t hi = static_cast<std::uint64_t>(x >> 61);
  std::uint64_t r = lo + hi;
  return r >= kPrime ? r - kPrime : r;
}

// A fresh key in [1, p): from the kernel, never derived from anything a candidate can see.
inline std::uint64_t fresh_key() {
  std::uint64_t k = 0;
  while (k == 0) {
    if (getrandom(&k, sizeof k, 0) != static_cast<ssize_t>(sizeof k)) throw std::runtime_error("getrandom failed");
    k &= kPrime;
    if (k == kPrime) k = 0;
  }
  return k;
}

struct Digest {
  std::size_t length = 0;
  std::uint64_t value = 0;
  bool operator==(const Digest& o) const { return length == o.length && value == o.value; }
};

inline std::uint64_t reduce(std::uint64_t s) {  // s < 2^63 -> s mod p
  s = (s & kPrime) + (s >> 61);
  return s >= kPrime ? s - kPrime : s;
}

// Horner's rule over the 32-bit limbs (each below p, so distinct outputs are distinct polynomials
// in k), four limbs a step: h' = (h + a) k^4 + b k^3 + c k^2 + d k is the same polynomial as four
// single steps, with one multiplication on the dependency chain instead of four (~10x faster on
// a 128 MB output than limb by limb, so the digest costs a few % of a validation).
inline Digest of(const char* bytes, std::size_t n, std::uint64_t key) {
  const std::uint64_t k2 = mulmod(key, key), k3 = mulmod(k2, key), k4 = mulmod(k3, key);
  std::uint64_t h = 0;  // below p throughout
  auto step = [&](std::uint32_t limb) { h = mulmod(reduce(h + limb), key); };
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    std::uint32_t m[4];
    std::memcpy(m, bytes + i, 16);
    h = reduce(mulmod(reduce(h + m[0]), k4) + mulmod(m[1], k3) + mulmod(m[2], k2) + mulmod(m[3], key));
  }
  for (; i + 4 <= n; i += 4) {
    std::uint32_t limb;
    std::memcpy(&limb, bytes + i, 4);
    step(limb);
  }
  if (i < n) {
    std::uint32_t limb = 0;
    std::memcpy(&limb, bytes + i, n - i);
    step(limb);
  }
  return {n, h};
}

}  // namespace parevo::digest

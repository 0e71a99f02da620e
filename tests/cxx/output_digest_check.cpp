// output_digest.hpp: equal bytes, equal digests; any change of a byte, of a bit, of the length, or
// a swap of two limbs changes it (under one key); another key gives another digest.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <random>
#include <vector>

#include "output_digest.hpp"

using parevo::digest::of;

static int failures = 0;
#define CHECK(c) do { if (!(c)) { std::printf("FAILED line %d: %s\n", __LINE__, #c); ++failures; } } while (0)

int main() {
  const std::uint64_t key = parevo::digest::fresh_key(), other = parevo::digest::fresh_key();
  CHECK(key != 0 && key < parevo::digest::kPrime);
  std::mt19937_64 rng(7);
  for (std::size_t n : {0, 1, 3, 4, 5, 8, 31, 64, 1000}) {
    std::vector<char> a(n);
    for (auto& c : a) c = static_cast<char>(rng());
    const auto d = of(a.data(), n, key);
    CHECK(d == of(std::vector<char>(a).data(), n, key));
    for (std::size_t i = 0; i < n; ++i)
      for (int bit = 0; bit < 8; ++bit) {
        std::vector<char> b = a;
        b[i] ^= static_cast<char>(1 << bit);
        CHECK(!(of(b.data(), n, key) == d));
      }
    std::vector<char> longer = a;
    longer.push_back(0);  // the same bytes and a zero: padding must not hide it
    CHECK(!(of(longer.data(), longer.size(), key) == d));
    if (n >= 8) {
      std::vector<char> swapped = a;
      for (int k = 0; k < 4; ++k) std::swap(swapped[k], swapped[4 + k]);
      if (swapped != a) CHECK(!(of(swapped.data(), n, key) == d));
    }
    if (n >= 4) CHECK(!(of(a.data(), n, other) == d));
  }
  // Four limbs a step is the same polynomial as one limb a step (a reference implementation).
  for (std::size_t n : {16, 17, 35, 64, 1001}) {
    std::vector<char> a(n);
    for (auto& c : a) c = static_cast<char>(rng());
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < n; i += 4) {
      std::uint32_t limb = 0;
      std::memcpy(&limb, a.data() + i, std::min<std::size_t>(4, n - i));
      h = parevo::digest::mulmod(parevo::digest::reduce(h + limb), key);
    }
    CHECK(of(a.data(), n, key).value == h);
  }
  // Limbs at the prime's edge: all-ones words are below p as 32-bit limbs, and still distinct.
  std::vector<char> ones(64, static_cast<char>(0xff)), almost = ones;
  almost[63] = static_cast<char>(0xfe);
  CHECK(!(of(ones.data(), 64, key) == of(almost.data(), 64, key)));
  if (std::getenv("DIGEST_BENCH")) {  // throughput on a 128 MB output
    std::vector<char> big(128u << 20, 1);
    auto t0 = std::chrono::steady_clock::now();
    volatile auto v = of(big.data(), big.size(), key).value;
    (void)v;
    std::printf("128 MB in %.3f s\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("%s\n", failures ? "digest check failed" : "digest check ok");
  return failures ? 1 : 0;
}

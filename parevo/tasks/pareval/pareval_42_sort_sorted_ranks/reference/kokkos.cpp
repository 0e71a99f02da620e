// Kokkos reference for ParEval 42: sort (value, index) keys as one 64-bit integer each (the float's
// bits mapped to an order-preserving unsigned, ties broken by index), then rank = position.
#include <Kokkos_Core.hpp>
#include <Kokkos_Sort.hpp>
#include <cstdint>
#include <cstring>

void ranks(Kokkos::View<const float*> const& x, Kokkos::View<size_t*> &ranks) {
  const size_t n = x.extent(0);
  Kokkos::View<std::uint64_t*> keys("keys", n);
  Kokkos::parallel_for("keys", n, KOKKOS_LAMBDA(const size_t i) {
    std::uint32_t b;
    const float v = x(i);
    std::memcpy(&b, &v, sizeof b);
    b = (b & 0x80000000u) ? ~b : (b | 0x80000000u);
    keys(i) = (static_cast<std::uint64_t>(b) << 32) | static_cast<std::uint32_t>(i);
  });
  Kokkos::sort(keys);
  Kokkos::parallel_for("ranks", n, KOKKOS_LAMBDA(const size_t r) { ranks(keys(r) & 0xffffffffu) = r; });
  Kokkos::fence();
}

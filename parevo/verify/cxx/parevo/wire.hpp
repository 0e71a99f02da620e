// Harness side: the byte format in which a task's Output crosses from the candidate process to
// the trusted harness process. The candidate side writes it (put), the harness reads it back
// (get) into its own memory before validating, so the bytes are untrusted input to `get`: every
// length is checked against what is left, nothing is allocated beyond the received size, and a
// malformed buffer leaves the reader `bad` (the harness then reports a wrong answer, never
// crashes).
//
// Types: arithmetic and enums, bool, std::complex, std::pair, std::tuple, std::array,
// std::string, std::vector (trivially copyable elements in one block, vector<bool> by byte),
// and aggregates of these (fields found through structured bindings, up to 12 fields), so a
// user's own output struct needs no registration.
#pragma once
#include <array>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace parevo::wire {

struct Writer {
  char* p;
  char* end;
  std::size_t needed = 0;  // bytes the whole value takes, even past `end`
  void bytes(const void* data, std::size_t n) {
    needed += n;
    if (static_cast<std::size_t>(end - p) < n) { p = end; return; }
    if (n) std::memcpy(p, data, n);
    p += n;
  }
  bool overflow(const char* begin) const { return needed > static_cast<std::size_t>(end - begin); }
};

struct Reader {
  const char* p;
  const char* end;
  bool bad = false;
  bool bytes(void* data, std::size_t n) {
    if (bad || static_cast<std::size_t>(end - p) < n) { bad = true; return false; }
    if (n) std::memcpy(data, p, n);
    p += n;
    return true;
  }
  // A declared element count is believable only if the bytes are there (each element needs at
  // least `min_bytes`), which bounds every allocation by the received size.
  bool count(std::uint64_t n, std::size_t min_bytes) {
    if (bad) return false;
    std::size_t left = static_cast<std::size_t>(end - p);
    if (min_bytes && n > left / min_bytes) { bad = true; return false; }
    if (!min_bytes && n > (std::uint64_t{1} << 32)) { bad = true; return false; }
    return true;
  }
};

namespace detail {

template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_array : std::false_type {};
template <class T, std::size_t N> struct is_array<std::array<T, N>> : std::true_type {};
template <class T> struct is_pair : std::false_type {};
template <class A, class B> struct is_pair<std::pair<A, B>> : std::true_type {};
template <class T> struct is_tuple : std::false_type {};
template <class... A> struct is_tuple<std::tuple<A...>> : std::true_type {};
template <class T> struct is_complex : std::false_type {};
template <class T> struct is_complex<std::complex<T>> : std::true_type {};

struct any_field {
  template <class T> operator T&() const;
};

template <class T, class... A>
constexpr std::size_t field_count() {
  if constexpr (sizeof...(A) > 12) return sizeof...(A);
  else if constexpr (requires { T{std::declval<A>()..., any_field{}}; }) return field_count<T, A..., any_field>();
  else return sizeof...(A);
}

template <class T, class F>
void for_fields(T& v, F&& f) {
  constexpr std::size_t n = field_count<std::remove_const_t<T>>();
  static_assert(n >= 1 && n <= 12, "parevo::wire: an output struct needs 1 to 12 public fields");
  if constexpr (n == 1) { auto& [a] = v; f(a); }
  else if constexpr (n == 2) { auto& [a, b] = v; f(a); f(b); }
  else if constexpr (n == 3) { auto& [a, b, c] = v; f(a); f(b); f(c); }
  else if constexpr (n == 4) { auto& [a, b, c, d] = v; f(a); f(b); f(c); f(d); }
  else if constexpr (n == 5) { auto& [a, b, c, d, e] = v; f(a); f(b); f(c); f(d); f(e); }
  else if constexpr (n == 6) { auto& [a, b, c, d, e, g] = v; f(a); f(b); f(c); f(d); f(e); f(g); }
  else if constexpr (n == 7) { auto& [a, b, c, d, e, g, h] = v; f(a); f(b); f(c); f(d); f(e); f(g); f(h); }
  else if constexpr (n == 8) { auto& [a, b, c, d, e, g, h, i] = v; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); }
  else if constexpr (n == 9) { auto& [a, b, c, d, e, g, h, i, j] = v; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); }
  else if constexpr (n == 10) { auto& [a, b, c, d, e, g, h, i, j, k] = v; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); }
  else if constexpr (n == 11) { auto& [a, b, c, d, e, g, h, i, j, k, l] = v; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); }
  else { auto& [a, b, c, d, e, g, h, i, j, k, l, m] = v; f(a); f(b); f(c); f(d); f(e); f(g); f(h); f(i); f(j); f(k); f(l); f(m); }
}

// Plain bytes: arithmetic types, complex numbers and trivially copyable structs (a bool field of
// such a struct arrives as its raw byte; no validator may rely on more than truthiness there).
template <class T>
constexpr bool is_blob() {
  if constexpr (std::is_same_v<T, bool>) return false;
  else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || is_complex<T>::value) return true;
  else return std::is_trivially_copyable_v<T> && std::is_class_v<T>;
}

}  // namespace detail

template <class T> void put(Writer& w, const T& v);
template <class T> void get(Reader& r, T& v);

template <class T>
void put(Writer& w, const T& v) {
  using namespace detail;
  if constexpr (std::is_same_v<T, bool>) {
    unsigned char b = v ? 1 : 0;
    w.bytes(&b, 1);
  } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || is_complex<T>::value) {
    w.bytes(&v, sizeof v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    std::uint64_t n = v.size();
    w.bytes(&n, sizeof n);
    w.bytes(v.data(), v.size());
  } else if constexpr (is_vector<T>::value) {
    using E = typename T::value_type;
    std::uint64_t n = v.size();
    w.bytes(&n, sizeof n);
    if constexpr (std::is_same_v<E, bool>) {
      for (bool b : v) put(w, b);
    } else if constexpr (is_blob<E>()) {
      w.bytes(v.data(), v.size() * sizeof(E));
    } else {
      for (const auto& e : v) put(w, e);
    }
  } else if constexpr (is_array<T>::value) {
    for (const auto& e : v) put(w, e);
  } else if constexpr (is_pair<T>::value) {
    put(w, v.first);
    put(w, v.second);
  } else if constexpr (is_tuple<T>::value) {
    std::apply([&](const auto&... e) { (put(w, e), ...); }, v);
  } else {
    static_assert(std::is_aggregate_v<T>, "parevo::wire: unsupported output type (use vectors, strings, "
                                          "arithmetic types and structs of them)");
    for_fields(v, [&](const auto& f) { put(w, f); });
  }
}

template <class T>
void get(Reader& r, T& v) {
  using namespace detail;
  if (r.bad) return;
  if constexpr (std::is_same_v<T, bool>) {
    unsigned char b = 0;
    r.bytes(&b, 1);
    v = b != 0;
  } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || is_complex<T>::value) {
    r.bytes(&v, sizeof v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    std::uint64_t n = 0;
    if (!r.bytes(&n, sizeof n) || !r.count(n, 1)) return;
    v.assign(r.p, static_cast<std::size_t>(n));
    r.p += n;
  } else if constexpr (is_vector<T>::value) {
    using E = typename T::value_type;
    std::uint64_t n = 0;
    if (!r.bytes(&n, sizeof n)) return;
    if constexpr (std::is_same_v<E, bool>) {
      if (!r.count(n, 1)) return;
      v.assign(static_cast<std::size_t>(n), false);
      for (std::size_t i = 0; i < n; ++i) { bool b; get(r, b); v[i] = b; }
    } else if constexpr (is_blob<E>()) {
      if (!r.count(n, sizeof(E))) return;
      v.resize(static_cast<std::size_t>(n));
      r.bytes(v.data(), static_cast<std::size_t>(n) * sizeof(E));
    } else {
      if (!r.count(n, 1)) return;
      v.clear();
      v.resize(static_cast<std::size_t>(n));
      for (auto& e : v) { get(r, e); if (r.bad) return; }
    }
  } else if constexpr (is_array<T>::value) {
    for (auto& e : v) get(r, e);
  } else if constexpr (is_pair<T>::value) {
    get(r, v.first);
    get(r, v.second);
  } else if constexpr (is_tuple<T>::value) {
    std::apply([&](auto&... e) { (get(r, e), ...); }, v);
  } else {
    for_fields(v, [&](auto& f) { get(r, f); });
  }
}

}  // namespace parevo::wire

// parevo's trusted C++ side of a Rust candidate: the C ABI of parevo_rt::abi (keep in step with
// parevo_rt/src/lib.rs). A task's rust/adapter.cpp defines the task's C++ function by flattening
// its input into Args (slices and scalars), calling the generated Rust entry point, and taking
// the output from a buffer the adapter owns (a std::vector the Rust side asks to resize).
#pragma once
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace parevo_rust {

struct Arg {
  const void* ptr;
  std::uint64_t len;
};

struct Out {
  void* vec;
  void* (*grow)(void*, std::uint64_t);
};

template <class T>
inline Arg slice(const std::vector<T>& v) {
  return Arg{v.data(), v.size()};
}
inline Arg bytes(const std::string& s) { return Arg{s.data(), s.size()}; }
inline Arg scalar(std::int64_t x) { return Arg{nullptr, static_cast<std::uint64_t>(x)}; }
inline Arg real(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return Arg{nullptr, bits};
}

template <class T>
void* grow(void* vec, std::uint64_t n) {
  auto* v = static_cast<std::vector<T>*>(vec);
  v->resize(n);
  return v->data();
}

template <class T>
inline Out sink(std::vector<T>& v) {
  return Out{&v, &grow<T>};
}

}  // namespace parevo_rust

// Generated per candidate from the task's rust/entry.rs; a panic comes back as 1 with its text.
extern "C" int parevo_rust_call(const parevo_rust::Arg* args, std::uint64_t nargs, parevo_rust::Out* out, char* err,
                                unsigned errcap);

namespace parevo_rust {

template <std::size_t N, class T>
inline void call(const Arg (&args)[N], std::vector<T>& result) {
  char err[512] = {};
  Out out = sink(result);
  if (parevo_rust_call(args, N, &out, err, sizeof err) != 0) throw std::runtime_error(err);
}

}  // namespace parevo_rust

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
// An in-place argument: the Rust side gets it as `&mut [T]` (parevo_rt::abi::slice_mut).
template <class T>
inline Arg slice_mut(std::vector<T>& v) {
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

// A call whose result is one scalar (the Rust side emits a one-element slice).
template <class T, std::size_t N>
inline T call_scalar(const Arg (&args)[N]) {
  std::vector<T> r;
  call(args, r);
  if (r.size() != 1) throw std::runtime_error("the Rust entry returned " + std::to_string(r.size()) + " values, not one");
  return r[0];
}

// A call whose result is written in place (through slice_mut arguments): no output buffer.
template <std::size_t N>
inline void call(const Arg (&args)[N]) {
  std::vector<char> none;
  call(args, none);
}

}  // namespace parevo_rust

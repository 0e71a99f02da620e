// The task probe of `parevo tasks new` and `parevo tasks check` (parevo/owncode/probe.py): the
// task's function (its baseline, or a mutant of it) linked with the task's generators and
// validator, run once per family in one process, outside the verifier's cascade (no thread
// sweep, no race build): it answers "does this function pass this task's validator, how long
// does it take, is each family deterministic, what shape does it make".
//
// usage: probe [--time] SIZE SEED FAMILY...   (--time: one call per family, no validation)
// One JSON object per line: {"family", "shape", "seconds", "error", "hash", "input", "again", "answer"}
// where `hash` and `input` fingerprint the output and the input, `again` says whether a second
// generation from the same (size, seed) described the same input and led to the same output,
// and `answer` is the output's size (a collection's length, else its byte count). A "start" line precedes each family, so a crash names its family.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "parevo/owncode.hpp"
#include "parevo/random.hpp"
#include "parevo/wire.hpp"
#include "task.hpp"

namespace {

std::string json(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { o += '\\'; o += static_cast<char>(c); }
    else if (c < 0x20 || c >= 0x7f) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
    else o += static_cast<char>(c);
  }
  return o + "\"";
}

// A hash of the output's values (its leaves, not its wire bytes: a struct's padding is not a value).
std::uint64_t digest(const task::Output& out, std::size_t& bytes) {
  parevo::wire::Writer probe{nullptr, nullptr};
  parevo::wire::put(probe, out);
  bytes = probe.needed;
  std::vector<parevo::own::Leaf> leaves;
  parevo::own::flatten(out, leaves, 0);
  return parevo::own::leaf_hash(leaves);
}

// The input's own fingerprint where the task defines one (`fingerprint(const Input&)`, as tasks
// made by `parevo tasks new` do: found by argument-dependent lookup), else 0: a hand-written
// task's determinism rests on its describe() line and the output.
template <class I>
auto input_fingerprint(const I& in, int) -> decltype(fingerprint(in)) { return fingerprint(in); }
template <class I>
std::uint64_t input_fingerprint(const I&, long) { return 0; }

template <class T>
std::size_t answer_size(const T& v, std::size_t bytes) {
  if constexpr (parevo::wire::detail::is_vector<T>::value || std::is_same_v<T, std::string>) return v.size();
  else return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  const bool time_only = argc > 1 && std::string(argv[1]) == "--time";
  if (time_only) { --argc; ++argv; }
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s [--time] SIZE SEED FAMILY...\n", argv[0]);
    return 2;
  }
  const long long size = std::atoll(argv[1]);
  const std::uint64_t seed = std::strtoull(argv[2], nullptr, 10);
  for (int a = 3; a < argc; ++a) {
    const std::string family = argv[a];
    std::printf("{\"start\": %s}\n", json(family).c_str());
    std::fflush(stdout);
    std::string shape, error, shape2;
    double seconds = 0;
    std::uint64_t hash = 0, hash2 = 0, input = 0, input2 = 0;
    std::size_t bytes = 0, bytes2 = 0, answer = 0;
    try {
      parevo::Rng rng(seed ^ parevo::hash_name(family));
      task::Input in = task::generate(family, size, rng);
      shape = task::describe(in);
      input = input2 = input_fingerprint(in, 0);
      const auto t0 = std::chrono::steady_clock::now();
      const task::Output out = task::invoke(in);
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      hash = digest(out, bytes);
      answer = answer_size(out, bytes);
      shape2 = shape;
      hash2 = hash;
      if (!time_only) {
        error = task::validate(in, out);
        parevo::Rng rng2(seed ^ parevo::hash_name(family));
        task::Input again = task::generate(family, size, rng2);
        shape2 = task::describe(again);
        input2 = input_fingerprint(again, 0);
        hash2 = digest(task::invoke(again), bytes2);
      }
    } catch (const std::exception& e) {
      error = std::string("threw: ") + e.what();
    }
    std::printf("{\"family\": %s, \"shape\": %s, \"seconds\": %.9f, \"error\": %s, \"hash\": \"%016llx\", "
                "\"input\": \"%016llx\", \"again\": %s, \"answer\": %zu}\n",
                json(family).c_str(), json(shape).c_str(), seconds, json(error).c_str(),
                static_cast<unsigned long long>(hash), static_cast<unsigned long long>(input),
                (shape == shape2 && hash == hash2 && input == input2) ? "true" : "false", answer);
    std::fflush(stdout);
  }
  return 0;
}

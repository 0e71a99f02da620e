// Harness side of the list_ranking task: inputs, the call, and the validator.
#pragma once
#include <string>

#include "parevo/trees.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::int32_t> next;
  std::int32_t head = 0, tail = 0;  // harness bookkeeping, not passed to the candidate
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  const std::vector<std::int32_t> order = parevo::trees::list_order(family, static_cast<std::int32_t>(n), rng);
  in.next = parevo::trees::list_from_order(order);
  in.head = order.front();
  in.tail = order.back();
  return in;
}

// Another instance for the next repetition: the list cut after a random node u and its two
// pieces swapped (the old tail now links to the old head, u becomes the tail). Two writes, and
// every rank changes by the same nonzero shift modulo n, so a cached answer is wrong everywhere;
// the layout (random, blocked, sequential runs) is kept apart from one jump.
inline void vary(Input& in, parevo::Rng& rng) {
  const auto n = static_cast<std::int32_t>(in.next.size());
  if (n < 2) return;
  std::int32_t u;
  do u = static_cast<std::int32_t>(rng.below(n)); while (u == in.tail);
  const std::int32_t new_head = in.next[u];
  in.next[in.tail] = in.head;
  in.next[u] = -1;
  in.head = new_head;
  in.tail = u;
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.next.size()) + " head=" + std::to_string(in.head) +
         " tail=" + std::to_string(in.tail);
}

inline Output invoke(const Input& in) { return list_ranking(in.next); }

// Ranks are unique: the validator walks the list from the head and compares.
inline std::string validate(const Input& in, const Output& out) {
  const auto n = static_cast<std::int32_t>(in.next.size());
  if (out.size() != in.next.size())
    return "returned " + std::to_string(out.size()) + " ranks, expected " + std::to_string(n) + " (one per node)";
  std::vector<std::int32_t> rank(in.next.size());
  std::int32_t r = n - 1;
  for (std::int32_t v = in.head; v >= 0; v = in.next[v]) rank[v] = r--;
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t v = 0; v < n; ++v)
    if (out[v] != rank[v]) { if (first < 0) first = v; ++wrong; }
  if (wrong == 0) return "";
  return "node " + std::to_string(first) + ": expected rank " + std::to_string(rank[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(n) +
         " nodes wrong; head " + std::to_string(in.head) + ")";
}

}  // namespace task

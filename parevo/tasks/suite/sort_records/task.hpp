// Harness side of the sort_records task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/keys.hpp"
#include "types.hpp"

namespace task {

constexpr std::uint64_t kBound = 0;  // keys span the whole 64-bit range

// The payloads are a random permutation of 0..n-1, so they identify records without being
// their input positions: sorting by (key, payload) is not a stable sort in disguise.
// `position[p]` is the input position of the record with payload p.
struct Input {
  std::string family;
  std::vector<Record> records;
  std::vector<std::uint32_t> position;
};
using Output = std::vector<Record>;

inline void set_keys(Input& in, const std::vector<std::uint64_t>& keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) in.records[i].key = keys[i];
}

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.family = family;
  const std::vector<std::uint64_t> keys =
      parevo::keys::by_family<std::uint64_t>(family, static_cast<std::size_t>(std::max(n, 0LL)), kBound, rng);
  const std::vector<std::uint32_t> payload =
      parevo::random_permutation<std::uint32_t>(static_cast<std::uint32_t>(keys.size()), rng);
  in.records.resize(keys.size());
  in.position.resize(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    in.records[i] = Record{keys[i], payload[i]};
    in.position[payload[i]] = static_cast<std::uint32_t>(i);
  }
  return in;
}

// Another instance for the next repetition: the same payloads with new keys of the same shape
// (relabelled through a random bijection of the key range, or redrawn for the ordered
// families), so records sorted in an earlier call are in the wrong order.
inline void vary(Input& in, parevo::Rng& rng) {
  std::vector<std::uint64_t> keys(in.records.size());
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = in.records[i].key;
  parevo::keys::vary<std::uint64_t>(in.family, keys, kBound, rng);
  set_keys(in, keys);
}

inline std::string describe(const Input& in) {
  if (in.records.empty()) return "n=0";
  std::uint64_t lo = in.records[0].key, hi = lo;
  for (const Record& r : in.records) { lo = std::min(lo, r.key); hi = std::max(hi, r.key); }
  return "n=" + std::to_string(in.records.size()) + " min_key=" + std::to_string(lo) + " max_key=" + std::to_string(hi);
}

inline Output invoke(const Input& in) { return sort_records(in.records); }

inline std::string show(const Record& r) {
  return "{key " + std::to_string(r.key) + ", payload " + std::to_string(r.payload) + "}";
}

// The first reason `out` is not the stable sort of the input, or "" when it is: every record
// an unchanged input record, each input record once, keys in order, ties in input order.
// Together these pin down the unique stable order, in one pass.
inline std::string first_problem(const Input& in, const Output& out) {
  const std::size_t n = in.records.size();
  std::vector<char> seen(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Record& r = out[i];
    if (r.payload >= n) return "position " + std::to_string(i) + " holds " + show(r) + ", which is not an input record";
    const std::uint32_t at = in.position[r.payload];
    if (in.records[at].key != r.key)
      return "position " + std::to_string(i) + " holds " + show(r) + ", but the input record with that payload has key " +
             std::to_string(in.records[at].key);
    if (seen[r.payload]++) return "position " + std::to_string(i) + " repeats " + show(r);
    if (i == 0) continue;
    const Record& p = out[i - 1];
    if (p.key > r.key)
      return "keys out of order at position " + std::to_string(i) + ": " + show(p) + " before " + show(r);
    if (p.key == r.key && in.position[p.payload] > at)
      return "not stable at position " + std::to_string(i) + ": " + show(p) + " (input position " +
             std::to_string(in.position[p.payload]) + ") before " + show(r) + " (input position " + std::to_string(at) + ")";
  }
  return "";
}

// Valid outputs pass first_problem alone, in linear time (every timed repetition is
// validated); an invalid one is compared with std::stable_sort's answer to count the damage.
inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.records.size();
  if (out.size() != n)
    return "returned " + std::to_string(out.size()) + " records, expected " + std::to_string(n) + " (as many as the input)";
  const std::string problem = first_problem(in, out);
  if (problem.empty()) return "";
  std::vector<Record> expected(in.records);
  std::stable_sort(expected.begin(), expected.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (out[i].key != expected[i].key || out[i].payload != expected[i].payload) { if (wrong++ == 0) first = i; }
  return "position " + std::to_string(first) + ": expected " + show(expected[first]) + ", got " + show(out[first]) +
         " (" + std::to_string(wrong) + " of " + std::to_string(n) + " positions wrong; " + problem + ")";
}

}  // namespace task

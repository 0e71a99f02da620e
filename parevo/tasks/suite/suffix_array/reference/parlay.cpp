// Expert reference (ParlayLib): prefix doubling over the still-tied suffixes (Larsson and
// Sadakane's refinement), every step a ParlayLib primitive.
//
// The first round sorts all suffixes by as many leading bytes as fit in 63 bits (bytes that
// occur are coded 1..sigma, 0 marks the end: 21 bytes of DNA, 10 of text) with
// parlay::integer_sort. rank[i] is then the first place of suffix i's group (the suffixes that
// tie on that prefix). Each later round sorts only the tied suffixes by (rank[i], rank[i + h]),
// gives each run of equal pairs the rank of its group plus its offset in the group (two
// max-scans find run and group starts), and drops runs of one suffix: they are final.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using u64 = std::uint64_t;
using Entry = std::pair<u64, std::int32_t>;  // (sort key, suffix)

// After a sort by key: the new rank of each suffix and whether it is still tied. Without
// `grouped` every suffix is in one group of rank 0; with it the group is the key above `bits`.
void rerank(const parlay::sequence<Entry>& e, bool grouped, int bits, parlay::sequence<std::int32_t>& rank,
            parlay::sequence<unsigned char>& tied) {
  const std::size_t m = e.size();
  auto group_of = [&](std::size_t j) { return grouped ? e[j].first >> bits : u64{0}; };
  auto run_start = parlay::scan_inclusive(
      parlay::delayed_tabulate(m, [&](std::size_t j) { return j == 0 || e[j].first != e[j - 1].first ? j : 0; }),
      parlay::maximum<std::size_t>());
  auto group_start = parlay::scan_inclusive(
      parlay::delayed_tabulate(m, [&](std::size_t j) { return j == 0 || group_of(j) != group_of(j - 1) ? j : 0; }),
      parlay::maximum<std::size_t>());
  parlay::parallel_for(0, m, [&](std::size_t j) {
    const std::int32_t i = e[j].second;
    rank[i] = static_cast<std::int32_t>(group_of(j) + (run_start[j] - group_start[j]));
    tied[i] = !(run_start[j] == j && (j + 1 == m || e[j + 1].first != e[j].first));
  });
}

}  // namespace

std::vector<std::int32_t> suffix_array(const std::string& s) {
  const auto n = static_cast<std::int64_t>(s.size());
  std::vector<std::int32_t> sa(static_cast<std::size_t>(n));
  if (n <= 1) return sa;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  int bits = 1;  // ranks and ranks + 1 are at most n < 2^bits
  while ((std::int64_t{1} << bits) <= n) ++bits;

  // Which bytes occur: one flag table per block, merged.
  constexpr std::int64_t kBlock = 1 << 16;
  const std::int64_t blocks = (n + kBlock - 1) / kBlock;
  parlay::sequence<unsigned char> present(static_cast<std::size_t>(blocks) * 256, 0);
  parlay::parallel_for(0, blocks, [&](std::int64_t b) {
    for (std::int64_t i = b * kBlock; i < std::min(n, (b + 1) * kBlock); ++i) present[b * 256 + bytes[i]] = 1;
  });
  u64 code[256] = {};
  u64 sigma = 0;
  for (int c = 0; c < 256; ++c) {
    bool seen = false;
    for (std::int64_t b = 0; b < blocks && !seen; ++b) seen = present[b * 256 + c];
    if (seen) code[c] = ++sigma;
  }
  int code_bits = 1;
  while ((u64{1} << code_bits) <= sigma) ++code_bits;
  const int prefix = 63 / code_bits;
  const u64 mask = (u64{1} << (prefix * code_bits)) - 1;

  // Packed prefixes, rolled forward one byte at a time within each block.
  auto entries = parlay::sequence<Entry>::uninitialized(static_cast<std::size_t>(n));
  parlay::parallel_for(0, blocks, [&](std::int64_t b) {
    auto code_at = [&](std::int64_t i) { return i < n ? code[bytes[i]] : u64{0}; };
    const std::int64_t lo = b * kBlock, hi = std::min(n, lo + kBlock);
    u64 k = 0;
    for (std::int64_t i = lo; i < lo + prefix; ++i) k = (k << code_bits) | code_at(i);
    for (std::int64_t i = lo; i < hi; ++i) {
      entries[i] = {k, static_cast<std::int32_t>(i)};
      k = ((k << code_bits) | code_at(i + prefix)) & mask;
    }
  }, 1);
  parlay::sequence<std::int32_t> rank(static_cast<std::size_t>(n));
  parlay::sequence<unsigned char> tied(static_cast<std::size_t>(n));
  parlay::integer_sort_inplace(entries, [](const Entry& x) { return x.first; });
  rerank(entries, false, bits, rank, tied);
  auto active = parlay::pack_index<std::int32_t>(tied);

  for (std::int64_t h = prefix; !active.empty(); h *= 2) {
    auto round = parlay::map(active, [&](std::int32_t i) {
      const u64 second = i + h < n ? static_cast<u64>(rank[i + h]) + 1 : 0;
      return Entry{(static_cast<u64>(rank[i]) << bits) | second, i};
    });
    parlay::integer_sort_inplace(round, [](const Entry& x) { return x.first; });
    rerank(round, true, bits, rank, tied);
    active = parlay::pack_index<std::int32_t>(tied);
  }

  parlay::parallel_for(0, n, [&](std::int64_t i) { sa[rank[i]] = static_cast<std::int32_t>(i); });
  return sa;
}

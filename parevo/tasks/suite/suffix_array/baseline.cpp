// Sequential baseline: prefix doubling with std::sort (Manber and Myers' idea, O(n log^2 n)).
// After the round with step k, rank[i] orders the suffixes by their first 2k characters; each
// round sorts by the pair (rank[i], rank[i + k]) until all ranks are distinct.
#include <algorithm>
#include <numeric>
#include <vector>

std::vector<std::int32_t> suffix_array(const std::string& s) {
  const auto n = static_cast<std::int32_t>(s.size());
  std::vector<std::int32_t> sa(n), rank(n), next(n);
  std::iota(sa.begin(), sa.end(), 0);
  for (std::int32_t i = 0; i < n; ++i) rank[i] = static_cast<unsigned char>(s[i]);
  for (std::int32_t k = 1; n > 1; k *= 2) {
    auto second = [&](std::int32_t i) { return i + k < n ? rank[i + k] : -1; };
    auto less = [&](std::int32_t a, std::int32_t b) {
      return rank[a] != rank[b] ? rank[a] < rank[b] : second(a) < second(b);
    };
    std::sort(sa.begin(), sa.end(), less);
    next[sa[0]] = 0;
    for (std::int32_t i = 1; i < n; ++i) next[sa[i]] = next[sa[i - 1]] + (less(sa[i - 1], sa[i]) ? 1 : 0);
    rank.swap(next);
    if (rank[sa[n - 1]] == n - 1) break;
  }
  return sa;
}

// Sequential baseline: find the head (the only node nobody points to), then walk the list once,
// giving the node at position p the rank n-1-p.
#include <vector>

std::vector<std::int32_t> list_ranking(const std::vector<std::int32_t>& next) {
  const auto n = static_cast<std::int32_t>(next.size());
  std::vector<char> has_pred(n, 0);
  for (std::int32_t v = 0; v < n; ++v)
    if (next[v] >= 0) has_pred[next[v]] = 1;
  std::int32_t head = 0;
  while (has_pred[head]) ++head;
  std::vector<std::int32_t> rank(n);
  std::int32_t r = n - 1;
  for (std::int32_t v = head; v >= 0; v = next[v]) rank[v] = r--;
  return rank;
}

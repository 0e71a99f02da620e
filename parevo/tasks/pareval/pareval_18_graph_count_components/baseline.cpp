// Sequential baseline: one BFS per unvisited vertex over the adjacency matrix, O(N^2).
#include <cstddef>
#include <vector>

int componentCount(std::vector<int> const& A, size_t N) {
  std::vector<char> seen(N, 0);
  std::vector<size_t> queue;
  queue.reserve(N);
  int count = 0;
  for (size_t s = 0; s < N; ++s) {
    if (seen[s]) continue;
    ++count;
    seen[s] = 1;
    queue.clear();
    queue.push_back(s);
    for (size_t head = 0; head < queue.size(); ++head) {
      const int* row = A.data() + queue[head] * N;
      for (size_t u = 0; u < N; ++u)
        if (row[u] && !seen[u]) { seen[u] = 1; queue.push_back(u); }
    }
  }
  return count;
}

// Sequential baseline: BFS from source over the adjacency matrix, stopping at dest, O(N^2).
#include <cstddef>
#include <vector>

int shortestPathLength(std::vector<int> const& A, size_t N, int source, int dest) {
  if (source == dest) return 0;
  std::vector<int> dist(N, -1);
  std::vector<size_t> queue;
  queue.reserve(N);
  dist[source] = 0;
  queue.push_back(static_cast<size_t>(source));
  for (size_t head = 0; head < queue.size(); ++head) {
    const size_t v = queue[head];
    const int* row = A.data() + v * N;
    for (size_t u = 0; u < N; ++u) {
      if (row[u] && dist[u] < 0) {
        dist[u] = dist[v] + 1;
        if (u == static_cast<size_t>(dest)) return dist[u];
        queue.push_back(u);
      }
    }
  }
  return -1;  // unreachable (never the case for the inputs of this task)
}

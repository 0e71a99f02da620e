// Expert reference (std::thread): chunked stack algorithm plus a spine fix-up, as in the
// OpenMP reference. parevo::num_threads() workers each run the sequential stack algorithm on
// one contiguous chunk; after they are joined, a second team fixes the parents of each chunk's
// left spine (prefix minima) and right spine (suffix minima), the only positions whose nearest
// smaller neighbour can lie outside the chunk. The search for that neighbour skips chunks whose
// minimum is not smaller and binary-searches the spine of the first chunk that has one. Joining
// between the phases orders every write before every read of another chunk's data.
#include <algorithm>
#include <cstdint>
#include <thread>
#include <utility>
#include <vector>

namespace {

template <class Fn>
void run_team(int workers, Fn fn) {
  std::vector<std::thread> team;
  team.reserve(workers - 1);
  for (int c = 1; c < workers; ++c) team.emplace_back(fn, c);
  fn(0);
  for (auto& t : team) t.join();
}

}  // namespace

std::vector<std::int32_t> cartesian_tree(const std::vector<std::int64_t>& values) {
  const auto n = static_cast<std::int32_t>(values.size());
  std::vector<std::int32_t> parent(values.size());
  if (n == 0) return parent;
  const std::int64_t* v = values.data();
  std::int32_t* par = parent.data();
  auto less = [v](std::int32_t i, std::int32_t j) { return v[i] < v[j] || (v[i] == v[j] && i < j); };

  const int chunks = std::max(1, std::min(parevo::num_threads(), n / 64));
  std::vector<std::vector<std::int32_t>> left_spine(chunks), right_spine(chunks);
  std::vector<std::int32_t> chunk_min(chunks);

  run_team(chunks, [&](int c) {
    const auto lo = static_cast<std::int32_t>(std::int64_t{n} * c / chunks);
    const auto hi = static_cast<std::int32_t>(std::int64_t{n} * (c + 1) / chunks);
    // Stacks local to the worker, moved out at the end: the chunks' spine vectors share a cache
    // line, and pushing onto them in place made the workers fight over it (false sharing).
    std::vector<std::int32_t> pm, st;
    for (std::int32_t i = lo; i < hi; ++i) {
      std::int32_t last = -1;
      while (!st.empty() && v[st.back()] > v[i]) {
        last = st.back();
        st.pop_back();
      }
      if (last >= 0) par[last] = i;
      if (st.empty()) {
        par[i] = -1;
        pm.push_back(i);
      } else {
        par[i] = st.back();
      }
      st.push_back(i);
    }
    chunk_min[c] = st.front();
    left_spine[c] = std::move(pm);
    right_spine[c] = std::move(st);
  });

  run_team(chunks, [&](int c) {
    int b = c - 1;
    for (const std::int32_t x : left_spine[c]) {
      while (b >= 0 && !less(chunk_min[b], x)) --b;
      if (b < 0) break;
      const std::vector<std::int32_t>& sm = right_spine[b];
      const auto it = std::partition_point(sm.begin(), sm.end(), [&](std::int32_t e) { return less(e, x); });
      const std::int32_t left = *(it - 1);
      if (par[x] < 0 || less(par[x], left)) par[x] = left;
    }
    b = c + 1;
    const std::vector<std::int32_t>& st = right_spine[c];
    for (auto it = st.rbegin(); it != st.rend(); ++it) {
      const std::int32_t y = *it;
      while (b < chunks && !less(chunk_min[b], y)) ++b;
      if (b >= chunks) break;
      const std::vector<std::int32_t>& lm = left_spine[b];
      const std::int32_t right = *std::partition_point(lm.begin(), lm.end(), [&](std::int32_t e) { return !less(e, y); });
      if (par[y] < 0 || less(par[y], right)) par[y] = right;
    }
  });
  return parent;
}

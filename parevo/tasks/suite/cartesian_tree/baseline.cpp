// Sequential baseline: the classic stack algorithm. The stack holds the right spine of the tree
// built so far; a new position pops every spine position larger than it, adopts the last one
// popped as its left child, and hangs below the new top of the stack.
#include <vector>

std::vector<std::int32_t> cartesian_tree(const std::vector<std::int64_t>& values) {
  const auto n = static_cast<std::int32_t>(values.size());
  std::vector<std::int32_t> parent(n, -1), stack;
  for (std::int32_t i = 0; i < n; ++i) {
    std::int32_t last = -1;
    while (!stack.empty() && values[stack.back()] > values[i]) {
      last = stack.back();
      stack.pop_back();
    }
    if (last >= 0) parent[last] = i;
    parent[i] = stack.empty() ? -1 : stack.back();
    stack.push_back(i);
  }
  return parent;
}

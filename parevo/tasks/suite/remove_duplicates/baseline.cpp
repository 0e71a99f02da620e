// Sequential baseline: a hash set of the values seen so far; first occurrences in input order.
#include <unordered_set>
#include <vector>

std::vector<std::uint64_t> remove_duplicates(const std::vector<std::uint64_t>& values) {
  std::unordered_set<std::uint64_t> seen;
  std::vector<std::uint64_t> out;
  for (std::uint64_t v : values)
    if (seen.insert(v).second) out.push_back(v);
  return out;
}

// Sequential baseline: copy the records and std::stable_sort them by key.
#include <algorithm>
#include <vector>

std::vector<Record> sort_records(const std::vector<Record>& records) {
  std::vector<Record> out(records);
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
  return out;
}

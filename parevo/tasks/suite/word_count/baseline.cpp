// Sequential baseline: scan the text once, counting each word in a hash map keyed by a view
// into the text; strings are made only for the distinct words at the end.
#include <string_view>
#include <unordered_map>
#include <vector>

std::vector<std::pair<std::string, std::int64_t>> word_count(const std::string& text) {
  auto is_letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const std::string_view all(text);
  std::unordered_map<std::string_view, std::int64_t> counts;
  std::size_t i = 0;
  const std::size_t n = all.size();
  while (i < n) {
    while (i < n && !is_letter(all[i])) ++i;
    const std::size_t start = i;
    while (i < n && is_letter(all[i])) ++i;
    if (i > start) ++counts[all.substr(start, i - start)];
  }
  std::vector<std::pair<std::string, std::int64_t>> out;
  out.reserve(counts.size());
  for (const auto& [word, count] : counts) out.emplace_back(std::string(word), count);
  return out;
}

// Expert reference (ParlayLib): find word starts and ends with two parallel packs, make a
// view per word, and count equal views with parlay::histogram_by_key (a parallel hash-based
// collect-reduce that gives heavy keys, found by sampling, their own buckets). Strings are
// built in parallel only for the distinct words.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <string>
#include <string_view>
#include <vector>

std::vector<std::pair<std::string, std::int64_t>> word_count(const std::string& text) {
  const std::size_t n = text.size();
  const char* s = text.data();
  auto letter = [s](std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  auto is_start = parlay::delayed_seq<bool>(n, [&](std::size_t i) { return letter(i) && (i == 0 || !letter(i - 1)); });
  auto is_end = parlay::delayed_seq<bool>(n, [&](std::size_t i) { return letter(i) && (i + 1 == n || !letter(i + 1)); });
  auto starts = parlay::pack_index(is_start);
  auto ends = parlay::pack_index(is_end);  // the k-th word ends at ends[k]
  auto words = parlay::tabulate(starts.size(), [&](std::size_t k) {
    return std::string_view(s + starts[k], ends[k] + 1 - starts[k]);
  });
  auto counts = parlay::histogram_by_key<std::int64_t>(words);
  std::vector<std::pair<std::string, std::int64_t>> out(counts.size());
  parlay::parallel_for(0, counts.size(), [&](std::size_t i) {
    out[i].first.assign(counts[i].first);
    out[i].second = counts[i].second;
  });
  return out;
}

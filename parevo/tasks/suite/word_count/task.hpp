// Harness side of the word_count task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <array>
#include <string>

#include "parevo/text.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::string text;
  // The truth, kept in the generator's spelling: vocab[r] is word r, count[r] its occurrences.
  std::vector<std::string> vocab;
  std::vector<std::int64_t> count;
  // Open-addressing index of the vocabulary by hash: slot holds r + 1 (0: empty).
  std::vector<std::uint64_t> vocab_hash;
  std::vector<std::uint32_t> index;
  // vary() renames letters; these map the current text's bytes to the generator's and back.
  std::array<unsigned char, 256> to_original{}, to_current{};
};
using Output = std::vector<std::pair<std::string, std::int64_t>>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  parevo::text::Text t = parevo::text::by_family(family, n, rng);
  Input in;
  in.text = std::move(t.text);
  in.vocab = std::move(t.vocab);
  in.count = std::move(t.count);
  std::size_t slots = 16;
  while (slots < 2 * in.vocab.size()) slots *= 2;
  in.index.assign(slots, 0);
  in.vocab_hash.resize(in.vocab.size());
  for (std::size_t r = 0; r < in.vocab.size(); ++r) {
    const std::uint64_t h = parevo::text::hash_bytes(in.vocab[r].data(), in.vocab[r].size());
    in.vocab_hash[r] = h;
    std::size_t s = h & (slots - 1);
    while (in.index[s] != 0) s = (s + 1) & (slots - 1);
    in.index[s] = static_cast<std::uint32_t>(r + 1);
  }
  for (int c = 0; c < 256; ++c) in.to_original[c] = in.to_current[c] = static_cast<unsigned char>(c);
  return in;
}

// Another instance for the next repetition: every letter of the text is renamed by a random
// bijection of the 52 letters, in one pass. Word boundaries and counts stay, but every word
// becomes a different string, so a cached answer is wrong (except for texts with no words).
inline void vary(Input& in, parevo::Rng& rng) {
  const auto p = parevo::text::letter_permutation(rng);
  for (char& c : in.text) c = static_cast<char>(p[static_cast<unsigned char>(c)]);
  std::array<unsigned char, 256> to_current{}, to_original{};
  for (int c = 0; c < 256; ++c) {
    to_current[c] = p[in.to_current[c]];
    to_original[to_current[c]] = static_cast<unsigned char>(c);
  }
  in.to_current = to_current;
  in.to_original = to_original;
}

inline std::string describe(const Input& in) {
  std::int64_t words = 0, distinct = 0;
  std::size_t longest = 0;
  for (std::size_t r = 0; r < in.vocab.size(); ++r) {
    words += in.count[r];
    if (in.count[r] > 0) {
      ++distinct;
      longest = std::max(longest, in.vocab[r].size());
    }
  }
  return "bytes=" + std::to_string(in.text.size()) + " words=" + std::to_string(words) + " distinct=" +
         std::to_string(distinct) + " longest_word=" + std::to_string(longest);
}

inline Output invoke(const Input& in) { return word_count(in.text); }

// Any order is valid: each returned word is translated back to the generator's spelling,
// found in the vocabulary by hash, and ticked off with its count checked; then every word of
// the text must have been ticked exactly once.
inline std::string validate(const Input& in, const Output& out) {
  using parevo::text::show;
  const std::size_t m = in.vocab.size();
  std::vector<std::uint8_t> returned(m, 0);
  std::int64_t distinct = 0;
  for (std::int64_t c : in.count) distinct += c > 0;
  auto current = [&in](const std::string& w) {
    std::string s(w);
    for (char& c : s) c = static_cast<char>(in.to_current[static_cast<unsigned char>(c)]);
    return s;
  };

  std::int64_t wrong_count = 0, extra = 0, missing = 0;
  std::string first, original;
  auto note = [&first](std::string problem) {
    if (first.empty()) first = std::move(problem);
  };
  for (const auto& [word, count] : out) {
    original.assign(word);
    bool letters = !word.empty();
    for (char& c : original) {
      letters = letters && parevo::text::is_letter(static_cast<unsigned char>(c));
      c = static_cast<char>(in.to_original[static_cast<unsigned char>(c)]);
    }
    std::int64_t r = -1;
    if (letters) {
      const std::uint64_t h = parevo::text::hash_bytes(original.data(), original.size());
      const std::size_t mask = in.index.size() - 1;
      for (std::size_t s = h & mask; in.index[s] != 0; s = (s + 1) & mask) {
        const std::uint32_t cand = in.index[s] - 1;
        if (in.vocab_hash[cand] == h && in.vocab[cand] == original) { r = cand; break; }
      }
    }
    if (r < 0 || in.count[r] == 0) {
      ++extra;
      note(std::string(letters ? "word " : "string ") + show(word) +
           (letters ? " does not occur in the text" : " is not a word (words are non-empty runs of ASCII letters)") +
           ", got count " + std::to_string(count));
    } else if (returned[r]) {
      ++extra;
      note("word " + show(word) + " returned more than once");
    } else {
      returned[r] = 1;
      if (count != in.count[r]) {
        ++wrong_count;
        note("word " + show(word) + ": expected count " + std::to_string(in.count[r]) + ", got " + std::to_string(count));
      }
    }
  }
  for (std::size_t r = 0; r < m; ++r)
    if (in.count[r] > 0 && !returned[r]) {
      if (missing++ == 0 && first.empty())
        note("word " + show(current(in.vocab[r])) + " (count " + std::to_string(in.count[r]) + ") missing from the output");
    }
  if (first.empty()) return "";
  return first + " (" + std::to_string(wrong_count) + " wrong counts, " + std::to_string(missing) + " words missing, " +
         std::to_string(extra) + " extra or repeated; the text has " + std::to_string(distinct) + " distinct words, the output " +
         std::to_string(out.size()) + " entries)";
}

}  // namespace task

// Harness-side: skewed text for word_count (the rank-keyed samples of reduce_by_key and
// remove_duplicates are in keys.hpp: keys::sample_by_family).
//
// Text. Words are maximal runs of ASCII letters; the generator writes words from a synthetic
// vocabulary separated by runs of other bytes (mostly spaces, but also punctuation, digits,
// '_', the bytes just outside the letter ranges '@' '[' '`' '{', UTF-8 sequences, NUL).
// Text families:
//   zipf          Zipf-distributed words (exponent 1.0, like natural language) from a
//                 vocabulary of n/40 words; "the", "The" and "THE" style case variants
//   uniform       every word of an n/64-word vocabulary equally likely
//   one_word      one word repeated
//   unique_words  every word occurs once
//   long_words    a few words of up to n/4 letters (longer than any sensible chunk)
//   no_words      separators only
//   single        one word and nothing else
//   empty         the empty text
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "edge.hpp"
#include "random.hpp"
#include "keys.hpp"
#include "zipf.hpp"

namespace parevo::text {

using keys::mix;
using keys::unmix;
using parevo::Zipf;

// ---------------------------------------------------------------------------------------
// Text.

inline bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline char random_letter(Rng& rng, int upper_percent) {
  const char c = static_cast<char>('a' + rng.below(26));
  return static_cast<int>(rng.below(100)) < upper_percent ? static_cast<char>(c - 'a' + 'A') : c;
}

// Separators: mostly one space; sometimes punctuation, newlines, digits, '_', apostrophes
// (so "don't" is two words), the bytes next to the letter ranges, UTF-8 and NUL.
inline void append_separator(std::string& out, Rng& rng) {
  static const char* const kRare[] = {
      ", ", ". ", "\n", "\n\n", "\t", " - ", "'", "-", "_", "0", "42", "3.14", "\xC3\xA9", "\xE2\x80\x94",
      "\r\n", " (", ") ", "\"", "@", "[", "]", "`", "{", "}", "|", "~", "\x7F", "\xFF", "/", ":", "; "};
  constexpr std::size_t kRareCount = sizeof kRare / sizeof kRare[0];
  const std::uint64_t d = rng.below(100);
  if (d < 78) out += ' ';
  else if (d < 80) out += "  ";
  else if (d < 81) out.push_back('\0');
  else out += kRare[rng.below(kRareCount)];
}

// A run of `len` separator bytes of every kind (for the no-words text).
inline void append_separator_bytes(std::string& out, std::size_t len, Rng& rng) {
  while (len > 0) {
    unsigned char c;
    do c = static_cast<unsigned char>(rng.below(256));
    while (is_letter(c));
    if (rng.below(3) == 0) c = ' ';
    out.push_back(static_cast<char>(c));
    --len;
  }
}

// A vocabulary of m distinct words. Word r's length grows slowly with r (frequent words are
// short, as in natural language), capped at max_len; about one word in eight is a case
// variant of an earlier word ("the" / "The" / "THE").
inline std::vector<std::string> vocabulary(std::uint64_t m, Rng& rng, std::size_t max_len = 24) {
  std::vector<std::string> words;
  words.reserve(m);
  std::unordered_set<std::string> seen;
  seen.reserve(m * 2);
  while (words.size() < m) {
    const std::uint64_t r = words.size();
    std::string w;
    if (r >= 2 && rng.below(8) == 0) {
      w = words[r - 1 - rng.below(std::min<std::uint64_t>(r, 4))];
      if (rng.below(2) == 0) {
        w[0] = static_cast<char>(w[0] >= 'a' ? w[0] - 'a' + 'A' : w[0] - 'A' + 'a');
      } else {
        for (char& c : w) c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
      }
    }
    if (w.empty() || seen.count(w)) {
      int bits = 0;
      while ((r >> bits) > 0) ++bits;
      std::size_t len = 1 + rng.below(3 + bits / 2);
      len = std::min(len, max_len);
      w.clear();
      for (std::size_t i = 0; i < len; ++i) w.push_back(random_letter(rng, i == 0 ? 10 : 1));
      while (seen.count(w)) w.push_back(random_letter(rng, 1));
    }
    seen.insert(w);
    words.push_back(std::move(w));
  }
  return words;
}

// A generated text and the truth about it: vocab[r] is word r, count[r] its occurrences.
struct Text {
  std::string text;
  std::vector<std::string> vocab;
  std::vector<std::int64_t> count;
};

// Appends words drawn by `draw` until the text holds at least n bytes. Half the texts start
// with a separator, half with a word; the last word is never followed by a separator in half of
// them (a word that ends the text must still count).
template <class Draw>
void fill_words(Text& t, std::size_t n, Rng& rng, Draw&& draw) {
  t.count.assign(t.vocab.size(), 0);
  const bool lead = rng.below(2) == 0, trail = rng.below(2) == 0;
  if (lead) append_separator(t.text, rng);
  while (t.text.size() < n) {
    const std::uint64_t r = draw();
    if (!t.text.empty() && is_letter(static_cast<unsigned char>(t.text.back()))) append_separator(t.text, rng);
    t.text += t.vocab[r];
    ++t.count[r];
  }
  if (trail && !t.text.empty() && is_letter(static_cast<unsigned char>(t.text.back()))) append_separator(t.text, rng);
}

inline Text by_family(const std::string& family, long long size, Rng& rng) {
  Text t;
  const std::size_t n = static_cast<std::size_t>(std::max(size, 1LL));
  if (family == "zipf") {
    t.vocab = vocabulary(std::max<std::size_t>(16, n / 40), rng);
    const Zipf z(t.vocab.size(), 1.0);
    t.text.reserve(n + 64);
    fill_words(t, n, rng, [&] { return z(rng) - 1; });
  } else if (family == "uniform") {
    t.vocab = vocabulary(std::max<std::size_t>(16, n / 64), rng);
    const std::uint64_t m = t.vocab.size();
    t.text.reserve(n + 64);
    fill_words(t, n, rng, [&] { return rng.below(m); });
  } else if (family == "one_word") {
    std::string w;
    const std::size_t len = 2 + rng.below(7);
    for (std::size_t i = 0; i < len; ++i) w.push_back(random_letter(rng, 20));
    t.vocab = {w};
    t.text.reserve(n + 64);
    fill_words(t, n, rng, [] { return std::uint64_t{0}; });
  } else if (family == "unique_words") {
    // Every word new: random 4..12 letters; a clash (rare) just grows the word.
    std::unordered_set<std::string> seen;
    std::string w;
    t.text.reserve(n + 64);
    if (rng.below(2) == 0) append_separator(t.text, rng);
    while (t.text.size() < n) {
      w.clear();
      const std::size_t len = 4 + rng.below(9);
      for (std::size_t i = 0; i < len; ++i) w.push_back(random_letter(rng, 5));
      while (seen.count(w)) w.push_back(random_letter(rng, 5));
      seen.insert(w);
      if (!t.text.empty() && is_letter(static_cast<unsigned char>(t.text.back()))) append_separator(t.text, rng);
      t.text += w;
      t.vocab.push_back(w);
    }
    t.count.assign(t.vocab.size(), 1);
  } else if (family == "long_words") {
    // 16 words with log-uniform lengths up to n/4 (the first is the longest), drawn uniformly.
    const std::size_t longest = std::max<std::size_t>(2, n / 4);
    std::unordered_set<std::string> seen;
    while (t.vocab.size() < 16) {
      const std::size_t len = t.vocab.empty()
                                  ? longest
                                  : static_cast<std::size_t>(std::exp(rng.uniform() * std::log(static_cast<double>(longest)))) + 1;
      std::string w;
      w.reserve(len);
      for (std::size_t i = 0; i < len; ++i) w.push_back(random_letter(rng, 5));
      if (seen.insert(w).second) t.vocab.push_back(std::move(w));
    }
    t.text.reserve(n + longest + 64);
    fill_words(t, n, rng, [&] { return rng.below(16); });
  } else if (family == "no_words") {
    append_separator_bytes(t.text, n, rng);
  } else if (family == "single") {
    std::string w;
    const std::size_t len = 1 + rng.below(8);
    for (std::size_t i = 0; i < len; ++i) w.push_back(random_letter(rng, 20));
    t.text = w;
    t.vocab = {w};
    t.count = {1};
  } else if (family == "empty") {
    // nothing
  } else {
    throw std::invalid_argument("unknown text family '" + family + "'");
  }
  return t;
}

// A random bijection of the 52 ASCII letters (every other byte maps to itself): applied to a
// text it renames every word, one to one, keeping word boundaries and counts.
inline std::array<unsigned char, 256> letter_permutation(Rng& rng) {
  std::array<unsigned char, 256> p{};
  for (int c = 0; c < 256; ++c) p[c] = static_cast<unsigned char>(c);
  std::array<unsigned char, 52> letters{};
  for (int i = 0; i < 26; ++i) {
    letters[i] = static_cast<unsigned char>('a' + i);
    letters[26 + i] = static_cast<unsigned char>('A' + i);
  }
  std::array<unsigned char, 52> image = letters;
  for (std::size_t i = image.size(); i > 1; --i) std::swap(image[i - 1], image[rng.below(i)]);
  for (int i = 0; i < 52; ++i) p[letters[i]] = image[i];
  return p;
}

// Hash of a byte string (FNV-1a over 8-byte words then mix): harness lookups only.
inline std::uint64_t hash_bytes(const char* s, std::size_t len) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
  std::size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    std::uint64_t w = 0;
    for (int b = 0; b < 8; ++b) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i + b])) << (8 * b);
    h = mix(h ^ w);
  }
  std::uint64_t w = 0;
  for (int b = 0; i < len; ++i, ++b) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * b);
  return mix(h ^ w ^ 0xD6E8FEB86659FD93ULL);
}

// Prints a string for a one-line message: letters and printable ASCII as they are, other
// bytes as \xNN, long strings cut to their first 40 bytes with the length added.
inline std::string show(const std::string& s) {
  static const char* const hex = "0123456789abcdef";
  std::string out = "\"";
  const std::size_t shown = std::min<std::size_t>(s.size(), 40);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') out.push_back(static_cast<char>(c));
    else { out += "\\x"; out.push_back(hex[c >> 4]); out.push_back(hex[c & 15]); }
  }
  out += "\"";
  if (shown < s.size()) out += "... (" + std::to_string(s.size()) + " bytes)";
  return out;
}

}  // namespace parevo::text

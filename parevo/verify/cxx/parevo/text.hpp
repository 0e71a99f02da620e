// Harness-side: skewed keys and skewed text for the aggregation tasks (reduce_by_key,
// remove_duplicates, word_count).
//
// Keys. Every generator draws a *rank* per element (0 = the hottest) and maps ranks to 64-bit
// keys through a KeyUniverse, so the harness knows which element holds which key without a
// hash table, and can move every key to a fresh value in one pass (vary). Key families:
//   zipf          Zipf ranks (exponent 1.2) over n ranks: the hottest key is about a fifth of
//                 the input, a long tail of rare keys
//   uniform       uniform ranks over n/2 keys: most keys distinct-ish (about 0.43 n distinct)
//   one_key       one key, n times (alias all_equal)
//   all_distinct  n distinct keys
//   few_keys      16 keys, drawn uniformly (alias few_distinct)
//   sorted_runs   ascending keys in runs of 1 to 15 equal keys (about n/8 distinct)
//   nearly_sorted sorted_runs with a few runs moved out of order: one in the last 1% and a few
//                 at random places (edge.hpp), so a sampled "already sorted" check is fooled
//   two           two elements, equal half of the time
//   single        one element (whatever n is)
//   empty         no elements (whatever n is)
// Keys are scattered over the whole 64-bit range by a bijective hash; with 3 or more distinct
// keys the values 0 and 2^64-1 are planted on two keys that occur (a hash table that uses
// either as its empty marker loses them).
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
#include "zipf.hpp"

namespace parevo::text {

// ---------------------------------------------------------------------------------------
// Mixing.

// The splitmix64 finaliser, a bijection of 64-bit words, and its inverse.
inline std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline std::uint64_t unxorshift(std::uint64_t y, int k) {
  std::uint64_t x = y;
  for (int i = 0; i < 64 / k + 1; ++i) x = y ^ (x >> k);
  return x;
}

inline constexpr std::uint64_t inverse_odd(std::uint64_t a) {
  std::uint64_t x = a;  // Newton's iteration doubles the correct low bits each step
  for (int i = 0; i < 6; ++i) x *= 2 - a * x;
  return x;
}

inline std::uint64_t unmix(std::uint64_t z) {
  z = unxorshift(z, 31);
  z *= inverse_odd(0x94D049BB133111EBULL);
  z = unxorshift(z, 27);
  z *= inverse_odd(0xBF58476D1CE4E5B9ULL);
  return unxorshift(z, 30);
}

using parevo::Zipf;

// ---------------------------------------------------------------------------------------
// Keys.

// m keys, one per rank. Hashed universes scatter ranks over the 64-bit range (key(r) =
// mix(r ^ salt), plus the planted 0 and 2^64-1); ascending ones put key(r) = base + r*stride,
// so ranks in order are keys in order. rank_of inverts key() without a table.
struct KeyUniverse {
  std::uint64_t m = 0;
  bool ascending = false;
  std::uint64_t salt = 0, base = 0, stride = 1;
  std::uint64_t zero_rank = ~0ULL, max_rank = ~0ULL;  // ranks holding 0 and 2^64-1, ~0 if none

  std::uint64_t key(std::uint64_t r) const {
    if (ascending) return base + r * stride;
    if (r == zero_rank) return 0;
    if (r == max_rank) return ~0ULL;
    return mix(r ^ salt);
  }

  // The rank holding `k`, or false when no rank does.
  bool rank_of(std::uint64_t k, std::uint64_t& r) const {
    if (ascending) {
      if (k < base || (k - base) % stride != 0) return false;
      r = (k - base) / stride;
      return r < m;
    }
    if (k == 0 && zero_rank < m) { r = zero_rank; return true; }
    if (k == ~0ULL && max_rank < m) { r = max_rank; return true; }
    r = unmix(k) ^ salt;
    return r < m && r != zero_rank && r != max_rank;
  }

  // Moves every rank to a new key (the planted ranks keep 0 and 2^64-1; ascending stays
  // ascending), so an answer computed for the old keys is wrong for the new ones.
  void reseed(Rng& rng) {
    if (ascending) {
      const std::uint64_t span = m > 1 ? ~0ULL / m : ~0ULL;
      stride = 1 + rng.below(std::min<std::uint64_t>(span, 1ULL << 40));
      const std::uint64_t room = ~0ULL - (m > 0 ? (m - 1) * stride : 0);
      base = rng.below(room == ~0ULL ? room : room + 1);
    } else {
      salt = rng.next();
    }
  }
};

// A key sample: n ranks (rank[i] is element i's rank) over a universe of m keys.
struct KeySample {
  KeyUniverse universe;
  std::vector<std::uint32_t> rank;

  std::uint64_t key(std::size_t i) const { return universe.key(rank[i]); }
};

inline KeySample keys_by_family(const std::string& family, long long size, Rng& rng) {
  KeySample s;
  const std::uint64_t n = static_cast<std::uint64_t>(std::max(size, 1LL));
  if (n > 0xFFFFFFFFULL) throw std::invalid_argument("key sample too large");
  auto& rank = s.rank;
  auto& u = s.universe;
  if (family == "zipf") {
    u.m = n;
    const Zipf z(n, 1.2);
    rank.resize(n);
    for (auto& r : rank) r = static_cast<std::uint32_t>(z(rng) - 1);
  } else if (family == "uniform") {
    u.m = std::max<std::uint64_t>(1, n / 2);
    rank.resize(n);
    for (auto& r : rank) r = static_cast<std::uint32_t>(rng.below(u.m));
  } else if (family == "one_key" || family == "all_equal") {
    u.m = 1;
    rank.assign(n, 0);
  } else if (family == "all_distinct") {
    u.m = n;
    rank.resize(n);
    for (std::uint64_t i = 0; i < n; ++i) rank[i] = static_cast<std::uint32_t>(i);
  } else if (family == "few_keys" || family == "few_distinct") {
    u.m = 16;
    rank.resize(n);
    for (auto& r : rank) r = static_cast<std::uint32_t>(rng.below(u.m));
  } else if (family == "sorted_runs" || family == "nearly_sorted") {
    u.ascending = true;
    rank.resize(n);
    std::uint64_t r = 0;
    for (std::uint64_t i = 0; i < n; ++r) {
      const std::uint64_t run = std::min<std::uint64_t>(n - i, 1 + rng.below(15));
      for (std::uint64_t j = 0; j < run; ++j) rank[i++] = static_cast<std::uint32_t>(r);
    }
    u.m = r;
    if (family == "nearly_sorted") edge::perturb_sorted(rank, rng);
  } else if (family == "two") {
    u.m = 2;
    rank = {0, static_cast<std::uint32_t>(rng.below(2))};
  } else if (family == "single") {
    u.m = 1;
    rank.assign(1, 0);
  } else if (family == "empty") {
    u.m = 0;
  } else {
    throw std::invalid_argument("unknown key family '" + family + "'");
  }
  u.reseed(rng);
  // Plant 0 and 2^64-1 on keys that occur (picked by occurrence, so often hot ones).
  if (!u.ascending && u.m >= 3 && !rank.empty()) {
    u.zero_rank = rank[rng.below(rank.size())];
    for (int tries = 0; tries < 64; ++tries) {
      const std::uint32_t r = rank[rng.below(rank.size())];
      if (r != u.zero_rank) { u.max_rank = r; break; }
    }
  }
  return s;
}

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

inline Text text_by_family(const std::string& family, long long size, Rng& rng) {
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

// Harness-side: string generators for the string tasks (suffix arrays and the like). Families:
//   dna         uniform over the 4 letters ACGT: short repeats only
//   letters     uniform over the 26 letters a-z
//   bytes       uniform over all 256 byte values, NUL and bytes >= 0x80 included (a candidate
//               that indexes a table with a signed char, or appends a '\0' or '$' sentinel
//               assumed absent, goes wrong)
//   text        text-like: Zipf-distributed words from a synthetic vocabulary with spaces and
//               punctuation, where about one sentence in twenty copies an earlier passage of up
//               to 2000 characters (long repeats, like quotations or boilerplate)
//   periodic    one random block of 2 to 1000 letters over {a,b,c}, repeated: every suffix
//               shares a prefix of up to n - period characters with another
//   all_same    one letter n times: the longest possible repeats
//   fibonacci   a prefix of the Fibonacci word over {a,b}: highly repetitive, aperiodic
//   tiny        1 to 8 letters over {a,b} (whatever n is)
//   single      one letter (whatever n is)
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "random.hpp"

namespace parevo::strings {

inline std::string over_alphabet(std::int64_t n, const std::string& alphabet, Rng& rng) {
  std::string s(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), '\0');
  for (char& c : s) c = alphabet[rng.below(alphabet.size())];
  return s;
}

inline std::string dna(std::int64_t n, Rng& rng) { return over_alphabet(n, "ACGT", rng); }
inline std::string letters(std::int64_t n, Rng& rng) { return over_alphabet(n, "abcdefghijklmnopqrstuvwxyz", rng); }

inline std::string bytes(std::int64_t n, Rng& rng) {
  std::string s(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), '\0');
  for (char& c : s) c = static_cast<char>(static_cast<unsigned char>(rng.below(256)));
  return s;
}

inline std::string all_same(std::int64_t n, Rng& rng) {
  return std::string(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), static_cast<char>('a' + rng.below(26)));
}

inline std::string periodic(std::int64_t n, Rng& rng) {
  const auto period = static_cast<std::size_t>(std::exp(std::log(2.0) + (std::log(1000.0) - std::log(2.0)) * rng.uniform()));
  const std::string block = over_alphabet(static_cast<std::int64_t>(std::max<std::size_t>(period, 2)), "abc", rng);
  std::string s(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), '\0');
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = block[i % block.size()];
  return s;
}

// The Fibonacci word "abaababaabaab...", the fixed point of the morphism a -> ab, b -> a:
// starting from "ab" = image of "a", appending the image of each later letter extends it.
inline std::string fibonacci(std::int64_t n, Rng&) {
  const auto len = static_cast<std::size_t>(std::max<std::int64_t>(n, 0));
  std::string w = "ab";
  w.reserve(len + 2);
  for (std::size_t i = 1; w.size() < len; ++i) {
    if (w[i] == 'a') w += "ab";
    else w += 'a';
  }
  w.resize(len);
  return w;
}

// Text-like: words from a vocabulary of synthetic words with Zipf-like frequencies, sentences
// of 4 to 20 words, and now and then a copy of an earlier passage.
inline std::string text(std::int64_t n, Rng& rng) {
  const auto len = static_cast<std::size_t>(std::max<std::int64_t>(n, 0));
  const std::size_t vocab_size = std::clamp<std::size_t>(len / 50, 16, 50000);
  std::vector<std::string> vocab(vocab_size);
  for (auto& w : vocab) {
    const std::size_t l = 1 + rng.below(3) + rng.below(4) + rng.below(5);
    w = over_alphabet(static_cast<std::int64_t>(l), "etaoinshrdlucmfwypvbgkjqxz", rng);
  }
  auto word = [&]() -> const std::string& {
    // P(rank >= r) ~ 1/r: a Zipf tail with exponent 1 over the vocabulary.
    const double u = rng.uniform();
    auto r = static_cast<std::size_t>(std::pow(static_cast<double>(vocab_size), u)) - 1;
    return vocab[std::min(r, vocab_size - 1)];
  };
  static const char* const ends[] = {". ", ". ", ". ", ", ", "? ", "! ", ".\n"};
  std::string s;
  s.reserve(len + 4096);
  while (s.size() < len) {
    if (s.size() > 4000 && rng.below(20) == 0) {
      const std::size_t copy = 20 + rng.below(1981), from = rng.below(s.size() - copy);
      s.append(s, from, copy);
      continue;
    }
    const std::size_t words = 4 + rng.below(17);
    for (std::size_t i = 0; i < words; ++i) {
      std::string w = word();
      if (i == 0 && !w.empty()) w[0] = static_cast<char>(w[0] - 'a' + 'A');
      s += w;
      s += i + 1 < words ? " " : ends[rng.below(7)];
    }
  }
  s.resize(len);
  return s;
}

inline std::string tiny(Rng& rng) { return over_alphabet(1 + static_cast<std::int64_t>(rng.below(8)), "ab", rng); }

// The family dispatch for string tasks; unknown names are a harness error, not a candidate
// failure, so they throw std::invalid_argument.
inline std::string by_family(const std::string& family, std::int64_t n, Rng& rng) {
  if (family == "dna") return dna(n, rng);
  if (family == "letters") return letters(n, rng);
  if (family == "bytes") return bytes(n, rng);
  if (family == "text") return text(n, rng);
  if (family == "periodic") return periodic(n, rng);
  if (family == "all_same") return all_same(n, rng);
  if (family == "fibonacci") return fibonacci(n, rng);
  if (family == "tiny") return tiny(rng);
  if (family == "single") return over_alphabet(1, "abcdefghijklmnopqrstuvwxyz", rng);
  if (family == "empty") return std::string();
  if (family == "sorted") {  // non-decreasing letters: long runs, every run a prefix of the next suffix
    std::string s = letters(n, rng);
    std::sort(s.begin(), s.end());
    return s;
  }
  throw std::invalid_argument("unknown string family '" + family + "'");
}

}  // namespace parevo::strings

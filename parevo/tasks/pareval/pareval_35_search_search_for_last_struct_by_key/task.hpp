// Harness side of ParEval 35 (last book with < 100 pages) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

// The prompt's struct, exactly (the candidate's translation unit defines the same one).
struct Book {
   std::string title;
   int pages;
};

size_t findLastShortBook(std::vector<Book> const& books);

namespace task {

struct Input {
  std::vector<Book> books;
};
using Output = std::size_t;

inline int long_pages(parevo::Rng& rng) { return 100 + static_cast<int>(rng.below(900)); }
inline int short_pages(parevo::Rng& rng) { return 1 + static_cast<int>(rng.below(99)); }

// Random lower-case titles of 5..14 characters, as ParEval's timing input (short-string storage).
inline std::string title(parevo::Rng& rng) {
  std::string t(5 + rng.below(10), 'a');
  for (auto& c : t) c = static_cast<char>('a' + rng.below(26));
  return t;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::flatten(family, in.books, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 2LL));
  Input in;
  in.books.resize(n);
  for (auto& b : in.books) b.title = family == "paper" ? "title" : title(rng);
  if (family == "paper" || family == "uniform") {
    for (auto& b : in.books) b.pages = 1 + static_cast<int>(rng.below(999));
    in.books[rng.below(n)].pages = 72;
  } else if (family == "single_early") {
    for (auto& b : in.books) b.pages = long_pages(rng);
    in.books[rng.below(std::max<std::size_t>(1, n / 4))].pages = short_pages(rng);
  } else if (family == "first_only") {
    for (auto& b : in.books) b.pages = long_pages(rng);
    in.books[0].pages = short_pages(rng);
  } else if (family == "boundary") {
    for (auto& b : in.books) b.pages = 100 + static_cast<int>(rng.below(2));
    for (std::size_t k = 0; k < 1 + n / 1000; ++k) in.books[rng.below(n)].pages = 99;
  } else if (family == "all_short" || family == "tiny") {
    for (auto& b : in.books) b.pages = short_pages(rng);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

inline std::size_t last_short(const Input& in) {
  for (std::size_t i = in.books.size(); i-- > 0;)
    if (in.books[i].pages < 100) return i;
  return in.books.size();
}

// A different instance: the current answer's book becomes long (100 pages, the boundary) and a
// short book appears at a random earlier index when the answer was 0; the answer always moves.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.books.size(), a = last_short(in);
  if (n < 2) return;
  if (a == 0) {  // promote a later book
    in.books[1 + rng.below(n - 1)].pages = short_pages(rng);
  } else {
    in.books[a].pages = 100;
    in.books[rng.below(a)].pages = short_pages(rng);  // keeps at least one short book
  }
}

inline std::string describe(const Input& in) {
  std::size_t s = 0;
  for (const auto& b : in.books) s += b.pages < 100;
  return "n=" + std::to_string(in.books.size()) + " short=" + std::to_string(s);
}

inline Output invoke(const Input& in) { return findLastShortBook(in.books); }

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t exp = last_short(in);
  if (out == exp) return "";
  std::string why = "got index " + std::to_string(out) + ", expected " + std::to_string(exp);
  if (out < in.books.size()) why += " (books[" + std::to_string(out) + "].pages = " + std::to_string(in.books[out].pages) + ")";
  return why;
}

}  // namespace task

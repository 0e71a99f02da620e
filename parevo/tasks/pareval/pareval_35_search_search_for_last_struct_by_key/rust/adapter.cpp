// ParEval 35's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct Book {
   std::string title;
   int pages;
};

size_t findLastShortBook(std::vector<Book> const& books) {
  using namespace parevo_rust;
  std::vector<int> pages(books.size());
  for (std::size_t k = 0; k < books.size(); ++k) pages[k] = books[k].pages;
  return call_scalar<std::size_t>({slice(pages)});
}

// ParEval 35's Kokkos view (trusted, hand-written; verify/context.py kokkos_view): the task's C++
// function calls the candidate's Kokkos overload. The two prompts declare different structs of
// one name: the task's `Book` holds a std::string title, the Kokkos prompt's a `const char *`.
// This file defines the task's (its C++ function takes a vector of them) and reaches the
// candidate's function through its mangled name, declared over `KokkosBook`, the prompt's
// struct field for field; the books are copied into an array of those (titles point into the
// task's strings) serially (a parallel copy would count as the candidate's parallel work in the
// witness), and the copy is timed with the candidate (ParEval fills its View before its clock).
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <string>
#include <vector>

// The C++ prompt's struct, exactly (as in the task's task.hpp).
struct Book {
   std::string title;
   int pages;
};

// The Kokkos prompt's `struct Book { const char *title; int pages; };` under another name.
struct KokkosBook {
  const char *title;
  int pages;
};

// `size_t findLastShortBook(Kokkos::View<const Book*> const& books)` of the Kokkos prompt.
size_t candidateFindLastShortBook(Kokkos::View<const KokkosBook*> const& books)
    __asm__("_Z17findLastShortBookRKN6Kokkos4ViewIPK4BookJEEE");

size_t findLastShortBook(std::vector<Book> const& books) {
  std::vector<KokkosBook> kbooks(books.size());
  for (std::size_t k = 0; k < books.size(); ++k) kbooks[k] = {books[k].title.c_str(), books[k].pages};
  Kokkos::View<const KokkosBook*> k_books(kbooks.data(), kbooks.size());
  const auto result = candidateFindLastShortBook(k_books);
  Kokkos::fence();
  return result;
}

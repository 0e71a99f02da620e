// Kokkos reference for ParEval 35: the largest index of a short book, a max-reduction (no short
// book: the reduction's identity, mapped to books.extent(0) as the serial search returns).
#include <Kokkos_Core.hpp>

struct Book {
   const char *title;
   int pages;
};

size_t findLastShortBook(Kokkos::View<const Book*> const& books) {
  const long n = static_cast<long>(books.extent(0));
  long last = -1;
  Kokkos::parallel_reduce("last", n, KOKKOS_LAMBDA(const long i, long& m) {
    if (books(i).pages < 100 && i > m) m = i;
  }, Kokkos::Max<long>(last));
  return last < 0 ? books.extent(0) : static_cast<size_t>(last);
}

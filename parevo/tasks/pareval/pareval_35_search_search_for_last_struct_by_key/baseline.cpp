// Sequential baseline: scan from the back, stop at the first short book.
#include <cstddef>
#include <string>
#include <vector>

struct Book {
   std::string title;
   int pages;
};

size_t findLastShortBook(std::vector<Book> const& books) {
  for (size_t i = books.size(); i-- > 0;)
    if (books[i].pages < 100) return i;
  return books.size();
}

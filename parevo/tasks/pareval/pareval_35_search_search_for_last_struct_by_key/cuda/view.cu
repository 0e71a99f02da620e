// ParEval 35's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): one thread for every book,
// rounded up to whole blocks as ParEval's driver does (grid_1d); the index starts at 0 (as
// ParEval's driver sets it; every input has a short book). The two prompts declare different
// structs of one name: the task's `Book` holds a std::string title, the CUDA prompt's a
// `const char *`. This file defines the task's (its C++ function takes a vector of them, and
// every template it instantiates over `Book` must be the harness's) and declares the kernel
// through its mangled name over `CudaBook`, the CUDA prompt's struct field for field. The books
// are copied into an array of those (titles point into the task's strings on the host, as
// ParEval's driver passes host pointers).
#include <string>
#include "cuda_view.hpp"
using namespace parevo_cuda;

// The C++ prompt's struct, exactly (as in the task's task.hpp).
struct Book {
   std::string title;
   int pages;
};

// The CUDA prompt's `struct Book { const char* title; int pages; };` under another name.
struct CudaBook {
  const char* title;
  int pages;
};

// `__global__ void findLastShortBook(const Book *books, size_t N, size_t *lastShortBookIndex)`.
__global__ void findLastShortBook(const CudaBook *books, size_t N, size_t *lastShortBookIndex)
    __asm__("_Z17findLastShortBookPK4BookmPm");

size_t findLastShortBook(std::vector<Book> const& books) {
  const size_t n = books.size(), zero = 0;
  std::vector<CudaBook> cbooks(n);
  for (size_t k = 0; k < n; ++k) cbooks[k] = {books[k].title.c_str(), books[k].pages};
  Buffer<CudaBook> dbooks(cbooks);
  Buffer<size_t> di(&zero, 1);
  findLastShortBook<<<grid_1d(n), kBlock>>>(dbooks.get(), n, di.get());
  launched("findLastShortBook");
  return di.value();
}

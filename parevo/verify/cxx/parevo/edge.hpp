// Harness-side: edge-case shapes shared by the array tasks. A candidate may special-case what a
// cheap look at its input suggests (the first 64 keys are in order, a stride sample is all
// equal...), so the order families below are built to defeat sampling:
//   sorted            non-decreasing
//   reverse           non-increasing
//   nearly_sorted     sorted, then one swap inside the last 1% (beyond the last point of a
//                     64-way stride sample) and a few short-range swaps at random positions
//   sorted_tail_swap  sorted, then only the last element swapped with an earlier, smaller one
//   all_equal         every element a copy of one
//   heavy_duplicates  every element one of 4 values drawn from the array
//   equal_but_one     all equal but one element in the last 1%, which keeps a different value
//                     (a 64-element or strided sample sees "all equal")
// Each reshapes an array some other family generated, so a task keeps its own value range.
// Elements that compare equal cannot make an inversion: the swaps look for an unequal partner.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "random.hpp"

namespace parevo::edge {

inline bool is_shape(const std::string& f) {
  return f == "sorted" || f == "reverse" || f == "nearly_sorted" || f == "sorted_tail_swap" || f == "all_equal" ||
         f == "heavy_duplicates" || f == "equal_but_one";
}

// Swaps v[i] with the nearest earlier element that is strictly smaller (within `reach`), which
// puts an inversion at i in a sorted array; false when there is none.
template <class T, class Less>
bool swap_back(std::vector<T>& v, std::size_t i, std::size_t reach, Less less) {
  for (std::size_t d = 1; d <= reach && d <= i; ++d)
    if (less(v[i - d], v[i])) {
      std::swap(v[i - d], v[i]);
      return true;
    }
  return false;
}

// A sorted array made not sorted where samplers do not look: the last 1% and a few random places.
template <class T, class Less = std::less<>>
void perturb_sorted(std::vector<T>& v, Rng& rng, Less less = {}) {
  const std::size_t n = v.size();
  if (n < 2) return;
  const std::size_t tail = std::max<std::size_t>(1, n / 100);
  swap_back(v, n - 1 - rng.below(tail), n, less);
  const std::size_t k = 2 + n / 4000;
  for (std::size_t s = 0; s < k; ++s) swap_back(v, 1 + rng.below(n - 1), 16, less);
}

// all_equal and heavy_duplicates need no order, so they work on any copyable element.
template <class T>
void flatten(const std::string& family, std::vector<T>& v, Rng& rng) {
  if (v.empty()) return;
  if (family == "all_equal") {
    const T x = v[rng.below(v.size())];
    std::fill(v.begin(), v.end(), x);
  } else if (family == "heavy_duplicates") {
    T pool[4];
    for (T& p : pool) p = v[rng.below(v.size())];
    for (T& x : v) x = pool[rng.below(4)];
  }
}

template <class T, class Less = std::less<>>
void reshape(const std::string& family, std::vector<T>& v, Rng& rng, Less less = {}) {
  if (v.empty()) return;
  if (family == "all_equal" || family == "heavy_duplicates") {
    flatten(family, v, rng);
  } else if (family == "equal_but_one") {
    const std::size_t n = v.size(), odd = n - 1 - rng.below(std::max<std::size_t>(1, n / 100));
    const T keep = v[odd];
    std::size_t from = 0;  // a value unlike the odd one out, when the array has one
    while (from + 1 < n && !(less(v[from], keep) || less(keep, v[from]))) ++from;
    const T x = v[from];
    std::fill(v.begin(), v.end(), x);
    v[odd] = keep;
  } else {
    std::sort(v.begin(), v.end(), less);
    if (family == "reverse") std::reverse(v.begin(), v.end());
    else if (family == "nearly_sorted") perturb_sorted(v, rng, less);
    else if (family == "sorted_tail_swap") swap_back(v, v.size() - 1, v.size(), less);
  }
}

}  // namespace parevo::edge

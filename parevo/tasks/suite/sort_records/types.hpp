#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

// A record to sort: a 64-bit key and a 32-bit payload that travels with it.
struct Record {
  std::uint64_t key;
  std::uint32_t payload;
};

std::vector<Record> sort_records(const std::vector<Record>& records);

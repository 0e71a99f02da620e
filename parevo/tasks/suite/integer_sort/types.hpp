#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::uint32_t> integer_sort(const std::vector<std::uint32_t>& keys);

#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets);

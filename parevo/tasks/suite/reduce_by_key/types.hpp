#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::pair<std::uint64_t, std::int64_t>> reduce_by_key(
    const std::vector<std::pair<std::uint64_t, std::int64_t>>& pairs);

#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::int32_t> tree_depths(const std::vector<std::int32_t>& parent);

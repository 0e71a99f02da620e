#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::int32_t> cartesian_tree(const std::vector<std::int64_t>& values);

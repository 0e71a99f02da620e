#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::uint64_t> remove_duplicates(const std::vector<std::uint64_t>& values);

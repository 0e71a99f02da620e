#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::int32_t> list_ranking(const std::vector<std::int32_t>& next);

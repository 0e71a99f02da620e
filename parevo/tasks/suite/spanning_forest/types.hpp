#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::vector<std::pair<std::int32_t, std::int32_t>> spanning_forest(const CSRGraph& g);

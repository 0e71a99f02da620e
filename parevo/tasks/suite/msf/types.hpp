#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "parevo/threads.hpp"
#include "parevo/wgraph.hpp"

std::vector<std::pair<std::int32_t, std::int32_t>> minimum_spanning_forest(const WeightedCSRGraph& g);

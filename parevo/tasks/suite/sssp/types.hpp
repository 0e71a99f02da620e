#pragma once
#include <cstdint>
#include <vector>

#include "parevo/threads.hpp"
#include "parevo/wgraph.hpp"

std::vector<std::int64_t> shortest_paths(const WeightedCSRGraph& g, std::int32_t source);

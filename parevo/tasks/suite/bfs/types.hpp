#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source);

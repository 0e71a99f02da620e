#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::vector<std::int32_t> graph_coloring(const CSRGraph& g);

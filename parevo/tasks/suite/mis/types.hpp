#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::vector<std::uint8_t> maximal_independent_set(const CSRGraph& g);

#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::int64_t triangle_count(const CSRGraph& g);

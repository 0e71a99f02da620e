#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::vector<double> pagerank(const CSRGraph& g, double damping, int iterations);

#pragma once
#include <cstdint>
#include <vector>

#include "parevo/point.hpp"
#include "parevo/threads.hpp"

std::vector<std::int32_t> nearest_neighbor(const std::vector<Point2>& pts);

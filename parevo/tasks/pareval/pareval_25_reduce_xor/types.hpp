#pragma once
#include <cstddef>
#include <vector>

bool reduceLogicalXOR(std::vector<bool> const& x);

#pragma once
#include <cstddef>
#include <vector>

void negateOddsAndHalveEvens(std::vector<int> &x);

#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

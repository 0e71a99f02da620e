#pragma once
#include <array>
#include <cstddef>
#include <vector>

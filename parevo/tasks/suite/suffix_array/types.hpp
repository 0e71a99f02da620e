#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::int32_t> suffix_array(const std::string& s);

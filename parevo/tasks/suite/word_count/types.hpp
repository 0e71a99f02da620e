#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parevo/threads.hpp"

std::vector<std::pair<std::string, std::int64_t>> word_count(const std::string& text);

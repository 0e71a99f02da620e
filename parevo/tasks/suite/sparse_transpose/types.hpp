#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

CSRMatrix sparse_transpose(const CSRMatrix& a);

#pragma once
#include <cstddef>
#include <string>
#include <vector>

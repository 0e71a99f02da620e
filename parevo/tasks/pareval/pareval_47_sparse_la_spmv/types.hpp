#pragma once
#include <cstddef>
#include <vector>

// COOElement is defined by the prompt (and so by every candidate); the harness's identical
// copy is in task.hpp, so the prototype lives there too.

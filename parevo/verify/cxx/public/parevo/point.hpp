// Candidate-visible: the 2D point type of the geometry tasks (generators live in points.hpp).
#pragma once

// A point of the plane. In every generated input, x and y are integers in [0, 2^24).
struct Point2 {
  double x, y;
};

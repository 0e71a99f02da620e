// What a task's output buffer holds when it reaches the candidate. Normally poison (NaN, a
// sentinel, garbage), so that an element the candidate never writes fails validation. ParEval's
// drivers hand value-initialised buffers (`std::vector<double> z(n)`: zeros), and some answers
// written for ParEval rely on it (`z[i] += ...`), so for ParEval's own `paper` inputs (what
// `bench --paper` runs) the buffers are value-initialised too: paper mode judges as ParEval does.
// The harness sets paper_case() for each case before generating and varying its input.
#pragma once

namespace parevo {

inline bool& paper_case() {
  static bool on = false;
  return on;
}

template <class T>
T output_fill(T poison) {
  return paper_case() ? T{} : poison;
}

}  // namespace parevo

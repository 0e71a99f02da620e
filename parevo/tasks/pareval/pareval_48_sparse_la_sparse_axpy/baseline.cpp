// Sequential baseline: zero z, then one merge-free pass over each sparse vector.
#include <cstddef>
#include <vector>

struct Element {
	size_t index;
  double value;
};

void sparseAxpy(double alpha, std::vector<Element> const& x, std::vector<Element> const& y, std::vector<double> &z) {
  for (double& v : z) v = 0.0;
  for (const Element& e : y) z[e.index] = e.value;
  for (const Element& e : x) z[e.index] += alpha * e.value;
}

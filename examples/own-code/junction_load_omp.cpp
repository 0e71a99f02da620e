// An OpenMP version: junctions are independent, so each thread takes chunks of them; dynamic
// scheduling because degrees are skewed (a few junctions have thousands of roads).
#include <omp.h>

std::vector<JunctionLoad> junction_load(const std::vector<std::int64_t>& first_road,
                                        const std::vector<std::int32_t>& road_to) {
  const long junctions = static_cast<long>(first_road.size()) - 1;
  std::vector<JunctionLoad> load(junctions);
#pragma omp parallel for schedule(dynamic, 512)
  for (long j = 0; j < junctions; ++j) {
    JunctionLoad l{first_road[j + 1] - first_road[j], 0, -1};
    std::int64_t best = -1;
    for (std::int64_t r = first_road[j]; r < first_road[j + 1]; ++r) {
      const std::int32_t k = road_to[r];
      const std::int64_t d = first_road[k + 1] - first_road[k];
      l.roads_next_door += d;
      if (d > best || (d == best && k < l.busiest_neighbour)) {
        best = d;
        l.busiest_neighbour = k;
      }
    }
    load[j] = l;
  }
  return load;
}

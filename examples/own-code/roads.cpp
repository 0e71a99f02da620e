// A city's road network as our routing service stores it: the roads leaving junction j are
// road_to[first_road[j] .. first_road[j + 1]) (every road is listed at both of its ends).
#include <cstdint>
#include <vector>

struct JunctionLoad {
  std::int64_t roads;             // roads at this junction
  std::int64_t roads_next_door;   // roads at the junctions one road away, summed
  std::int32_t busiest_neighbour; // the neighbour with the most roads (smallest id on ties), -1 if none
};

/// For every junction: its roads, the roads of its neighbours summed (traffic that can reach it
/// in two hops), and its busiest neighbour.
std::vector<JunctionLoad> junction_load(const std::vector<std::int64_t>& first_road,
                                        const std::vector<std::int32_t>& road_to) {
  const std::size_t junctions = first_road.size() - 1;
  std::vector<JunctionLoad> load(junctions);
  for (std::size_t j = 0; j < junctions; ++j) {
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

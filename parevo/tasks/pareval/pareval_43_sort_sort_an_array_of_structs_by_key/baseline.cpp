// Sequential baseline: std::sort on the key.
#include <algorithm>
#include <vector>

struct Result {
   int startTime, duration;
   float value;
};

void sortByStartTime(std::vector<Result> &results) {
  std::sort(results.begin(), results.end(),
            [](const Result& a, const Result& b) { return a.startTime < b.startTime; });
}

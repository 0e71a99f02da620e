// class: std-thread
// The counter is a std::atomic.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>
int main() {
  std::atomic<long> count{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; t++)
    ts.emplace_back([&] { for (int i = 0; i < 100; i++) count++; });
  for (auto& t : ts) t.join();
  std::printf("%ld\n", count.load());
}

// class: std-thread
// Data published through a relaxed atomic flag: the flag orders nothing.
#include <atomic>
#include <cstdio>
#include <thread>
int main() {
  int data[8] = {0};
  std::atomic<int> flag{0};
  std::thread producer([&] {
    for (int i = 0; i < 8; i++) data[i] = i + 1;  // RACE with the consumer's reads
    flag.store(1, std::memory_order_relaxed);
  });
  std::thread consumer([&] {
    while (!flag.load(std::memory_order_relaxed)) std::this_thread::yield();
    int s = 0;
    for (int i = 0; i < 8; i++) s += data[i];
    std::printf("%d\n", s);
  });
  producer.join();
  consumer.join();
}

// class: std-thread
// The producer writes data, then raises a flag under a mutex; the consumer checks the flag once
// under the mutex and reads data either way. If the producer locks first, the mutex orders the
// accesses and the race is not observed.
#include <cstdio>
#include <mutex>
#include <thread>
int main() {
  int data = 0, got = -1;
  bool ready = false, seen = false;
  std::mutex m;
  std::thread producer([&] {
    data = 7;  // RACE with the consumer's read when the consumer checks first
    std::lock_guard<std::mutex> g(m);
    ready = true;
  });
  std::thread consumer([&] {
    { std::lock_guard<std::mutex> g(m); seen = ready; }
    got = data;
  });
  producer.join();
  consumer.join();
  std::printf("%d %d\n", got, seen);
}

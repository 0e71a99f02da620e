// class: std-thread
// The consumer waits on a condition variable until the flag is raised.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
int main() {
  int data = 0, got = -1;
  bool ready = false;
  std::mutex m;
  std::condition_variable cv;
  std::thread producer([&] {
    data = 7;
    { std::lock_guard<std::mutex> g(m); ready = true; }
    cv.notify_one();
  });
  std::thread consumer([&] {
    std::unique_lock<std::mutex> g(m);
    cv.wait(g, [&] { return ready; });
    got = data;
  });
  producer.join();
  consumer.join();
  std::printf("%d\n", got);
}

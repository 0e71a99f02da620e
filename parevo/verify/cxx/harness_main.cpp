// parevo's harness: owns main(), generates each input deterministically from
// (family, size, seed), calls the candidate through task::invoke, validates every output
// (warm-up and timed repetitions alike, each on a different input, so an answer cached
// across calls is caught), times the call alone with a steady clock, and appends one JSON
// line per event to the result file. Every line carries the nonce the runner chose (passed in
// PAREVO_NONCE, then wiped from the process's memory and environment before the candidate runs), so text
// a candidate prints elsewhere cannot pass for a result.
//
// The candidate gets a private copy of each input and the validator checks the answer against the
// untouched original, so a candidate that rewrites its (const) input to an easy one gains nothing.
//
// Usage: PAREVO_NONCE=X harness --result FILE [--warmup W] [--reps R] --case FAMILY:SIZE:SEED ...
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "parevo/random.hpp"
#include "parevo/threads.hpp"
#include "task.hpp"

#ifdef PAREVO_WITH_TBB
#include <oneapi/tbb/global_control.h>
#endif

namespace {

std::string json_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

struct Case {
  std::string family;
  long long size = 0;
  unsigned long long seed = 0;
};

class ResultLog {
 public:
  ResultLog(const char* path, std::string nonce) : nonce_(std::move(nonce)) {
    f_ = std::fopen(path, "a");
    if (!f_) {
      std::perror("parevo harness: cannot open result file");
      std::_Exit(90);
    }
  }
  // Flushed line by line: if the candidate crashes, the runner still knows which case it was in.
  void write(const std::string& body) {
    std::fprintf(f_, "{\"nonce\":\"%s\",%s}\n", nonce_.c_str(), body.c_str());
    std::fflush(f_);
  }

 private:
  std::FILE* f_;
  std::string nonce_;
};

bool parse_case(const std::string& spec, Case& c) {
  auto a = spec.find(':');
  auto b = spec.rfind(':');
  if (a == std::string::npos || a == b) return false;
  c.family = spec.substr(0, a);
  c.size = std::atoll(spec.substr(a + 1, b - a - 1).c_str());
  c.seed = std::strtoull(spec.substr(b + 1).c_str(), nullptr, 10);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const char* result_path = nullptr;
  std::string nonce;
  int warmup = 0, reps = 1;
  std::vector<Case> cases;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--result") result_path = argv[i + 1];
    else if (k == "--warmup") warmup = std::atoi(v.c_str());
    else if (k == "--reps") reps = std::atoi(v.c_str());
    else if (k == "--case") {
      Case c;
      if (!parse_case(v, c)) { std::fprintf(stderr, "parevo harness: bad --case '%s'\n", v.c_str()); return 91; }
      cases.push_back(c);
    } else { std::fprintf(stderr, "parevo harness: unknown option '%s'\n", k.c_str()); return 91; }
  }
  if (char* env_nonce = std::getenv("PAREVO_NONCE")) {
    nonce = env_nonce;
    // Overwrite the string in place: /proc/self/environ shows the original block, not environ[].
    std::memset(env_nonce, 'x', nonce.size());
    unsetenv("PAREVO_NONCE");
  }
  if (!result_path || nonce.empty() || cases.empty() || reps < 1 || warmup < 0) {
    std::fprintf(stderr, "parevo harness: need PAREVO_NONCE, --result and at least one --case\n");
    return 91;
  }
  ResultLog log(result_path, nonce);

#ifdef PAREVO_WITH_TBB
  oneapi::tbb::global_control tbb_workers(oneapi::tbb::global_control::max_allowed_parallelism,
                                          static_cast<std::size_t>(parevo::num_threads()));
#endif

  log.write("\"event\":\"start\",\"threads\":" + std::to_string(parevo::num_threads()));
  for (std::size_t ci = 0; ci < cases.size(); ++ci) {
    const Case& c = cases[ci];
    const std::string head = "\"case\":" + std::to_string(ci) + ",\"family\":\"" + json_escape(c.family) +
                             "\",\"size\":" + std::to_string(c.size) + ",\"seed\":" + std::to_string(c.seed);
    log.write("\"event\":\"begin\"," + head);
    std::vector<double> times;
    double gen_s = 0;
    std::string why, shape;
    int failed_rep = -1;
    task::Input input;
    for (int r = 0; r < warmup + reps; ++r) {
      // A distinct input per repetition: the first is generated, later ones are varied by the
      // task (a new source vertex, a new right-hand side...) so an answer cached from an
      // earlier call is wrong, without paying for a full regeneration every time.
      parevo::Rng rng(c.seed * 1000003ULL + static_cast<unsigned long long>(r) * 7919ULL + parevo::hash_name(c.family));
      auto g0 = std::chrono::steady_clock::now();
      try {
        if (r == 0) input = task::generate(c.family, c.size, rng);
        else task::vary(input, rng);
      } catch (const std::exception& e) {
        log.write("\"event\":\"harness_error\"," + head + ",\"why\":\"" + json_escape(e.what()) + "\"");
        return 92;
      }
      auto g1 = std::chrono::steady_clock::now();
      if (r == 0) {
        gen_s = std::chrono::duration<double>(g1 - g0).count();
        shape = task::describe(input);
      }
      task::Output out;
      task::Input scratch = input;  // untimed; the validator reads `input`, never the candidate's copy
      auto t0 = std::chrono::steady_clock::now();
      try {
        out = task::invoke(scratch);
      } catch (const std::exception& e) {
        why = std::string("the candidate threw an exception: ") + e.what();
        failed_rep = r;
        break;
      } catch (...) {
        why = "the candidate threw a non-standard exception";
        failed_rep = r;
        break;
      }
      auto t1 = std::chrono::steady_clock::now();
      why = task::validate(input, out);
      if (!why.empty()) { failed_rep = r; break; }
      if (r >= warmup) times.push_back(std::chrono::duration<double>(t1 - t0).count());
    }
    std::string body = "\"event\":\"case\"," + head + ",\"shape\":\"" + json_escape(shape) + "\",\"gen_s\":" +
                       std::to_string(gen_s) + ",\"valid\":" + (why.empty() ? "true" : "false");
    if (!why.empty()) body += ",\"why\":\"" + json_escape(why) + "\",\"rep\":" + std::to_string(failed_rep);
    body += ",\"times\":[";
    for (std::size_t i = 0; i < times.size(); ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%.9g", i ? "," : "", times[i]);
      body += buf;
    }
    body += "]";
    log.write(body);
  }
  log.write("\"event\":\"end\"");
  return 0;
}

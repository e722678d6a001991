// StageClock: CPU seconds per stage, for --profile (Pipeline::stage_times
// and extract's own stages).
#pragma once

#include <time.h>

namespace quotegraph {

// Adds the CPU time of the calling thread since the last lap to a total;
// does nothing when profiling is off. CPU time, not wall time: what a stage
// costs, whatever else the machine runs at the same time.
class StageClock {
 public:
  explicit StageClock(bool on) : on_(on), last_(on ? thread_seconds() : 0) {}
  void lap(double& total) {
    if (!on_) return;
    const double now = thread_seconds();
    total += now - last_;
    last_ = now;
  }

 private:
  static double thread_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  bool on_;
  double last_;
};

}  // namespace quotegraph

// Keeps a running run's lease: renews its heartbeat in the results database every fifth of the
// lease while the run runs, so a gantry on another host leaves the run alone, and takes it over
// once the heartbeats stop (a lost node, a restarted container).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace gantry {

class ResultsDb;

class RunLease {
 public:
  RunLease(ResultsDb& db, std::int64_t run_id, double lease_seconds);
  ~RunLease();  // stops renewing
  RunLease(const RunLease&) = delete;
  RunLease& operator=(const RunLease&) = delete;

 private:
  void renew_until_stopped();

  ResultsDb& db_;
  std::int64_t run_id_;
  double interval_seconds_;
  std::mutex mutex_;
  std::condition_variable stopped_;
  bool stopping_ = false;
  std::thread renewer_;
};

}  // namespace gantry

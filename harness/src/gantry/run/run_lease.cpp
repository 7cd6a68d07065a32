#include "gantry/run/run_lease.hpp"

#include <chrono>

#include "gantry/store/results_db.hpp"

namespace gantry {

RunLease::RunLease(ResultsDb& db, std::int64_t run_id, double lease_seconds)
    : db_(db), run_id_(run_id), interval_seconds_(lease_seconds / 5) {
  renewer_ = std::thread([this] { renew_until_stopped(); });
}

RunLease::~RunLease() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopped_.notify_one();
  renewer_.join();
}

void RunLease::renew_until_stopped() {
  const auto interval = std::chrono::duration<double>(interval_seconds_);
  std::unique_lock lock(mutex_);
  while (!stopped_.wait_for(lock, interval, [this] { return stopping_; })) {
    try {
      db_.renew_lease(run_id_);
    } catch (...) {
      // A held lock or a failing store: the next renewal tries again, and the run's own writes
      // report a store that stays broken.
    }
  }
}

}  // namespace gantry

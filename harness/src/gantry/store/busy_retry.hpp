// Writing again when the results database stays locked past its busy timeout: another process's
// long transaction (a merge into the same file, an sqlite3 shell left in BEGIN) is transient,
// and giving up at once would stop a sweep for it.
#pragma once

#include "gantry/base/errors.hpp"

namespace gantry {

// Attempts of one write; each waits the connection's busy timeout (10 s for a sweep), so a lock
// held for about half a minute is waited out. Documented in docs/experiments.md.
inline constexpr int kBusyAttempts = 3;

// Returns what `write` returns; after kBusyAttempts busy attempts the DatabaseBusyError goes to
// the caller. Any other error goes at once.
template <typename Write>
auto retry_when_busy(Write&& write) -> decltype(write()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return write();
    } catch (const DatabaseBusyError&) {
      if (attempt >= kBusyAttempts) throw;
    }
  }
}

}  // namespace gantry

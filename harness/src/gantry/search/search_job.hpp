// `gantry search` as a library, second half: run a planned search round by round through the
// sweep engine, decide each round from the recorded runs, and record the decisions. Every run is
// an ordinary run of the search's sweep. Rerun after an interruption, the search replays its
// rounds from the recorded runs (run again only what is not recorded) and so reaches the end an
// uninterrupted search reaches.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gantry/search/search_plan.hpp"
#include "gantry/store/search_record.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "gantry/sweep/sweep_observer.hpp"

namespace gantry {

// Where a search stands as a round starts, for a progress display.
struct RoundProgress {
  int round = 0;
  std::string seeds;   // the seeds the round runs
  std::string length;  // halving: the rung's length
  int alive = 0;
  int configurations = 0;
  std::int64_t runs_spent = 0;  // before the round
  std::int64_t round_runs = 0;
  std::optional<std::int64_t> budget;
};

class SearchObserver : public SweepObserver {
 public:
  virtual void round_started(const RoundProgress& progress) = 0;
  // `labels` names the configurations the round's decisions refer to by index.
  virtual void round_decided(const SearchRound& round, const std::vector<std::string>& labels) = 0;
};

// A configuration still in the running (or, for grid and random, any), with the metric over
// its seeds at its last rung.
struct Standing {
  int configuration = 0;
  std::string label;
  std::size_t values = 0;  // runs with a value
  std::optional<double> median;
  // A distribution-free 95% interval for the median: order statistics of the binomial(n, 1/2)
  // (none below 6 values, where no such interval reaches 95%).
  std::optional<double> low, high;
};

enum class SearchStop {
  ended,        // the search reached its end (SearchOutcome::end says which)
  interrupted,  // Ctrl-C, SIGTERM, or a run left unfinished: rerun the command to continue
  busy          // another gantry process runs some of the round's runs: rerun when it is done
};

struct SearchOutcome {
  std::string name;
  SearchStop stop = SearchStop::ended;
  std::optional<SearchEnd> end;
  std::int64_t runs_spent = 0;
  // Successive halving's shorter runs cost less: the runs spent weighted by their length over
  // the full length, to set against grid_runs. Equal to runs_spent for the other strategies.
  double full_length_runs = 0;
  std::int64_t grid_runs = 0;
  int failed_runs = 0;              // of the runs the search spent
  std::vector<Standing> standings;  // best first
  int eliminated = 0;
};

// Opens the store, records the search (refusing a sweep that holds another search or a plain
// sweep's runs, naming the difference), and runs it. Throws ConfigError for a metric that no
// run of the first round recorded; StorageError when the store cannot be used.
SearchOutcome execute_search(const PlannedSearch& search, const SweepTarget& target,
                             SearchObserver& observer, const std::atomic<bool>& stop_flag);

}  // namespace gantry

#include "gantry/search/search_job.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/binomial.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/base/text.hpp"
#include "gantry/search/race.hpp"
#include "gantry/store/search_log.hpp"
#include "gantry/sweep/sweep_runner.hpp"

namespace gantry {
namespace {

// "1-5" for consecutive seeds, else "1,3,8".
std::string seeds_text(const std::vector<std::int64_t>& seeds) {
  bool consecutive = seeds.size() > 2;
  for (std::size_t i = 1; i < seeds.size(); ++i) consecutive &= seeds[i] == seeds[i - 1] + 1;
  if (consecutive) return std::to_string(seeds.front()) + "-" + std::to_string(seeds.back());
  std::vector<std::string> parts;
  for (std::int64_t seed : seeds) parts.push_back(std::to_string(seed));
  return join(parts, ",");
}

std::vector<std::int64_t> slice(const std::vector<std::int64_t>& seeds, std::size_t first,
                                std::size_t count) {
  return {seeds.begin() + static_cast<std::ptrdiff_t>(first),
          seeds.begin() + static_cast<std::ptrdiff_t>(first + count)};
}

// The distribution-free interval for the median of `sorted`: [x(k), x(n + 1 - k)] with the
// largest k for which P(Binomial(n, 1/2) < k) <= 2.5%.
void median_interval(const std::vector<double>& sorted, Standing& standing) {
  std::size_t n = sorted.size();
  boost::math::binomial half(static_cast<double>(n), 0.5);
  std::size_t k = 0;
  while (k + 1 <= n / 2 && boost::math::cdf(half, static_cast<double>(k)) <= 0.025) ++k;
  if (k == 0) return;
  standing.low = sorted[k - 1];
  standing.high = sorted[n - k];
}

// Runs rounds of the search's runs through the sweep engine and reads their metric back.
class RoundRunner {
 public:
  RoundRunner(const PlannedSearch& search, RunStore store, std::int64_t sweep_id,
              SearchObserver& observer, const std::atomic<bool>& stop_flag)
      : search_(search),
        store_(store),
        log_(store.db),
        sweep_id_(sweep_id),
        observer_(observer),
        stop_flag_(stop_flag) {}

  // Runs `alive` at `rung` on `seeds`; false when the round could not finish.
  bool run(std::size_t rung, const std::vector<int>& alive,
           const std::vector<std::int64_t>& seeds) {
    std::vector<GridPoint> points;
    for (int configuration : alive) points.push_back(search_.points[rung][configuration]);
    SweepPlan plan(std::move(points), seeds);
    SweepSettings settings{search_.jobs, search_.policy};
    SweepResult result = run_sweep(plan, RecordedSweep{sweep_id_, search_.name}, store_,
                                   search_.catalog, settings, stop_flag_, observer_);
    failed_ += result.failed + result.recorded_failed;
    if (result.interrupted > 0 || result.not_started > 0 || stop_flag_.load()) {
      stop_ = SearchStop::interrupted;
    } else if (result.busy > 0) {
      stop_ = SearchStop::busy;
    }
    return stop_ == SearchStop::ended;
  }

  // values[b][j]: alive[j] at `rung` on seeds[b], oriented so that lower is better; +inf for a
  // run that failed or recorded no value.
  std::vector<std::vector<double>> values(std::size_t rung, const std::vector<int>& alive,
                                          const std::vector<std::int64_t>& seeds) {
    auto recorded = log_.metric_values(sweep_id_, search_.header.metric);
    const double sign = search_.header.maximize ? -1.0 : 1.0;
    std::vector<std::vector<double>> table(seeds.size(), std::vector<double>(alive.size()));
    for (std::size_t b = 0; b < seeds.size(); ++b) {
      for (std::size_t j = 0; j < alive.size(); ++j) {
        auto found = recorded.find(search_.points[rung][alive[j]].identity.of(seeds[b]));
        bool has = found != recorded.end() && found->second.status == RecordedStatus::finished &&
                   found->second.value && std::isfinite(*found->second.value);
        table[b][j] = has ? sign * *found->second.value : std::numeric_limits<double>::infinity();
      }
    }
    return table;
  }

  // After the first round: a metric no finished run recorded is a mistake in --metric.
  void check_metric(const std::vector<std::vector<double>>& values) {
    for (const auto& block : values) {
      for (double v : block) {
        if (std::isfinite(v)) return;
      }
    }
    std::vector<std::string> keys = log_.summary_keys(sweep_id_);
    if (keys.empty()) {
      throw RunError("every run of the search's first round failed; see gantry runs --sweep " +
                     search_.name + " --status failed");
    }
    throw ConfigError("--metric '" + search_.header.metric +
                      "': no run of the first round recorded it; its runs recorded " +
                      join(keys, ", "));
  }

  void record(SearchRound round, std::int64_t spent) {
    // Decisions were made on oriented values; the log keeps the metric as recorded.
    if (search_.header.maximize) {
      for (auto& decision : round.decisions) {
        if (decision.median) decision.median = -*decision.median;
      }
    }
    log_.record_round(sweep_id_, round, spent);
    std::vector<std::string> labels;
    for (const auto& configuration : search_.configurations)
      labels.push_back(configuration.label());
    observer_.round_decided(round, labels);
  }

  SearchLog& log() { return log_; }
  SearchStop stop() const { return stop_; }
  int failed() const { return failed_; }

 private:
  const PlannedSearch& search_;
  RunStore store_;
  SearchLog log_;
  std::int64_t sweep_id_;
  SearchObserver& observer_;
  const std::atomic<bool>& stop_flag_;
  SearchStop stop_ = SearchStop::ended;
  int failed_ = 0;
};

// Where a strategy stands: the configurations alive, the runs spent, the rounds done.
struct SearchCursor {
  std::vector<int> alive;
  std::int64_t spent = 0;
  double full_length_runs = 0;  // the runs spent, weighted by their length over the full length
  int round = 0;
  std::size_t rung = 0;
  std::vector<std::int64_t> seeds_used;  // of the last round's test
  std::optional<SearchEnd> end;
};

// A rung's length over the full length: 1 but for the shorter rungs of successive halving.
double length_share(const PlannedSearch& search, std::size_t rung) {
  if (search.rung_lengths.empty()) return 1.0;
  return std::stod(search.rung_lengths[rung]) / std::stod(search.rung_lengths.back());
}

bool over_budget(const PlannedSearch& search, const SearchCursor& state, std::int64_t runs) {
  return search.header.budget && state.spent + runs > *search.header.budget;
}

// Runs one round and records its decision; false when the round could not finish.
template <typename Decide>
bool play_round(const PlannedSearch& search, RoundRunner& runner, SearchObserver& observer,
                SearchCursor& state, const std::vector<std::int64_t>& new_seeds,
                const std::vector<std::int64_t>& tested_seeds, Decide decide) {
  auto runs = static_cast<std::int64_t>(state.alive.size() * new_seeds.size());
  std::string length = search.rung_lengths.empty() ? "" : search.rung_lengths[state.rung];
  observer.round_started(
      {state.round, seeds_text(new_seeds), length, static_cast<int>(state.alive.size()),
       static_cast<int>(search.configurations.size()), state.spent, runs, search.header.budget});
  if (!runner.run(state.rung, state.alive, new_seeds)) return false;
  state.spent += runs;
  state.full_length_runs += static_cast<double>(runs) * length_share(search, state.rung);
  auto values = runner.values(state.rung, state.alive, tested_seeds);
  if (state.round == 0) runner.check_metric(values);
  SearchRound round = decide(values);
  round.round = state.round;
  round.seeds = seeds_text(new_seeds);
  round.length = length;
  round.runs = static_cast<int>(runs);
  runner.record(round, state.spent);
  std::vector<int> survivors;
  for (int configuration : state.alive) {
    bool out = std::any_of(round.decisions.begin(), round.decisions.end(), [&](const auto& d) {
      return d.configuration == configuration && d.outcome == DecisionOutcome::eliminated;
    });
    if (!out) survivors.push_back(configuration);
  }
  state.alive = std::move(survivors);
  state.seeds_used = tested_seeds;
  ++state.round;
  return true;
}

bool race(const PlannedSearch& search, RoundRunner& runner, SearchObserver& observer,
          SearchCursor& state) {
  RaceSettings settings{search.header.alpha, search.first_test};
  std::size_t used = 0;
  while (true) {
    if (state.alive.size() == 1) return state.end = SearchEnd::one_left, true;
    if (used == search.seeds.size()) return state.end = SearchEnd::seeds_spent, true;
    std::size_t take = std::min(state.round == 0 ? search.first_test : search.round_seeds,
                                search.seeds.size() - used);
    if (over_budget(search, state, static_cast<std::int64_t>(state.alive.size() * take))) {
      return state.end = SearchEnd::budget_spent, true;
    }
    std::vector<int> alive = state.alive;
    auto decide = [&](const auto& values) { return decide_race_round(alive, values, settings); };
    if (!play_round(search, runner, observer, state, slice(search.seeds, used, take),
                    slice(search.seeds, 0, used + take), decide)) {
      return false;
    }
    used += take;
  }
}

bool halving(const PlannedSearch& search, RoundRunner& runner, SearchObserver& observer,
             SearchCursor& state) {
  for (state.rung = 0; state.rung < search.points.size(); ++state.rung) {
    auto runs = static_cast<std::int64_t>(state.alive.size() * search.seeds.size());
    if (over_budget(search, state, runs)) return state.end = SearchEnd::budget_spent, true;
    std::vector<int> alive = state.alive;
    bool last = state.rung + 1 == search.points.size();
    auto decide = [&](const auto& values) {
      // The last rung ranks the finalists but eliminates none of them.
      return decide_halving_rung(alive, values, last ? 1.0 : search.eta);
    };
    if (!play_round(search, runner, observer, state, search.seeds, search.seeds, decide)) {
      return false;
    }
  }
  state.rung = search.points.size() - 1;
  return state.end = SearchEnd::rungs_done, true;
}

bool run_all(const PlannedSearch& search, RoundRunner& runner, SearchObserver& observer,
             SearchCursor& state) {
  auto decide = [&](const auto&) {
    SearchRound round;
    round.alive = static_cast<int>(state.alive.size());
    return round;
  };
  if (!play_round(search, runner, observer, state, search.seeds, search.seeds, decide)) {
    return false;
  }
  return state.end = SearchEnd::all_run, true;
}

std::vector<Standing> standings(const PlannedSearch& search, RoundRunner& runner,
                                const SearchCursor& state) {
  std::vector<Standing> result;
  if (state.seeds_used.empty()) return result;
  auto values = runner.values(state.rung, state.alive, state.seeds_used);
  const double sign = search.header.maximize ? -1.0 : 1.0;
  for (std::size_t j = 0; j < state.alive.size(); ++j) {
    Standing standing;
    standing.configuration = state.alive[j];
    standing.label = search.configurations[state.alive[j]].label();
    std::vector<double> finite;
    for (const auto& block : values) {
      if (std::isfinite(block[j])) finite.push_back(sign * block[j]);
    }
    std::sort(finite.begin(), finite.end());
    standing.values = finite.size();
    if (!finite.empty()) {
      standing.median = sign * column_median(values, j);
      median_interval(finite, standing);
    }
    result.push_back(standing);
  }
  auto key = [&](const Standing& s) {
    return s.median ? sign * *s.median : std::numeric_limits<double>::infinity();
  };
  std::stable_sort(result.begin(), result.end(),
                   [&](const Standing& a, const Standing& b) { return key(a) < key(b); });
  return result;
}

// Records the search, or checks that the one recorded under the sweep's name is this one.
std::int64_t start_search(const PlannedSearch& search, const SweepTarget& target, ResultsDb& db) {
  std::int64_t sweep_id = db.ensure_sweep(search.name, search.experiment_file, target.command_line);
  SearchLog log(db);
  if (!log.definition(sweep_id) && log.has_runs(sweep_id)) {
    throw ConfigError("sweep '" + search.name +
                      "' holds runs of a sweep that is not a search; name this search with "
                      "--sweep");
  }
  std::vector<std::string> labels;
  for (const auto& configuration : search.configurations) labels.push_back(configuration.label());
  std::string recorded = log.ensure(sweep_id, search.header, labels);
  std::string difference = definition_difference(recorded, search.header.definition);
  if (!difference.empty()) {
    throw ConfigError("sweep '" + search.name + "' holds another search (" + difference +
                      "); name this one with --sweep");
  }
  return sweep_id;
}

}  // namespace

SearchOutcome execute_search(const PlannedSearch& search, const SweepTarget& target,
                             SearchObserver& observer, const std::atomic<bool>& stop_flag) {
  OpenedStore opened = open_store(target);
  std::int64_t sweep_id = start_search(search, target, *opened.db);
  RoundRunner runner(search, opened.run_store(), sweep_id, observer, stop_flag);
  SearchCursor state;
  for (std::size_t c = 0; c < search.configurations.size(); ++c) {
    state.alive.push_back(static_cast<int>(c));
  }
  bool ended = false;
  switch (search.header.strategy) {
    case SearchStrategy::race:
      ended = race(search, runner, observer, state);
      break;
    case SearchStrategy::halving:
      ended = halving(search, runner, observer, state);
      break;
    case SearchStrategy::random:
    case SearchStrategy::grid:
      ended = run_all(search, runner, observer, state);
      break;
  }
  SearchOutcome outcome;
  outcome.name = search.name;
  outcome.runs_spent = state.spent;
  outcome.full_length_runs = state.full_length_runs;
  outcome.grid_runs = search.header.grid_runs;
  outcome.failed_runs = runner.failed();
  outcome.eliminated = static_cast<int>(search.configurations.size() - state.alive.size());
  if (!ended) {
    outcome.stop = runner.stop();
    return outcome;
  }
  outcome.end = state.end;
  runner.log().record_end(sweep_id, *state.end, state.spent);
  outcome.standings = standings(search, runner, state);
  return outcome;
}

}  // namespace gantry

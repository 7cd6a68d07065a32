#include "gantry/search/search_plan.hpp"

#include <cmath>
#include <map>

#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text.hpp"
#include "gantry/base/whole_integer.hpp"

namespace gantry {
namespace {

void check_request(const SearchRequest& request) {
  if (request.metric.empty()) throw ConfigError("--metric is required: the summary key to compare");
  if (!(request.alpha > 0 && request.alpha < 1)) {
    throw ConfigError("--alpha must be between 0 and 1 (exclusive)");
  }
  if (request.budget && *request.budget < 1) throw ConfigError("--budget must be at least 1");
  if (request.first_test < 2) throw ConfigError("--first-test must be at least 2 seeds");
  if (request.round_seeds < 1) throw ConfigError("--round-seeds must be at least 1");
  if (request.configurations < 1) throw ConfigError("--configurations must be at least 1");
  if (!(request.eta > 1)) throw ConfigError("--eta must be greater than 1");
  if (request.rungs < 1 || request.rungs > 20) throw ConfigError("--rungs must be 1 to 20");
}

std::vector<Configuration> configurations_of(const SearchRequest& request,
                                             const std::vector<Dimension>& space) {
  bool sample = request.strategy == SearchStrategy::random ||
                (request.strategy != SearchStrategy::grid && !is_enumerable(space));
  if (sample) return sample_configurations(space, request.configurations, request.sample_seed);
  return grid_configurations(space, kMaxGridPoints);
}

RawSettings settings_of(const RawSettings& base, const Configuration& configuration,
                        const std::string& source) {
  RawSettings settings = base;
  settings.source = source;
  for (const auto& [key, value] : configuration.settings) settings.set(key, value);
  return settings;
}

// The length of each rung: the full length divided by eta once per rung still to come.
std::vector<std::string> rung_lengths(const ResolvedExperiment& full,
                                      const SearchRequest& request) {
  const std::string& text = full.value(request.length_key);
  std::optional<long long> length = whole_integer(text);
  if (!length || *length < 1) {
    throw ConfigError("--length-key '" + request.length_key + "' is '" + text +
                      "', not a whole number of steps or epochs to shorten");
  }
  std::vector<std::string> lengths;
  for (std::size_t rung = 0; rung < request.rungs; ++rung) {
    double divisor = std::pow(request.eta, static_cast<double>(request.rungs - 1 - rung));
    lengths.push_back(std::to_string(
        std::max(1LL, static_cast<long long>(std::floor(static_cast<double>(*length) / divisor)))));
  }
  return lengths;
}

std::string definition_of(const SearchRequest& request, const RawSettings& base,
                          const std::vector<Dimension>& space, const PlannedSearch& planned) {
  std::vector<std::string> seeds;
  for (std::int64_t seed : planned.seeds) seeds.push_back(std::to_string(seed));
  std::vector<std::string> lines = {
      std::string("strategy = ") + strategy_text(request.strategy),
      "metric = " + request.metric,
      std::string("maximize = ") + (request.maximize ? "true" : "false"),
      "alpha = " + format_exact(request.alpha),
      "budget = " + (request.budget ? std::to_string(*request.budget) : std::string("none")),
      "seeds = " + join(seeds, ","),
      "first_test = " + std::to_string(request.first_test),
      "round_seeds = " + std::to_string(request.round_seeds),
      "configurations = " + std::to_string(request.configurations),
      "sample_seed = " + std::to_string(request.sample_seed),
      "eta = " + format_exact(request.eta),
      "rungs = " + std::to_string(request.rungs),
      "length_key = " + request.length_key};
  for (const Dimension& dimension : space) {
    lines.push_back("space " + dimension.key + " = " +
                    dimension.spec.substr(dimension.key.size() + 1));
  }
  // The experiment as --set left it; resources (threads, write intervals) change no result.
  for (const auto& [key, value] : base.entries) {
    if (key.rfind("resources.", 0) != 0) lines.push_back("setting " + key + " = " + value);
  }
  return join(lines, "\n");
}

std::size_t first_round_runs(const PlannedSearch& search, SearchStrategy strategy) {
  std::size_t configs = search.configurations.size();
  switch (strategy) {
    case SearchStrategy::race:
      return configs * std::min(search.first_test, search.seeds.size());
    case SearchStrategy::halving:
    case SearchStrategy::random:
    case SearchStrategy::grid:
      return configs * search.seeds.size();
  }
  return configs;
}

}  // namespace

PlannedSearch plan_search_request(const SearchRequest& request) {
  check_request(request);
  std::vector<Dimension> space;
  for (const auto& spec : request.space) space.push_back(parse_dimension(spec));
  check_space(space);
  std::vector<Configuration> configurations = configurations_of(request, space);
  bool compares =
      request.strategy == SearchStrategy::race || request.strategy == SearchStrategy::halving;
  if (compares && configurations.size() < 2) {
    throw ConfigError(std::string("a ") + strategy_text(request.strategy) +
                      " needs at least two configurations; the space gives " +
                      std::to_string(configurations.size()));
  }
  PreparedExperiment prepared = prepare_experiment(request.sweep, configurations.size());

  PlannedSearch search{std::move(prepared.catalog)};
  search.configurations = std::move(configurations);
  search.seeds = prepared.seeds;
  search.first_test = request.first_test;
  search.round_seeds = request.round_seeds;
  search.eta = request.eta;
  std::vector<GridPoint> full;
  for (const Configuration& configuration : search.configurations) {
    std::string source = prepared.base.source + " with --space " + configuration.label();
    full.push_back(plan_point(settings_of(prepared.base, configuration, source), search.catalog));
  }
  if (request.strategy == SearchStrategy::halving) {
    search.rung_lengths = rung_lengths(full.front().experiment, request);
    for (const std::string& length : search.rung_lengths) {
      std::vector<GridPoint> rung;
      for (const Configuration& configuration : search.configurations) {
        Configuration shorter = configuration;
        shorter.settings.emplace_back(request.length_key, length);
        std::string source = prepared.base.source + " with --space " + shorter.label();
        rung.push_back(plan_point(settings_of(prepared.base, shorter, source), search.catalog));
      }
      search.points.push_back(std::move(rung));
    }
  } else {
    search.points.push_back(std::move(full));
  }

  search.name = sweep_name_of(request.sweep, search.points.front().front().experiment);
  search.experiment_file = request.sweep.experiment;
  search.jobs = prepared.jobs;
  search.policy = request.sweep.policy;
  search.header.strategy = request.strategy;
  search.header.metric = request.metric;
  search.header.maximize = request.maximize;
  search.header.alpha = request.alpha;
  search.header.budget = request.budget;
  search.header.grid_runs =
      static_cast<std::int64_t>(search.configurations.size() * search.seeds.size());
  search.header.definition = definition_of(request, prepared.base, space, search);
  std::size_t first = first_round_runs(search, request.strategy);
  if (request.budget && static_cast<std::size_t>(*request.budget) < first) {
    throw ConfigError("--budget " + std::to_string(*request.budget) +
                      " is smaller than the search's first round (" + std::to_string(first) +
                      " runs: " + std::to_string(search.configurations.size()) +
                      " configurations on its first seeds)");
  }
  return search;
}

std::string definition_difference(const std::string& recorded, const std::string& wanted) {
  auto lines_of = [](const std::string& text) {
    std::map<std::string, std::string> lines;
    for (const std::string& line : split(text, '\n')) {
      std::size_t equals = line.find(" = ");
      std::string key = line.substr(0, equals == std::string::npos ? line.size() : equals);
      lines[key] = equals == std::string::npos ? "(given)" : line.substr(equals + 3);
    }
    return lines;
  };
  auto was = lines_of(recorded), now = lines_of(wanted);
  for (const auto& [key, value] : now) {
    auto found = was.find(key);
    if (found == was.end()) return key + ": not in the recorded search, this command " + value;
    if (found->second != value) {
      return key + ": recorded " + found->second + ", this command " + value;
    }
  }
  for (const auto& [key, value] : was) {
    if (!now.count(key)) return key + ": recorded " + value + ", not in this command";
  }
  return {};
}

}  // namespace gantry

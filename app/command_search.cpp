// `gantry search`: parse the arguments into a SearchRequest, let the search library plan and run
// it round by round, and print the survivors with their medians and the runs spent against what
// the full grid would cost.
#include <unistd.h>

#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text_table.hpp"
#include "gantry/search/search_job.hpp"
#include "search_progress.hpp"

namespace gantry::cli {
namespace {

struct SearchArguments {
  SearchRequest request;
  std::string strategy = "race";
  std::int64_t budget = 0;
  bool retry_failed = false;
  StoreOptions store;
};

std::string command_line(const std::vector<std::string>& args) {
  std::string text = "gantry search";
  for (const auto& arg : args) text += " " + arg;
  return text;
}

po::options_description search_options(SearchArguments& args) {
  SearchRequest& request = args.request;
  po::options_description options("search options");
  options.add_options()("experiment", po::value(&request.sweep.experiment)->required(),
                        "experiment file (INI)")(
      "strategy", po::value(&args.strategy)->default_value(args.strategy),
      "race, halving, random or grid")(
      "space", po::value(&request.space)->composing(),
      "a dimension: section.key=v1,v2,... (or v1|v2 for values with commas), log:A..B, "
      "uniform:A..B or int:A..B (repeatable)")("metric", po::value(&request.metric)->required(),
                                               "the summary key compared, e.g. "
                                               "eval.energy_distance (lower is better)")(
      "maximize", po::bool_switch(&request.maximize), "higher is better")(
      "seeds", po::value(&request.sweep.seeds)->required(),
      "seeds, in the order spent: 1-20, 1,2,5")("budget", po::value(&args.budget),
                                                "runs at most (default: no limit but the seeds)")(
      "alpha", fractional_value(request.alpha), "significance level of the race's tests")(
      "first-test", po::value(&request.first_test)->default_value(request.first_test),
      "race: seeds every configuration runs before the first test")(
      "round-seeds", po::value(&request.round_seeds)->default_value(request.round_seeds),
      "race: seeds each later round adds")(
      "configurations", po::value(&request.configurations)->default_value(request.configurations),
      "random, and race or halving over ranges: configurations drawn from the space")(
      "sample-seed", po::value(&request.sample_seed)->default_value(request.sample_seed),
      "seed of the scrambled Sobol sample of the space")(
      "eta", po::value(&request.eta)->default_value(request.eta),
      "halving: keep the best 1/eta at each rung")(
      "rungs", po::value(&request.rungs)->default_value(request.rungs), "halving: rungs")(
      "length-key", po::value(&request.length_key)->default_value(request.length_key),
      "halving: the setting each rung shortens")("jobs,j",
                                                 po::value(&request.sweep.jobs)->default_value(0),
                                                 "runs in parallel (0: one per core)")(
      "retry-failed", po::bool_switch(&args.retry_failed), "rerun runs recorded as failed")(
      "set", po::value(&request.sweep.overrides)->composing(),
      "override a setting: section.key=value (repeatable)")(
      "sweep", po::value(&request.sweep.sweep_name),
      "sweep name (default: experiment.name, else the file's stem)");
  add_store_options(options, args.store, true);
  add_plugin_dir_option(options, request.sweep.plugin_dirs);
  return options;
}

SearchStrategy strategy_of(const std::string& text) {
  std::optional<SearchStrategy> strategy = parse_strategy(text);
  if (!strategy) {
    throw ConfigError("--strategy '" + text + "': expected race, halving, random or grid");
  }
  return *strategy;
}

void print_outcome(const SearchOutcome& outcome, const SearchArguments& args) {
  std::cout << "search '" << outcome.name << "' ended: " << end_sentence(*outcome.end) << "; "
            << outcome.runs_spent << " runs spent";
  if (outcome.full_length_runs < static_cast<double>(outcome.runs_spent)) {
    std::cout << " (as many steps as " << format_number(outcome.full_length_runs, 3)
              << " full-length runs)";
  }
  std::cout << ", against " << outcome.grid_runs << " for every configuration on every seed";
  if (outcome.eliminated > 0) std::cout << "; " << outcome.eliminated << " eliminated";
  std::cout << "\n";
  TextTable table;
  table.header = {"configuration", "runs", "median " + args.request.metric, "95% interval"};
  for (const Standing& standing : outcome.standings) {
    std::string interval =
        standing.low ? format_number(*standing.low) + " .. " + format_number(*standing.high)
                     : "(fewer than 6 runs)";
    table.rows.push_back({standing.label, std::to_string(standing.values),
                          format_number(standing.median), interval});
  }
  write_aligned(std::cout, table);
  std::cout << "results: " << args.store.db << " (gantry report --sweep " << outcome.name
            << " shows the race)\n";
}

}  // namespace

int command_search(const std::vector<std::string>& raw_args, const std::atomic<bool>& stop_flag) {
  SearchArguments args;
  po::options_description options = search_options(args);
  po::positional_options_description positional;
  positional.add("experiment", 1);
  auto values = parse_command(
      "gantry search EXPERIMENT.ini --space KEY=SPEC [--space ...] --metric KEY --seeds A-B "
      "[--strategy race|halving|random|grid] [options]",
      options, positional, raw_args);
  if (!values) return kSuccess;
  args.request.strategy = strategy_of(args.strategy);
  if (values->count("budget")) args.request.budget = args.budget;
  args.request.sweep.policy.retry_failed = args.retry_failed;
  PlannedSearch search = plan_search_request(args.request);
  SweepTarget target;
  target.db = args.store.db;
  target.artifacts = args.store.artifacts;
  target.command_line = command_line(raw_args);
  target.worker_executable = worker_executable();  // a crashing plugin fails only its run
  SearchProgress progress(std::cerr, isatty(STDERR_FILENO) != 0);
  SearchOutcome outcome = execute_search(search, target, progress, stop_flag);
  switch (outcome.stop) {
    case SearchStop::interrupted:
      std::cerr << "interrupted: rerun the same command to continue the search\n";
      return kInterrupted;
    case SearchStop::busy:
      std::cerr << "some of the round's runs are being run by another gantry process; rerun "
                   "the same command once they are done\n";
      return kError;
    case SearchStop::ended:
      break;
  }
  print_outcome(outcome, args);
  return outcome.failed_runs > 0 ? kRunsFailed : kSuccess;
}

}  // namespace gantry::cli

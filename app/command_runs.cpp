// `gantry runs`: the recorded runs as a table, one line each.
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/text.hpp"
#include "gantry/store/results_reader.hpp"

namespace gantry::cli {

int command_runs(const std::vector<std::string>& raw_args) {
  StoreOptions store;
  RunsFilter filter;
  std::string metrics;
  std::string format = "table";
  std::string status;
  po::options_description options("runs options");
  options.add_options()("sweep", po::value(&filter.sweep), "only runs of this sweep")(
      "status", po::value(&status), "only runs with this status: running, finished, failed")(
      "metrics", po::value(&metrics),
      "summary metrics to show, comma separated (default: the usual quality and D read-outs)")(
      "format", po::value(&format)->default_value(format), "table, csv or json");
  add_store_options(options, store, false);
  if (!parse_command("gantry runs [options]", options, {}, raw_args)) return kSuccess;
  if (!status.empty()) {
    filter.status = parse_status(status);
    if (!filter.status) {
      throw ConfigError("--status '" + status + "': expected running, finished or failed");
    }
  }
  TableFormat table_format = parse_table_format(format);
  filter.metrics = split_nonempty(metrics, ',');
  ResultsReader reader(store.db);
  write_table(std::cout, reader.runs(filter), table_format);
  return kSuccess;
}

}  // namespace gantry::cli

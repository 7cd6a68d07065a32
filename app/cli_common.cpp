#include "cli_common.hpp"

#include <iostream>
#include <sstream>

namespace gantry::cli {

namespace {
std::optional<std::filesystem::path>& worker_executable_setting() {
  static std::optional<std::filesystem::path> executable;
  return executable;
}
}  // namespace

void set_worker_executable(const std::filesystem::path& executable) {
  worker_executable_setting() = executable;
}

const std::optional<std::filesystem::path>& worker_executable() {
  return worker_executable_setting();
}

po::typed_value<double>* fractional_value(double& target) {
  std::ostringstream shown;
  shown << target;  // six significant digits: what a person typed
  return po::value(&target)->default_value(target, shown.str());
}

void add_store_options(po::options_description& options, StoreOptions& store, bool artifacts) {
  options.add_options()("db", po::value(&store.db)->default_value(store.db),
                        "results database (SQLite)");
  if (artifacts) {
    options.add_options()("artifacts", po::value(&store.artifacts)->default_value(store.artifacts),
                          "directory for the per-run HDF5 files");
  }
}

void add_plugin_dir_option(po::options_description& options, std::vector<std::string>& dirs) {
  options.add_options()("plugin-dir", po::value(&dirs)->composing(),
                        "extra plugin directory, searched first (repeatable; "
                        "GANTRY_PLUGIN_PATH is searched next)");
}

std::optional<po::variables_map> parse_command(const std::string& usage,
                                               const po::options_description& options,
                                               const po::positional_options_description& positional,
                                               const std::vector<std::string>& args) {
  po::options_description all(options);
  all.add_options()("help,h", "show this help");
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << "usage: " << usage << "\n\n" << all << "\n";
    return std::nullopt;
  }
  po::notify(values);
  return values;
}

}  // namespace gantry::cli

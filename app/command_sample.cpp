// `gantry sample RUN_ID -n ROWS --out FILE`: new rows from a finished run's generator. Parses and
// validates the command line, then calls the core: the run's recorded settings and weights in,
// the rows out (run/run_sampler.hpp, artifacts/sample_file.hpp).
#include <iostream>
#include <sstream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/artifacts/sample_file.hpp"
#include "gantry/artifacts/weights_reader.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/run/run_sampler.hpp"
#include "gantry/store/results_snapshot.hpp"

namespace gantry::cli {
namespace {

constexpr long long kMostRows = 10'000'000;

struct SampleArguments {
  StoreOptions store;
  std::vector<std::string> plugin_dirs;
  std::int64_t run_id = 0;
  long long rows = 1000;
  std::uint64_t seed = 1;
  std::string out;
};

po::options_description sample_options(SampleArguments& args) {
  po::options_description options("sample options");
  options.add_options()("run", po::value(&args.run_id)->required(), "the run (`gantry runs`)")(
      "rows,n", po::value(&args.rows)->default_value(args.rows), "how many rows to draw")(
      "out", po::value(&args.out)->required(), "the file to write: .npy (NumPy) or .h5 (HDF5)")(
      "seed", po::value(&args.seed)->default_value(args.seed),
      "seed of the latent rows: the same seed draws the same rows");
  add_store_options(options, args.store, false);
  add_plugin_dir_option(options, args.plugin_dirs);
  return options;
}

// The run's record, which must be a finished run of the database.
RunRecord finished_run(ResultsSnapshot& snapshot, std::int64_t run_id) {
  for (RunRecord& run : snapshot.runs({})) {
    if (run.id != run_id) continue;
    if (run.status != RecordedStatus::finished) {
      throw ConfigError("run " + std::to_string(run_id) + " is " + status_text(run.status) +
                        ": only a finished run keeps its generator");
    }
    return run;
  }
  throw ConfigError("no run " + std::to_string(run_id) + " in '" + snapshot.path() +
                    "' (`gantry runs` lists them)");
}

}  // namespace

int command_sample(const std::vector<std::string>& raw_args) {
  SampleArguments args;
  po::options_description options = sample_options(args);
  po::positional_options_description positional;
  positional.add("run", 1);
  if (!parse_command("gantry sample RUN_ID -n ROWS --out FILE [options]", options, positional,
                     raw_args)) {
    return kSuccess;
  }
  if (args.rows < 1 || args.rows > kMostRows) {
    throw ConfigError("--rows " + std::to_string(args.rows) + ": draw from 1 to " +
                      std::to_string(kMostRows) + " rows");
  }
  sample_file_format(args.out);  // a wrong extension fails before anything is read

  ResultsSnapshot snapshot(args.store.db);
  RunRecord run = finished_run(snapshot, args.run_id);
  const std::string config = snapshot.run_config(args.run_id).value_or("");
  RunWeights weights = read_run_weights(run.hdf5_path);
  PluginCatalog catalog(PluginCatalog::search_path(args.plugin_dirs));
  std::istringstream text(config);
  ResolvedExperiment experiment = resolve_experiment(
      read_experiment(text, "run " + std::to_string(args.run_id) + "'s settings"), catalog);
  Matrix rows = sample_generator(experiment, catalog, weights,
                                 SampleRequest{run.seed, args.seed, static_cast<int>(args.rows)});
  write_sample_file(args.out, rows, SampleOrigin{args.run_id, args.seed, config});
  std::cerr << rows.rows() << " rows of " << rows.cols() << " columns from run " << args.run_id
            << "'s generator (seed " << args.seed << "): " << args.out << "\n";
  return kSuccess;
}

}  // namespace gantry::cli

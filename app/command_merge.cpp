// `gantry merge OUT.sqlite INPUT.sqlite...`: combines shard databases (or any results databases)
// into one; every input that cannot be merged is named with the reason, and the rest still merge.
#include <filesystem>
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/store/results_merge.hpp"

namespace gantry::cli {

int command_merge(const std::vector<std::string>& raw_args) {
  std::string output;
  std::vector<std::string> inputs;
  std::string artifacts;
  po::options_description options("merge options");
  options.add_options()("output", po::value(&output)->required(),
                        "the merged results database (created if missing)")(
      "inputs", po::value(&inputs)->multitoken(), "databases to merge into it")(
      "artifacts", po::value(&artifacts),
      "where the inputs' HDF5 files are copied (default: gantry-artifacts next to OUT)");
  po::positional_options_description positional;
  positional.add("output", 1).add("inputs", -1);
  auto values = parse_command("gantry merge OUT.sqlite INPUT.sqlite... [--artifacts DIR]", options,
                              positional, raw_args);
  if (!values) return kSuccess;
  if (inputs.empty()) {
    throw ConfigError("nothing to merge: name the databases to merge into '" + output +
                      "' (gantry merge OUT.sqlite SHARD.sqlite...)");
  }

  MergeSettings settings;
  settings.output = output;
  std::filesystem::path out_dir = settings.output.parent_path();
  settings.artifacts =
      artifacts.empty() ? out_dir / "gantry-artifacts" : std::filesystem::path(artifacts);
  for (const auto& input : inputs) settings.inputs.emplace_back(input);
  MergeResult result = merge_results(settings);

  int merged = 0;
  for (const MergedInput& input : result.inputs) {
    if (input.merged) {
      ++merged;
      std::cout << input.path << ": " << input.added << " runs added, " << input.replaced
                << " replaced by a better copy, " << input.kept << " already held\n";
    } else {
      std::cerr << "gantry merge: '" << input.path << "' not merged: " << input.problem << "\n";
    }
    for (const auto& note : input.notes)
      std::cerr << "gantry merge: " << input.path << ": " << note << "\n";
  }
  for (const auto& line : result.incomplete) std::cout << line << "\n";
  std::cout << "merged " << merged << " of " << result.inputs.size() << " databases into " << output
            << " (HDF5 under " << settings.artifacts.string() << "/)\n";
  return result.all_merged() ? kSuccess : kError;
}

}  // namespace gantry::cli

// `gantry new plugin --kind data|model|trainer NAME [DIR]`: writes a plugin skeleton that
// builds against the installed SDK, loads as it is, and has a passing Catch2 test.
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/scaffold/plugin_skeleton.hpp"

namespace gantry::cli {

int command_new(const std::vector<std::string>& raw_args) {
  std::string what, kind, name, directory;
  po::options_description options("new options");
  options.add_options()("kind", po::value(&kind)->required(), "data, model or trainer")(
      "what", po::value(&what)->required(), "what to create: plugin")(
      "name", po::value(&name)->required(), "the plugin's name, e.g. noisy-line")(
      "dir", po::value(&directory), "directory to write into (default: ./NAME)");
  po::positional_options_description positional;
  positional.add("what", 1).add("name", 1).add("dir", 1);
  if (!parse_command("gantry new plugin --kind data|model|trainer NAME [DIR]", options, positional,
                     raw_args)) {
    return kSuccess;
  }
  if (what != "plugin") {
    throw ConfigError("gantry new makes a plugin: gantry new plugin --kind KIND NAME [DIR]");
  }
  if (directory.empty()) directory = name;
  auto written = write_plugin_skeleton(kind, name, directory);
  std::cout << "wrote the " << kind << " plugin '" << name << "' in " << directory << "/:\n";
  for (const auto& file : written) std::cout << "  " << file << "\n";
  std::cout << "build, test and load it against an installed gantry:\n"
            << "  cmake -S " << directory << " -B " << directory
            << "/build -DCMAKE_PREFIX_PATH=<gantry prefix> && cmake --build " << directory
            << "/build\n"
            << "  ctest --test-dir " << directory << "/build\n"
            << "  GANTRY_PLUGIN_PATH=" << directory << "/build/plugins gantry plugins " << name
            << "\n";
  return kSuccess;
}

}  // namespace gantry::cli

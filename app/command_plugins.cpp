// `gantry plugins`: every plugin found, its kind, name, version, file and options with their
// defaults, plus the files that could not be loaded and why.
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/base/build_info.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/config/harness_options.hpp"
#include "gantry/plugin/plugin_catalog.hpp"

namespace gantry::cli {
namespace {

void print_options(const std::string& section, const std::vector<OptionInfo>& options) {
  for (const auto& option : options) {
    std::string key = section + "." + option.name;
    std::cout << "    " << key << std::string(key.size() < 28 ? 28 - key.size() : 1, ' ') << "= "
              << (option.default_value.empty() ? "\"\"" : option.default_value) << "  ("
              << option.describe_type() << ")\n"
              << "        " << option.help << "\n";
  }
}

}  // namespace

int command_plugins(const std::vector<std::string>& raw_args) {
  std::vector<std::string> plugin_dirs;
  std::string name;
  std::string kind;
  po::options_description options("plugins options");
  options.add_options()("name", po::value(&name), "show only the plugin with this name")(
      "kind", po::value(&kind), "show only plugins of this kind: data, model or trainer");
  add_plugin_dir_option(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("name", 1);
  if (!parse_command("gantry plugins [NAME] [--kind KIND]", options, positional, raw_args)) {
    return kSuccess;
  }
  std::optional<PluginKind> only_kind;
  if (!kind.empty()) {
    only_kind = parse_kind(kind);
    if (!only_kind) throw ConfigError("--kind '" + kind + "': expected data, model or trainer");
  }
  PluginCatalog catalog(PluginCatalog::search_path(plugin_dirs));
  std::cout << "backends built: " << gantry_backends() << "\n";
  if (gantry_backends().find("torch") == std::string::npos) {
    std::cout
        << "  (no torch: LibTorch was not found at configure time, or GANTRY_WITH_TORCH=OFF)\n";
  }
  std::cout << "search path:\n";
  for (const auto& dir : catalog.search_dirs()) std::cout << "  " << dir.string() << "\n";
  int shown = 0;
  for (PluginKind section : kPluginKinds) {
    for (const auto& plugin : catalog.plugins()) {
      const PluginInfo& info = plugin.info;
      if (info.kind != section || (only_kind && *only_kind != info.kind) ||
          (!name.empty() && name != info.name)) {
        continue;
      }
      ++shown;
      std::cout << "\n"
                << kind_name(info.kind) << " " << info.name << " " << info.version << "  ("
                << info.file.string() << ")\n  " << info.summary << "\n";
      print_options(kind_name(info.kind), info.options);
    }
  }
  if (name.empty() && kind.empty()) {
    std::cout << "\nharness settings (every experiment)\n";
    print_options("experiment", experiment_options());
    print_options("eval", eval_options());
    print_options("images", images_options());
    print_options("resources", resources_options());
    print_options("checkpoint", checkpoint_options());
  }
  if (!name.empty() && shown == 0) {
    throw PluginError("no plugin named '" + name + "' on the search path");
  }
  for (const auto& problem : catalog.problems()) std::cerr << "\nproblem: " << problem << "\n";
  return catalog.problems().empty() ? kSuccess : kError;
}

}  // namespace gantry::cli

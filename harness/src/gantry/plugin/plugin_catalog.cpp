#include "gantry/plugin/plugin_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <set>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/base/suggest.hpp"
#include "gantry/base/text.hpp"
#include "gantry/descriptor.hpp"

namespace gantry {
namespace {

bool is_plugin_file_name(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  return name.rfind("gantry-", 0) == 0 && file.extension() == ".so";
}

std::string rebuild_hint() {
  return "rebuild the plugin against this gantry's SDK (same compiler settings, "
         "GANTRY_NATIVE alike)";
}

// Everything that can be checked from the descriptor alone, before any typed import.
PluginInfo read_descriptor(const boost::dll::shared_library& library,
                           const std::filesystem::path& file) {
  std::string where = "plugin '" + file.string() + "': ";
  if (!library.has("gantry_descriptor")) {
    throw PluginError(where +
                      "not a Gantry plugin: it does not export gantry_descriptor "
                      "(export it with GANTRY_PLUGIN)");
  }
  const auto& descriptor = library.get_alias<const PluginDescriptor>("gantry_descriptor");
  if (descriptor.magic != kDescriptorMagic) {
    throw PluginError(where + "gantry_descriptor is not a Gantry plugin descriptor");
  }
  if (descriptor.abi_version != kPluginAbiVersion) {
    throw PluginError(where + "built for plugin ABI version " +
                      std::to_string(descriptor.abi_version) + ", this gantry needs version " +
                      std::to_string(kPluginAbiVersion) + "; " + rebuild_hint());
  }
  if (descriptor.descriptor_size != sizeof(PluginDescriptor)) {
    throw PluginError(where + "descriptor size " + std::to_string(descriptor.descriptor_size) +
                      " differs from " + std::to_string(sizeof(PluginDescriptor)) + "; " +
                      rebuild_hint());
  }
  if (descriptor.compiler_abi == nullptr ||
      std::strcmp(descriptor.compiler_abi, GANTRY_COMPILER_ABI) != 0) {
    throw PluginError(where + "built with compiler ABI '" +
                      (descriptor.compiler_abi ? descriptor.compiler_abi : "") +
                      "', this gantry uses '" GANTRY_COMPILER_ABI "'; " + rebuild_hint());
  }
  PluginInfo info;
  std::string kind = descriptor.kind ? descriptor.kind : "";
  std::optional<PluginKind> known_kind = parse_kind(kind);
  if (!known_kind) throw PluginError(where + "unknown plugin kind '" + kind + "'");
  info.kind = *known_kind;
  info.name = descriptor.name ? descriptor.name : "";
  info.version = descriptor.version ? descriptor.version : "";
  info.summary = descriptor.summary ? descriptor.summary : "";
  info.file = file;
  if (info.name.empty()) throw PluginError(where + "the descriptor has an empty name");
  std::set<std::string> seen;
  for (std::uint32_t i = 0; i < descriptor.option_count; ++i) {
    OptionInfo option = OptionInfo::from_spec(descriptor.options[i]);
    if (option.name.empty() || option.name.find_first_of(".= \t") != std::string::npos) {
      throw PluginError(where + "option " + std::to_string(i) + " has an invalid name '" +
                        option.name + "'");
    }
    if (!seen.insert(option.name).second) {
      throw PluginError(where + "declares the option '" + option.name + "' twice");
    }
    if (auto problem = option.problem_with(option.default_value)) {
      throw PluginError(where + "the default of option '" + option.name +
                        "' is invalid: " + *problem);
    }
    info.options.push_back(std::move(option));
  }
  return info;
}

template <typename Interface>
std::shared_ptr<Interface> create_object(const LoadedPlugin& plugin, const PluginArgs& args) {
  using Factory = Interface*(const PluginArgs&);
  const std::string kind = kind_name(plugin.info.kind);
  const std::string label = kind + " plugin '" + plugin.info.name + "'";
  Interface* object = nullptr;
  try {
    auto& factory = plugin.library->get_alias<Factory>("gantry_create_" + kind);
    object = factory(args);
  } catch (const std::exception& error) {
    throw ConfigError(label + ": " + error.what());
  } catch (...) {
    throw ConfigError(label + ": its factory threw an unknown exception");
  }
  if (object == nullptr) throw PluginError(label + ": its factory returned no object");
  // The deleter owns the library: the plugin's code outlives every object it created.
  std::shared_ptr<boost::dll::shared_library> library = plugin.library;
  return std::shared_ptr<Interface>(object, [library](Interface* created) { delete created; });
}

}  // namespace

LoadedPlugin load_plugin_file(const std::filesystem::path& file) {
  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    // rtld_now: a plugin with unresolved symbols fails here, not in the middle of a run.
    library->load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& error) {
    throw PluginError("plugin '" + file.string() + "': cannot be loaded: " + error.what());
  }
  PluginInfo info = read_descriptor(*library, file);
  const std::string kind = kind_name(info.kind);
  if (!library->has("gantry_create_" + kind)) {
    throw PluginError("plugin '" + file.string() + "': declares kind " + kind +
                      " but does not export gantry_create_" + kind);
  }
  return LoadedPlugin{std::move(info), std::move(library)};
}

std::vector<std::filesystem::path> PluginCatalog::search_path(
    const std::vector<std::string>& plugin_dirs) {
  std::vector<std::filesystem::path> dirs(plugin_dirs.begin(), plugin_dirs.end());
  if (const char* env = std::getenv("GANTRY_PLUGIN_PATH")) {
    for (const std::string& dir : split_nonempty(env, ':')) dirs.emplace_back(dir);
  }
  std::filesystem::path program = boost::dll::program_location();
  dirs.push_back(program.parent_path().parent_path() / "lib" / "gantry" / "plugins");
  return dirs;
}

PluginCatalog::PluginCatalog(std::vector<std::filesystem::path> search_dirs)
    : search_dirs_(std::move(search_dirs)) {
  std::set<std::filesystem::path> seen_files;
  for (const auto& dir : search_dirs_) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (is_plugin_file_name(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (!seen_files.insert(std::filesystem::weakly_canonical(file, error)).second) continue;
      try {
        plugins_.push_back(load_plugin_file(file));
      } catch (const PluginError& failure) {
        problems_.push_back(failure.what());
      }
    }
  }
  for (std::size_t i = 0; i < plugins_.size(); ++i) {
    for (std::size_t j = i + 1; j < plugins_.size(); ++j) {
      const PluginInfo& a = plugins_[i].info;
      const PluginInfo& b = plugins_[j].info;
      if (a.kind == b.kind && a.name == b.name) {
        problems_.push_back(std::string("two ") + kind_name(a.kind) + " plugins are named '" +
                            a.name + "': '" + a.file.string() + "' and '" + b.file.string() + "'");
      }
    }
  }
}

const LoadedPlugin& PluginCatalog::find(PluginKind wanted, const std::string& name) const {
  const std::string kind = kind_name(wanted);
  const LoadedPlugin* found = nullptr;
  std::vector<std::string> known;
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != wanted) continue;
    known.push_back(plugin.info.name);
    if (plugin.info.name != name) continue;
    if (found != nullptr) {
      throw PluginError("two " + kind + " plugins are named '" + name + "': '" +
                        found->info.file.string() + "' and '" + plugin.info.file.string() +
                        "'; remove one or take its directory off the plugin path");
    }
    found = &plugin;
  }
  if (found != nullptr) return *found;
  std::string message = "unknown " + kind + " plugin '" + name + "'" + did_you_mean(name, known);
  std::string list = join(known, ", ");
  message += "; available: " + (list.empty() ? std::string("none") : list);
  for (const auto& problem : problems_) {
    if (problem.find(name) != std::string::npos) message += "\n  note: " + problem;
  }
  throw PluginError(message);
}

std::shared_ptr<DataSource> PluginCatalog::create_data(const std::string& name,
                                                       const PluginArgs& args) const {
  return create_object<DataSource>(find(PluginKind::data, name), args);
}

std::shared_ptr<GanModel> PluginCatalog::create_model(const std::string& name,
                                                      const PluginArgs& args) const {
  return create_object<GanModel>(find(PluginKind::model, name), args);
}

std::shared_ptr<Trainer> PluginCatalog::create_trainer(const std::string& name,
                                                       const PluginArgs& args) const {
  return create_object<Trainer>(find(PluginKind::trainer, name), args);
}

}  // namespace gantry

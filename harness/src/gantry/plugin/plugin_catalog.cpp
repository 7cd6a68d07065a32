#include "gantry/plugin/plugin_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include <boost/dll/shared_library.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/base/suggest.hpp"
#include "gantry/base/system.hpp"
#include "gantry/base/text.hpp"
#include "gantry/descriptor.hpp"

namespace gantry {
namespace {

bool is_plugin_file_name(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  return name.rfind("gantry-", 0) == 0 && file.extension() == ".so";
}

// "gantry-data-tiny-images.so" -> {"data", "tiny-images"}; the kind is what precedes the
// second dash, whatever it is.
std::pair<std::string, std::string> kind_and_name_of(const std::filesystem::path& file) {
  std::string stem = file.stem().string().substr(std::string("gantry-").size());
  std::size_t dash = stem.find('-');
  if (dash == std::string::npos) return {stem, ""};
  return {stem.substr(0, dash), stem.substr(dash + 1)};
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
  // A plugin file is code that runs with the user's rights; what can be checked is checked
  // before it is trusted: a null pointer here would be dereferenced.
  const PluginDescriptor* pointer = library.get<const PluginDescriptor*>("gantry_descriptor");
  if (pointer == nullptr) throw PluginError(where + "gantry_descriptor is a null pointer");
  const PluginDescriptor& descriptor = *pointer;
  if (descriptor.magic != kDescriptorMagic) {
    throw PluginError(where + "gantry_descriptor is not a Gantry plugin descriptor");
  }
  if (descriptor.abi_version < kOldestPluginAbiVersion ||
      descriptor.abi_version > kPluginAbiVersion) {
    throw PluginError(where + "built for plugin ABI version " +
                      std::to_string(descriptor.abi_version) + ", this gantry needs version " +
                      std::to_string(kOldestPluginAbiVersion) + " to " +
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
  info.abi_version = descriptor.abi_version;
  if (info.name.empty()) throw PluginError(where + "the descriptor has an empty name");
  std::set<std::string> seen;
  if (descriptor.option_count > 0 && descriptor.options == nullptr) {
    throw PluginError(where + "the descriptor declares " + std::to_string(descriptor.option_count) +
                      " options but no option table");
  }
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

// The loader's own words from Boost.DLL's message, "boost::dll::shared_library::load() failed
// (dlerror system message: X.so: file too short): Bad file descriptor", whose errno part is
// stale and misleading.
std::string dlerror_text(const std::string& what) {
  const std::string marker = "(dlerror system message: ";
  std::size_t start = what.find(marker);
  std::size_t end = what.rfind("):");
  if (start == std::string::npos || end == std::string::npos || end < start + marker.size()) {
    return what;
  }
  start += marker.size();
  return what.substr(start, end - start);
}

}  // namespace

LoadedPlugin load_plugin_file(const std::filesystem::path& file) {
  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    // rtld_now: a plugin with unresolved symbols fails here, not in the middle of a run.
    library->load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& error) {
    throw PluginError("plugin '" + file.string() +
                      "': cannot be loaded: " + dlerror_text(error.what()));
  }
  PluginInfo info = read_descriptor(*library, file);
  const std::string kind = kind_name(info.kind);
  auto [file_kind, file_name] = kind_and_name_of(file);
  if (file_kind != kind || file_name != info.name) {
    throw PluginError("plugin '" + file.string() + "': its descriptor names the " + kind +
                      " plugin '" + info.name + "', so its file must be called gantry-" + kind +
                      "-" + info.name + ".so (gantry finds plugins by their file names)");
  }
  if (!library->has("gantry_create_" + kind)) {
    throw PluginError("plugin '" + file.string() + "': declares kind " + kind +
                      " but does not export gantry_create_" + kind);
  }
  if (library->get<const void*>("gantry_create_" + kind) == nullptr) {
    throw PluginError("plugin '" + file.string() + "': gantry_create_" + kind +
                      " is a null pointer");
  }
  return LoadedPlugin{std::move(info), std::move(library)};
}

std::vector<std::filesystem::path> PluginCatalog::search_path(
    const std::vector<std::string>& plugin_dirs) {
  std::vector<std::filesystem::path> dirs;
  for (const std::string& dir : plugin_dirs) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
      throw ConfigError("--plugin-dir '" + dir + "' is not a directory");
    }
    dirs.emplace_back(dir);
  }
  if (const char* env = std::getenv("GANTRY_PLUGIN_PATH")) {
    for (const std::string& dir : split_nonempty(env, ':')) dirs.emplace_back(dir);
  }
  std::filesystem::path program = executable_path();
  dirs.push_back(program.parent_path().parent_path() / "lib" / "gantry" / "plugins");
  return dirs;
}

struct PluginCatalog::Opened {
  std::mutex mutex;
  std::map<std::filesystem::path, LoadedPlugin> plugins;  // by file; nodes never move
  std::map<std::filesystem::path, std::string> failures;  // by file: why it cannot be used
  bool all = false;
  std::vector<LoadedPlugin> listing;  // every usable plugin, in search-path order
  std::vector<std::string> problems;
};

PluginCatalog::PluginCatalog(std::vector<std::filesystem::path> search_dirs)
    : search_dirs_(std::move(search_dirs)), opened_(std::make_unique<Opened>()) {
  std::set<std::filesystem::path> seen_files;
  for (const auto& dir : search_dirs_) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) continue;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (is_plugin_file_name(entry.path())) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      if (!seen_files.insert(std::filesystem::weakly_canonical(path, error)).second) continue;
      auto [kind, name] = kind_and_name_of(path);
      files_.push_back(File{path, kind, name});
    }
  }
}

PluginCatalog::PluginCatalog(PluginCatalog&&) noexcept = default;
PluginCatalog& PluginCatalog::operator=(PluginCatalog&&) noexcept = default;
PluginCatalog::~PluginCatalog() = default;

// Called with opened_->mutex held.
const LoadedPlugin& PluginCatalog::open(const File& file) const {
  auto found = opened_->plugins.find(file.path);
  if (found != opened_->plugins.end()) return found->second;
  auto failed = opened_->failures.find(file.path);
  if (failed != opened_->failures.end()) throw PluginError(failed->second);
  try {
    return opened_->plugins.emplace(file.path, load_plugin_file(file.path)).first->second;
  } catch (const PluginError& failure) {
    opened_->failures.emplace(file.path, failure.what());
    throw;
  }
}

// Called with opened_->mutex held.
void PluginCatalog::open_all() const {
  if (opened_->all) return;
  for (const File& file : files_) {
    try {
      opened_->listing.push_back(open(file));
    } catch (const PluginError& failure) {
      opened_->problems.push_back(failure.what());
    }
  }
  const auto& listing = opened_->listing;
  for (std::size_t i = 0; i < listing.size(); ++i) {
    for (std::size_t j = i + 1; j < listing.size(); ++j) {
      const PluginInfo& a = listing[i].info;
      const PluginInfo& b = listing[j].info;
      if (a.kind == b.kind && a.name == b.name) {
        opened_->problems.push_back(std::string("two ") + kind_name(a.kind) +
                                    " plugins are named '" + a.name + "': '" + a.file.string() +
                                    "' and '" + b.file.string() + "'");
      }
    }
  }
  opened_->all = true;
}

const std::vector<LoadedPlugin>& PluginCatalog::plugins() const {
  std::lock_guard lock(opened_->mutex);
  open_all();
  return opened_->listing;
}

const std::vector<std::string>& PluginCatalog::problems() const {
  std::lock_guard lock(opened_->mutex);
  open_all();
  return opened_->problems;
}

const LoadedPlugin& PluginCatalog::find(PluginKind wanted, const std::string& name) const {
  const std::string kind = kind_name(wanted);
  std::vector<const File*> named;
  for (const File& file : files_) {
    if (file.kind == kind && file.name == name) named.push_back(&file);
  }
  std::lock_guard lock(opened_->mutex);
  if (named.size() > 1) {
    throw PluginError("two " + kind + " plugins are named '" + name + "': '" +
                      named[0]->path.string() + "' and '" + named[1]->path.string() +
                      "'; remove one or take its directory off the plugin path");
  }
  if (named.size() == 1) return open(*named.front());
  // Unknown: only now is every file opened, to suggest the names that would work.
  open_all();
  std::vector<std::string> known;
  for (const auto& plugin : opened_->listing) {
    if (plugin.info.kind == wanted) known.push_back(plugin.info.name);
  }
  std::string message = "unknown " + kind + " plugin '" + name + "'" + did_you_mean(name, known);
  std::string list = join(known, ", ");
  message += "; available: " + (list.empty() ? std::string("none") : list);
  for (const auto& problem : opened_->problems) {
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

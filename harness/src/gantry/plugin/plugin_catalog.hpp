// Finds, checks and loads plugins, and creates their objects.
//
// Every file named gantry-*.so in the search directories is opened and its descriptor checked
// before any typed symbol is imported. Files that fail are kept as problems (each naming its
// file) rather than aborting, so one broken plugin does not hide the others; asking for a
// broken, missing or ambiguous plugin by name is an error naming the files involved.
//
// Libraries stay loaded for the life of the catalog's process, and every object a plugin
// creates also holds its library, so no code or vtable is ever unloaded under a live object.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/plugin/option_info.hpp"
#include "gantry/plugin/plugin_kind.hpp"
#include "gantry/plugin_args.hpp"
#include "gantry/trainer.hpp"

namespace boost::dll {
class shared_library;
}

namespace gantry {

struct PluginInfo {
  PluginKind kind = PluginKind::data;
  std::string name;
  std::string version;
  std::string summary;
  std::filesystem::path file;
  std::vector<OptionInfo> options;
};

struct LoadedPlugin {
  PluginInfo info;
  std::shared_ptr<boost::dll::shared_library> library;
};

// Opens one file and checks it is a usable Gantry plugin; throws PluginError naming the file.
LoadedPlugin load_plugin_file(const std::filesystem::path& file);

class PluginCatalog {
 public:
  explicit PluginCatalog(std::vector<std::filesystem::path> search_dirs);

  // --plugin-dir entries, then GANTRY_PLUGIN_PATH, then the bundled plugins next to the
  // executable (../lib/gantry/plugins).
  static std::vector<std::filesystem::path> search_path(
      const std::vector<std::string>& plugin_dirs);

  const std::vector<std::filesystem::path>& search_dirs() const { return search_dirs_; }
  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  const std::vector<std::string>& problems() const { return problems_; }

  // Throws PluginError: unknown name (with the nearest known names), or two files with one name.
  const LoadedPlugin& find(PluginKind kind, const std::string& name) const;

  std::shared_ptr<DataSource> create_data(const std::string& name, const PluginArgs& args) const;
  std::shared_ptr<GanModel> create_model(const std::string& name, const PluginArgs& args) const;
  std::shared_ptr<Trainer> create_trainer(const std::string& name, const PluginArgs& args) const;

 private:
  std::vector<std::filesystem::path> search_dirs_;
  std::vector<LoadedPlugin> plugins_;
  std::vector<std::string> problems_;
};

}  // namespace gantry

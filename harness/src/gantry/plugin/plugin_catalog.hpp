// Finds, checks and loads plugins, and creates their objects.
//
// A plugin file is named gantry-<kind>-<name>.so, so the catalog finds a plugin by its file
// name and opens only the files an experiment asks for: an Eigen run does not load LibTorch,
// and a broken plugin nobody asks for costs nothing. Opening a file checks its descriptor
// (which must name the same kind and name as the file) before any typed symbol is imported.
// Listing every plugin (plugins(), problems()) opens them all; files that fail are kept as
// problems, each naming its file, so one broken plugin does not hide the others. Asking for a
// broken, missing or ambiguous plugin by name is an error naming the files involved.
//
// Libraries stay loaded for the life of the catalog's process, and every object a plugin
// creates also holds its library, so no code or vtable is ever unloaded under a live object.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
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
  std::uint32_t abi_version = 0;  // kOldestPluginAbiVersion ... kPluginAbiVersion
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

  PluginCatalog(PluginCatalog&&) noexcept;
  PluginCatalog& operator=(PluginCatalog&&) noexcept;
  ~PluginCatalog();

  const std::vector<std::filesystem::path>& search_dirs() const { return search_dirs_; }
  // Every plugin file on the search path, opened and checked (the first call opens them).
  const std::vector<LoadedPlugin>& plugins() const;
  // The files that could not be used, and why; opens every file like plugins().
  const std::vector<std::string>& problems() const;

  // Opens the one file named for this kind and name. Throws PluginError: unknown name (with the
  // nearest known names), two files with one name, or the file's own problem.
  const LoadedPlugin& find(PluginKind kind, const std::string& name) const;

  std::shared_ptr<DataSource> create_data(const std::string& name, const PluginArgs& args) const;
  std::shared_ptr<GanModel> create_model(const std::string& name, const PluginArgs& args) const;
  std::shared_ptr<Trainer> create_trainer(const std::string& name, const PluginArgs& args) const;

 private:
  // A file found on the search path, with the kind and name its file name gives.
  struct File {
    std::filesystem::path path;
    std::string kind;  // as written in the file name; may be no known kind
    std::string name;
  };
  struct Opened;  // the files opened so far, behind a lock: worker threads ask concurrently

  const LoadedPlugin& open(const File& file) const;
  void open_all() const;

  std::vector<std::filesystem::path> search_dirs_;
  std::vector<File> files_;
  std::unique_ptr<Opened> opened_;
};

}  // namespace gantry

#include "gantry/config/experiment.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <boost/program_options.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/base/suggest.hpp"
#include "gantry/config/harness_options.hpp"
#include "gantry/config/run_identity.hpp"
#include "gantry/plugin/plugin_catalog.hpp"

namespace gantry {
namespace {

const std::vector<std::string> kSectionOrder = {"experiment", "data",   "model",     "trainer",
                                                "eval",       "images", "resources", "checkpoint"};

std::string section_of(const std::string& key) {
  return key.substr(0, key.find('.'));
}

}  // namespace

const std::string* RawSettings::find(const std::string& key) const {
  for (const auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

void RawSettings::set(const std::string& key, const std::string& value) {
  for (auto& entry : entries) {
    if (entry.first == key) {
      entry.second = value;
      return;
    }
  }
  entries.emplace_back(key, value);
}

void RawSettings::apply_override(const std::string& assignment) {
  std::size_t equals = assignment.find('=');
  std::string key = assignment.substr(0, equals);
  if (equals == std::string::npos || key.find('.') == std::string::npos || key.front() == '.' ||
      key.back() == '.') {
    throw ConfigError("--set '" + assignment + "': expected section.key=value");
  }
  set(key, assignment.substr(equals + 1));
  overridden.insert(key);
}

std::string RawSettings::origin_of(const std::string& key) const {
  return overridden.count(key) ? "--set " + key : source + ": " + key;
}

RawSettings read_experiment_file(const std::string& path) {
  // Checked before opening: a directory opens as an empty file, and a FIFO blocks in open().
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw ConfigError("experiment file '" + path + "' is not a regular file");
  }
  std::ifstream file(path);
  if (!file) throw ConfigError("cannot read experiment file '" + path + "'");
  return read_experiment(file, path);
}

RawSettings read_experiment(std::istream& file, const std::string& path) {
  RawSettings raw;
  raw.source = path;
  namespace po = boost::program_options;
  po::options_description none;
  try {
    po::parsed_options parsed = po::parse_config_file(file, none, /*allow_unregistered=*/true);
    for (const auto& option : parsed.options) {
      const std::string& key = option.string_key;
      if (key.find('.') == std::string::npos) {
        throw ConfigError("experiment file '" + path + "': setting '" + key +
                          "' is outside any [section]");
      }
      if (raw.has(key)) {
        throw ConfigError("experiment file '" + path + "': '" + key + "' is set twice");
      }
      raw.entries.emplace_back(key, option.value.empty() ? "" : option.value.front());
    }
  } catch (const po::error& error) {
    throw ConfigError("experiment file '" + path + "' is malformed: " + error.what());
  }
  return raw;
}

std::vector<Setting> declared_settings(const RawSettings& raw, const PluginCatalog& catalog) {
  std::vector<Setting> declared;
  auto add_section = [&](const std::string& section, const std::vector<OptionInfo>& options) {
    for (const auto& option : options) {
      declared.push_back(Setting{section + "." + option.name, option.default_value, option});
    }
  };
  add_section("experiment", experiment_options());
  add_section("eval", eval_options());
  add_section("images", images_options());
  add_section("resources", resources_options());
  add_section("checkpoint", checkpoint_options());
  for (PluginKind kind : kPluginKinds) {
    const std::string section = kind_name(kind);
    OptionInfo plugin_option = plugin_name_option(section);
    const std::string* name = raw.find(section + ".plugin");
    std::string plugin_name = name ? *name : plugin_option.default_value;
    if (plugin_name.empty()) {
      throw ConfigError(raw.source + ": no " + section + " plugin named; set " + section +
                        ".plugin (see `gantry plugins`)");
    }
    declared.push_back(Setting{section + ".plugin", plugin_name, plugin_option});
    try {
      add_section(section, catalog.find(kind, plugin_name).info.options);
    } catch (const PluginError& error) {
      throw ConfigError(raw.source + ": " + section + ".plugin: " + error.what());
    }
  }
  return declared;
}

ResolvedExperiment resolve_experiment(const RawSettings& raw, const PluginCatalog& catalog) {
  std::vector<Setting> declared = declared_settings(raw, catalog);
  std::map<std::string, std::size_t> index;
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < declared.size(); ++i) {
    index[declared[i].key] = i;
    keys.push_back(declared[i].key);
  }
  for (const auto& [key, value] : raw.entries) {
    auto found = index.find(key);
    if (found == index.end()) {
      std::string section = section_of(key);
      bool known_section =
          std::find(kSectionOrder.begin(), kSectionOrder.end(), section) != kSectionOrder.end();
      std::string why = known_section ? "unknown key" : "unknown section '[" + section + "]' in";
      throw ConfigError(raw.origin_of(key) + ": " + why + " '" + key + "'" +
                        did_you_mean(key, keys));
    }
    Setting& setting = declared[found->second];
    if (auto problem = setting.option.problem_with(value)) {
      throw ConfigError(raw.origin_of(key) + ": " + *problem);
    }
    setting.value = value;
  }
  auto rank = [](const Setting& setting) {
    auto position = std::find(kSectionOrder.begin(), kSectionOrder.end(), section_of(setting.key));
    return std::make_pair(position - kSectionOrder.begin(), setting.key);
  };
  std::sort(declared.begin(), declared.end(),
            [&](const Setting& a, const Setting& b) { return rank(a) < rank(b); });
  ResolvedExperiment resolved;
  resolved.settings_ = std::move(declared);
  for (PluginKind kind : kPluginKinds) {
    const std::string section = kind_name(kind);
    const PluginInfo& info = catalog.find(kind, resolved.value(section + ".plugin")).info;
    resolved.plugins_ +=
        (resolved.plugins_.empty() ? "" : ";") + section + "=" + info.name + "@" + info.version;
  }
  return resolved;
}

const std::string& ResolvedExperiment::value(const std::string& key) const {
  for (const auto& setting : settings_) {
    if (setting.key == key) return setting.value;
  }
  throw ConfigError("setting '" + key + "' is not part of this experiment");
}

Options ResolvedExperiment::section(const std::string& section) const {
  std::map<std::string, std::string> values;
  for (const auto& setting : settings_) {
    if (section_of(setting.key) == section) {
      values[setting.key.substr(section.size() + 1)] = setting.value;
    }
  }
  return Options(std::move(values));
}

std::string ResolvedExperiment::to_ini() const {
  std::ostringstream text;
  std::string current;
  for (const auto& setting : settings_) {
    std::string section = section_of(setting.key);
    if (section != current) {
      text << (current.empty() ? "" : "\n") << "[" << section << "]\n";
      current = section;
    }
    text << setting.key.substr(section.size() + 1) << " = " << setting.value << "\n";
  }
  return text.str();
}

std::string ResolvedExperiment::identity(std::int64_t seed) const {
  return RunIdentity(*this).of(seed);
}

}  // namespace gantry

// An experiment: the settings of one GAN setup, read from an INI file (Boost.program_options'
// config-file format), overridden by --set, and resolved against the declared options of the
// plugins it names. Resolution rejects unknown keys (suggesting the nearest valid one) and
// ill-typed or out-of-range values, and fills in every default, so the resolved text alone is
// enough to rerun the experiment.
#pragma once

#include <cstdint>
#include <istream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gantry/options.hpp"
#include "gantry/plugin/option_info.hpp"

namespace gantry {

class PluginCatalog;

// "section.key" = "value" pairs in file order, before validation.
struct RawSettings {
  std::string source;  // file name, for messages
  std::vector<std::pair<std::string, std::string>> entries;
  std::set<std::string> overridden;  // keys set by --set, so messages blame the command line

  // Replaces (or appends) a setting from --set; `assignment` is "section.key=value".
  void apply_override(const std::string& assignment);
  void set(const std::string& key, const std::string& value);
  // The value of `key`, or nullptr when it is not set.
  const std::string* find(const std::string& key) const;
  bool has(const std::string& key) const { return find(key) != nullptr; }
  // "--set trainer.k" or "x2.ini: trainer.k": where a setting's value came from.
  std::string origin_of(const std::string& key) const;
};

RawSettings read_experiment_file(const std::string& path);
// The same from a stream (a worker process reads its runs' INI text); `path` names the source
// in messages.
RawSettings read_experiment(std::istream& file, const std::string& path);

struct Setting {
  std::string key;  // section.key
  std::string value;
  OptionInfo option;
};

class ResolvedExperiment {
 public:
  const std::vector<Setting>& settings() const { return settings_; }
  const std::string& value(const std::string& key) const;
  // The options of one section (without the section prefix), as handed to a plugin.
  Options section(const std::string& section) const;
  // The plugins it uses with their versions: "data=x2@1.0.0;model=eigen-mlp@1.0.0;...".
  const std::string& plugins() const { return plugins_; }
  // Canonical INI text: sections in a fixed order, keys sorted, every default written out.
  std::string to_ini() const;
  // Stable id of what determines the run's numbers: the settings outside [experiment] (a name
  // or description does not change a result), the plugins' versions and the seed. A name-based
  // UUID (SHA-1). For many seeds of one experiment, RunIdentity (run_identity.hpp) does the
  // seed-independent part once.
  std::string identity(std::int64_t seed) const;

 private:
  friend ResolvedExperiment resolve_experiment(const RawSettings&, const PluginCatalog&);
  std::vector<Setting> settings_;
  std::string plugins_;
};

ResolvedExperiment resolve_experiment(const RawSettings& raw, const PluginCatalog& catalog);

// Every valid key of an experiment using the plugins `raw` names (for suggestions and --help).
std::vector<Setting> declared_settings(const RawSettings& raw, const PluginCatalog& catalog);

}  // namespace gantry

// `gantry new plugin`: the files of a buildable, loadable plugin of each kind, for a researcher's
// own repository. The skeleton builds against the installed SDK (find_package(Gantry)), loads as
// it is, and its Catch2 test passes; the researcher then replaces the example behaviour.
#pragma once

#include <string>
#include <vector>

namespace gantry {

struct SkeletonFile {
  std::string path;  // relative to the plugin's directory
  std::string content;
};

// Throws ConfigError for a kind other than data, model or trainer, or a name that is not
// lower-case letters, digits and dashes starting with a letter.
std::vector<SkeletonFile> plugin_skeleton(const std::string& kind, const std::string& name);

// Writes the skeleton into `directory` (created if missing). Refuses, before writing anything,
// when one of its files already exists there. Returns the paths written.
std::vector<std::string> write_plugin_skeleton(const std::string& kind, const std::string& name,
                                               const std::string& directory);

// Internal: the file templates of one kind, with @NAME@, @CLASS@ and @KIND@ placeholders: those
// of templates/common/ and templates/<kind>/ in this directory, embedded at build time.
std::vector<SkeletonFile> skeleton_templates(const std::string& kind);

}  // namespace gantry

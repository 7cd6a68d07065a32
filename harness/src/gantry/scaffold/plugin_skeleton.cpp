#include "gantry/scaffold/plugin_skeleton.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_kind.hpp"
#include "gantry/scaffold/embedded_templates.hpp"

namespace gantry {
namespace {

// "noisy-line" -> "NoisyLine"
std::string class_name(const std::string& name) {
  std::string result;
  bool upper = true;
  for (char c : name) {
    if (c == '-') {
      upper = true;
      continue;
    }
    result += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return result;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

void check_name(const std::string& name) {
  bool valid = !name.empty() && std::islower(static_cast<unsigned char>(name[0]));
  for (char c : name) {
    valid = valid && (std::islower(static_cast<unsigned char>(c)) ||
                      std::isdigit(static_cast<unsigned char>(c)) || c == '-');
  }
  if (!valid || name.back() == '-') {
    throw ConfigError("plugin name '" + name +
                      "': use lower-case letters, digits and dashes, starting with a letter "
                      "(e.g. noisy-line)");
  }
}

}  // namespace

std::vector<SkeletonFile> skeleton_templates(const std::string& kind) {
  std::vector<SkeletonFile> files;
  for (std::size_t i = 0; i < kEmbeddedTemplateCount; ++i) {
    const EmbeddedTemplate& file = kEmbeddedTemplates[i];
    const std::string folder = file.folder;
    if (folder == "common" || folder == kind) {
      files.push_back({file.path, std::string(file.content, file.size)});
    }
  }
  return files;
}

std::vector<SkeletonFile> plugin_skeleton(const std::string& kind, const std::string& name) {
  if (!parse_kind(kind)) {
    throw ConfigError("--kind '" + kind + "': expected data, model or trainer");
  }
  check_name(name);
  std::vector<SkeletonFile> files = skeleton_templates(kind);
  const std::string class_of_name = class_name(name);
  for (SkeletonFile& file : files) {
    for (std::string* text : {&file.path, &file.content}) {
      replace_all(*text, "@NAME@", name);
      replace_all(*text, "@CLASS@", class_of_name);
      replace_all(*text, "@KIND@", kind);
    }
  }
  return files;
}

std::vector<std::string> write_plugin_skeleton(const std::string& kind, const std::string& name,
                                               const std::string& directory) {
  namespace fs = std::filesystem;
  std::vector<SkeletonFile> files = plugin_skeleton(kind, name);
  for (const SkeletonFile& file : files) {
    if (fs::exists(fs::path(directory) / file.path)) {
      throw ConfigError("'" + (fs::path(directory) / file.path).string() +
                        "' already exists; gantry new writes a fresh plugin and overwrites "
                        "nothing (choose another directory)");
    }
  }
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) {
    throw StorageError("cannot create '" + directory + "': " + error.message());
  }
  std::vector<std::string> written;
  for (const SkeletonFile& file : files) {
    fs::path path = fs::path(directory) / file.path;
    std::ofstream out(path);
    out << file.content;
    out.close();
    if (!out) throw StorageError("cannot write '" + path.string() + "'");
    written.push_back(path.string());
  }
  return written;
}

}  // namespace gantry

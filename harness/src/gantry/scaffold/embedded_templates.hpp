// The files of `gantry new plugin`'s skeletons, templates/<folder>/<path>.in in this directory,
// embedded at build time into a generated source (cmake/EmbedTemplates.cmake, run by this
// module's CMakeLists.txt): the templates stay plain files to read and edit, and the gantry
// executable needs none of them at run time.
#pragma once

#include <cstddef>

namespace gantry {

struct EmbeddedTemplate {
  const char* folder;   // "common" (in every kind's skeleton) or the kind: data, model, trainer
  const char* path;     // the path the skeleton writes, placeholders unreplaced (no .in)
  const char* content;  // `size` bytes, exactly the template file's
  std::size_t size;
};

// In the order of the module's CMakeLists.txt, which is the order the skeleton writes them.
extern const EmbeddedTemplate kEmbeddedTemplates[];
extern const std::size_t kEmbeddedTemplateCount;

}  // namespace gantry

#include "gantry/plugin/plugin_kind.hpp"

namespace gantry {

const char* kind_name(PluginKind kind) {
  switch (kind) {
    case PluginKind::data:
      return "data";
    case PluginKind::model:
      return "model";
    case PluginKind::trainer:
      return "trainer";
  }
  return "data";
}

std::optional<PluginKind> parse_kind(const std::string& text) {
  for (PluginKind kind : kPluginKinds) {
    if (text == kind_name(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace gantry

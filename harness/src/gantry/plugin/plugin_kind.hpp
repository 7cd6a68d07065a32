// The three kinds of plugin, as an enum: the descriptor's text, "gantry_create_<kind>" and the
// experiment's section names are all spelled from it.
#pragma once

#include <array>
#include <optional>
#include <string>

namespace gantry {

enum class PluginKind { data, model, trainer };

inline constexpr std::array<PluginKind, 3> kPluginKinds = {PluginKind::data, PluginKind::model,
                                                           PluginKind::trainer};

// "data", "model", "trainer": the descriptor's kind and the experiment's section.
const char* kind_name(PluginKind kind);
// The kind `text` names, or nothing.
std::optional<PluginKind> parse_kind(const std::string& text);

}  // namespace gantry

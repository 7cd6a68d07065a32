// The look shared by the report's figures: one colour per group, in group order.
#pragma once

#include <cstddef>
#include <string>

namespace gantry::analysis::plots {

// matplotlib's "tab10": ten colours that stay apart for most colour-blind readers; groups past
// the tenth reuse them.
inline std::string group_colour(std::size_t group) {
  static const char* const kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  return kColours[group % (sizeof kColours / sizeof kColours[0])];
}

// The group's colour with gnuplot's alpha prefix ("#AARRGGBB", 00 opaque, ff invisible).
inline std::string group_colour(std::size_t group, const std::string& alpha) {
  return "#" + alpha + group_colour(group).substr(1);
}

// Greys for what is not a group: the real rows, reference lines.
inline const char* kRealColour = "#a0a0a0";
inline const char* kReferenceColour = "#404040";

}  // namespace gantry::analysis::plots

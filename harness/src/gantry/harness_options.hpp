// The options the harness itself owns, declared like plugin options so they are validated,
// listed by `gantry plugins` and recorded with every run in the same way.
#pragma once

#include <string>
#include <vector>

#include "gantry/option_info.hpp"

namespace gantry {

// [experiment]: naming and description.
const std::vector<OptionInfo>& experiment_options();
// [eval]: sizes of the harness's evaluation sets.
const std::vector<OptionInfo>& eval_options();
// <section>.plugin: which plugin fills the data, model or trainer section.
OptionInfo plugin_name_option(const std::string& section);

}  // namespace gantry

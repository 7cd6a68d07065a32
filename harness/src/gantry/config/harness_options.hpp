// The options the harness itself owns, declared like plugin options so they are validated,
// listed by `gantry plugins` and recorded with every run in the same way.
#pragma once

#include <string>
#include <vector>

#include "gantry/plugin/option_info.hpp"

namespace gantry {

// [experiment]: naming and description.
const std::vector<OptionInfo>& experiment_options();
// [eval]: sizes of the harness's evaluation sets.
const std::vector<OptionInfo>& eval_options();
// [images]: the sample grids kept for image data. Excluded from the run identity: the grid's
// latents come from a stream of their own, so it changes what is kept, not what is computed.
const std::vector<OptionInfo>& images_options();
// [resources]: what a run may use of the machine. Excluded from the run identity, like
// [experiment]: it changes how fast a run goes, not what it computes (on one thread).
const std::vector<OptionInfo>& resources_options();
// [checkpoint]: how often a run saves what it needs to continue after an interruption.
// Excluded from the run identity: a resumed run's numbers are an uninterrupted run's.
const std::vector<OptionInfo>& checkpoint_options();
// <section>.plugin: which plugin fills the data, model or trainer section.
OptionInfo plugin_name_option(const std::string& section);

}  // namespace gantry

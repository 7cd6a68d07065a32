// The text form of a dense network's layers, as the g_layers and d_layers options spell it:
// comma separated "units:activation[:initializer]", e.g. "15:relu:he_uniform, 2:linear".
#pragma once

#include <string>
#include <vector>

#include "eigen-mlp/activation.hpp"
#include "eigen-mlp/initializer.hpp"

namespace gantry::plugins {

// One dense layer: `units` outputs, then the activation.
struct LayerSpec {
  int units;
  Activation activation;
  Initializer initializer = Initializer::glorot_uniform;  // Keras' default
};

// Parses a whole layer list. Throws gantry::OptionError naming `option_name` and the offending
// part, e.g. "d_layers: unknown activation 'rleu' in '25:rleu'; expected linear, ...".
std::vector<LayerSpec> parse_layer_specs(const std::string& option_name, const std::string& text);

// The canonical text of one layer ("15:relu:he_uniform"), for messages.
std::string to_string(const LayerSpec& layer);

}  // namespace gantry::plugins

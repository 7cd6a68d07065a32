// The text form of a dense network's layers, as the g_layers and d_layers options spell it:
// comma separated "units:activation[:initializer]", e.g. "15:relu:he_uniform, 2:linear". The
// dense stacks of eigen-mlp, torch-mlp and torch-conv1d's generator are all spelled this way.
#pragma once

#include <string>
#include <vector>

#include "support/activation.hpp"
#include "support/initializer.hpp"

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

// Throws std::invalid_argument unless a stack of `layers` can take `input_dimensions` inputs:
// at least one input, at least one layer, and at least one unit in every layer.
void require_dense_stack(int input_dimensions, const std::vector<LayerSpec>& layers);

// The canonical text of one layer ("15:relu:he_uniform"), for messages.
std::string to_string(const LayerSpec& layer);

}  // namespace gantry::plugins

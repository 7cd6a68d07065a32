// A small experiment on the tiny-images test data plugin, for the CLI tests of image data.
#pragma once

#include <string>

#include "test_support.hpp"

namespace gantry::testing {

inline const char* const kTinyImagesExperiment = R"([data]
plugin = tiny-images
[model]
g_layers = 16:relu, 24:tanh
d_layers = 16:relu, 1:sigmoid
[trainer]
epochs = 20
batch = 32
eval_every = 10
log_every = 10
[eval]
heldout_rows = 50
generated_rows = 50
final_rows = 10
energy_rows = 50
)";

// " --plugin-dir '<the tiny-images test plugin's directory>'"
inline std::string tiny_images_plugin_dir_option() {
  return " --plugin-dir '" + test_plugin_dir("tiny_images").string() + "'";
}

}  // namespace gantry::testing

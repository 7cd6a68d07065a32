// The smallest experiment the command-line tests run: x2 for 50 epochs, small evaluations.
#pragma once

namespace gantry::testing {

inline const char* const kSmallExperiment = R"([data]
plugin = x2
[trainer]
epochs = 50
eval_every = 25
[eval]
heldout_rows = 50
generated_rows = 50
final_rows = 20
)";

}  // namespace gantry::testing

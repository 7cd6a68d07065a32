// What a model plugin of ABI version 3 offers besides GanModel: its networks' weights as named
// tensors, kept with a finished run (its HDF5 file's /weights) and loaded again to draw new
// samples (`gantry sample`). The harness finds it with dynamic_cast on the model object; a model
// plugin built for ABI version 2 has none, and still runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gantry {

enum class Network { generator, discriminator };

// One tensor of a network: its name within the network ("layer_0/kernel"), its shape (outermost
// first) and its values, row-major.
struct WeightTensor {
  std::string name;
  std::vector<std::int64_t> shape;
  std::vector<float> values;
};

class ModelWeights {
 public:
  virtual ~ModelWeights() = default;

  // Every tensor the network computes with: weights, biases and, where it has them, batch-norm
  // statistics; enough for load_weights() to make another model compute the same.
  virtual std::vector<WeightTensor> weights(Network network) const = 0;

  // Sets the network's tensors from weights() of a model created with the same options. Throws
  // std::invalid_argument naming a tensor that is missing or has another shape.
  virtual void load_weights(Network network, const std::vector<WeightTensor>& tensors) = 0;
};

}  // namespace gantry

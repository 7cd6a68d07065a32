#include "gantry/artifacts/weights_reader.hpp"

#include <filesystem>

#include "gantry/artifacts/hdf5_access.hpp"
#include "gantry/artifacts/layout.hpp"
#include "gantry/base/errors.hpp"

namespace gantry {
namespace {

WeightTensor read_tensor(const H5::DataSet& dataset, const std::string& name) {
  H5::DataSpace space = dataset.getSpace();
  std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  if (!dims.empty()) space.getSimpleExtentDims(dims.data());
  WeightTensor tensor{name, {dims.begin(), dims.end()}, {}};
  tensor.values.resize(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
  if (!tensor.values.empty()) dataset.read(tensor.values.data(), H5::PredType::NATIVE_FLOAT);
  return tensor;
}

// Every dataset below `group`, named by its path from the network's group ("layer_0/kernel").
void read_tensors(const H5::Group& group, const std::string& prefix,
                  std::vector<WeightTensor>& tensors) {
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) {
    const std::string name = group.getObjnameByIdx(i);
    if (group.childObjType(name) == H5O_TYPE_GROUP) {
      read_tensors(group.openGroup(name), prefix + name + "/", tensors);
    } else if (group.childObjType(name) == H5O_TYPE_DATASET) {
      tensors.push_back(read_tensor(group.openDataSet(name), prefix + name));
    }
  }
}

}  // namespace

RunWeights read_run_weights(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw StorageError("HDF5 file '" + path + "' does not exist");
  }
  RunWeights weights;
  bool kept = false;
  hdf5::access(path, "reading the weights", [&] {
    H5::H5File file(path, H5F_ACC_RDONLY);
    weights.layout_version =
        static_cast<int>(hdf5::read_int_attribute(file, layout::kLayoutVersion).value_or(0));
    const std::string generator = std::string(layout::kWeights) + "/" + layout::kGenerator;
    const std::string discriminator = std::string(layout::kWeights) + "/" + layout::kDiscriminator;
    if (!file.nameExists(layout::kWeights) || !file.nameExists(generator)) return;
    kept = true;
    read_tensors(file.openGroup(generator), "", weights.generator);
    if (file.nameExists(discriminator)) {
      read_tensors(file.openGroup(discriminator), "", weights.discriminator);
    }
  });
  if (!kept) {
    throw StorageError(
        "HDF5 file '" + path + "' keeps no weights: " +
        (weights.layout_version < 3
             ? "it is of layout version " + std::to_string(weights.layout_version) +
                   ", written before Gantry kept a finished run's networks (version 3)"
             : std::string("its model plugin keeps none (built for plugin ABI 2), or the run "
                           "did not finish")));
  }
  return weights;
}

}  // namespace gantry

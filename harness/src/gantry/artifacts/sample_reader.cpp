#include "gantry/artifacts/sample_reader.hpp"

#include <algorithm>
#include <filesystem>

#include "gantry/artifacts/hdf5_access.hpp"
#include "gantry/artifacts/layout.hpp"
#include "gantry/base/errors.hpp"

namespace gantry {
namespace {

std::string samples_path(const std::string& name) {
  return std::string(layout::kSamples) + "/" + name;
}

SampleSet read_set(const H5::Group& samples, const std::string& name, const std::string& path) {
  H5::DataSet dataset = samples.openDataSet(name);
  H5::DataSpace space = dataset.getSpace();
  if (space.getSimpleExtentNdims() != 2) {
    throw StorageError("HDF5 file '" + path + "': " + samples_path(name) +
                       " is not a table of rows (expected 2 dimensions, found " +
                       std::to_string(space.getSimpleExtentNdims()) + ")");
  }
  hsize_t dims[2] = {0, 0};
  space.getSimpleExtentDims(dims);
  SampleSet set;
  set.name = name;
  set.rows = static_cast<std::size_t>(dims[0]);
  set.columns = static_cast<std::size_t>(dims[1]);
  set.values.resize(set.rows * set.columns);
  if (!set.values.empty()) dataset.read(set.values.data(), H5::PredType::NATIVE_FLOAT);
  if (auto step = hdf5::read_int_attribute(dataset, layout::kStep)) set.step = *step;
  return set;
}

// (N, "step_<N>") of each evaluation's dataset in `group`, by increasing N.
std::vector<std::pair<long long, std::string>> evaluations_in(const H5::Group& group) {
  std::vector<std::pair<long long, std::string>> steps;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) {
    std::string name = group.getObjnameByIdx(i);
    if (auto step = layout::step_of_evaluation(name)) steps.emplace_back(*step, name);
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

// /samples/step_<N> by increasing N, then /samples/final when the file has it.
std::vector<SampleSet> read_generated(const H5::Group& samples, const std::string& path) {
  std::vector<SampleSet> generated;
  for (const auto& [step, name] : evaluations_in(samples)) {
    SampleSet set = read_set(samples, name, path);
    set.step = step;
    generated.push_back(std::move(set));
  }
  if (samples.nameExists(layout::kFinal)) {
    generated.push_back(read_set(samples, layout::kFinal, path));
  }
  return generated;
}

ImageSet read_image_set(const H5::Group& images, const std::string& name, long long step,
                        const std::string& path) {
  H5::DataSet dataset = images.openDataSet(name);
  H5::DataSpace space = dataset.getSpace();
  if (space.getSimpleExtentNdims() != 4) {
    throw StorageError("HDF5 file '" + path + "': " + layout::kImages + "/" + name +
                       " is not images x height x width x channels");
  }
  hsize_t dims[4] = {0, 0, 0, 0};
  space.getSimpleExtentDims(dims);
  ImageSet set;
  set.name = name;
  set.step = step;
  set.count = static_cast<int>(dims[0]);
  set.height = static_cast<int>(dims[1]);
  set.width = static_cast<int>(dims[2]);
  set.channels = static_cast<int>(dims[3]);
  set.values.resize(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
  if (!set.values.empty()) dataset.read(set.values.data(), H5::PredType::NATIVE_FLOAT);
  auto columns = hdf5::read_int_attribute(dataset, layout::kGridColumns);
  set.grid_columns = columns && *columns > 0 ? static_cast<int>(*columns) : 1;
  return set;
}

}  // namespace

std::string evaluation_label(const std::string& name, std::optional<long long> step) {
  const std::string at = step ? std::to_string(*step) : "?";
  return name == layout::kFinal ? "final (step " + at + ")" : "step " + at;
}

std::vector<ImageSet> read_run_images(const std::string& path) {
  std::vector<ImageSet> sets;
  hdf5::access(path, "reading the image grids", [&] {
    H5::H5File file(path, H5F_ACC_RDONLY);
    if (!file.nameExists(layout::kImages)) return;
    H5::Group images = file.openGroup(layout::kImages);
    for (const auto& [step, name] : evaluations_in(images)) {
      sets.push_back(read_image_set(images, name, step, path));
    }
  });
  return sets;
}

RunSamples read_run_samples(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw StorageError("HDF5 file '" + path + "' does not exist");
  }
  RunSamples result;
  result.path = path;
  hdf5::access(path, "reading the samples", [&] {
    H5::H5File file(path, H5F_ACC_RDONLY);
    if (!file.nameExists(layout::kSamples) ||
        !file.nameExists(samples_path(layout::kHeldoutReal))) {
      throw StorageError("HDF5 file '" + path + "' has no " + samples_path(layout::kHeldoutReal) +
                         ": not a Gantry run file");
    }
    H5::Group samples = file.openGroup(layout::kSamples);
    result.real = read_set(samples, layout::kHeldoutReal, path);
    result.generated = read_generated(samples, path);
  });
  for (const SampleSet& set : result.generated) {
    if (set.columns != result.real.columns) {
      throw StorageError("HDF5 file '" + path + "': " + samples_path(set.name) + " has " +
                         std::to_string(set.columns) + " columns but " +
                         samples_path(layout::kHeldoutReal) + " has " +
                         std::to_string(result.real.columns));
    }
  }
  return result;
}

}  // namespace gantry

#include "gantry/analysis/plots/sample_reader.hpp"

#include <H5Cpp.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include "gantry/base/errors.hpp"

namespace gantry::analysis::plots {
namespace {

// "step_<digits>" -> the step; anything else -> empty.
std::optional<long long> step_of(const std::string& name) {
  const std::string prefix = "step_";
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return {};
  long long step = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || step > (INT64_MAX - 9) / 10) return {};
    step = step * 10 + (name[i] - '0');
  }
  return step;
}

SampleSet read_set(const H5::Group& samples, const std::string& name, const std::string& path) {
  H5::DataSet dataset = samples.openDataSet(name);
  H5::DataSpace space = dataset.getSpace();
  if (space.getSimpleExtentNdims() != 2) {
    throw StorageError("HDF5 file '" + path + "': /samples/" + name +
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
  if (dataset.attrExists("step")) {
    std::int64_t step = 0;
    dataset.openAttribute("step").read(H5::PredType::NATIVE_INT64, &step);
    set.step = step;
  }
  return set;
}

}  // namespace

RunSamples read_run_samples(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw StorageError("HDF5 file '" + path + "' does not exist");
  }
  static const bool quiet = [] {
    H5::Exception::dontPrint();
    return true;
  }();
  (void)quiet;

  RunSamples result;
  result.path = path;
  try {
    H5::H5File file(path, H5F_ACC_RDONLY);
    if (!file.nameExists("/samples") || !file.nameExists("/samples/real")) {
      throw StorageError("HDF5 file '" + path + "' has no /samples/real: not a Gantry run file");
    }
    H5::Group samples = file.openGroup("/samples");
    result.real = read_set(samples, "real", path);

    std::vector<std::pair<long long, std::string>> steps;
    bool has_final = false;
    for (hsize_t i = 0; i < samples.getNumObjs(); ++i) {
      std::string name = samples.getObjnameByIdx(i);
      if (name == "final") has_final = true;
      if (auto step = step_of(name)) steps.emplace_back(*step, name);
    }
    std::sort(steps.begin(), steps.end());
    for (const auto& [step, name] : steps) {
      SampleSet set = read_set(samples, name, path);
      set.step = step;
      result.generated.push_back(std::move(set));
    }
    if (has_final) result.generated.push_back(read_set(samples, "final", path));
  } catch (const H5::Exception& error) {
    throw StorageError("HDF5 file '" + path + "': reading the samples: " + error.getDetailMsg());
  }

  for (const SampleSet& set : result.generated) {
    if (set.columns != result.real.columns) {
      throw StorageError("HDF5 file '" + path + "': /samples/" + set.name + " has " +
                         std::to_string(set.columns) + " columns but /samples/real has " +
                         std::to_string(result.real.columns));
    }
  }
  return result;
}

}  // namespace gantry::analysis::plots

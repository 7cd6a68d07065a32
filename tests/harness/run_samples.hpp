// Every /samples dataset of a run's HDF5 file as text of its exact float bits, by name: two runs
// that kept the same samples give the same text.
#pragma once

#include <H5Cpp.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace gantry::testing {

inline std::string samples_of(const std::filesystem::path& hdf5_file) {
  H5::H5File file(hdf5_file.string(), H5F_ACC_RDONLY);
  H5::Group samples = file.openGroup("/samples");
  std::ostringstream text;
  for (hsize_t i = 0; i < samples.getNumObjs(); ++i) {
    const std::string name = samples.getObjnameByIdx(i);
    H5::DataSet dataset = samples.openDataSet(name);
    std::vector<float> values(dataset.getSpace().getSimpleExtentNpoints());
    dataset.read(values.data(), H5::PredType::NATIVE_FLOAT);
    text << name << ':';
    for (float value : values) text << std::hexfloat << value << ',';
    text << '\n';
  }
  return text.str();
}

}  // namespace gantry::testing

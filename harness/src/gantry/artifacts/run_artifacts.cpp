#include "gantry/artifacts/run_artifacts.hpp"

#include <filesystem>

#include "gantry/artifacts/hdf5_access.hpp"
#include "gantry/artifacts/image_grid.hpp"
#include "gantry/artifacts/layout.hpp"
#include "gantry/base/errors.hpp"

namespace gantry {
using hdf5::open_or_create_group;
using hdf5::write_int_attribute;
using hdf5::write_string_attribute;

RunArtifacts::RunArtifacts(std::string path, const RunAttributes& attributes)
    : path_(std::move(path)) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), error);
  if (error) {
    throw StorageError("cannot create the artifacts directory for '" + path_ +
                       "': " + error.message());
  }
  std::filesystem::remove_all(png_dir(), error);
  hdf5::access(path_, "creating", [&] {
    H5::H5File file(path_, H5F_ACC_TRUNC);
    write_int_attribute(file, layout::kLayoutVersion, kHdf5LayoutVersion);
    write_int_attribute(file, layout::kRunId, attributes.run_id);
    write_string_attribute(file, "sweep", attributes.sweep);
    write_int_attribute(file, "seed", attributes.seed);
    write_string_attribute(file, "identity", attributes.identity);
    write_string_attribute(file, "config", attributes.config);
    write_string_attribute(file, "gantry_version", attributes.gantry_version);
    write_string_attribute(file, "git_commit", attributes.git_commit);
    file.createGroup(layout::kSamples);
    file.createGroup(layout::kMetrics);
  });
}

namespace {

// Unlinks the datasets of `group` written after `step`: evaluations of later steps and "final".
void remove_after(H5::H5File& file, const char* group_name, long long step) {
  if (!file.nameExists(group_name)) return;
  H5::Group group = file.openGroup(group_name);
  std::vector<std::string> later;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) {
    std::string name = group.getObjnameByIdx(i);
    auto at = layout::step_of_evaluation(name);
    if (name == layout::kFinal || (at && *at > step)) later.push_back(name);
  }
  for (const std::string& name : later) group.unlink(name);
}

}  // namespace

RunArtifacts RunArtifacts::resumed(std::string path, std::int64_t run_id, long long step) {
  RunArtifacts artifacts(std::move(path));
  hdf5::access(artifacts.path_, "continuing", [&] {
    H5::H5File file(artifacts.path_, H5F_ACC_RDWR);
    if (hdf5::read_int_attribute(file, layout::kRunId) != run_id) {
      throw StorageError("HDF5 file '" + artifacts.path_ + "' is not run " +
                         std::to_string(run_id) + "'s");
    }
    remove_after(file, layout::kSamples, step);
    remove_after(file, layout::kImages, step);
    for (const char* rewritten : {layout::kWeights, layout::kMetrics}) {
      if (file.nameExists(rewritten)) file.unlink(rewritten);
    }
    file.createGroup(layout::kMetrics);
  });
  return artifacts;
}

void RunArtifacts::write_samples(const std::string& name, const Matrix& rows, long long step) {
  hdf5::access(path_, std::string("writing ") + layout::kSamples + "/" + name, [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group samples = open_or_create_group(file, layout::kSamples);
    if (samples.nameExists(name)) samples.unlink(name);
    hsize_t dims[2] = {static_cast<hsize_t>(rows.rows()), static_cast<hsize_t>(rows.cols())};
    H5::DataSet dataset =
        samples.createDataSet(name, H5::PredType::IEEE_F32LE, H5::DataSpace(2, dims));
    // gantry::Matrix is row-major, which is HDF5's order: the buffer goes out as it is.
    dataset.write(rows.data(), H5::PredType::NATIVE_FLOAT);
    if (step >= 0) write_int_attribute(dataset, layout::kStep, step);
  });
}

namespace {

// The group that holds `name`'s last part, creating the groups its '/' separate.
H5::Group parent_group(H5::Group group, std::string& name) {
  for (std::size_t slash = name.find('/'); slash != std::string::npos; slash = name.find('/')) {
    const std::string part = name.substr(0, slash);
    group = group.nameExists(part) ? group.openGroup(part) : group.createGroup(part);
    name.erase(0, slash + 1);
  }
  return group;
}

}  // namespace

void RunArtifacts::write_weights(const std::string& network,
                                 const std::vector<WeightTensor>& tensors) {
  hdf5::access(path_, std::string("writing ") + layout::kWeights + "/" + network, [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group weights = open_or_create_group(file, layout::kWeights);
    if (weights.nameExists(network)) weights.unlink(network);
    H5::Group group = weights.createGroup(network);
    for (const WeightTensor& tensor : tensors) {
      std::string name = tensor.name;
      H5::Group parent = parent_group(group, name);
      std::vector<hsize_t> dims(tensor.shape.begin(), tensor.shape.end());
      H5::DataSet dataset = parent.createDataSet(
          name, H5::PredType::IEEE_F32LE,
          H5::DataSpace(static_cast<int>(dims.size()), dims.empty() ? nullptr : dims.data()));
      if (!tensor.values.empty()) dataset.write(tensor.values.data(), H5::PredType::NATIVE_FLOAT);
    }
  });
}

std::string RunArtifacts::png_dir() const {
  std::filesystem::path file(path_);
  return (file.parent_path() / file.stem()).string();
}

void RunArtifacts::write_images(const std::string& name, const Matrix& rows,
                                const ImageShape& shape, long long step, int grid_columns,
                                bool png) {
  hdf5::access(path_, std::string("writing ") + layout::kImages + "/" + name, [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group images = open_or_create_group(file, layout::kImages);
    if (images.nameExists(name)) images.unlink(name);
    hsize_t dims[4] = {static_cast<hsize_t>(rows.rows()), static_cast<hsize_t>(shape.height),
                       static_cast<hsize_t>(shape.width), static_cast<hsize_t>(shape.channels)};
    H5::DataSet dataset =
        images.createDataSet(name, H5::PredType::IEEE_F32LE, H5::DataSpace(4, dims));
    // A row is the image in row-major, channels-last order: the same bytes as the 4-d array.
    dataset.write(rows.data(), H5::PredType::NATIVE_FLOAT);
    write_int_attribute(dataset, layout::kStep, step);
    write_int_attribute(dataset, layout::kGridColumns, grid_columns);
  });
  // PNG holds grey and RGB; other channel counts are kept in the HDF5 file only.
  if (!png || (shape.channels != 1 && shape.channels != 3)) return;
  std::error_code error;
  std::filesystem::create_directories(png_dir(), error);
  if (error) {
    throw StorageError("cannot create the PNG folder '" + png_dir() + "': " + error.message());
  }
  int grid_rows = static_cast<int>((rows.rows() + grid_columns - 1) / grid_columns);
  Matrix padded =
      Matrix::Constant(static_cast<Eigen::Index>(grid_rows) * grid_columns, rows.cols(), -1.0f);
  padded.topRows(rows.rows()) = rows;
  write_png((std::filesystem::path(png_dir()) / (name + ".png")).string(),
            tile_images(padded, shape, grid_columns, grid_rows, 2));
}

void RunArtifacts::write_curves(
    const std::map<std::string, std::vector<std::pair<long long, double>>>& curves) {
  hdf5::access(path_, std::string("writing ") + layout::kMetrics, [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group metrics = open_or_create_group(file, layout::kMetrics);
    for (const auto& [key, points] : curves) {
      std::vector<double> table;
      table.reserve(points.size() * 2);
      for (const auto& [step, value] : points) {
        table.push_back(static_cast<double>(step));
        table.push_back(value);
      }
      if (metrics.nameExists(key)) metrics.unlink(key);
      hsize_t dims[2] = {static_cast<hsize_t>(points.size()), 2};
      H5::DataSet dataset =
          metrics.createDataSet(key, H5::PredType::IEEE_F64LE, H5::DataSpace(2, dims));
      dataset.write(table.data(), H5::PredType::NATIVE_DOUBLE);
      write_string_attribute(dataset, layout::kColumns, "step,value");
    }
  });
}

void rewrite_run_id(const std::string& path, std::int64_t run_id) {
  hdf5::access(path, "rewriting run_id", [&] {
    H5::H5File file(path, H5F_ACC_RDWR);
    if (file.attrExists(layout::kRunId)) file.removeAttr(layout::kRunId);
    write_int_attribute(file, layout::kRunId, run_id);
  });
}

}  // namespace gantry

#include "gantry/artifacts/run_artifacts.hpp"

#include <H5Cpp.h>

#include <filesystem>
#include <mutex>

#include "gantry/base/errors.hpp"
#include "gantry/artifacts/image_grid.hpp"

namespace gantry {
namespace {

std::mutex& hdf5_mutex() {
  static std::mutex mutex;
  return mutex;
}

// HDF5's C++ exceptions do not derive from std::exception; this is the one place that turns
// them into the harness's own error, naming the file.
template <typename Body>
void with_hdf5(const std::string& path, const std::string& what, Body&& body) {
  std::lock_guard lock(hdf5_mutex());
  // Thread-safe HDF5 (Debian's build) keeps the error stack, and whether it prints, per thread.
  thread_local const bool quiet = [] {
    H5::Exception::dontPrint();
    return true;
  }();
  (void)quiet;
  try {
    body();
  } catch (const H5::Exception& error) {
    // Clearing frees the stack's messages, which HDF5 would leak when a worker thread ends.
    H5Eclear2(H5E_DEFAULT);
    throw StorageError("HDF5 file '" + path + "': " + what + ": " + error.getDetailMsg());
  }
}

void write_string_attribute(H5::H5Object& object, const std::string& name,
                            const std::string& value) {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  H5::Attribute attribute = object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  attribute.write(type, value);
}

void write_int_attribute(H5::H5Object& object, const std::string& name, std::int64_t value) {
  H5::Attribute attribute =
      object.createAttribute(name, H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR));
  attribute.write(H5::PredType::NATIVE_INT64, &value);
}

H5::Group open_or_create_group(H5::H5File& file, const std::string& name) {
  if (file.nameExists(name)) return file.openGroup(name);
  return file.createGroup(name);
}

}  // namespace

RunArtifacts::RunArtifacts(std::string path, const RunAttributes& attributes)
    : path_(std::move(path)) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), error);
  if (error) {
    throw StorageError("cannot create the artifacts directory for '" + path_ +
                       "': " + error.message());
  }
  std::filesystem::remove_all(png_dir(), error);
  with_hdf5(path_, "creating", [&] {
    H5::H5File file(path_, H5F_ACC_TRUNC);
    write_int_attribute(file, "gantry_layout_version", kHdf5LayoutVersion);
    write_int_attribute(file, "run_id", attributes.run_id);
    write_string_attribute(file, "sweep", attributes.sweep);
    write_int_attribute(file, "seed", attributes.seed);
    write_string_attribute(file, "identity", attributes.identity);
    write_string_attribute(file, "config", attributes.config);
    write_string_attribute(file, "gantry_version", attributes.gantry_version);
    write_string_attribute(file, "git_commit", attributes.git_commit);
    file.createGroup("/samples");
    file.createGroup("/metrics");
  });
}

void RunArtifacts::write_samples(const std::string& name, const Matrix& rows, long long step) {
  with_hdf5(path_, "writing /samples/" + name, [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group samples = open_or_create_group(file, "/samples");
    if (samples.nameExists(name)) samples.unlink(name);
    hsize_t dims[2] = {static_cast<hsize_t>(rows.rows()), static_cast<hsize_t>(rows.cols())};
    H5::DataSet dataset =
        samples.createDataSet(name, H5::PredType::IEEE_F32LE, H5::DataSpace(2, dims));
    // gantry::Matrix is row-major, which is HDF5's order: the buffer goes out as it is.
    dataset.write(rows.data(), H5::PredType::NATIVE_FLOAT);
    if (step >= 0) write_int_attribute(dataset, "step", step);
  });
}

std::string RunArtifacts::png_dir() const {
  std::filesystem::path file(path_);
  return (file.parent_path() / file.stem()).string();
}

void RunArtifacts::write_images(const std::string& name, const Matrix& rows,
                                const ImageShape& shape, long long step, int grid_columns,
                                bool png) {
  with_hdf5(path_, "writing /images/" + name, [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group images = open_or_create_group(file, "/images");
    if (images.nameExists(name)) images.unlink(name);
    hsize_t dims[4] = {static_cast<hsize_t>(rows.rows()), static_cast<hsize_t>(shape.height),
                       static_cast<hsize_t>(shape.width), static_cast<hsize_t>(shape.channels)};
    H5::DataSet dataset =
        images.createDataSet(name, H5::PredType::IEEE_F32LE, H5::DataSpace(4, dims));
    // A row is the image in row-major, channels-last order: the same bytes as the 4-d array.
    dataset.write(rows.data(), H5::PredType::NATIVE_FLOAT);
    write_int_attribute(dataset, "step", step);
    write_int_attribute(dataset, "grid_columns", grid_columns);
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
  with_hdf5(path_, "writing /metrics", [&] {
    H5::H5File file(path_, H5F_ACC_RDWR);
    H5::Group metrics = open_or_create_group(file, "/metrics");
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
      write_string_attribute(dataset, "columns", "step,value");
    }
  });
}

void rewrite_run_id(const std::string& path, std::int64_t run_id) {
  with_hdf5(path, "rewriting run_id", [&] {
    H5::H5File file(path, H5F_ACC_RDWR);
    if (file.attrExists("run_id")) file.removeAttr("run_id");
    write_int_attribute(file, "run_id", run_id);
  });
}

}  // namespace gantry

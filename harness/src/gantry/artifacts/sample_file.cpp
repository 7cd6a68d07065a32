#include "gantry/artifacts/sample_file.hpp"

#include <filesystem>

#include "gantry/artifacts/hdf5_access.hpp"
#include "gantry/base/atomic_file.hpp"
#include "gantry/base/errors.hpp"

namespace gantry {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// NumPy's format 1.0: magic, version, a little-endian header length, then a Python dict literal
// padded with spaces to a multiple of 64 bytes and ended by a newline.
std::string npy_header(const Matrix& rows) {
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
                     std::to_string(rows.rows()) + ", " + std::to_string(rows.cols()) + "), }";
  const std::size_t unpadded = 10 + dict.size() + 1;
  dict.append((64 - unpadded % 64) % 64, ' ');
  dict += '\n';
  std::string header("\x93NUMPY\x01\x00", 8);
  header += static_cast<char>(dict.size() & 0xFF);
  header += static_cast<char>((dict.size() >> 8) & 0xFF);
  return header + dict;
}

void write_npy(const std::string& path, const Matrix& rows) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << npy_header(rows);
    // gantry::Matrix is row-major float, and x86-64 little-endian: the '<f4' C-order body.
    out.write(reinterpret_cast<const char*>(rows.data()),
              static_cast<std::streamsize>(rows.size() * sizeof(float)));
  });
}

void write_hdf5_file(const std::string& temporary, const Matrix& rows, const SampleOrigin& origin) {
  hdf5::access(temporary, "writing the samples", [&] {
    H5::H5File file(temporary, H5F_ACC_TRUNC);
    hsize_t dims[2] = {static_cast<hsize_t>(rows.rows()), static_cast<hsize_t>(rows.cols())};
    H5::DataSet dataset =
        file.createDataSet("samples", H5::PredType::IEEE_F32LE, H5::DataSpace(2, dims));
    dataset.write(rows.data(), H5::PredType::NATIVE_FLOAT);
    hdf5::write_int_attribute(file, "run_id", origin.run_id);
    hdf5::write_int_attribute(file, "sample_seed", static_cast<std::int64_t>(origin.sample_seed));
    hdf5::write_string_attribute(file, "config", origin.config);
  });
}

// Written beside the target and renamed over it, as the .npy file is.
void write_hdf5(const std::string& path, const Matrix& rows, const SampleOrigin& origin) {
  replace_file_atomically(path, [&](const std::filesystem::path& temporary) {
    write_hdf5_file(temporary.string(), rows, origin);
  });
}

}  // namespace

SampleFileFormat sample_file_format(const std::string& path) {
  if (ends_with(path, ".npy")) return SampleFileFormat::npy;
  if (ends_with(path, ".h5") || ends_with(path, ".hdf5")) return SampleFileFormat::hdf5;
  throw ConfigError("--out '" + path + "': name a .npy file (NumPy) or a .h5 / .hdf5 file");
}

void write_sample_file(const std::string& path, const Matrix& rows, const SampleOrigin& origin) {
  if (sample_file_format(path) == SampleFileFormat::npy) return write_npy(path, rows);
  write_hdf5(path, rows, origin);
}

}  // namespace gantry

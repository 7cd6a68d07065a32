#include "gantry/artifacts/hdf5_access.hpp"

#include <mutex>

#include "gantry/base/errors.hpp"

namespace gantry::hdf5 {
namespace {

std::mutex& library_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

void access(const std::string& path, const std::string& what, const std::function<void()>& body) {
  std::lock_guard lock(library_mutex());
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

std::optional<std::int64_t> read_int_attribute(const H5::H5Object& object,
                                               const std::string& name) {
  if (!object.attrExists(name)) return std::nullopt;
  std::int64_t value = 0;
  object.openAttribute(name).read(H5::PredType::NATIVE_INT64, &value);
  return value;
}

H5::Group open_or_create_group(H5::H5File& file, const std::string& name) {
  if (file.nameExists(name)) return file.openGroup(name);
  return file.createGroup(name);
}

}  // namespace gantry::hdf5

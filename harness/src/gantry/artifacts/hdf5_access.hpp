// The one door to the HDF5 library, for the artifacts module's writer and reader alike: every
// call holds one process-wide lock (Debian's HDF5 is not thread-safe for concurrent use), and
// HDF5's exceptions, which do not derive from std::exception, become StorageError naming the
// file. Internal to the artifacts module: nothing outside it includes H5Cpp.h.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace gantry::hdf5 {

// Runs `body` under the lock; an H5::Exception becomes StorageError("HDF5 file 'path': what: ...").
void access(const std::string& path, const std::string& what, const std::function<void()>& body);

void write_string_attribute(H5::H5Object& object, const std::string& name,
                            const std::string& value);
void write_int_attribute(H5::H5Object& object, const std::string& name, std::int64_t value);
// The attribute's value, or nothing when the object has no such attribute.
std::optional<std::int64_t> read_int_attribute(const H5::H5Object& object, const std::string& name);

H5::Group open_or_create_group(H5::H5File& file, const std::string& name);

}  // namespace gantry::hdf5

#include "mnist/gz_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "mnist/idx_file.hpp"

namespace gantry::plugins {

namespace {

// zlib prefixes its messages with the path it was given; ours name the file already.
std::string without_path(const char* message, const std::filesystem::path& path) {
  std::string text = message != nullptr ? message : "unknown zlib error";
  std::string prefix = path.string() + ": ";
  return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

}  // namespace

GzFile::GzFile(const std::filesystem::path& path)
    : path_(path), handle_(gzopen(path.c_str(), "rb")) {
  if (handle_ == nullptr) {
    int error = errno;
    throw IdxError(path_.string() +
                   ": cannot open: " + (error != 0 ? std::strerror(error) : "out of memory"));
  }
}

GzFile::~GzFile() {
  gzclose(handle_);
}

std::size_t GzFile::read(void* buffer, std::size_t size) {
  auto* out = static_cast<unsigned char*>(buffer);
  std::size_t total = 0;
  // gzread takes an unsigned int length, so large reads go in chunks.
  while (total < size) {
    std::size_t chunk = std::min<std::size_t>(size - total, 1u << 30);
    int got = gzread(handle_, out + total, static_cast<unsigned>(chunk));
    if (got < 0) {
      int code = Z_OK;
      const char* message = gzerror(handle_, &code);
      throw IdxError(path_.string() + ": corrupt gzip data: " + without_path(message, path_));
    }
    if (got == 0) break;
    total += static_cast<std::size_t>(got);
  }
  return total;
}

std::string GzFile::end_reason() const {
  int code = Z_OK;
  const char* message = gzerror(handle_, &code);
  if (code == Z_OK || code == Z_STREAM_END) return {};
  return without_path(message, path_);
}

}  // namespace gantry::plugins

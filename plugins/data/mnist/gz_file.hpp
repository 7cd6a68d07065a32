// The one owner of a zlib gzFile: opens a file for reading (gzipped or plain; zlib passes a
// plain file through unchanged) and closes it exactly once. Errors name the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include <zlib.h>

namespace gantry::plugins {

class GzFile {
 public:
  // Throws IdxError naming `path` when it cannot be opened.
  explicit GzFile(const std::filesystem::path& path);
  ~GzFile();  // never throws: gzclose's result is of no use after reading
  GzFile(const GzFile&) = delete;
  GzFile& operator=(const GzFile&) = delete;

  // Reads up to `size` bytes into `buffer`; returns how many were read (fewer only at the end of
  // the data). Throws IdxError on corrupt compressed data, naming the file and zlib's reason.
  std::size_t read(void* buffer, std::size_t size);

  // zlib's message when the data ended early inside a gzip stream ("unexpected end of file"),
  // empty when the stream ended cleanly.
  std::string end_reason() const;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  gzFile handle_;
};

}  // namespace gantry::plugins

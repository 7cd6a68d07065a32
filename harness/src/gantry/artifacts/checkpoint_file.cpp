#include "gantry/artifacts/checkpoint_file.hpp"

#include <boost/crc.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "gantry/base/atomic_file.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/state_bytes.hpp"

namespace gantry {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'G', 'N', 'T', 'Y', 'C', 'K', 'P', 'T'};
constexpr std::uint32_t kFormatVersion = 1;

std::uint32_t crc32(const std::string& bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

std::string contents_of(const Checkpoint& checkpoint) {
  StateWriter out;
  out.number<std::int64_t>(checkpoint.step);
  out.text(checkpoint.identity);
  out.number<std::uint64_t>(checkpoint.sections.size());
  for (const auto& [name, bytes] : checkpoint.sections) {
    out.text(name);
    out.text(bytes);
  }
  return out.bytes();
}

// Header: magic, format version, contents length, CRC-32 of the contents; then the contents.
std::string file_bytes(const Checkpoint& checkpoint) {
  const std::string contents = contents_of(checkpoint);
  StateWriter header;
  for (char c : kMagic) header.number(c);
  header.number(kFormatVersion);
  header.number<std::uint64_t>(contents.size());
  header.number(crc32(contents));
  return header.bytes() + contents;
}

// The checkpoint in `file`, or why it cannot be used.
std::optional<Checkpoint> parse(const std::string& file, std::string& problem) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    StateReader reader(bytes);
    for (char c : kMagic) {
      if (reader.number<char>() != c) throw std::invalid_argument("not a Gantry checkpoint");
    }
    if (reader.number<std::uint32_t>() != kFormatVersion) {
      throw std::invalid_argument("another checkpoint format version");
    }
    const auto length = reader.number<std::uint64_t>();
    const auto crc = reader.number<std::uint32_t>();
    const std::size_t header = sizeof kMagic + 4 + 8 + 4;
    if (bytes.size() - header != length) throw std::invalid_argument("truncated");
    const std::string contents = bytes.substr(header);
    if (crc32(contents) != crc) throw std::invalid_argument("its checksum does not match");
    StateReader body(contents);
    Checkpoint checkpoint;
    checkpoint.step = body.number<std::int64_t>();
    checkpoint.identity = body.text();
    const auto sections = body.number<std::uint64_t>();
    for (std::uint64_t i = 0; i < sections; ++i) {
      std::string name = body.text();
      checkpoint.sections[name] = body.text();
    }
    return checkpoint;
  } catch (const std::invalid_argument& error) {
    problem = "checkpoint '" + file + "' is damaged (" + error.what() + ")";
    return std::nullopt;
  }
}

}  // namespace

std::string checkpoint_path(const std::string& hdf5_path) {
  return (fs::path(hdf5_path).replace_extension(".ckpt")).string();
}

std::string previous_checkpoint_path(const std::string& hdf5_path) {
  return checkpoint_path(hdf5_path) + ".prev";
}

void write_checkpoint(const std::string& hdf5_path, const Checkpoint& checkpoint) {
  const std::string path = checkpoint_path(hdf5_path);
  const std::string bytes = file_bytes(checkpoint);
  std::error_code error;
  if (fs::exists(path, error)) {
    fs::rename(path, previous_checkpoint_path(hdf5_path), error);
    if (error) {
      throw StorageError("cannot keep the previous checkpoint of '" + path +
                         "': " + error.message());
    }
  }
  write_file_atomically(
      path,
      [&](std::ostream& out) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      },
      Durability::synced);
}

std::optional<Checkpoint> read_checkpoint(const std::string& hdf5_path, const std::string& identity,
                                          std::vector<std::string>& problems) {
  for (const std::string& file :
       {checkpoint_path(hdf5_path), previous_checkpoint_path(hdf5_path)}) {
    std::error_code error;
    if (!fs::is_regular_file(file, error)) continue;
    std::string problem;
    std::optional<Checkpoint> checkpoint = parse(file, problem);
    if (checkpoint && checkpoint->identity != identity) {
      problem = "checkpoint '" + file + "' belongs to another run";
      checkpoint.reset();
    }
    if (checkpoint) return checkpoint;
    problems.push_back(problem);
  }
  return std::nullopt;
}

void remove_checkpoints(const std::string& hdf5_path) {
  std::error_code ignored;
  fs::remove(checkpoint_path(hdf5_path), ignored);
  fs::remove(previous_checkpoint_path(hdf5_path), ignored);
}

}  // namespace gantry

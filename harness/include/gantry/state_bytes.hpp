// Bytes for a plugin's saved state (Checkpointable): numbers, strings and float arrays appended
// in order and read back in the same order. Plain memory copies: a state is read back by the
// same build that wrote it (a checkpoint never outlives the run's identity, which names the
// plugins' versions).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace gantry {

class StateWriter {
 public:
  template <typename T>
  void number(T value) {
    static_assert(std::is_arithmetic_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void text(const std::string& value) {
    number<std::uint64_t>(value.size());
    bytes_ += value;
  }
  template <typename T>
  void array(const T* values, std::size_t count) {
    static_assert(std::is_arithmetic_v<T>);
    number<std::uint64_t>(count);
    bytes_.append(reinterpret_cast<const char*>(values), count * sizeof(T));
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Throws std::invalid_argument when asked for more than the bytes hold or for an array of
// another length than expected: a state of another model or build.
class StateReader {
 public:
  explicit StateReader(const std::string& bytes) : bytes_(bytes) {}

  template <typename T>
  T number() {
    static_assert(std::is_arithmetic_v<T>);
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  std::string text() {
    auto size = static_cast<std::size_t>(number<std::uint64_t>());
    return std::string(take(size), size);
  }
  // Reads an array of exactly `count` values into `values`.
  template <typename T>
  void array(T* values, std::size_t count) {
    auto stored = static_cast<std::size_t>(number<std::uint64_t>());
    if (stored != count) {
      throw std::invalid_argument("saved state holds " + std::to_string(stored) + " values where " +
                                  std::to_string(count) + " are expected");
    }
    std::memcpy(values, take(count * sizeof(T)), count * sizeof(T));
  }
  // An array of whatever length was stored.
  template <typename T>
  std::vector<T> array() {
    auto count = static_cast<std::size_t>(number<std::uint64_t>());
    std::vector<T> values(count);
    std::memcpy(values.data(), take(count * sizeof(T)), count * sizeof(T));
    return values;
  }
  bool at_end() const { return offset_ == bytes_.size(); }

 private:
  const char* take(std::size_t size) {
    if (size > bytes_.size() - offset_) throw std::invalid_argument("saved state is too short");
    const char* at = bytes_.data() + offset_;
    offset_ += size;
    return at;
  }

  const std::string& bytes_;
  std::size_t offset_ = 0;
};

}  // namespace gantry

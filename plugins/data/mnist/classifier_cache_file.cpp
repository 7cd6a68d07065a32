#include "mnist/classifier_cache_file.hpp"

#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <type_traits>

#include <unistd.h>

namespace gantry::plugins {

namespace {

constexpr char kMagic[8] = {'G', 'N', 'T', 'Y', 'M', 'C', 'L', 'F'};
constexpr std::uint32_t kVersion = 1;

std::uint64_t fnv1a(const char* data, std::size_t size) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (std::size_t i = 0; i < size; ++i) {
    hash = (hash ^ static_cast<unsigned char>(data[i])) * 1099511628211ULL;
  }
  return hash;
}

class Writer {
 public:
  template <class T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <class Dense>
  void put_all(const Dense& values) {
    using Scalar = typename Dense::Scalar;
    bytes_.append(reinterpret_cast<const char*>(values.data()),
                  sizeof(Scalar) * static_cast<std::size_t>(values.size()));
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    T value;
    take(&value, sizeof value);
    return value;
  }
  template <class Dense>
  void get_all(Dense& values) {
    take(values.data(), sizeof(typename Dense::Scalar) * static_cast<std::size_t>(values.size()));
  }
  std::size_t offset() const { return offset_; }

 private:
  void take(void* out, std::size_t size) {
    if (bytes_.size() - offset_ < size) {
      throw CacheFileError("truncated at byte " + std::to_string(bytes_.size()));
    }
    std::memcpy(out, bytes_.data() + offset_, size);
    offset_ += size;
  }
  const std::string& bytes_;
  std::size_t offset_ = 0;
};

template <class T>
void expect(T found, T wanted, const char* what) {
  if (found != wanted) {
    throw CacheFileError(std::string(what) + " differs: " + std::to_string(found) +
                         " in the file, " + std::to_string(wanted) + " wanted");
  }
}

}  // namespace

std::string encode_classifier(const TrainedClassifier& trained, const ClassifierSettings& settings,
                              std::uint64_t data_key) {
  const ClassifierWeights& w = trained.classifier.weights();
  Writer out;
  out.bytes().append(kMagic, sizeof kMagic);
  out.put(kVersion);
  out.put(static_cast<std::uint32_t>(w.w1.rows()));
  out.put(static_cast<std::uint32_t>(w.w1.cols()));
  out.put(static_cast<std::uint32_t>(DigitClassifier::kClasses));
  out.put(static_cast<std::uint32_t>(settings.epochs));
  out.put(static_cast<std::uint32_t>(settings.batch));
  out.put(settings.seed);
  out.put(settings.learning_rate);
  out.put(data_key);
  out.put(trained.test_accuracy);
  out.put_all(w.w1);
  out.put_all(w.b1);
  out.put_all(w.w2);
  out.put_all(w.b2);
  for (const FeatureMoments& moments : trained.test_features) {
    out.put(moments.count);
    out.put_all(moments.sum);
    out.put_all(moments.outer_sum);
  }
  out.put(fnv1a(out.bytes().data(), out.bytes().size()));
  return std::move(out.bytes());
}

TrainedClassifier decode_classifier(const std::string& bytes, const ClassifierSettings& settings,
                                    std::uint64_t data_key) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    throw CacheFileError("not a gantry classifier cache (magic)");
  }
  Reader in(bytes);
  in.get<std::array<char, sizeof kMagic>>();
  expect(in.get<std::uint32_t>(), kVersion, "format version");
  const auto inputs = in.get<std::uint32_t>();
  expect(inputs, 784u, "input size");
  expect(in.get<std::uint32_t>(), static_cast<std::uint32_t>(settings.hidden), "hidden units");
  expect(in.get<std::uint32_t>(), static_cast<std::uint32_t>(DigitClassifier::kClasses), "classes");
  expect(in.get<std::uint32_t>(), static_cast<std::uint32_t>(settings.epochs), "epochs");
  expect(in.get<std::uint32_t>(), static_cast<std::uint32_t>(settings.batch), "batch");
  expect(in.get<std::uint64_t>(), settings.seed, "seed");
  if (in.get<double>() != settings.learning_rate) throw CacheFileError("learning rate differs");
  expect(in.get<std::uint64_t>(), data_key, "data key");

  const int hidden = settings.hidden;
  const int classes = DigitClassifier::kClasses;
  // Known from the header alone, so a wrong size is reported before any weight is read.
  const std::size_t expected =
      in.offset() + sizeof(double) +
      sizeof(float) *
          (static_cast<std::size_t>(inputs) * hidden + hidden + hidden * classes + classes) +
      sizeof(double) * classes * (1 + hidden + static_cast<std::size_t>(hidden) * hidden) +
      sizeof(std::uint64_t);
  if (bytes.size() != expected) {
    throw CacheFileError("size " + std::to_string(bytes.size()) + " bytes, expected " +
                         std::to_string(expected));
  }
  std::uint64_t stored_checksum;
  std::memcpy(&stored_checksum, bytes.data() + bytes.size() - sizeof stored_checksum,
              sizeof stored_checksum);
  if (stored_checksum != fnv1a(bytes.data(), bytes.size() - sizeof stored_checksum)) {
    throw CacheFileError("checksum mismatch: the file is corrupt");
  }

  double accuracy = in.get<double>();
  ClassifierWeights w{Eigen::MatrixXf(inputs, hidden), Eigen::VectorXf(hidden),
                      Eigen::MatrixXf(hidden, classes), Eigen::VectorXf(classes)};
  in.get_all(w.w1);
  in.get_all(w.b1);
  in.get_all(w.w2);
  in.get_all(w.b2);
  std::vector<FeatureMoments> moments(classes, FeatureMoments(hidden));
  for (FeatureMoments& m : moments) {
    m.count = in.get<double>();
    in.get_all(m.sum);
    in.get_all(m.outer_sum);
  }
  return TrainedClassifier{DigitClassifier(std::move(w)), accuracy, std::move(moments)};
}

void write_file_atomically(const std::filesystem::path& file, const std::string& bytes) {
  // Unique per process and per call, so racing writers never share a temporary file.
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temporary =
      file.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw CacheFileError("cannot write " + temporary.string());
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, file, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw CacheFileError("cannot rename " + temporary.string() + " to " + file.string() + ": " +
                         error.message());
  }
}

}  // namespace gantry::plugins

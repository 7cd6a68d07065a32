// The IDX reader on small files the test writes: plain and gzipped, and every kind of broken
// file, each refused with a message naming the file and the problem.
#include <catch2/catch.hpp>

#include "idx_test_files.hpp"
#include "mnist/idx_file.hpp"
#include "mnist/mnist_files.hpp"

using Catch::Matchers::Contains;
using gantry::plugins::IdxError;
using gantry::plugins::read_idx;
using gantry::plugins::read_labelled_images;
using namespace mnist_test;

namespace {

const Bytes kPixels = {0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255};  // 2 images of 2 x 3

// 4000 bytes that barely compress, so a cut or damaged gzip stream breaks inside the elements.
Bytes varied_elements() {
  Bytes elements(4000);
  for (std::size_t i = 0; i < elements.size(); ++i) {
    elements[i] = static_cast<std::uint8_t>((i * 7919 + i * i) % 251);
  }
  return elements;
}

}  // namespace

TEST_CASE("IDX files are read plain and gzipped", "[idx]") {
  TempDir dir("idx");
  for (std::string suffix : {"", ".gz"}) {
    fs::path images = dir.path() / ("images" + suffix);
    fs::path labels = dir.path() / ("labels" + suffix);
    write_file(images, idx_bytes({2, 2, 3}, kPixels));
    write_file(labels, idx_bytes({2}, {7, 0}));

    auto array = read_idx(images, 3);
    CHECK(array.dimensions == std::vector<std::uint32_t>{2, 2, 3});
    CHECK(array.elements == kPixels);

    auto both = read_labelled_images(images, labels);
    CHECK(both.count() == 2);
    CHECK(both.height == 2);
    CHECK(both.width == 3);
    CHECK(both.labels == Bytes{7, 0});
    CHECK(both.pixels == kPixels);
  }
}

TEST_CASE("an IDX file of zero items is read as empty", "[idx]") {
  TempDir dir("idx");
  write_file(dir.path() / "labels", idx_bytes({0}, {}));
  CHECK(read_idx(dir.path() / "labels", 1).elements.empty());
}

TEST_CASE("broken IDX files are refused, naming the file and the problem", "[idx]") {
  TempDir dir("idx");
  auto refused = [&](const std::string& name, const Bytes& bytes, int dimensions,
                     const std::string& problem) {
    fs::path file = dir.path() / name;
    write_file(file, bytes);
    CHECK_THROWS_AS(read_idx(file, dimensions), IdxError);
    CHECK_THROWS_WITH(read_idx(file, dimensions), Contains(file.string()) && Contains(problem));
  };
  Bytes good = idx_bytes({2, 2, 3}, kPixels);

  SECTION("bad magic") {
    Bytes bytes = good;
    bytes[0] = 0x1f;
    refused("bad-magic", bytes, 3, "not an IDX file");
  }
  SECTION("a gzip file that is not IDX inside") {
    Bytes bytes = good;
    bytes[1] = 0x08;
    refused("bad-magic.gz", bytes, 3, "not an IDX file");
  }
  SECTION("wrong element type") {
    refused("floats", idx_bytes({2, 2, 3}, kPixels, 0x0D), 3, "float32");
  }
  SECTION("wrong dimension count") {
    refused("labels-as-images", idx_bytes({12}, kPixels), 3, "has 1 dimensions, expected 3");
  }
  SECTION("truncated elements, plain and gzipped") {
    Bytes bytes(good.begin(), good.end() - 5);
    refused("short", bytes, 3, "truncated: the data ends at byte 23 of 28 expected");
    refused("short.gz", bytes, 3, "truncated: the data ends at byte 23 of 28 expected");
  }
  SECTION("truncated header") {
    refused("short-header", Bytes(good.begin(), good.begin() + 9), 3, "truncated");
    refused("tiny", Bytes{0, 0}, 3, "too short for an IDX header");
  }
  SECTION("a gzip stream cut short") {
    fs::path whole = dir.path() / "whole.gz";
    write_file(whole, idx_bytes({4, 20, 50}, varied_elements()));
    Bytes compressed = read_file(whole);
    compressed.resize(compressed.size() / 2);
    fs::path cut = dir.path() / "cut.gz";
    std::ofstream(cut, std::ios::binary)
        .write(reinterpret_cast<const char*>(compressed.data()),
               static_cast<std::streamsize>(compressed.size()));
    CHECK_THROWS_WITH(read_idx(cut, 3), Contains(cut.string() + ": truncated") &&
                                            Contains("(unexpected end of file)"));
  }
  SECTION("a gzip stream with corrupted bytes") {
    fs::path whole = dir.path() / "whole.gz";
    write_file(whole, idx_bytes({4, 20, 50}, varied_elements()));
    Bytes compressed = read_file(whole);
    for (std::size_t i = compressed.size() / 2; i < compressed.size() / 2 + 8; ++i) {
      compressed[i] ^= 0x5A;
    }
    fs::path broken = dir.path() / "broken.gz";
    std::ofstream(broken, std::ios::binary)
        .write(reinterpret_cast<const char*>(compressed.data()),
               static_cast<std::streamsize>(compressed.size()));
    CHECK_THROWS_AS(read_idx(broken, 3), IdxError);
    CHECK_THROWS_WITH(read_idx(broken, 3), Contains(broken.string() + ": "));
  }
  SECTION("trailing bytes") {
    Bytes bytes = good;
    bytes.push_back(9);
    bytes.push_back(9);
    refused("long", bytes, 3, "2 trailing bytes after the 28 bytes");
  }
  SECTION("a header declaring absurdly many elements") {
    refused("huge", idx_bytes({65536, 65536, 2}, kPixels), 3, "corrupt header");
  }
}

TEST_CASE("images and labels that do not belong together are refused", "[idx]") {
  TempDir dir("idx");
  fs::path images = dir.path() / "images.gz";
  fs::path labels = dir.path() / "labels.gz";
  write_file(images, idx_bytes({2, 2, 3}, kPixels));

  SECTION("count mismatch") {
    write_file(labels, idx_bytes({3}, {1, 2, 3}));
    CHECK_THROWS_WITH(read_labelled_images(images, labels),
                      Contains(images.string()) && Contains(labels.string()) &&
                          Contains("2 images but") && Contains("3 labels"));
  }
  SECTION("label out of range") {
    write_file(labels, idx_bytes({2}, {3, 12}));
    CHECK_THROWS_WITH(read_labelled_images(images, labels),
                      Contains(labels.string()) && Contains("label 12 of item 1 is outside 0..9"));
  }
  SECTION("the files swapped") {
    write_file(labels, idx_bytes({2}, {3, 1}));
    CHECK_THROWS_WITH(read_labelled_images(labels, images),
                      Contains(labels.string()) && Contains("expected 3"));
  }
  SECTION("a missing file") {
    CHECK_THROWS_WITH(read_labelled_images(images, dir.path() / "nothing"),
                      Contains("nothing") && Contains("cannot open"));
  }
}

TEST_CASE("the four MNIST files are found plain or gzipped, or named when missing", "[idx]") {
  TempDir dir("idx");
  write_images(dir.path(), "train", synthetic_images(10, 1), ".gz");
  SECTION("missing files are listed with the directory and the data script") {
    CHECK_THROWS_WITH(gantry::plugins::find_mnist_files(dir.path()),
                      Contains(dir.path().string()) && Contains("t10k-images-idx3-ubyte[.gz]") &&
                          Contains("t10k-labels-idx1-ubyte[.gz]") && !Contains("train-images") &&
                          Contains("scripts/get-data.sh"));
  }
  SECTION("a directory that does not exist") {
    CHECK_THROWS_WITH(
        gantry::plugins::find_mnist_files(dir.path() / "absent"),
        Contains("absent") && Contains("does not exist") && Contains("scripts/get-data.sh"));
  }
  SECTION("all present, plain preferred to .gz") {
    write_images(dir.path(), "t10k", synthetic_images(10, 2), "");
    write_images(dir.path(), "train", synthetic_images(10, 1), "");
    auto files = gantry::plugins::find_mnist_files(dir.path());
    CHECK(files.train_images.filename() == "train-images-idx3-ubyte");
    CHECK(files.test_labels.filename() == "t10k-labels-idx1-ubyte");
    auto before = gantry::plugins::hash_mnist_files(files);
    write_images(dir.path(), "t10k", synthetic_images(10, 3), "");
    CHECK(gantry::plugins::hash_mnist_files(files) != before);
  }
}

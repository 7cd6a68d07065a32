// The process-wide cache of the mnist plugin's data files: unchanged files are read and hashed
// once, a rewritten or replaced file is read again, a file modified just now is never trusted.
#include <chrono>

#include <catch2/catch.hpp>

#include "idx_test_files.hpp"
#include "mnist/dataset_cache.hpp"
#include "mnist/mnist_files.hpp"

using gantry::plugins::dataset_cache_loads;
using gantry::plugins::shared_files_key;
using gantry::plugins::shared_labelled_images;

namespace {

namespace fs = std::filesystem;

// Moves a file's modification time an hour back (plus `offset`), out of the unsettled window.
void age(const fs::path& file, std::chrono::seconds offset = std::chrono::seconds(0)) {
  fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(1) + offset);
}

struct Fixture {
  mnist_test::TempDir dir{"mnist-dataset-cache"};
  gantry::plugins::MnistFiles files;
  Fixture() {
    mnist_test::write_synthetic_dataset(dir.path());
    files = gantry::plugins::find_mnist_files(dir.path());
    for (const fs::path* file :
         {&files.train_images, &files.train_labels, &files.test_images, &files.test_labels}) {
      age(*file);
    }
    gantry::plugins::forget_datasets_in_process();
  }
  auto train() const { return shared_labelled_images(files.train_images, files.train_labels); }
  auto test() const { return shared_labelled_images(files.test_images, files.test_labels); }
};

}  // namespace

TEST_CASE("unchanged files are read and hashed once per process", "[mnist][dataset_cache]") {
  Fixture fixture;
  auto first = fixture.train();
  const std::uint64_t key = shared_files_key(fixture.files);
  const auto loads = dataset_cache_loads();

  auto again = fixture.train();
  CHECK(again.get() == first.get());
  CHECK(shared_files_key(fixture.files) == key);
  CHECK(dataset_cache_loads().images == loads.images);
  CHECK(dataset_cache_loads().keys == loads.keys);

  CHECK(key == gantry::plugins::hash_mnist_files(fixture.files));
  CHECK(first->pixels == mnist_test::synthetic_images(600, 1).pixels);
  CHECK(fixture.test().get() != first.get());
}

TEST_CASE("a file rewritten at the same size is read again", "[mnist][dataset_cache]") {
  Fixture fixture;
  auto before = fixture.test();
  const std::uint64_t key = shared_files_key(fixture.files);

  // Plain (not gzipped) and of the same count, so the file keeps its size and inode.
  mnist_test::write_images(fixture.dir.path(), "t10k", mnist_test::synthetic_images(200, 9), "");
  age(fixture.files.test_images, std::chrono::seconds(7));
  age(fixture.files.test_labels, std::chrono::seconds(7));

  auto after = fixture.test();
  CHECK(after.get() != before.get());
  CHECK(after->pixels == mnist_test::synthetic_images(200, 9).pixels);
  CHECK(before->pixels == mnist_test::synthetic_images(200, 2).pixels);
  CHECK(shared_files_key(fixture.files) != key);
}

TEST_CASE("a file replaced by another is read again", "[mnist][dataset_cache]") {
  Fixture fixture;
  auto before = fixture.train();
  const fs::path replacement = fixture.dir.path() / "replacement.gz";
  mnist_test::write_file(
      replacement, mnist_test::idx_bytes({600, 28, 28}, std::vector<std::uint8_t>(600 * 784, 7)));
  age(replacement);
  fs::rename(replacement, fixture.files.train_images);

  auto after = fixture.train();
  CHECK(after.get() != before.get());
  CHECK(after->pixels == std::vector<std::uint8_t>(600 * 784, 7));
}

TEST_CASE("a file modified just now is read at every use", "[mnist][dataset_cache]") {
  Fixture fixture;
  mnist_test::write_images(fixture.dir.path(), "t10k", mnist_test::synthetic_images(200, 3), "");
  // A minute ahead rather than "just written": a slow machine cannot let it settle meanwhile.
  for (const fs::path* file : {&fixture.files.test_images, &fixture.files.test_labels}) {
    age(*file, std::chrono::hours(1) + std::chrono::minutes(1));
  }
  auto first = fixture.test();
  auto second = fixture.test();
  CHECK(second.get() != first.get());
  CHECK(second->pixels == first->pixels);
}

TEST_CASE("a missing file is an IdxError naming it", "[mnist][dataset_cache]") {
  Fixture fixture;
  const fs::path missing = fixture.dir.path() / "nothing";
  CHECK_THROWS_AS(shared_labelled_images(missing, fixture.files.train_labels),
                  gantry::plugins::IdxError);
  CHECK_THROWS_WITH(shared_labelled_images(missing, fixture.files.train_labels),
                    Catch::Matchers::Contains(missing.string()));
}

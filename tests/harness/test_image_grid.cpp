// Image grids: tiling generated rows into one picture, and the PNG written from it.
#include "gantry/artifacts/image_grid.hpp"

#include <png.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "test_support.hpp"

using gantry::testing::ScratchDir;

namespace {

// Reads a PNG back through libpng's simplified API as 8-bit pixels of its own format.
gantry::PixelImage read_png(const std::string& path, bool rgb) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&image, path.c_str()) != 0);
  image.format = rgb ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  gantry::PixelImage pixels{static_cast<int>(image.width), static_cast<int>(image.height),
                            rgb ? 3 : 1, std::vector<std::uint8_t>(PNG_IMAGE_SIZE(image))};
  bool read = png_image_finish_read(&image, nullptr, pixels.pixels.data(), 0, nullptr) != 0;
  png_image_free(&image);
  REQUIRE(read);
  return pixels;
}

std::uint8_t at(const gantry::PixelImage& image, int x, int y, int channel = 0) {
  return image.pixels[(static_cast<std::size_t>(y) * image.width + x) * image.channels + channel];
}

}  // namespace

TEST_CASE("images are tiled left to right, top to bottom, inside a black frame", "[image_grid]") {
  const gantry::ImageShape shape{2, 3, 1};
  gantry::Matrix rows(4, 6);
  for (int i = 0; i < 4; ++i) rows.row(i).setConstant(-1.0f + 0.5f * static_cast<float>(i));
  rows(3, 5) = 7.0f;  // clipped to white

  gantry::PixelImage grid = gantry::tile_images(rows, shape, 2, 2, 1);
  REQUIRE(grid.width == 2 * 3 + 3);
  REQUIRE(grid.height == 2 * 2 + 3);
  CHECK(grid.channels == 1);
  CHECK(at(grid, 0, 0) == 0);    // frame
  CHECK(at(grid, 1, 1) == 0);    // image 0: -1 -> 0
  CHECK(at(grid, 5, 1) == 64);   // image 1 (top right): -0.5 -> 63.75, rounded
  CHECK(at(grid, 1, 4) == 128);  // image 2 (bottom left): 0 -> 127.5, rounded up
  CHECK(at(grid, 5, 4) == 191);  // image 3: 0.5 -> 191.25
  CHECK(at(grid, 7, 5) == 255);  // image 3's last pixel, clipped from 7
  CHECK(at(grid, 4, 1) == 0);    // the padding between columns

  SECTION("RGB rows are channels last") {
    gantry::Matrix rgb = gantry::Matrix::Constant(1, 3, -1.0f);
    rgb(0, 1) = 1.0f;  // green
    gantry::PixelImage pixel = gantry::tile_images(rgb, {1, 1, 3}, 1, 1, 0);
    CHECK(pixel.pixels == std::vector<std::uint8_t>{0, 255, 0});
  }
  SECTION("too few rows, a wrong width or an undrawable channel count is refused") {
    CHECK_THROWS_AS(gantry::tile_images(rows, shape, 3, 2, 1), std::invalid_argument);
    CHECK_THROWS_AS(gantry::tile_images(rows, {3, 3, 1}, 2, 2, 1), std::invalid_argument);
    CHECK_THROWS_WITH(gantry::tile_images(gantry::Matrix::Zero(4, 12), {2, 3, 2}, 2, 2, 1),
                      Catch::Contains("2 channels"));
  }
}

TEST_CASE("a grid written as PNG reads back pixel for pixel", "[image_grid]") {
  ScratchDir dir;
  gantry::Matrix rows = gantry::Matrix::Random(6, 20);  // 6 images of 4 x 5
  gantry::PixelImage grid = gantry::tile_images(rows, {4, 5, 1}, 3, 2, 2);
  std::string path = (dir / "grid.png").string();
  gantry::write_png(path, grid);
  gantry::PixelImage back = read_png(path, false);
  CHECK(back.width == grid.width);
  CHECK(back.height == grid.height);
  CHECK(back.pixels == grid.pixels);

  SECTION("an RGB grid too") {
    gantry::PixelImage colour =
        gantry::tile_images(gantry::Matrix::Random(4, 12), {2, 2, 3}, 2, 2, 1);
    gantry::write_png(path, colour);
    CHECK(read_png(path, true).pixels == colour.pixels);
  }
  SECTION("encoded in memory, the same bytes as the file") {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
    CHECK(gantry::encode_png(grid) == file);
  }
  SECTION("an unwritable path is a StorageError naming it") {
    std::string missing = (dir / "no" / "such" / "dir" / "grid.png").string();
    CHECK_THROWS_WITH(gantry::write_png(missing, grid), Catch::Contains(missing));
  }
}

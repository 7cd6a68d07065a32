// Data plugin interface: a target distribution the generator must learn.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gantry/matrix.hpp"
#include "gantry/random.hpp"

namespace gantry {

// One named quality score; the harness stores it as metric "eval.<name>".
struct Score {
  std::string name;
  double value;
};

// Layout of a sample row that is an image: row-major pixels, channels last, so the row has
// height * width * channels columns. The harness uses it to keep sample grids as pictures.
struct ImageShape {
  int height;
  int width;
  int channels;
};

class DataSource {
 public:
  virtual ~DataSource() = default;

  // Columns of one sample row.
  virtual int dimensions() const = 0;

  // The image layout of a row, or nullopt when rows are not images (curves, points).
  virtual std::optional<ImageShape> image_shape() const = 0;

  // Draws `rows` samples of the target distribution from `random`.
  virtual Matrix sample(int rows, Random& random) const = 0;

  // Quality of generated rows judged against the target (and, where useful, against
  // held-out real rows). Lower-is-better or higher-is-better is documented per score.
  virtual std::vector<Score> score(const Matrix& generated, const Matrix& real) const = 0;
};

}  // namespace gantry

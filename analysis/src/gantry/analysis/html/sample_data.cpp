#include "gantry/analysis/html/sample_data.hpp"

#include <algorithm>
#include <boost/archive/iterators/base64_from_binary.hpp>
#include <boost/archive/iterators/transform_width.hpp>

#include "gantry/analysis/html/page_data.hpp"
#include "gantry/analysis/report/curve_columns.hpp"
#include "gantry/artifacts/image_grid.hpp"
#include "gantry/artifacts/sample_reader.hpp"
#include "gantry/base/errors.hpp"

namespace gantry::analysis::html {

using nlohmann::json;

std::string base64(const std::vector<std::uint8_t>& bytes) {
  namespace it = boost::archive::iterators;
  using Encoder = it::base64_from_binary<it::transform_width<const std::uint8_t*, 6, 8>>;
  // Encoded in whole groups of 3 bytes, the zeros added for the last group then marked as '='.
  const std::size_t padding = (3 - bytes.size() % 3) % 3;
  std::vector<std::uint8_t> whole(bytes);
  whole.resize(bytes.size() + padding, 0);
  std::string text(Encoder(whole.data()), Encoder(whole.data() + whole.size()));
  std::fill(text.end() - static_cast<std::ptrdiff_t>(padding), text.end(), '=');
  return text;
}

namespace {

json points_json(const SampleSet& set, std::size_t rows) {
  json x = json::array(), y = json::array();
  for (std::size_t row = 0; row < std::min(rows, set.rows); ++row) {
    x.push_back(rounded(set.at(row, 0), kDrawnDigits));
    y.push_back(rounded(set.at(row, 1), kDrawnDigits));
  }
  return {{"x", x}, {"y", y}};
}

json curves_json(const SampleSet& set, std::size_t rows) {
  json curves = json::array();
  for (std::size_t row = 0; row < std::min(rows, set.rows); ++row) {
    json values = json::array();
    for (std::size_t column = 0; column < set.columns; ++column) {
      values.push_back(rounded(set.at(row, column), kDrawnDigits));
    }
    curves.push_back(std::move(values));
  }
  return {{"rows", curves}};
}

json rows_json(const SampleSet& set, bool points, std::size_t rows, std::size_t curves) {
  return points ? points_json(set, rows) : curves_json(set, curves);
}

json rows_sample(const RunSamples& samples, const SampleLimits& limits) {
  const bool points = samples.real.columns == 2;
  json sets = json::array();
  for (std::size_t i : evenly_spaced(samples.generated.size(), limits.evaluations)) {
    const SampleSet& set = samples.generated[i];
    json entry = rows_json(set, points, limits.rows, limits.curves);
    entry["label"] = evaluation_label(set.name, set.step);
    sets.push_back(std::move(entry));
  }
  return {{"kind", points ? "points" : "curves"},
          {"real", rows_json(samples.real, points, limits.real_rows, limits.curves)},
          {"sets", sets}};
}

std::string png_uri(const ImageSet& set) {
  Matrix images =
      Eigen::Map<const Matrix>(set.values.data(), set.count,
                               static_cast<Eigen::Index>(set.height) * set.width * set.channels);
  const int columns = std::min(set.grid_columns, std::max(1, set.count));
  const int rows = set.count / columns;
  PixelImage grid =
      tile_images(images, ImageShape{set.height, set.width, set.channels}, columns, rows, 2);
  return "data:image/png;base64," + base64(encode_png(grid));
}

json image_sample(const std::vector<ImageSet>& images, const SampleLimits& limits) {
  json sets = json::array();
  for (std::size_t i : evenly_spaced(images.size(), limits.evaluations)) {
    sets.push_back(
        {{"label", evaluation_label(images[i].name, images[i].step)}, {"uri", png_uri(images[i])}});
  }
  return {{"kind", "images"}, {"sets", sets}};
}

const RunRecord* find_run(const Report& report, std::int64_t id) {
  for (const RunRecord& run : *report.runs) {
    if (run.id == id) return &run;
  }
  return nullptr;
}

json run_sample(const RunRecord& run, const SampleLimits& limits) {
  std::vector<ImageSet> images = read_run_images(run.hdf5_path);
  json sample = images.empty() ? rows_sample(read_run_samples(run.hdf5_path), limits)
                               : image_sample(images, limits);
  sample["run"] = run.id;
  return sample;
}

}  // namespace

SampleData sample_data(const Report& report, const std::vector<std::int64_t>& run_ids,
                       const SampleLimits& limits) {
  SampleData data;
  for (std::int64_t id : run_ids) {
    const RunRecord* run = find_run(report, id);
    if (run == nullptr || run->hdf5_path.empty()) continue;
    try {
      json sample = run_sample(*run, limits);
      if (!sample["sets"].empty()) data.runs.push_back(std::move(sample));
    } catch (const std::exception& error) {
      // One unreadable file costs its run's samples, not the page.
      data.notes.push_back("the samples of run " + std::to_string(id) +
                           " are left out: " + error.what());
    }
  }
  return data;
}

}  // namespace gantry::analysis::html

#include "gantry/analysis/plots/sample_plots.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gantry/analysis/plots/plot_style.hpp"
#include "gantry/base/errors.hpp"

namespace gantry::analysis::plots {
namespace {

// Rows of each set drawn as curves when the rows are wider than (x, y).
constexpr std::size_t kCurveRows = 5;

struct Range {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();

  void add(double value) {
    if (!std::isfinite(value)) return;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  bool empty() const { return !(low <= high); }
};

// The axis range: the real rows' range, widened to show generated rows up to one real span
// beyond it on either side (a stray sample far away would otherwise squash the target to a
// line), plus a margin.
std::string axis_range(const Range& real, const Range& generated) {
  Range range = real;
  if (range.empty()) range = generated;
  if (range.empty()) return "[*:*]";
  double span = range.high - range.low;
  if (span <= 0) span = std::max(1.0, std::abs(range.high));
  double low = range.low, high = range.high;
  if (!generated.empty()) {
    low = std::max(std::min(low, generated.low), range.low - span);
    high = std::min(std::max(high, generated.high), range.high + span);
  }
  double margin = 0.05 * (high - low);
  return "[" + plot_number(low - margin) + ":" + plot_number(high + margin) + "]";
}

// Points: every row as "x y".
void write_points(std::string& data, const SampleSet& set, Range& x, Range& y) {
  for (std::size_t row = 0; row < set.rows; ++row) {
    double a = set.at(row, 0), b = set.at(row, 1);
    x.add(a);
    y.add(b);
    data += plot_number(a) + " " + plot_number(b) + "\n";
  }
}

// Curves: the first rows as "column value" lines, one blank line between rows (one line each).
void write_curves(std::string& data, const SampleSet& set, Range& y) {
  std::size_t rows = std::min(kCurveRows, set.rows);
  for (std::size_t row = 0; row < rows; ++row) {
    if (row > 0) data += "\n";
    for (std::size_t column = 0; column < set.columns; ++column) {
      double value = set.at(row, column);
      y.add(value);
      data += std::to_string(column) + " " + plot_number(value) + "\n";
    }
  }
}

void throw_unless_generated(const RunSamples& samples) {
  if (samples.generated.empty()) {
    throw StorageError("HDF5 file '" + samples.path +
                       "' has no generated samples (/samples/step_<N> or /samples/final)");
  }
}

std::string samples_data_header(const std::string& description, bool scatter) {
  std::string layout =
      scatter ? "x y (one row per sample)"
              : "column value (the first " + std::to_string(kCurveRows) + " rows, one line each)";
  return "# " + description + "\n# block 0: /samples/real; then one block per " +
         "evaluation, in panel order; columns: " + layout + "\n";
}

// The data's ranges, kept apart for the real rows and the generated ones (see axis_range).
struct SampleRanges {
  Range x, y_real, y_generated, x_generated;
};

void write_set(std::string& data, const SampleSet& set, bool scatter, Range& x, Range& y) {
  if (scatter) {
    write_points(data, set, x, y);
  } else {
    write_curves(data, set, y);
  }
}

// Block 0 the real rows, then one block per panel's generated rows.
SampleRanges write_sample_blocks(std::string& data, const RunSamples& samples,
                                 const std::vector<std::size_t>& panels, bool scatter) {
  SampleRanges ranges;
  data += "# /samples/real\n";
  write_set(data, samples.real, scatter, ranges.x, ranges.y_real);
  for (std::size_t panel : panels) {
    const SampleSet& set = samples.generated[panel];
    data += "\n\n# /samples/" + set.name + "\n";
    write_set(data, set, scatter, ranges.x_generated, ranges.y_generated);
  }
  return ranges;
}

struct PanelLayout {
  std::size_t rows = 0;
  std::size_t columns = 0;
};

// Panels in a grid about as wide as tall: as many rows as columns, or one fewer.
PanelLayout panel_layout(std::size_t panels) {
  PanelLayout layout;
  layout.columns = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(panels))));
  layout.rows = (panels + layout.columns - 1) / layout.columns;
  return layout;
}

// The commands before the panels: style, axes, and the multiplot with the figure's title.
std::string samples_setup(const RunSamples& samples, const SampleRanges& ranges, bool scatter,
                          const PanelLayout& layout, const std::string& title) {
  const std::size_t d = samples.real.columns;
  std::string legend = scatter ? "generated rows (blue) over the held-out real rows (grey)"
                               : "first " + std::to_string(kCurveRows) +
                                     " generated rows (blue) over the first real rows (grey)";
  std::string body =
      "unset key\n"
      "set grid lc rgb '#e8e8e8'\n"
      "set border lc rgb '#404040'\n";
  body += "set xrange " +
          (scatter ? axis_range(ranges.x, ranges.x_generated)
                   : "[0:" + std::to_string(d > 0 ? d - 1 : 0) + "]") +
          "\n";
  body += "set yrange " + axis_range(ranges.y_real, ranges.y_generated) + "\n";
  body += "set xlabel " + gnuplot_quote(scatter ? "x" : "column") + "\n";
  body += "set ylabel " + gnuplot_quote(scatter ? "y" : "value") + "\n";
  body += "set multiplot layout " + std::to_string(layout.rows) + "," +
          std::to_string(layout.columns) + " title " + gnuplot_quote(title + ": " + legend) + "\n";
  return body;
}

// One titled plot per panel: the real rows (block 0) under the panel's generated rows.
std::string panel_plots(const RunSamples& samples, const std::vector<std::size_t>& panels,
                        bool scatter, const std::string& file) {
  std::string colour = gnuplot_quote(group_colour(0));
  std::string real_colour = gnuplot_quote(kRealColour);
  std::string real_style = scatter ? " with points pt 7 ps 0.35 lc rgb " + real_colour
                                   : " with lines lw 1.5 lc rgb " + real_colour;
  std::string generated_style = scatter ? " with points pt 7 ps 0.35 lc rgb " + colour
                                        : " with lines lw 1.2 lc rgb " + colour;
  std::string plots;
  for (std::size_t i = 0; i < panels.size(); ++i) {
    const SampleSet& set = samples.generated[panels[i]];
    plots += "set title " + gnuplot_quote(evaluation_label(set.name, set.step)) + "\n";
    plots += "plot " + file + " index 0 using 1:2" + real_style + ", \\\n     " + file + " index " +
             std::to_string(i + 1) + " using 1:2" + generated_style + "\n";
  }
  return plots;
}

}  // namespace

Figure samples_figure(const RunSamples& samples, std::int64_t run_id, const std::string& title) {
  throw_unless_generated(samples);
  const bool scatter = samples.real.columns == 2;
  std::vector<std::size_t> panels = evenly_spaced(samples.generated.size(), kMaxSamplePanels);

  Figure figure;
  figure.stem = "samples-run-" + std::to_string(run_id);
  figure.description = "run " + std::to_string(run_id) + ": generated rows at " +
                       std::to_string(panels.size()) +
                       " evaluations over the held-out real rows (" + samples.path + ")";
  figure.data = samples_data_header(figure.description, scatter);
  SampleRanges ranges = write_sample_blocks(figure.data, samples, panels, scatter);

  PanelLayout layout = panel_layout(panels.size());
  figure.width = static_cast<int>(std::max<std::size_t>(layout.columns * 380, 640));
  figure.height = static_cast<int>(layout.rows * 320 + 60);
  figure.body = samples_setup(samples, ranges, scatter, layout, title) +
                panel_plots(samples, panels, scatter, gnuplot_quote(figure.stem + ".dat")) +
                "unset multiplot\n";
  return figure;
}

}  // namespace gantry::analysis::plots

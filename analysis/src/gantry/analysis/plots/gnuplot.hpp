// Finding and running gnuplot for `gantry report --plots`, and writing what it reads: one figure
// is a plain data file and a script in the plot directory, kept there so a user can edit and
// re-run them (`cd DIR && gnuplot NAME.gp`); the script draws the figure as PNG and as SVG.
#pragma once

#include <string>
#include <vector>

namespace gantry::analysis::plots {

// The gnuplot executable on PATH, as an absolute path. Throws ConfigError ("gnuplot not found:
// install Debian's gnuplot-nox to draw plots") when there is none.
std::string find_gnuplot();

// `text` as a gnuplot single-quoted string: quotes doubled (the only escape gnuplot knows inside
// single quotes) and control characters, which would end the command, replaced by spaces.
std::string gnuplot_quote(const std::string& text);

// `value` in the shortest text that reads back as the same double, whatever the C++ or C locale.
std::string plot_number(double value);

// A file name part made of [A-Za-z0-9._-] only: "eval.energy_distance" stays as it is, anything
// else becomes '_'.
std::string file_stem(const std::string& text);

// One figure: `stem`.dat (omitted when `data` is empty), `stem`.gp, `stem`.png and `stem`.svg.
struct Figure {
  std::string stem;
  std::string description;  // one line, the script's first comment
  std::string data;         // whitespace-separated columns, blocks separated by blank lines
  std::string body;         // gnuplot commands that draw it, once the terminal is set
  int width = 960, height = 600;
};

// The commands a figure's script holds: for each of PNG (pngcairo when this gnuplot has it,
// else png) and SVG, set the terminal and output, `reset` and run the body.
std::string figure_script(const Figure& figure);

// Writes `figure`'s data file and script into `directory` (which must exist), runs `gnuplot` on
// the script there, and returns the paths of the files written (data, script, PNG, SVG).
// Throws StorageError when a file cannot be written, or when gnuplot fails or draws nothing,
// with gnuplot's error output in the message.
std::vector<std::string> draw_figure(const std::string& gnuplot, const std::string& directory,
                                     const Figure& figure);

// Low level: runs `gnuplot script_name` in `directory` (no shell), stdin from /dev/null, stdout
// and stderr into `log_path`. Returns the exit status (128 + signal number when killed). Throws
// ProcessError when the process cannot be started, StorageError when the log cannot be written.
int run_gnuplot(const std::string& gnuplot, const std::string& directory,
                const std::string& script_name, const std::string& log_path);

}  // namespace gantry::analysis::plots

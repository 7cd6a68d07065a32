#include "gantry/analysis/plots/gnuplot.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gantry/base/errors.hpp"
#include "gantry/base/process.hpp"

namespace gantry::analysis::plots {
namespace {

namespace fs = std::filesystem;

// The longest piece of gnuplot's error output an error message carries.
constexpr std::size_t kMaxLogInMessage = 4000;

std::string errno_text(int error) {
  return std::strerror(error);
}

bool is_executable_file(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
         ::access(path.c_str(), X_OK) == 0;
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << content;
  if (out) out.close();
  if (!out) {
    throw StorageError("cannot write the plot file '" + path.string() + "': " + errno_text(errno));
  }
}

std::string read_log(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string log = text.str();
  while (!log.empty() && (log.back() == '\n' || log.back() == ' ')) log.pop_back();
  if (log.size() > kMaxLogInMessage) log = "..." + log.substr(log.size() - kMaxLogInMessage);
  return log;
}

bool non_empty_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error) && fs::file_size(path, error) > 0 && !error;
}

}  // namespace

std::string find_gnuplot() {
  const char* path_variable = std::getenv("PATH");
  std::string search = path_variable ? path_variable : "";
  std::size_t begin = 0;
  while (begin <= search.size()) {
    std::size_t end = search.find(':', begin);
    if (end == std::string::npos) end = search.size();
    // An empty PATH entry is the current directory, as for the shell.
    std::string dir = search.substr(begin, end - begin);
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / "gnuplot";
    if (!search.empty() && is_executable_file(candidate)) {
      std::error_code error;
      fs::path absolute = fs::absolute(candidate, error);
      return error ? candidate.string() : absolute.string();
    }
    begin = end + 1;
  }
  throw ConfigError(
      "gnuplot not found: install Debian's gnuplot-nox to draw plots (looked in PATH=" + search +
      ")");
}

std::string gnuplot_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "''";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      quoted += ' ';
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string plot_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string file_stem(const std::string& text) {
  std::string stem;
  for (char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-';
    stem += keep ? c : '_';
  }
  // A leading dot would hide the file; a leading '-' would read as an option.
  if (stem.empty() || stem.front() == '.' || stem.front() == '-') stem.insert(0, "_");
  return stem;
}

std::string figure_script(const Figure& figure) {
  std::string size = std::to_string(figure.width) + "," + std::to_string(figure.height);
  std::ostringstream script;
  script << "# " << figure.description << "\n"
         << "# Written by `gantry report --plots`; re-run with `gnuplot " << figure.stem
         << ".gp` in this directory"
         << (figure.data.empty() ? "" : " (data: " + figure.stem + ".dat)") << ".\n"
         << "do for [gantry_format in \"png svg\"] {\n"
         << "  if (gantry_format eq \"png\") {\n"
         << "    if (strstrt(GPVAL_TERMINALS, \"pngcairo\") > 0) {\n"
         << "      set terminal pngcairo size " << size << " font \"sans,11\" noenhanced\n"
         << "    } else {\n"
         << "      set terminal png size " << size << " noenhanced\n"
         << "    }\n"
         << "  } else {\n"
         << "    set terminal svg size " << size
         << " font \"sans,11\" noenhanced background '#ffffff'\n"
         << "  }\n"
         << "  set output " << gnuplot_quote(figure.stem + ".") << " . gantry_format\n"
         << "  reset\n";
  std::istringstream body(figure.body);
  for (std::string line; std::getline(body, line);) {
    script << (line.empty() ? "" : "  ") << line << "\n";
  }
  script << "  unset output\n"
         << "}\n";
  return script.str();
}

std::vector<std::string> draw_figure(const std::string& gnuplot, const std::string& directory,
                                     const Figure& figure) {
  fs::path dir(directory);
  std::vector<std::string> written;
  if (!figure.data.empty()) {
    fs::path data = dir / (figure.stem + ".dat");
    write_file(data, figure.data);
    written.push_back(data.string());
  }
  fs::path script = dir / (figure.stem + ".gp");
  write_file(script, figure_script(figure));
  written.push_back(script.string());

  fs::path log = dir / (figure.stem + ".gnuplot-errors.txt");
  int status = run_gnuplot(gnuplot, directory, script.filename().string(), log.string());
  std::string output = read_log(log);
  std::vector<std::string> missing;
  for (const char* format : {"png", "svg"}) {
    fs::path drawn = dir / (figure.stem + "." + format);
    if (non_empty_file(drawn)) {
      written.push_back(drawn.string());
    } else {
      missing.push_back(drawn.filename().string());
    }
  }
  if (status != 0 || !missing.empty()) {
    std::string what = status != 0 ? "failed (exit status " + std::to_string(status) + ")"
                                   : "did not draw " + missing.front();
    throw StorageError(
        "gnuplot " + what + " on '" + script.string() + "'" +
        (output.empty() ? std::string(" without an error message") : ":\n" + output) +
        "\n(its output is kept in '" + log.string() + "')");
  }
  std::error_code ignored;
  fs::remove(log, ignored);
  return written;
}

int run_gnuplot(const std::string& gnuplot, const std::string& directory,
                const std::string& script_name, const std::string& log_path) {
  return run_process(ProcessRequest{"gnuplot", {gnuplot, script_name}, directory, log_path}).status;
}

}  // namespace gantry::analysis::plots

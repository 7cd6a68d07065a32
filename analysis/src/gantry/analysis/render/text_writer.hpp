// Internal to the table and markdown formats: the writer their sections share, and the
// sections that live in files of their own.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gantry/analysis/report/report.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text_table.hpp"

namespace gantry::analysis {

inline constexpr std::size_t kTerminalWidth = 100;

// One section after another, aligned for a terminal or as Markdown.
class TextWriter {
 public:
  TextWriter(std::ostream& out, bool markdown) : out_(out), markdown_(markdown) {}

  void heading(const std::string& text) {
    // Markdown paragraphs and tables already end in a blank line.
    out_ << (markdown_ ? "## " : "\n") << text << (markdown_ ? "\n\n" : "\n");
  }
  void line(const std::string& text) {
    if (markdown_) {
      out_ << text << "\n\n";
    } else {
      out_ << wrap(text, kTerminalWidth, text.rfind("- ", 0) == 0 ? 2 : 0) << "\n";
    }
  }
  // Split into parts that fit the terminal, each repeating the first column.
  void table(const TextTable& table) {
    if (markdown_) {
      write_markdown(out_, table);
      out_ << '\n';
      return;
    }
    auto parts = split_to_width(table, kTerminalWidth);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out_ << '\n';
      write_aligned(out_, parts[i]);
    }
  }
  void plain_table(const TextTable& table) {
    if (markdown_) return this->table(table);
    write_aligned(out_, table);
  }

 private:
  std::ostream& out_;
  bool markdown_;
};

// "95%", "97.5%": a confidence level is never rounded.
inline std::string confidence_label(double confidence) {
  return format_number(100.0 * confidence, 6) + "%";
}

inline std::string interval(const std::optional<double>& low, const std::optional<double>& high) {
  if (!low || !high) return "-";
  return "[" + format_number(*low) + ", " + format_number(*high) + "]";
}

// The verdict on the compared metric: each pair's shift, Cliff's delta and seeds needed, and
// each group's expected best of n runs. `labels` name the groups in tables.
void write_verdict_section(TextWriter& writer, const Report& report,
                           const std::vector<std::string>& labels);

}  // namespace gantry::analysis

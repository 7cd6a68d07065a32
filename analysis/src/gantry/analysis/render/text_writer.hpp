// Internal to the table, markdown and html formats: the writer their sections share, and the
// sections that live in files of their own.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/report/report.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text.hpp"
#include "gantry/base/text_table.hpp"

namespace gantry::analysis {

inline constexpr std::size_t kTerminalWidth = 100;

// One section after another: aligned for a terminal, as Markdown, or as HTML elements (the
// sections of `gantry report --html`'s page).
class TextWriter {
 public:
  TextWriter(std::ostream& out, TextStyle style) : out_(out), style_(style) {}

  TextStyle style() const { return style_; }

  void title(const std::string& text) {
    if (style_ == TextStyle::html) {
      out_ << "<h2>" << html_escape(text) << "</h2>\n";
      return;
    }
    out_ << (style_ == TextStyle::markdown ? "# " : "") << text << "\n";
    if (style_ == TextStyle::markdown) out_ << '\n';
  }
  void heading(const std::string& text) {
    switch (style_) {
      case TextStyle::terminal:
        out_ << "\n" << text << "\n";
        return;
      case TextStyle::markdown:  // Markdown paragraphs and tables already end in a blank line.
        out_ << "## " << text << "\n\n";
        return;
      case TextStyle::html:
        out_ << "<h3>" << html_escape(text) << "</h3>\n";
        return;
    }
  }
  void line(const std::string& text) {
    switch (style_) {
      case TextStyle::terminal:
        out_ << wrap(text, kTerminalWidth) << "\n";
        return;
      case TextStyle::markdown:
        out_ << text << "\n\n";
        return;
      case TextStyle::html:
        out_ << "<p>" << html_escape(text) << "</p>\n";
        return;
    }
  }
  // A tight list: "- " items on a terminal (wrapped under themselves) and in Markdown, <ul> in
  // HTML.
  void list(const std::vector<std::string>& items) {
    if (items.empty()) return;
    if (style_ == TextStyle::html) {
      out_ << "<ul>\n";
      for (const auto& item : items) out_ << "<li>" << html_escape(item) << "</li>\n";
      out_ << "</ul>\n";
      return;
    }
    for (const auto& item : items) {
      out_ << (style_ == TextStyle::terminal ? wrap("- " + item, kTerminalWidth, 2) : "- " + item)
           << "\n";
    }
    if (style_ == TextStyle::markdown) out_ << '\n';
  }
  // On a terminal, split into parts that fit, each repeating the first column.
  void table(const TextTable& table) {
    if (style_ != TextStyle::terminal) return plain_table(table);
    auto parts = split_to_width(table, kTerminalWidth);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out_ << '\n';
      write_aligned(out_, parts[i]);
    }
  }
  void plain_table(const TextTable& table) {
    switch (style_) {
      case TextStyle::terminal:
        return write_aligned(out_, table);
      case TextStyle::markdown:
        write_markdown(out_, table);
        out_ << '\n';
        return;
      case TextStyle::html:
        return write_html(out_, table);
    }
  }

 private:
  std::ostream& out_;
  TextStyle style_;
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

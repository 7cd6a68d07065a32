// A table of preformatted cells, written aligned for a terminal or as a Markdown table. The
// report's sections are built as these, so the table and markdown formats cannot drift apart.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace gantry {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t left_columns = 1;  // leading columns of text; the others hold numbers
};

// Columns padded to their widest cell, the first `left_columns` left-aligned and the others
// right-aligned (they hold numbers), two spaces apart.
void write_aligned(std::ostream& out, const TextTable& table);

// GitHub-flavoured Markdown, with `|` in cells escaped.
void write_markdown(std::ostream& out, const TextTable& table);

// An HTML <table> (cells escaped), the number columns marked class="num" to align right.
void write_html(std::ostream& out, const TextTable& table);

// Splits a wide table into tables no wider than `width` when aligned, each repeating the first
// column, so a table with many groups still fits a terminal. (A single column wider than
// `width` still gets a part of its own.)
std::vector<TextTable> split_to_width(const TextTable& table, std::size_t width);

// `text` broken at spaces into lines of at most `width` columns (a longer word stays whole),
// the continuation lines indented by `indent` spaces.
std::string wrap(const std::string& text, std::size_t width, std::size_t indent = 0);

// Display width of UTF-8 text (code points, not bytes).
std::size_t display_width(const std::string& text);

}  // namespace gantry

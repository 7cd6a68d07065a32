#include "gantry/base/text_table.hpp"

#include <algorithm>

#include "gantry/base/text.hpp"

namespace gantry {

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string wrap(const std::string& text, std::size_t width, std::size_t indent) {
  std::string wrapped, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      wrapped += line + "\n";
      line = std::string(indent, ' ') + word;
    } else {
      line += (line.empty() ? "" : " ") + word;
    }
    start = end + 1;
  }
  return wrapped + line;
}

namespace {

// The widest cell of each column, header included.
std::vector<std::size_t> column_widths(const TextTable& table) {
  std::vector<std::size_t> widths(table.header.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  widen(table.header);
  for (const auto& row : table.rows) widen(row);
  return widths;
}

}  // namespace

void write_aligned(std::ostream& out, const TextTable& table) {
  const std::vector<std::size_t> widths = column_widths(table);
  auto write_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      std::string padding(widths[i] - display_width(cell), ' ');
      if (i > 0) line += "  ";
      line += i < table.left_columns ? cell + padding : padding + cell;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  };
  write_row(table.header);
  for (const auto& row : table.rows) write_row(row);
}

void write_html(std::ostream& out, const TextTable& table) {
  auto write_row = [&](const std::vector<std::string>& row, const char* tag) {
    out << "<tr>";
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      out << '<' << tag << (i < table.left_columns ? "" : " class=\"num\"") << '>'
          << html_escape(i < row.size() ? row[i] : "") << "</" << tag << '>';
    }
    out << "</tr>\n";
  };
  out << "<table class=\"stats\"><thead>";
  write_row(table.header, "th");
  out << "</thead><tbody>\n";
  for (const auto& row : table.rows) write_row(row, "td");
  out << "</tbody></table>\n";
}

void write_markdown(std::ostream& out, const TextTable& table) {
  auto escape = [](const std::string& cell) {
    std::string escaped;
    for (char c : cell) {
      if (c == '|') escaped += '\\';
      escaped += c;
    }
    return escaped;
  };
  auto write_row = [&](const std::vector<std::string>& row) {
    out << '|';
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      out << ' ' << escape(i < row.size() ? row[i] : "") << " |";
    }
    out << '\n';
  };
  write_row(table.header);
  out << '|';
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    out << (i < table.left_columns ? " --- |" : " ---: |");
  }
  out << '\n';
  for (const auto& row : table.rows) write_row(row);
}

std::vector<TextTable> split_to_width(const TextTable& table, std::size_t width) {
  const std::vector<std::size_t> widths = column_widths(table);

  std::vector<TextTable> parts;
  std::size_t next = 1;
  do {
    // Every part repeats the first column and takes at least one more.
    std::vector<std::size_t> columns = {0};
    std::size_t used = widths.empty() ? 0 : widths[0];
    while (next < widths.size() && (columns.size() == 1 || used + 2 + widths[next] <= width)) {
      used += 2 + widths[next];
      columns.push_back(next++);
    }
    auto slice = [&](const std::vector<std::string>& row) {
      std::vector<std::string> part;
      for (std::size_t column : columns) part.push_back(column < row.size() ? row[column] : "");
      return part;
    };
    TextTable part{slice(table.header), {}, table.left_columns};
    for (const auto& row : table.rows) part.rows.push_back(slice(row));
    parts.push_back(std::move(part));
  } while (next < widths.size());
  return parts;
}

}  // namespace gantry

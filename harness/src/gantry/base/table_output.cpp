#include "gantry/base/table_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/base/number_format.hpp"
#include "gantry/base/text.hpp"
#include "gantry/base/text_table.hpp"

namespace gantry {
namespace {

// Full precision for machine formats: CSV and JSON readers must get the stored double back.
std::string exact_text(const Value& value) {
  if (const auto* real = std::get_if<double>(&value)) return format_exact(*real);
  return value_text(value);
}

void write_aligned(std::ostream& out, const Table& table) {
  std::vector<std::size_t> widths;
  for (const auto& column : table.columns) widths.push_back(display_width(column));
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : table.rows) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string text = value_text(row[i]);
      std::replace(text.begin(), text.end(), '\n', ' ');
      widths[i] = std::max(widths[i], display_width(text));
      texts.push_back(std::move(text));
    }
    cells.push_back(std::move(texts));
  }
  auto write_line = [&](const std::vector<std::string>& texts, const std::vector<Value>* row) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      bool number = row && !std::holds_alternative<std::string>((*row)[i]);
      std::string pad(widths[i] - display_width(texts[i]), ' ');
      out << (i ? "  " : "")
          << (number ? pad + texts[i] : texts[i] + (i + 1 < texts.size() ? pad : ""));
    }
    out << "\n";
  };
  write_line(table.columns, nullptr);
  std::vector<std::string> rules;
  for (std::size_t width : widths) rules.emplace_back(width, '-');
  write_line(rules, nullptr);
  for (std::size_t r = 0; r < cells.size(); ++r) write_line(cells[r], &table.rows[r]);
  out << "(" << table.rows.size() << (table.rows.size() == 1 ? " row" : " rows") << ")\n";
}

void write_csv(std::ostream& out, const Table& table) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out << (i ? "," : "") << csv_field(table.columns[i]);
  }
  out << "\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out << (i ? "," : "") << csv_field(exact_text(row[i]));
    out << "\n";
  }
}

void write_json(std::ostream& out, const Table& table) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Value& value = row[i];
      if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        object[table.columns[i]] = *integer;
      } else if (const auto* real = std::get_if<double>(&value)) {
        object[table.columns[i]] = std::isfinite(*real) ? nlohmann::ordered_json(*real) : nullptr;
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        object[table.columns[i]] = *text;
      } else {
        object[table.columns[i]] = nullptr;
      }
    }
    rows.push_back(std::move(object));
  }
  out << rows.dump(2) << "\n";
}

}  // namespace

TableFormat parse_table_format(const std::string& name) {
  if (name == "table") return TableFormat::table;
  if (name == "csv") return TableFormat::csv;
  if (name == "json") return TableFormat::json;
  throw ConfigError("unknown output format '" + name + "'; expected table, csv or json");
}

std::string value_text(const Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", *real);
    return text;
  }
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return "";
}

void write_table(std::ostream& out, const Table& table, TableFormat format) {
  switch (format) {
    case TableFormat::table:
      write_aligned(out, table);
      break;
    case TableFormat::csv:
      write_csv(out, table);
      break;
    case TableFormat::json:
      write_json(out, table);
      break;
  }
}

}  // namespace gantry

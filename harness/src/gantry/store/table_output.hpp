// Tabular results (query answers, run listings) written as an aligned text table, CSV
// (RFC 4180 quoting) or JSON (an array of objects, columns in order).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gantry/store/sqlite.hpp"

namespace gantry {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<sqlite::Value>> rows;
};

enum class TableFormat { table, csv, json };

// Throws ConfigError for anything but table, csv or json.
TableFormat parse_table_format(const std::string& name);

void write_table(std::ostream& out, const Table& table, TableFormat format);

// A value as text: integers exactly, reals to 6 significant digits, NULL as "".
std::string value_text(const sqlite::Value& value);

}  // namespace gantry

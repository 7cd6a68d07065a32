// Tabular results (query answers, run listings) written as an aligned text table, CSV
// (RFC 4180 quoting) or JSON (an array of objects, columns in order). CSV and JSON carry every
// real in full: the shortest text that reads back as the same double.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gantry/base/value.hpp"

namespace gantry {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

enum class TableFormat { table, csv, json };

// Throws ConfigError for anything but table, csv or json.
TableFormat parse_table_format(const std::string& name);

void write_table(std::ostream& out, const Table& table, TableFormat format);

// A value as text: integers exactly, reals to 6 significant digits, NULL as "".
std::string value_text(const Value& value);

}  // namespace gantry

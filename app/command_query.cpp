// `gantry query`: one read-only SQL statement over the results database.
#include <iostream>

#include "cli_common.hpp"
#include "commands.hpp"
#include "gantry/store/results_reader.hpp"

namespace gantry::cli {

int command_query(const std::vector<std::string>& raw_args) {
  StoreOptions store;
  std::string sql;
  std::string format = "table";
  po::options_description options("query options");
  options.add_options()("sql", po::value(&sql)->required(), "the SELECT statement")(
      "format", po::value(&format)->default_value(format), "table, csv or json");
  add_store_options(options, store, false);
  po::positional_options_description positional;
  positional.add("sql", 1);
  if (!parse_command("gantry query \"SELECT ...\" [--format table|csv|json] [--db FILE]", options,
                     positional, raw_args)) {
    return kSuccess;
  }
  TableFormat table_format = parse_table_format(format);
  ResultsReader reader(store.db);
  write_table(std::cout, reader.query(sql), table_format);
  return kSuccess;
}

}  // namespace gantry::cli

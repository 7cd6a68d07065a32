#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "gantry/base/errors.hpp"
#include "gantry/base/table_output.hpp"

namespace {

gantry::Table sample_table() {
  gantry::Table table;
  table.columns = {"id", "name", "value"};
  table.rows.push_back({std::int64_t{1}, std::string("plain"), 0.5});
  table.rows.push_back({std::int64_t{2}, std::string("has, comma \"quoted\""), gantry::Value{}});
  return table;
}

std::string render(gantry::TableFormat format) {
  std::ostringstream out;
  gantry::write_table(out, sample_table(), format);
  return out.str();
}

}  // namespace

TEST_CASE("CSV output quotes fields and keeps full precision", "[table_output]") {
  std::string csv = render(gantry::TableFormat::csv);
  CHECK(csv == "id,name,value\n1,plain,0.5\n2,\"has, comma \"\"quoted\"\"\",\n");
}

TEST_CASE("JSON output is an array of objects with nulls", "[table_output]") {
  auto rows = nlohmann::json::parse(render(gantry::TableFormat::json));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["id"] == 1);
  CHECK(rows[0]["value"] == 0.5);
  CHECK(rows[1]["value"].is_null());
  CHECK(rows[1]["name"] == "has, comma \"quoted\"");
}

TEST_CASE("text tables align columns and count rows", "[table_output]") {
  std::string table = render(gantry::TableFormat::table);
  CHECK(table.find("id  name") == 0);
  CHECK(table.find("(2 rows)") != std::string::npos);
  CHECK_THROWS_AS(gantry::parse_table_format("xml"), gantry::ConfigError);
}

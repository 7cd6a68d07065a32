#include <catch2/catch.hpp>
#include <sstream>

#include "gantry/base/text_table.hpp"

using namespace gantry;

TEST_CASE("text tables align, split and wrap for a terminal", "[text_table]") {
  TextTable table{{"statistic", "a", "b", "c"}, {{"mean", "1", "22", "333"}}};
  SECTION("aligned: first column left, the others right") {
    std::ostringstream out;
    write_aligned(out, table);
    CHECK(out.str() == "statistic  a   b    c\nmean       1  22  333\n");
  }
  SECTION("markdown") {
    std::ostringstream out;
    write_markdown(out, TextTable{{"x", "y|z"}, {{"1", "2"}}});
    CHECK(out.str() == "| x | y\\|z |\n| --- | ---: |\n| 1 | 2 |\n");
  }
  SECTION("html: cells escaped, number columns marked") {
    std::ostringstream out;
    write_html(out, TextTable{{"name", "value"}, {{"<script>", "1 & 2"}}});
    CHECK(out.str() ==
          "<table class=\"stats\"><thead><tr><th>name</th><th class=\"num\">value</th></tr>\n"
          "</thead><tbody>\n<tr><td>&lt;script&gt;</td><td class=\"num\">1 &amp; 2</td></tr>\n"
          "</tbody></table>\n");
  }
  SECTION("split keeps the first column in every part") {
    auto parts = split_to_width(table, 18);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].header == std::vector<std::string>{"statistic", "a", "b"});
    CHECK(parts[1].header == std::vector<std::string>{"statistic", "c"});
    CHECK(parts[1].rows[0] == std::vector<std::string>{"mean", "333"});
  }
  SECTION("wrap") {
    CHECK(wrap("aa bb cc dd", 5) == "aa bb\ncc dd");
    CHECK(wrap("- aa bb cc", 7, 2) == "- aa bb\n  cc");
    CHECK(wrap("averyverylongword x", 5) == "averyverylongword\nx");
  }
}

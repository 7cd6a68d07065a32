// The HTML page written in-process from a small database: self-contained, its report sections
// carry the same numbers as the markdown report, long curves are cut to columns that keep a
// spike, and no recorded text can end the page's script element.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gantry/analysis/html/html_page.hpp"
#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/report/report.hpp"
#include "gantry/store/results_db.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace gantry::analysis;

namespace {

constexpr int kSteps = 5000;
const std::string kOddKey = "</script><script>window.pwned = 1</script>";

// Two groups (by kOddKey) of three seeds, g_loss logged at every step; run 2 has a spike of 100
// at step 2500.
std::string write_db(const fs::path& dir) {
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "gantry sweep x2.ini");
  for (std::int64_t k = 1; k <= 2; ++k) {
    for (std::int64_t seed = 1; seed <= 3; ++seed) {
      gantry::RunStart start{sweep,
                             seed,
                             "run-" + std::to_string(k) + "-" + std::to_string(seed),
                             "[trainer]\n",
                             "data=x2@1.0.0",
                             {{kOddKey, k}}};
      std::int64_t run = db.begin_run(start, {}).value();
      std::vector<gantry::MetricPoint> points;
      for (int step = 1; step <= kSteps; ++step) {
        double value = 1.0 / (1.0 + 0.001 * step * k) + 0.01 * seed;
        if (run == 2 && step == 2500) value = 100;
        points.push_back({"g_loss", step, value});
      }
      db.append_metrics(run, points);
      db.end_run(run, {gantry::RecordedStatus::finished,
                       1.0,
                       kSteps,
                       "",
                       {{"g_loss", 0.5 + 0.1 * seed + 0.05 * k}}});
    }
  }
  return path;
}

Report report_of(const std::string& path, std::size_t columns) {
  gantry::ResultsSnapshot snapshot(path);
  ReportRequest request;
  request.curves_of_metrics = true;
  request.run_curve_columns = columns;
  return build_report(snapshot, request);
}

std::string between(const std::string& text, const std::string& from, const std::string& to) {
  std::size_t start = text.find(from);
  REQUIRE(start != std::string::npos);
  start += from.size();
  std::size_t end = text.find(to, start);
  REQUIRE(end != std::string::npos);
  return text.substr(start, end - start);
}

std::vector<std::string> numbers_in(const std::string& text) {
  static const std::regex number("-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?");
  std::vector<std::string> numbers;
  for (std::sregex_iterator it(text.begin(), text.end(), number), end; it != end; ++it) {
    numbers.push_back(it->str());
  }
  return numbers;
}

}  // namespace

TEST_CASE("the html page carries the report and its curves, and nothing from elsewhere", "[html]") {
  gantry::testing::ScratchDir dir;
  const std::string db = write_db(dir.path());
  Report report = report_of(db, 200);
  std::ostringstream page;
  html::write_html_page(page, report, html::PageRequest{});
  const std::string text = page.str();

  SECTION("self-contained: a policy that forbids requests, nothing linked") {
    CHECK_THAT(text, Catch::Contains("default-src 'none'"));
    CHECK_THAT(text, !Catch::Contains("<link"));
    CHECK_THAT(text, !Catch::Contains("src=\"http"));
    CHECK_THAT(text, Catch::Contains("\"watch\":0"));  // only a watched page reloads
  }

  SECTION("the report's sections hold the markdown report's numbers, in the same order") {
    std::ostringstream markdown;
    write_text_report(markdown, report, TextStyle::markdown);
    std::string sections = between(text, "<section id=\"report\">", "</section>");
    // Tags and entities (Cliff&#39;s delta) are not the report's numbers.
    sections = std::regex_replace(sections, std::regex("<[^>]*>|&#?[0-9a-z]+;"), " ");
    CHECK(numbers_in(sections) == numbers_in(markdown.str()));
  }

  SECTION("no recorded text can end the data's script element") {
    std::string data = between(text, "id=\"gantry-data\">", "</script>");
    auto json = nlohmann::json::parse(data);
    CHECK(json["varied"][0] == kOddKey);
    CHECK(text.find("</script><script>window.pwned") == std::string::npos);
  }

  SECTION("5,000 steps are cut to 200 columns that keep run 2's spike") {
    auto json = nlohmann::json::parse(between(text, "id=\"gantry-data\">", "</script>"));
    const auto& curve = json["curves"][0];
    CHECK(curve["metric"] == "g_loss");
    REQUIRE(curve["groups"].size() == 2);
    const auto& group = curve["groups"][0];
    CHECK(group["columns"]["exact"] == false);
    CHECK(group["columns"]["first"].size() == 200);
    REQUIRE(group["runs"].size() == 3);
    double highest = 0;
    for (const auto& run : group["runs"]) {
      CHECK(run["low"].size() == 200);
      for (const auto& value : run["high"]) highest = std::max(highest, value.get<double>());
    }
    CHECK(highest == 100);
  }
}

TEST_CASE("a watched page says when it was written and reloads itself", "[html]") {
  gantry::testing::ScratchDir dir;
  Report report = report_of(write_db(dir.path()), 50);
  html::PageRequest request;
  request.watch_seconds = 5;
  request.written_at = "2026-12-07 10:00:00";
  std::ostringstream page;
  html::write_html_page(page, report, request);
  CHECK_THAT(page.str(), Catch::Contains("rewritten every 5 s, last at 2026-12-07 10:00:00"));
  CHECK_THAT(page.str(), Catch::Contains("\"watch\":5"));

  std::ostringstream waiting;
  html::write_waiting_page(waiting, "a.sqlite", "no finished run <yet>", request);
  CHECK_THAT(waiting.str(), Catch::Contains("No report yet: no finished run &lt;yet&gt;"));
  CHECK_THAT(waiting.str(), Catch::Contains("\"waiting\":true"));
}

TEST_CASE("base 64 as RFC 4648 gives it", "[html]") {
  // RFC 4648, section 10.
  auto encode = [](const std::string& text) {
    return html::base64(std::vector<std::uint8_t>(text.begin(), text.end()));
  };
  CHECK(encode("") == "");
  CHECK(encode("f") == "Zg==");
  CHECK(encode("fo") == "Zm8=");
  CHECK(encode("foo") == "Zm9v");
  CHECK(encode("foob") == "Zm9vYg==");
  CHECK(encode("fooba") == "Zm9vYmE=");
  CHECK(encode("foobar") == "Zm9vYmFy");
}

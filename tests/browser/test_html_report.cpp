// `gantry report --html` in a real browser: Debian's chromium, headless, opens the page from a
// file: URL with every network request blocked, and the test reads what a person would see.
// One screenshot per run is kept as tests/html-report.png in the build folder.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <thread>

#include "cli_process.hpp"
#include "headless_browser.hpp"
#include "test_support.hpp"
#include "tiny_images_experiment.hpp"

using gantry::testing::HeadlessBrowser;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using nlohmann::json;

namespace {

const char* const kCurves = R"([experiment]
name = curves
[data]
plugin = x2
[model]
plugin = eigen-mlp
g_layers = 15:relu:he_uniform, 2:linear
d_layers = 25:relu:he_uniform, 1:sigmoid
latent_dim = 5
[trainer]
plugin = alternating
epochs = 400
batch = 64
eval_every = 100
log_every = 10
)";

// Runs gantry in `dir` and requires it to succeed, showing its output when it does not.
void succeed(ScratchDir& dir, const std::string& arguments) {
  auto result = run_gantry(dir.path(), arguments);
  INFO("gantry " << arguments << "\n" << result.output);
  REQUIRE(result.exit_code == 0);
}

// A sweep of 2 groups x 4 seeds in `dir`, and its page.
std::filesystem::path sweep_and_page(ScratchDir& dir, const std::string& grid,
                                     const std::string& report_options = "") {
  dir.write("curves.ini", kCurves);
  succeed(dir, "sweep curves.ini --seeds 1-4 --jobs 2 " + grid);
  succeed(dir, "report --html page.html " + report_options);
  return dir / "page.html";
}

void sql(const std::filesystem::path& db, const std::string& statement) {
  std::string command = "sqlite3 '" + db.string() + "' \"" + statement + "\"";
  REQUIRE(std::system(command.c_str()) == 0);
}

bool wait_for_file(const std::filesystem::path& file) {
  for (int attempt = 0; attempt < 300; ++attempt) {
    if (std::filesystem::exists(file)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

std::string file_url(const std::filesystem::path& file) {
  return "file://" + std::filesystem::absolute(file).string();
}

int count(HeadlessBrowser& browser, const std::string& selector) {
  json quoted = selector;
  return browser.evaluate("document.querySelectorAll(" + quoted.dump() + ").length").get<int>();
}

// The page loaded without an error in its console and asked for nothing but itself.
void check_clean_load(HeadlessBrowser& browser) {
  for (const auto& error : browser.log().errors) FAIL_CHECK(error);
  for (const auto& url : browser.log().requests) {
    INFO(url);
    CHECK((url.rfind("file://", 0) == 0 || url.rfind("data:", 0) == 0));
  }
}

// Opens the page file and checks that it loaded cleanly.
void open_page(HeadlessBrowser& browser, const std::filesystem::path& page) {
  browser.open(file_url(page));
  check_clean_load(browser);
}

// The index of the runs table's column headed `name`.
int column_of(HeadlessBrowser& browser, const std::string& name) {
  json quoted = name;
  return browser
      .evaluate(
          "[...document.querySelectorAll('table.runs th')].findIndex((th) => "
          "th.textContent === " +
          quoted.dump() + ")")
      .get<int>();
}

std::vector<std::string> column_text(HeadlessBrowser& browser, int column) {
  return browser
      .evaluate("[...document.querySelectorAll('table.runs tbody tr')].map((r) => r.children[" +
                std::to_string(column) + "].textContent)")
      .get<std::vector<std::string>>();
}

}  // namespace

TEST_CASE("the report page draws every figure, answers hovers and clicks, and loads offline",
          "[browser][html]") {
  ScratchDir dir;
  auto page = sweep_and_page(dir, "--grid trainer.k=1,3");
  HeadlessBrowser browser(dir / "profile");
  open_page(browser, page);
  const int curve_figures = count(browser, "figure.curves");

  SECTION("every figure has the series it should") {
    // Curves of the energy distance, the residual and g_loss: one line and band per group.
    CHECK(curve_figures == 3);
    CHECK(count(browser, "figure.curves path.group-line") == 3 * 2);
    CHECK(count(browser, "figure.curves path.band") == 3 * 2);
    CHECK(count(browser, "figure.curves path.run-line") == 0);
    // Final values: one point per run in each of the 3 metrics' strip plots.
    CHECK(count(browser, "#finals circle.point") == 3 * 8);
    CHECK(count(browser, "#accuracy path.run-line") == 8);
    CHECK(count(browser, "#accuracy line.threshold") == 1);
    CHECK(count(browser, "#survival path.group-line") == 2);
    CHECK(count(browser, "#samples input[type=range]") == 1);
    CHECK(count(browser, "#samples svg .generated circle") > 0);
    CHECK(count(browser, "#report table.stats") > 3);
    // One varied setting: no parallel coordinates.
    CHECK(count(browser, "#parallel") == 0);
    browser.screenshot(gantry::testing::binary_dir() / "tests" / "html-report.png");
  }

  SECTION("the individual runs' toggle draws every run in every curve figure") {
    auto [x, y] = browser.centre_of("#show-runs");
    browser.click(x, y);
    CHECK(count(browser, "figure.curves path.run-line") == curve_figures * 8);
  }

  SECTION("hovering a run's point shows its id") {
    std::string run = browser
                          .evaluate(
                              "document.querySelector('#finals circle.point')"
                              ".getAttribute('data-run')")
                          .get<std::string>();
    auto [x, y] = browser.centre_of("#finals circle.point[data-run='" + run + "']");
    browser.move_mouse(x, y);
    CHECK_FALSE(browser.evaluate("document.getElementById('tooltip').hidden").get<bool>());
    std::string tip = browser.evaluate("document.getElementById('tooltip').textContent");
    CHECK_THAT(tip, Catch::Contains("run #" + run));
    CHECK_THAT(tip, Catch::Contains("seed"));
  }

  SECTION("a legend entry hides its group in every figure, and shows it again") {
    auto [x, y] = browser.centre_of("figure.curves .legend-entry[data-group='0']");
    browser.click(x, y);
    CHECK(count(browser, "path.group-line[data-group='0']") == 0);
    CHECK(count(browser, "path.group-line[data-group='1']") == curve_figures + 1);
    CHECK(count(browser, "#finals circle.point[data-group='0']") == 0);
    std::tie(x, y) = browser.centre_of("figure.curves .legend-entry[data-group='0']");
    browser.click(x, y);
    CHECK(count(browser, "path.group-line[data-group='0']") == curve_figures + 1);
  }

  SECTION("the runs table sorts by a clicked column, and filters") {
    CHECK(count(browser, "table.runs tbody tr") == 8);
    const int seed = column_of(browser, "seed");
    REQUIRE(seed > 0);
    const std::string header = "table.runs th[data-column='" + std::to_string(seed) + "']";
    auto [x, y] = browser.centre_of(header);
    browser.click(x, y);
    CHECK(column_text(browser, seed) ==
          std::vector<std::string>{"1", "1", "2", "2", "3", "3", "4", "4"});
    std::tie(x, y) = browser.centre_of(header);
    browser.click(x, y);
    CHECK(column_text(browser, seed) ==
          std::vector<std::string>{"4", "4", "3", "3", "2", "2", "1", "1"});
    browser.evaluate(
        "(() => { const f = document.querySelector('#runs-table input[type=search]');"
        " f.value = 'trainer.k=3'; f.dispatchEvent(new Event('input')); })()");
    CHECK(count(browser, "table.runs tbody tr") == 4);
  }

  SECTION("a run's link in the table highlights it in the curves") {
    auto [x, y] = browser.centre_of("table.runs tbody tr[data-run='2'] a");
    browser.click(x, y);
    CHECK(count(browser, "figure.curves path.run-line.selected[data-run='2']") == curve_figures);
  }
  check_clean_load(browser);
}

TEST_CASE("a report page over failed, running and oddly named runs shows them as text",
          "[browser][html]") {
  ScratchDir dir;
  dir.write("curves.ini", kCurves);
  succeed(dir, "sweep curves.ini --seeds 1-4 --grid trainer.k=1,2");
  const auto db = dir / "gantry.sqlite";
  sql(db, "UPDATE runs SET status = 'failed', error = 'D <b>diverged</b>' WHERE id = 1");
  sql(db, "UPDATE runs SET status = 'running' WHERE id = 2");
  sql(db, "UPDATE sweeps SET name = '<script>window.pwned = 1</script>'");
  sql(db,
      "UPDATE params SET key = '<img src=x onerror=\\\"window.pwned = 2\\\">' "
      "WHERE key = 'trainer.k'");
  succeed(dir, "report --html page.html");

  HeadlessBrowser browser(dir / "profile");
  open_page(browser, dir / "page.html");
  CHECK(browser.evaluate("typeof window.pwned").get<std::string>() == "undefined");
  std::string text = browser.evaluate("document.body.innerText");
  CHECK_THAT(text, Catch::Contains("<script>window.pwned = 1</script>"));
  CHECK_THAT(text, Catch::Contains("<img src=x onerror=\"window.pwned = 2\">"));
  CHECK_THAT(text, Catch::Contains("D <b>diverged</b>"));
  CHECK(count(browser, "table.runs tr.status-failed") == 1);
  CHECK(count(browser, "table.runs tr.status-running") == 1);
  // Finished runs alone make the figures: 6 points per strip plot.
  CHECK(count(browser, "#finals figure:first-of-type circle.point") == 6);
}

TEST_CASE("a report page of one group without curves still loads cleanly", "[browser][html]") {
  ScratchDir dir;
  dir.write("curves.ini", kCurves);
  succeed(dir, "sweep curves.ini --seeds 1-3");
  sql(dir / "gantry.sqlite", "DELETE FROM metrics");
  succeed(dir, "report --html page.html");
  HeadlessBrowser browser(dir / "profile");
  open_page(browser, dir / "page.html");
  CHECK(count(browser, "figure.curves") == 0);
  CHECK(count(browser, "#accuracy") == 0);
  CHECK(count(browser, "#finals circle.point") > 0);
  CHECK(count(browser, "table.runs tbody tr") == 3);
}

TEST_CASE("an image sweep's page shows the generator's image grids with a slider",
          "[browser][html]") {
  ScratchDir dir;
  dir.write("images.ini", gantry::testing::kTinyImagesExperiment);
  succeed(dir, "sweep images.ini --seeds 1-2" + gantry::testing::tiny_images_plugin_dir_option());
  succeed(dir, "report --html page.html");
  HeadlessBrowser browser(dir / "profile");
  open_page(browser, dir / "page.html");
  REQUIRE(count(browser, "#samples img.grid-image") == 1);
  CHECK(browser
            .evaluate("document.querySelector('#samples img').src.startsWith("
                      "'data:image/png;base64,')")
            .get<bool>());
  // The image decoded: a grid of 5 x 5 images of 4 x 6 pixels with 2-pixel frames.
  CHECK(browser.evaluate("document.querySelector('#samples img').naturalWidth").get<int>() ==
        5 * 4 + 6 * 2);
  CHECK(browser.evaluate("document.querySelector('#samples input[type=range]').max")
            .get<std::string>() == "1");
}

TEST_CASE("a search's page shows its race and the settings against the metric in parallel",
          "[browser][html]") {
  ScratchDir dir;
  dir.write("curves.ini", kCurves);
  succeed(dir,
          "search curves.ini --space trainer.k=1,2 --space model.g_lr=0.001,0.01 "
          "--seeds 1-5 --metric eval.energy_distance --sweep race");
  succeed(dir, "report --html page.html");
  HeadlessBrowser browser(dir / "profile");
  open_page(browser, dir / "page.html");
  // 4 configurations x 5 seeds, each run one line over 3 axes: k, g_lr, the energy distance.
  CHECK(count(browser, "#parallel path.pc-line") == 20);
  CHECK(count(browser, "#parallel line.axis") == 3);
  std::string text = browser.evaluate("document.getElementById('report').innerText");
  CHECK_THAT(text, Catch::Contains("Search 'race'"));
}

TEST_CASE("a watched page reloads itself until the watch ends", "[browser][html]") {
  ScratchDir dir;
  auto page = sweep_and_page(dir, "--grid trainer.k=1,2");
  (void)page;
  gantry::testing::BackgroundGantry watch(dir.path(),
                                          {"report", "--html", "watched.html", "--watch", "1"});
  REQUIRE(wait_for_file(dir / "watched.html"));
  HeadlessBrowser browser(dir / "profile");
  browser.open(file_url(dir / "watched.html"));
  CHECK_THAT(browser.evaluate("document.body.innerText").get<std::string>(),
             Catch::Contains("Watching: rewritten every 1 s"));
  CHECK(browser.wait_for_reload(std::chrono::seconds(10)));
  check_clean_load(browser);
  const int status = watch.stop(SIGINT);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::ifstream in(dir / "watched.html");
  std::string final_page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(final_page, !Catch::Contains("Watching"));
  CHECK_THAT(final_page, Catch::Contains("\"watch\":0"));
}

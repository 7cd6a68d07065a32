// `gantry report` end to end: a small real sweep over two K values, reported in every format,
// parsed back and checked against SQL run directly on the database; and its error cases.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <signal.h>
#include <sys/wait.h>

#include "cli_process.hpp"
#include "gantry/store/results_reader.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

const char* const kExperiment = R"([data]
plugin = x2
[trainer]
epochs = 200
eval_every = 20
log_every = 10
[eval]
heldout_rows = 100
generated_rows = 100
final_rows = 50
energy_rows = 100
)";

// One number from SQL, straight from the database.
double sql_number(const std::filesystem::path& db, const std::string& sql) {
  gantry::ResultsReader reader(db.string());
  auto table = reader.query(sql);
  REQUIRE(table.rows.size() == 1);
  const auto& cell = table.rows[0][0];
  if (const auto* real = std::get_if<double>(&cell)) return *real;
  return static_cast<double>(std::get<std::int64_t>(cell));
}

std::vector<double> sql_values(const std::filesystem::path& db, const std::string& sql) {
  gantry::ResultsReader reader(db.string());
  std::vector<double> values;
  for (const auto& row : reader.query(sql).rows) values.push_back(std::get<double>(row[0]));
  return values;
}

std::vector<std::int64_t> sql_ids(const std::filesystem::path& db, const std::string& sql) {
  gantry::ResultsReader reader(db.string());
  std::vector<std::int64_t> ids;
  for (const auto& row : reader.query(sql).rows) ids.push_back(std::get<std::int64_t>(row[0]));
  return ids;
}

const char* const kRunsOfK =
    "SELECT run_id FROM params JOIN runs ON runs.id = params.run_id WHERE key = 'trainer.k' "
    "AND value = ";

// The value of one row of the long csv format.
std::optional<std::string> csv_value(const std::string& csv, const std::string& prefix) {
  std::istringstream lines(csv);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("gantry report agrees with SQL on a real two-K sweep", "[cli][report]") {
  ScratchDir dir;
  dir.write("small.ini", kExperiment);
  auto sweep = run_gantry(dir.path(), "sweep small.ini --seeds 1-4 --grid trainer.k=1,3 --jobs 2");
  INFO(sweep.output);
  REQUIRE(sweep.exit_code == 0);
  auto db = dir / "gantry.sqlite";
  const std::string metric = "eval.energy_distance";
  auto sql_mean = [&](int k) {
    return sql_number(db, "SELECT avg(value) FROM summaries WHERE key = '" + metric +
                              "' AND run_id IN (" + kRunsOfK + std::to_string(k) + ")");
  };

  SECTION("json") {
    auto result = run_gantry(dir.path(), "report --format json");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    auto report = nlohmann::json::parse(result.output);
    REQUIRE(report["groups"].size() == 2);
    CHECK(report["settings"]["group_by"] == nlohmann::json::array({"trainer.k"}));
    for (int i : {0, 1}) {
      int k = i == 0 ? 1 : 3;
      const auto& group = report["groups"][i];
      CHECK(group["name"] == "trainer.k=" + std::to_string(k));
      CHECK(group["run_ids"].get<std::vector<std::int64_t>>() ==
            sql_ids(db, kRunsOfK + std::to_string(k) + " ORDER BY run_id"));
      const auto& stats = group["metrics"][metric];
      CHECK(stats["n"] == 4);
      CHECK_THAT(stats["mean"].get<double>(), WithinRel(sql_mean(k), 1e-12));
      CHECK_THAT(
          stats["min"].get<double>(),
          WithinRel(sql_number(db, "SELECT min(value) FROM summaries WHERE key = '" + metric +
                                       "' AND run_id IN (" + kRunsOfK + std::to_string(k) + ")"),
                    1e-12));
      CHECK(group["overpowering"]["runs"].size() == 4);
      CHECK(group["overpowering"]["runs"][0]["evaluations"] == 10);
      CHECK(group["overpowering"]["onset"]["steps"].is_array());
    }
    const auto& effect = report["effect"];
    CHECK(effect["metric"] == metric);
    CHECK(effect["pairs"].size() == 1);
    // The verdict, against the values read by SQL: the Hodges-Lehmann shift is the median of
    // the 16 differences, Cliff's delta their balance of signs.
    auto values_of = [&](int k) {
      return sql_values(db, "SELECT value FROM summaries WHERE key = '" + metric +
                                "' AND run_id IN (" + kRunsOfK + std::to_string(k) + ")");
    };
    std::vector<double> differences;
    double signs = 0;
    for (double x : values_of(1)) {
      for (double y : values_of(3)) {
        differences.push_back(x - y);
        signs += (x > y) - (x < y);
      }
    }
    REQUIRE(differences.size() == 16);
    std::sort(differences.begin(), differences.end());
    const auto& pair = effect["pairs"][0];
    CHECK_THAT(pair["shift"]["estimate"].get<double>(),
               WithinRel((differences[7] + differences[8]) / 2, 1e-12));
    CHECK(pair["shift"]["ci_low"].get<double>() <= pair["shift"]["estimate"].get<double>());
    CHECK(pair["shift"]["ci_high"].get<double>() >= pair["shift"]["estimate"].get<double>());
    CHECK_THAT(pair["cliffs_delta"].get<double>(), WithinRel(signs / 16, 1e-12));
    CHECK_THAT(pair["verdict"].get<std::string>(),
               Contains("trainer.k=1 vs trainer.k=3: ") && Contains(" seeds per group "));
    CHECK(report["settings"]["seeds_needed"]["power"] == 0.8);
    for (int i : {0, 1}) {
      // The expected best of one run is the mean; of more, lower (lower is better), down to
      // no less than the best run.
      const auto& stats = report["groups"][i]["metrics"][metric];
      auto best = stats["expected_best"].get<std::vector<double>>();
      REQUIRE(best.size() == 4);
      CHECK_THAT(best[0], WithinRel(sql_mean(i == 0 ? 1 : 3), 1e-12));
      CHECK(std::is_sorted(best.rbegin(), best.rend()));
      CHECK(best[3] >= stats["min"].get<double>());
    }
    CHECK(effect["kruskal_wallis"]["df"] == 1);
    double p = effect["kruskal_wallis"]["p_value"].get<double>();
    CHECK(p >= 0.0);
    CHECK(p <= 1.0);
  }
  SECTION("csv carries the same numbers at full precision") {
    auto result = run_gantry(dir.path(), "report --format csv");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    CHECK(result.output.rfind("section,group,run,step,metric,statistic,value\n", 0) == 0);
    auto mean = csv_value(result.output, "metric,trainer.k=3,,," + metric + ",mean,");
    REQUIRE(mean);
    CHECK_THAT(std::stod(*mean), WithinRel(sql_mean(3), 1e-15));
    auto ids = csv_value(result.output, "group,trainer.k=1,,,,run_ids,");
    REQUIRE(ids);
    std::string expected;
    for (auto id : sql_ids(db, std::string(kRunsOfK) + "1 ORDER BY run_id")) {
      expected += (expected.empty() ? "" : " ") + std::to_string(id);
    }
    CHECK(*ids == expected);
    CHECK(csv_value(result.output, "settings,,,,,overpowering.threshold,") == "0.9");
    auto best_of_one =
        csv_value(result.output, "expected_best,trainer.k=3,,," + metric + ",best_of_1,");
    REQUIRE(best_of_one);
    CHECK_THAT(std::stod(*best_of_one), WithinRel(sql_mean(3), 1e-12));
    CHECK(csv_value(result.output, "expected_best,trainer.k=3,,," + metric + ",best_of_4,"));
    auto verdict = csv_value(result.output,
                             "pairwise,trainer.k=1 vs trainer.k=3,,," + metric + ",seeds_verdict,");
    REQUIRE(verdict);
    CHECK((*verdict == "decided" || *verdict == "undecided" || *verdict == "out_of_reach"));
  }
  SECTION("table fits a 100-column terminal and says what the data support") {
    auto result = run_gantry(dir.path(), "report");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(line.size() <= 100);
    }
    CHECK_THAT(result.output, Contains("trainer.k=1 vs trainer.k=3: difference in median"));
    CHECK_THAT(result.output, Contains("Kruskal-Wallis H = "));
    CHECK_THAT(result.output, Contains("balanced accuracy >= 0.9"));
    CHECK_THAT(result.output, Contains("\nVerdict (eval.energy_distance)\n"));
    CHECK_THAT(result.output, Contains("- trainer.k=1 vs trainer.k=3: "));
    CHECK_THAT(result.output, Contains("Expected best of n runs"));
  }
  SECTION("markdown") {
    auto result = run_gantry(dir.path(), "report --format markdown --threshold 0.8 --window 2");
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.output, Contains("## Discriminator overpowering"));
    CHECK_THAT(result.output, Contains("| statistic | trainer.k=1 | trainer.k=3 |"));
    CHECK_THAT(result.output, Contains("balanced accuracy >= 0.8"));
    CHECK_THAT(result.output, Contains("for 2 consecutive evaluations"));
  }
  SECTION("the seeds-needed search takes its settings from the command line") {
    auto result = run_gantry(dir.path(),
                             "report --format json --max-seeds 2 --power-resamples 50 --power 0.9");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    auto report = nlohmann::json::parse(result.output);
    CHECK(report["settings"]["seeds_needed"]["max_seeds"] == 2);
    CHECK(report["settings"]["seeds_needed"]["resamples"] == 50);
    CHECK(report["settings"]["seeds_needed"]["power"] == 0.9);
    // No two-sided Mann-Whitney test of 2 runs against 2 reaches p < 0.05 (exact: at least
    // 2 / C(4, 2) = 1/3; with ties the normal approximation's at least 0.19), so 2 a group
    // never suffice.
    const auto& pair = report["effect"]["pairs"][0];
    CHECK(pair["seeds_verdict"] == "out_of_reach");
    CHECK_THAT(pair["verdict"].get<std::string>(),
               Contains("more than 2 seeds per group needed for 90% power (each has 4)"));
  }
  SECTION("per-step curves across seeds") {
    auto result = run_gantry(dir.path(), "report --curve g_loss --curves-csv curves.csv");
    REQUIRE(result.exit_code == 0);
    std::ifstream file(dir / "curves.csv");
    std::string header, first;
    std::getline(file, header);
    std::getline(file, first);
    CHECK(header == "group,metric,step,runs,mean,sd,q0.1,q0.25,q0.5,q0.75,q0.9");
    CHECK(first.rfind("trainer.k=1,g_loss,10,4,", 0) == 0);
    double mean = std::stod(first.substr(std::string("trainer.k=1,g_loss,10,4,").size()));
    CHECK_THAT(mean, WithinRel(sql_number(db,
                                          "SELECT avg(value) FROM metrics WHERE key = "
                                          "'g_loss' AND step = 10 AND run_id IN (" +
                                              std::string(kRunsOfK) + "1)"),
                               1e-12));
  }
  SECTION("figures") {
    auto result = run_gantry(dir.path(), "report --plots figures --plot-run 2");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    for (const char* name :
         {"curves-eval.energy_distance", "d-balanced-accuracy", "final-eval.energy_distance",
          "expected-best-eval.energy_distance", "onset-survival", "samples-run-2"}) {
      INFO(name);
      CHECK(std::filesystem::file_size(dir / "figures" / (std::string(name) + ".png")) > 0);
      CHECK(std::filesystem::file_size(dir / "figures" / (std::string(name) + ".svg")) > 0);
    }
    auto without_gnuplot = run_gantry(dir.path(), "report --plots elsewhere", "PATH=/nonexistent");
    CHECK(without_gnuplot.exit_code == 1);
    CHECK_THAT(without_gnuplot.output, Contains("gnuplot-nox"));
    CHECK_THAT(without_gnuplot.output, Contains("trainer.k=1 vs trainer.k=3"));  // report still out
  }
  SECTION("a group of one run has no interval, and says so") {
    auto one_seed = run_gantry(dir.path(),
                               "sweep small.ini --seeds 1 --grid trainer.k=1,3 "
                               "--db one.sqlite --artifacts one");
    REQUIRE(one_seed.exit_code == 0);
    auto table = run_gantry(dir.path(), "report --db one.sqlite");
    INFO(table.output);
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.output, Contains("n=1: none"));
    CHECK_THAT(table.output,
               Contains("trainer.k=1 has one finished run: no spread and no interval"));
    CHECK_THAT(table.output, !Contains("nan"));
    auto json = run_gantry(dir.path(), "report --db one.sqlite --format json");
    REQUIRE(json.exit_code == 0);
    auto stats = nlohmann::json::parse(json.output)["groups"][0]["metrics"][metric];
    CHECK(stats["sd"].is_null());
    CHECK(stats["ci_low"].is_null());
    CHECK(stats["n"] == 1);
  }
  SECTION("bad requests name the problem") {
    auto metric_typo = run_gantry(dir.path(), "report --metric eval.energy_distanse");
    CHECK(metric_typo.exit_code == 1);
    CHECK_THAT(metric_typo.output, Contains("unknown metric 'eval.energy_distanse'"));
    CHECK_THAT(metric_typo.output, Contains("did you mean 'eval.energy_distance'"));
    auto group_typo = run_gantry(dir.path(), "report --group-by trainer.kk");
    CHECK(group_typo.exit_code == 1);
    CHECK_THAT(group_typo.output, Contains("did you mean 'trainer.k'"));
    auto sweep_typo = run_gantry(dir.path(), "report --sweep smal");
    CHECK(sweep_typo.exit_code == 1);
    CHECK_THAT(sweep_typo.output, Contains("no sweep named 'smal'"));
    auto threshold = run_gantry(dir.path(), "report --threshold 0.4");
    CHECK(threshold.exit_code == 1);
    CHECK_THAT(threshold.output, Contains("--threshold"));
    auto power = run_gantry(dir.path(), "report --power 1.5");
    CHECK(power.exit_code == 1);
    CHECK_THAT(power.output, Contains("--power 1.5 is out of range"));
    auto max_seeds = run_gantry(dir.path(), "report --max-seeds 1");
    CHECK(max_seeds.exit_code == 1);
    CHECK_THAT(max_seeds.output, Contains("--max-seeds 1 is out of range"));
    auto format = run_gantry(dir.path(), "report --format xml");
    CHECK(format.exit_code == 1);
    CHECK_THAT(format.output, Contains("unknown report format 'xml'"));
    auto missing = run_gantry(dir.path(), "report --db nothing.sqlite");
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.output, Contains("no results database at 'nothing.sqlite'"));
  }
}

TEST_CASE("gantry report on runs that all failed says there is nothing to report",
          "[cli][report]") {
  ScratchDir dir;
  std::string config = kExperiment;
  config.replace(config.find("plugin = x2"), 11, "plugin = faulty\nfault = throw");
  dir.write("faulty.ini", config);
  std::string plugin_dir =
      "--plugin-dir '" + gantry::testing::test_plugin_dir("faulty").string() + "'";
  REQUIRE(run_gantry(dir.path(), "sweep faulty.ini --seeds 1-2 " + plugin_dir).exit_code == 3);
  auto result = run_gantry(dir.path(), "report");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.output, Contains("nothing to report: no finished runs"));
  CHECK_THAT(result.output, Contains("2 failed"));
}

TEST_CASE("gantry report reads a consistent snapshot while a sweep is writing", "[cli][report]") {
  ScratchDir dir;
  std::string config = kExperiment;
  // Runs long enough (about half a second each) that the report lands while some still go on.
  config.replace(config.find("epochs = 200"), 12, "epochs = 30000");
  config.replace(config.find("eval_every = 20"), 15, "eval_every = 3000");
  dir.write("long.ini", config);
  gantry::testing::BackgroundGantry sweep(dir.path(), {"sweep", "long.ini", "--seeds", "1-4",
                                                       "--grid", "trainer.k=1,2", "--jobs", "2"});
  REQUIRE(gantry::testing::wait_for_finished(dir / "gantry.sqlite", 2));
  auto result = run_gantry(dir.path(), "report --format json");
  sweep.stop(SIGKILL);
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto report = nlohmann::json::parse(result.output);
  std::size_t finished = 0, running = 0;
  for (const auto& group : report["groups"]) {
    finished += group["finished_ids"].size();
    running += group["running_ids"].size();
    // Every finished run counted has its statistics: nothing half-written was read.
    std::size_t with_value = 0;
    for (const auto& [metric, stats] : group["metrics"].items()) {
      with_value = std::max<std::size_t>(with_value, stats["n"].get<std::size_t>());
    }
    CHECK(with_value == group["finished_ids"].size());
  }
  CHECK(finished >= 2);
  CHECK(finished + running <= 8);
  if (running > 0) {
    CHECK_THAT(report["notes"].dump(), Contains("still running"));
  }
}

TEST_CASE("gantry report --html refuses what it cannot do, with one message each",
          "[cli][report][html]") {
  ScratchDir dir;
  dir.write("x2.ini", kExperiment);
  REQUIRE(run_gantry(dir.path(), "sweep x2.ini --seeds 1-2").exit_code == 0);
  struct Case {
    const char* arguments;
    const char* message;
  };
  for (const Case& c : {
           Case{"--watch 5", "--watch is an option of the HTML page; give --html FILE"},
           Case{"--html p.html --watch 0", "--watch 0: give the seconds between rewrites"},
           Case{"--html p.html --columns 1", "--columns 1: a curve needs at least 2 columns"},
           Case{"--html p.html --plot-run 99", "--plot-run 99: no such run"},
           Case{"--html no/such/dir/p.html", "cannot write 'no/such/dir/p.html'"},
           Case{"--html p.html --watch 2 --plots figs", "--watch rewrites the page alone"},
       }) {
    auto result = run_gantry(dir.path(), std::string("report ") + c.arguments);
    INFO(c.arguments << "\n" << result.output);
    CHECK(result.exit_code != 0);
    CHECK_THAT(result.output, Contains(c.message));
    CHECK_FALSE(std::filesystem::exists(dir / "p.html"));
  }
  // Nothing half-written is left beside the page either.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("gantry report --html --watch waits for a database that has no report yet",
          "[cli][report][html]") {
  ScratchDir dir;
  gantry::testing::BackgroundGantry watch(
      dir.path(), {"report", "--html", "page.html", "--watch", "1", "--db", "later.sqlite"});
  const auto page = dir / "page.html";
  for (int attempt = 0; attempt < 100 && !std::filesystem::exists(page); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::ifstream in(page);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Contains("No report yet: no results database at &#39;later.sqlite&#39;"));
  CHECK_THAT(text, Contains("\"waiting\":true"));
  int status = watch.stop(SIGTERM);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

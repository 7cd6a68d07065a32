#include <catch2/catch.hpp>

#include <limits>
#include <map>
#include <string>

#include "gantry/base/errors.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/store/results_snapshot.hpp"
#include "gantry/store/sqlite.hpp"
#include "test_support.hpp"

using gantry::testing::ScratchDir;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

gantry::RunStart start_for(std::int64_t sweep_id, std::int64_t seed, std::int64_t k) {
  return gantry::RunStart{sweep_id,
                          seed,
                          "identity-" + std::to_string(seed) + "-" + std::to_string(k),
                          "[trainer]\nk = " + std::to_string(k) + "\n",
                          "data=x2@1.0.0",
                          {{"trainer.k", k}, {"model.latent", std::string("normal")}}};
}

// Two finished runs of one sweep. Run 1's g_loss has every kind of value a metric row can hold:
// finite reals, NaN (stored as NULL), both infinities, an integer and a text.
std::string write_small_db(const ScratchDir& dir) {
  std::string path = (dir / "results.sqlite").string();
  std::int64_t first = 0;
  {
    gantry::ResultsDb db(path);
    std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "gantry sweep x2.ini");
    first = db.begin_run(start_for(sweep, 1, 2), {}).value();
    db.append_metrics(first, {{"g_loss", 10, 0.7},
                              {"g_loss", 20, std::numeric_limits<double>::quiet_NaN()},
                              {"g_loss", 30, kInfinity},
                              {"g_loss", 40, -kInfinity},
                              {"g_loss", 50, -0.25},
                              {"d_loss", 10, 1.5}});
    db.end_run(first, {gantry::RecordedStatus::finished, 2.0, 50, "", {{"g_loss", -0.25}}});
    std::int64_t second = db.begin_run(start_for(sweep, 2, 3), {}).value();
    db.append_metrics(second, {{"g_loss", 20, 0.5}, {"g_loss", 10, 0.9}});
    db.end_run(second, {gantry::RecordedStatus::finished, 1.0, 20, "", {{"g_loss", 0.5}}});
  }
  gantry::sqlite::Connection raw(path, gantry::sqlite::Connection::Mode::read_write_create, 1000);
  raw.execute("INSERT INTO metrics (run_id, key, step, value) VALUES (" + std::to_string(first) +
              ", 'g_loss', 60, 3), (" + std::to_string(first) + ", 'g_loss', 70, 'oops')");
  return path;
}

// The curve as the reader wrote it before it tested the values itself: in SQL.
gantry::Curve curve_by_sql(const std::string& path, std::int64_t run_id, const std::string& key) {
  gantry::sqlite::Connection connection(path, gantry::sqlite::Connection::Mode::read_only, 1000);
  gantry::sqlite::Statement select(
      connection,
      "SELECT step, value FROM metrics WHERE run_id = ?1 AND key = ?2 "
      "AND value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 ORDER BY step");
  select.bind(1, run_id).bind(2, key);
  gantry::Curve curve;
  while (select.step()) curve.emplace_back(select.column_int(0), select.column_double(1));
  return curve;
}

}  // namespace

TEST_CASE("a snapshot's curve holds a metric's finite values in step order", "[snapshot]") {
  ScratchDir dir;
  std::string path = write_small_db(dir);
  gantry::ResultsSnapshot snapshot(path);
  auto runs = snapshot.runs({});
  REQUIRE(runs.size() == 2);

  gantry::Curve first = snapshot.curve(runs[0].id, "g_loss");
  CHECK(first == gantry::Curve{{10, 0.7}, {50, -0.25}, {60, 3.0}});
  CHECK(first == curve_by_sql(path, runs[0].id, "g_loss"));
  CHECK(snapshot.curve(runs[0].id, "d_loss") == gantry::Curve{{10, 1.5}});

  gantry::Curve second = snapshot.curve(runs[1].id, "g_loss");
  CHECK(second == gantry::Curve{{10, 0.9}, {20, 0.5}});
  CHECK(second == curve_by_sql(path, runs[1].id, "g_loss"));

  CHECK(snapshot.curve(runs[1].id, "d_loss").empty());
  CHECK(snapshot.curve(runs[1].id + 100, "g_loss").empty());
}

TEST_CASE("a snapshot's runs carry their settings and finite summaries", "[snapshot]") {
  ScratchDir dir;
  gantry::ResultsSnapshot snapshot(write_small_db(dir));
  auto runs = snapshot.runs({"demo"});
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].sweep == "demo");
  CHECK(runs[0].seed == 1);
  CHECK(runs[0].status == gantry::RecordedStatus::finished);
  CHECK(runs[0].params.at("trainer.k") == "2");
  CHECK(runs[1].params.at("trainer.k") == "3");
  CHECK(runs[0].summaries == std::map<std::string, double>{{"g_loss", -0.25}});
  REQUIRE(runs[1].wall_seconds);
  CHECK(*runs[1].wall_seconds == 1.0);
  CHECK_THROWS_AS(snapshot.runs({"dmeo"}), gantry::ConfigError);
}

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "gantry/base/errors.hpp"
#include "gantry/base/system.hpp"
#include "gantry/store/busy_retry.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/store/results_reader.hpp"
#include "gantry/store/schema.hpp"
#include "gantry/store/sqlite.hpp"
#include "test_support.hpp"

using gantry::testing::ScratchDir;

namespace {

gantry::RunStart start_for(std::int64_t sweep_id, std::int64_t seed) {
  return gantry::RunStart{sweep_id,
                          seed,
                          "identity-" + std::to_string(seed),
                          "[trainer]\nk = 2\n",
                          "data=x2@1.0.0",
                          {{"trainer.k", std::int64_t{2}},
                           {"model.g_lr", 0.001},
                           {"model.latent", std::string("normal")}}};
}

std::string scalar(gantry::ResultsReader& reader, const std::string& sql) {
  gantry::Table table = reader.query(sql);
  REQUIRE(table.rows.size() == 1);
  return gantry::value_text(table.rows[0][0]);
}

}  // namespace

TEST_CASE("a run round-trips through the results database", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  std::int64_t run_id = 0;
  {
    gantry::ResultsDb db(path);
    std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "gantry sweep x2.ini");
    CHECK(db.ensure_sweep("demo", "x2.ini", "again") == sweep);
    run_id = db.begin_run(start_for(sweep, 7), {}).value();
    db.append_metrics(run_id, {{"g_loss", 10, 0.7}, {"g_loss", 20, 0.6}, {"d_acc_real", 20, 0.5}});
    db.end_run(run_id, {gantry::RecordedStatus::finished, 1.5, 20, "", {{"g_loss", 0.6}}});
  }
  gantry::ResultsReader reader(path);
  CHECK(scalar(reader, "SELECT status FROM runs WHERE id = " + std::to_string(run_id)) ==
        "finished");
  CHECK(scalar(reader, "SELECT count(*) FROM metrics") == "3");
  CHECK(scalar(reader, "SELECT value FROM summaries WHERE key = 'g_loss'") == "0.6");
  // Numeric params compare as numbers, not text.
  CHECK(scalar(reader, "SELECT count(*) FROM params WHERE key = 'trainer.k' AND value > 1.5") ==
        "1");
  CHECK(scalar(reader, "SELECT typeof(value) FROM params WHERE key = 'model.g_lr'") == "real");
  CHECK(scalar(reader,
               "SELECT git_commit <> '' AND gantry_version <> '' AND build_flags LIKE '%native=%' "
               "FROM runs") == "1");
  CHECK(scalar(reader, "PRAGMA user_version") == std::to_string(gantry::kResultsSchemaVersion));
  CHECK(scalar(reader, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("beginning a recorded run again resets it in place", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "cmd");
  std::int64_t first = db.begin_run(start_for(sweep, 1), {}).value();
  db.append_metrics(first, {{"g_loss", 1, 0.9}});
  // This process's own "running" row is an interrupted run: claimed again.
  std::int64_t second = db.begin_run(start_for(sweep, 1), {}).value();
  CHECK(second == first);
  auto existing = db.find_run(sweep, "identity-1");
  REQUIRE(existing);
  CHECK(existing->attempt == 2);
  CHECK(existing->status == gantry::RecordedStatus::running);
  gantry::ResultsReader reader(path);
  CHECK(scalar(reader, "SELECT count(*) FROM runs") == "1");
  CHECK(scalar(reader, "SELECT count(*) FROM metrics") == "0");
  CHECK(scalar(reader, "SELECT count(*) FROM params") == "3");
}

TEST_CASE("databases gantry must not touch are refused", "[results_db]") {
  ScratchDir dir;
  SECTION("a newer schema version") {
    std::string path = (dir / "newer.sqlite").string();
    { gantry::ResultsDb db(path); }
    {
      gantry::sqlite::Connection raw(path, gantry::sqlite::Connection::Mode::read_write_create,
                                     1000);
      raw.execute("PRAGMA user_version = " + std::to_string(gantry::kResultsSchemaVersion + 1));
    }
    CHECK_THROWS_AS(gantry::ResultsDb(path), gantry::SchemaError);
    CHECK_THROWS_WITH(gantry::ResultsReader(path), Catch::Contains("newer than this gantry"));
  }
  SECTION("a Gantry database whose schema version was set by hand to 0 or -1") {
    std::string path = (dir / "edited.sqlite").string();
    { gantry::ResultsDb db(path); }
    for (int version : {0, -1}) {
      INFO(version);
      {
        gantry::sqlite::Connection raw(path, gantry::sqlite::Connection::Mode::read_write_create,
                                       1000);
        raw.execute("PRAGMA user_version = " + std::to_string(version));
      }
      CHECK_THROWS_WITH(gantry::ResultsDb(path), Catch::Contains("changed by hand"));
      CHECK_THROWS_WITH(gantry::ResultsReader(path), Catch::Contains("changed by hand"));
    }
  }
  SECTION("another application's SQLite database") {
    std::string path = (dir / "other.sqlite").string();
    {
      gantry::sqlite::Connection raw(path, gantry::sqlite::Connection::Mode::read_write_create,
                                     1000);
      raw.execute("CREATE TABLE notes (text TEXT)");
    }
    CHECK_THROWS_WITH(gantry::ResultsDb(path), Catch::Contains("not a Gantry results database"));
  }
  SECTION("a file that is not SQLite at all") {
    std::string path = dir.write("garbage.sqlite", std::string(4096, 'x')).string();
    CHECK_THROWS_AS(gantry::ResultsDb(path), gantry::StorageError);
  }
  SECTION("a path that cannot be written") {
    CHECK_THROWS_WITH(gantry::ResultsDb((dir / "missing-dir" / "db.sqlite").string()),
                      Catch::Contains("cannot open database"));
  }
  SECTION("a database that does not exist, for reading") {
    CHECK_THROWS_WITH(gantry::ResultsReader((dir / "none.sqlite").string()),
                      Catch::Contains("no results database"));
  }
}

TEST_CASE("queries are read-only", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  {
    gantry::ResultsDb db(path);
    db.ensure_sweep("demo", "x2.ini", "cmd");
  }
  gantry::ResultsReader reader(path);
  CHECK_THROWS_WITH(reader.query("DELETE FROM sweeps"), Catch::Contains("read-only"));
  CHECK_THROWS_WITH(reader.query("SELECT 1; DROP TABLE sweeps"),
                    Catch::Contains("one SQL statement"));
  CHECK_THROWS_AS(reader.query("SELEKT 1"), gantry::StorageError);
  CHECK(scalar(reader, "SELECT count(*) FROM sweeps") == "1");
  // fts3_tokenizer('simple') returns a raw pointer; with a second argument it installs one.
  CHECK_THROWS_WITH(reader.query("SELECT fts3_tokenizer('simple')"),
                    Catch::Contains("not authorized"));
  CHECK_THROWS_WITH(reader.query("SELECT load_extension('/nonexistent.so')"),
                    Catch::Contains("not authorized"));
  CHECK(scalar(reader, "SELECT upper('ok') || abs(-1)") == "OK1");
}

TEST_CASE("a held write lock makes writers fail with a busy error", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path, 100);
  gantry::sqlite::Connection other(path, gantry::sqlite::Connection::Mode::read_write_create, 100);
  other.execute("BEGIN IMMEDIATE");
  CHECK_THROWS_AS(db.ensure_sweep("demo", "x2.ini", "cmd"), gantry::DatabaseBusyError);
  other.execute("ROLLBACK");
  CHECK_NOTHROW(db.ensure_sweep("demo", "x2.ini", "cmd"));
}

TEST_CASE("a run is claimed only when the resume policy says so", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "cmd");
  std::int64_t run = db.begin_run(start_for(sweep, 1), {}).value();
  gantry::sqlite::Connection raw(path, gantry::sqlite::Connection::Mode::read_write_create, 1000);
  auto set_row = [&](const std::string& assignments) {
    raw.execute("UPDATE runs SET " + assignments + " WHERE id = " + std::to_string(run));
  };
  SECTION("finished runs are kept unless rerun is asked for") {
    set_row("status = 'finished'");
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {}));
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {true, false}));
    CHECK(db.begin_run(start_for(sweep, 1), {false, true}) == run);
  }
  SECTION("failed runs are kept unless retried") {
    set_row("status = 'failed'");
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {}));
    CHECK(db.begin_run(start_for(sweep, 1), {true, false}) == run);
  }
  SECTION("a run another live process is running is never taken, not even to rerun it") {
    // pid 1 is alive on every Linux host.
    std::string init_start = std::to_string(gantry::process_start_time(1).value());
    set_row("pid = 1, process_start = " + init_start);
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {true, true}));
    set_row("host = 'another-host', pid = 999999");
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {true, true}));
  }
  SECTION("a run on another host is left while its lease holds, and taken once it lapsed") {
    // Claimed with the default lease of 300 s, its heartbeat now.
    set_row("host = 'another-host', pid = 999999");
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {}));
    set_row("heartbeat_at = heartbeat_at - 299");
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {}));
    set_row("heartbeat_at = heartbeat_at - 2");
    CHECK(db.begin_run(start_for(sweep, 1), {}) == run);
    // Taken over: the row is now this process's, with a fresh heartbeat.
    CHECK(db.find_run(sweep, "identity-1")->host == gantry::host_name());
    CHECK(db.find_run(sweep, "identity-1")->attempt == 2);
  }
  SECTION("a heartbeat renewed keeps the lease") {
    set_row("host = 'another-host', pid = 999999, heartbeat_at = heartbeat_at - 1000");
    db.renew_lease(run);
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {}));
  }
  SECTION("a run from another host without a lease (merged from an older share) is left alone") {
    set_row("host = 'another-host', pid = 999999, heartbeat_at = NULL, lease_seconds = NULL");
    CHECK_FALSE(db.begin_run(start_for(sweep, 1), {}));
  }
  SECTION("a run whose process is gone is an interrupted run, taken again") {
    set_row("pid = 999999999");
    CHECK(db.begin_run(start_for(sweep, 1), {}) == run);
  }
  SECTION("a pid reused by another process does not keep an interrupted run") {
    set_row("pid = 1, process_start = 12345");
    CHECK(db.begin_run(start_for(sweep, 1), {}) == run);
  }
}

TEST_CASE("a sweep's recorded runs read in one query match find_run for each", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "gantry sweep x2.ini");
  std::int64_t other = db.ensure_sweep("other", "x2.ini", "gantry sweep x2.ini");
  std::int64_t finished = db.begin_run(start_for(sweep, 1), {}).value();
  db.end_run(finished, {gantry::RecordedStatus::finished, 1.0, 10, "", {}});
  std::int64_t failed = db.begin_run(start_for(sweep, 2), {}).value();
  db.end_run(failed, {gantry::RecordedStatus::failed, 1.0, 5, "diverged", {}});
  db.begin_run(start_for(sweep, 3), {}).value();  // left running
  db.begin_run(start_for(other, 4), {}).value();

  gantry::RecordedRuns recorded = db.recorded_runs(sweep);
  CHECK(recorded.size() == 3);
  for (std::int64_t seed : {1, 2, 3}) {
    INFO("seed " << seed);
    std::string identity = "identity-" + std::to_string(seed);
    std::optional<gantry::ExistingRun> one = db.find_run(sweep, identity);
    std::optional<gantry::ExistingRun> all = recorded.find(identity);
    REQUIRE(one.has_value());
    REQUIRE(all.has_value());
    CHECK(all->id == one->id);
    CHECK(all->status == one->status);
    CHECK(all->attempt == one->attempt);
    CHECK(gantry::decide(all, {}, gantry::unix_seconds()) ==
          gantry::decide(one, {}, gantry::unix_seconds()));
  }
  // A running row keeps its owner, which tells a live process from a stale row.
  CHECK(recorded.find("identity-3")->host == gantry::host_name());
  CHECK(recorded.find("identity-3")->pid == db.find_run(sweep, "identity-3")->pid);
  CHECK_FALSE(recorded.find("identity-4").has_value());  // another sweep's
  CHECK(recorded.has_seed(3));
  CHECK_FALSE(recorded.has_seed(4));
  CHECK(db.recorded_runs(other).size() == 1);

  SECTION("read from the file alone, as a dry run reads it") {
    CHECK(gantry::read_recorded_runs(path, "demo").size() == 3);
    CHECK(gantry::read_recorded_runs(path, "never-run").empty());
  }
}

TEST_CASE("reading recorded runs creates no database", "[results_db]") {
  ScratchDir dir;
  std::filesystem::path path = dir / "missing.sqlite";
  CHECK(gantry::read_recorded_runs(path.string(), "demo").empty());
  CHECK_FALSE(std::filesystem::exists(path));
  dir.write("not-a-db.sqlite", "plain text, not SQLite");
  CHECK_THROWS_AS(gantry::read_recorded_runs((dir / "not-a-db.sqlite").string(), "demo"),
                  gantry::SchemaError);
}

TEST_CASE("a write is tried again while the database stays locked, and only then",
          "[results_db][busy]") {
  int attempts = 0;
  SECTION("a lock released before the last attempt is waited out") {
    int value = gantry::retry_when_busy([&] {
      if (++attempts < gantry::kBusyAttempts) throw gantry::DatabaseBusyError("locked");
      return 7;
    });
    CHECK(value == 7);
    CHECK(attempts == gantry::kBusyAttempts);
  }
  SECTION("a lock held through every attempt goes to the caller") {
    CHECK_THROWS_AS(gantry::retry_when_busy([&] {
                      ++attempts;
                      throw gantry::DatabaseBusyError("locked");
                    }),
                    gantry::DatabaseBusyError);
    CHECK(attempts == gantry::kBusyAttempts);
  }
  SECTION("any other storage error is not retried") {
    CHECK_THROWS_AS(gantry::retry_when_busy([&] {
                      ++attempts;
                      throw gantry::StorageError("database or disk is full");
                    }),
                    gantry::StorageError);
    CHECK(attempts == 1);
  }
}

TEST_CASE("what is not a regular file is refused before SQLite opens it", "[results_db]") {
  ScratchDir dir;
  // A FIFO would block open() until a writer came; a symlink loop used to escape as a
  // filesystem error.
  REQUIRE(mkfifo((dir / "fifo.sqlite").c_str(), 0600) == 0);
  std::filesystem::create_symlink(dir / "loop-b", dir / "loop-a");
  std::filesystem::create_symlink(dir / "loop-a", dir / "loop-b");
  for (const char* name : {"fifo.sqlite", "loop-a"}) {
    INFO(name);
    std::string path = (dir / name).string();
    CHECK_THROWS_WITH(gantry::ResultsDb(path), Catch::Contains("cannot open database"));
    CHECK_THROWS_WITH(gantry::ResultsReader(path), Catch::Contains("cannot open database"));
  }
}

TEST_CASE("an immutable read opens a path with characters a URI escapes", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "a b?c#d%e.sqlite").string();
  {
    gantry::ResultsDb db(path);
    db.ensure_sweep("demo", "x2.ini", "cmd");
  }
  gantry::sqlite::Connection immutable(path, gantry::sqlite::Connection::Mode::read_only_immutable,
                                       100);
  gantry::sqlite::Statement select(immutable, "SELECT name FROM sweeps");
  REQUIRE(select.step());
  CHECK(select.column_text(0) == "demo");
}

TEST_CASE("a damaged runs table is named before anything is written", "[results_db]") {
  ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  int runs_page = 0, page_size = 0;
  {
    gantry::ResultsDb db(path);
    std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "cmd");
    for (int seed = 1; seed <= 20; ++seed) db.begin_run(start_for(sweep, seed), {});
    db.check_run_tables();  // intact
    gantry::ResultsReader reader(path);
    runs_page = std::stoi(scalar(reader, "SELECT rootpage FROM sqlite_schema WHERE name = 'runs'"));
    page_size = std::stoi(scalar(reader, "PRAGMA page_size"));
  }
  {
    // A b-tree page header whose free-block pointer points outside the page.
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(runs_page - 1) * page_size);
    const char header[] = {0x0d, 0x00, 0x00, 0x00, 0x09, 0x00, 0x10};
    file.write(header, sizeof header);
  }
  gantry::ResultsDb db(path);
  CHECK_THROWS_WITH(db.check_run_tables(),
                    Catch::Contains("is damaged (SQLite's quick_check of its runs table: Page " +
                                    std::to_string(runs_page)));
}

#include "gantry/store/results_merge.hpp"

#include <signal.h>
#include <unistd.h>

#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "gantry/artifacts/layout.hpp"
#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/base/text.hpp"
#include "gantry/base/whole_integer.hpp"
#include "gantry/store/merge_rows.hpp"
#include "gantry/store/results_merge_io.hpp"
#include "gantry/store/schema.hpp"
#include "gantry/store/sqlite.hpp"

namespace gantry {
namespace fs = std::filesystem;
using merge_detail::describe;
using merge_detail::Input;
using merge_detail::ShardRow;
using namespace merge_detail;
namespace {

// A run's child tables and their columns after run_id.
const std::vector<std::pair<std::string, std::string>> kRunTables = {
    {"params", "key, value"}, {"metrics", "key, step, value"}, {"summaries", "key, value"}};

fs::path staging_name(const fs::path& target) {
  return target.parent_path() /
         ("." + target.filename().string() + ".merging-" + std::to_string(getpid()));
}

// Removes the staging files and folders a merge killed mid-copy left under `artifacts`
// (".<name>.merging-<pid>" beside their targets) whose merge process is gone.
void remove_abandoned_staging(const fs::path& artifacts) {
  std::error_code error;
  if (!fs::is_directory(artifacts, error)) return;
  for (const auto& sweep_dir : fs::directory_iterator(artifacts, error)) {
    if (!sweep_dir.is_directory(error)) continue;
    for (const auto& entry : fs::directory_iterator(sweep_dir.path(), error)) {
      const std::string name = entry.path().filename().string();
      std::size_t marker = name.rfind(".merging-");
      if (name.empty() || name.front() != '.' || marker == std::string::npos) continue;
      std::optional<long long> pid = whole_integer(name.substr(marker + 9));
      if (!pid || (*pid > 0 && ::kill(static_cast<pid_t>(*pid), 0) == 0)) continue;
      fs::remove_all(entry.path(), error);
    }
  }
}

// Merges one input in one transaction on `out`. HDF5 files are copied to temporary names during
// the transaction and renamed into place only after it commits.
class InputMerger {
 public:
  InputMerger(sqlite::Connection& out, Input& input, const fs::path& input_path,
              const MergeSettings& settings, MergedInput& report)
      : out_(out),
        in_(input.connection),
        input_(input),
        input_dir_(input_path.parent_path()),
        settings_(settings),
        report_(report) {}

  void merge() {
    std::vector<std::pair<fs::path, fs::path>> staged;
    try {
      sqlite::Transaction transaction(out_);
      map_sweeps();
      merge_runs(staged);
      merge_shard_rows();
      transaction.commit();
    } catch (...) {
      std::error_code ignored;
      for (const auto& file : staged) fs::remove_all(file.first, ignored);
      throw;
    }
    for (const auto& [temporary, target] : staged) {
      std::error_code error;
      // A PNG folder replaces the one an earlier copy of the run left.
      if (fs::is_directory(temporary, error)) fs::remove_all(target, error);
      fs::rename(temporary, target, error);
      if (error) {
        report_.notes.push_back("could not move '" + temporary.string() + "' to '" +
                                target.string() + "': " + error.message());
      }
    }
  }

 private:
  void map_sweeps() {
    sqlite::Statement select(in_,
                             "SELECT id, name, experiment_file, created_at, command FROM sweeps");
    sqlite::Statement upsert(
        out_,
        "INSERT INTO sweeps (name, experiment_file, created_at, command) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (name) DO UPDATE SET created_at = min(created_at, excluded.created_at)");
    sqlite::Statement find(out_, "SELECT id FROM sweeps WHERE name = ?1");
    while (select.step()) {
      std::string name = select.column_text(1);
      upsert.bind(1, name).bind(2, select.column_text(2)).bind(3, select.column_text(3));
      upsert.bind(4, select.column_text(4)).run();
      find.bind(1, name);
      find.step();
      sweeps_[select.column_int(0)] = {find.column_int(0), name};
      find.reset();
    }
  }

  void merge_runs(std::vector<std::pair<fs::path, fs::path>>& staged) {
    const std::vector<std::string>& copied = copied_run_columns();
    sqlite::Statement runs(
        in_, "SELECT id, sweep_id, hdf5_path, " + join(copied, ", ") + " FROM runs ORDER BY id");
    const RunColumns column(runs);
    RunWriters writers(out_, copied);
    while (runs.step()) {
      const auto& [sweep_id, sweep_name] = sweeps_.at(runs.column_int(column.sweep_id));
      std::string identity = runs.column_text(column.identity);
      std::optional<std::int64_t> run_id = merge_run(runs, column, writers, sweep_id, identity);
      if (!run_id) continue;
      copy_children(runs.column_int(column.id), *run_id);
      if (!runs.column_is_null(column.hdf5_path)) {
        copy_artifact(runs.column_text(column.hdf5_path), *run_id, sweep_name, identity,
                      runs.column_int(column.seed), staged);
      }
    }
  }

  // Adds the input's run, or replaces the output's copy when the input's is better. Returns the
  // output's id of the run, or nothing when the output's copy is kept.
  std::optional<std::int64_t> merge_run(const sqlite::Statement& runs, const RunColumns& column,
                                        RunWriters& writers, std::int64_t sweep_id,
                                        const std::string& identity) {
    writers.existing.bind(1, sweep_id).bind(2, identity);
    if (!writers.existing.step()) {
      writers.existing.reset();
      writers.insert.bind(1, sweep_id);
      bind_copied(writers.insert, runs, column.seed);
      writers.insert.run();
      ++report_.added;
      return out_.last_insert_id();
    }
    std::int64_t run_id = writers.existing.column_int(0);
    CopyKey held = key_of(writers.existing, writers.existing_key);
    writers.existing.reset();
    if (!(held < key_of(runs, column.key))) {
      ++report_.kept;
      return std::nullopt;
    }
    for (const auto& table : kRunTables) {
      sqlite::Statement clear(out_, "DELETE FROM " + table.first + " WHERE run_id = ?1");
      clear.bind(1, run_id).run();
    }
    writers.update.bind(1, run_id);
    bind_copied(writers.update, runs, column.seed);
    writers.update.run();
    ++report_.replaced;
    return run_id;
  }

  void copy_children(std::int64_t from_id, std::int64_t to_id) {
    for (const auto& [table, columns] : kRunTables) {
      sqlite::Statement select(in_, "SELECT " + columns + " FROM " + table + " WHERE run_id = ?1");
      int count = select.column_count();
      std::string values = "?1";
      for (int i = 0; i < count; ++i) values += ", ?" + std::to_string(i + 2);
      sqlite::Statement insert(
          out_, "INSERT INTO " + table + " (run_id, " + columns + ") VALUES (" + values + ")");
      select.bind(1, from_id);
      while (select.step()) {
        insert.bind(1, to_id);
        for (int i = 0; i < count; ++i) insert.bind(i + 2, select.column(i));
        insert.run();
      }
    }
  }

  void copy_artifact(const std::string& recorded, std::int64_t run_id,
                     const std::string& sweep_name, const std::string& identity, std::int64_t seed,
                     std::vector<std::pair<fs::path, fs::path>>& staged) {
    fs::path source = fs::path(recorded).is_absolute() ? fs::path(recorded) : input_dir_ / recorded;
    std::error_code error;
    if (!fs::is_regular_file(source, error)) {
      report_.notes.push_back("run " + identity.substr(0, 8) + " (seed " + std::to_string(seed) +
                              "): its HDF5 file '" + source.string() +
                              "' is missing; hdf5_path left empty");
      return;
    }
    fs::path target = settings_.artifacts / sweep_name / artifact_file_name(run_id, identity);
    fs::path temporary = staging_name(target);
    fs::create_directories(target.parent_path(), error);
    fs::copy_file(source, temporary, fs::copy_options::overwrite_existing, error);
    if (error) {
      throw StorageError("cannot copy its HDF5 file '" + source.string() + "' to '" +
                         temporary.string() + "': " + error.message());
    }
    staged.emplace_back(temporary, target);
    rewrite_run_id(temporary.string(), run_id);
    copy_png_folder(source, target, staged);
    fs::path out_dir = settings_.output.parent_path();
    sqlite::Statement set_path(out_, "UPDATE runs SET hdf5_path = ?2 WHERE id = ?1");
    set_path.bind(1, run_id).bind(2, recorded_path(target, out_dir.empty() ? "." : out_dir)).run();
  }

  // Image runs keep PNG grids in a folder named like their HDF5 file without ".h5".
  void copy_png_folder(const fs::path& source, const fs::path& target,
                       std::vector<std::pair<fs::path, fs::path>>& staged) {
    fs::path from = fs::path(source).replace_extension();
    std::error_code error;
    if (!fs::is_directory(from, error)) return;
    fs::path to = fs::path(target).replace_extension();
    fs::path temporary = staging_name(to);
    fs::remove_all(temporary, error);
    fs::copy(from, temporary, fs::copy_options::recursive, error);
    if (error) {
      throw StorageError("cannot copy the PNG folder '" + from.string() + "' to '" +
                         temporary.string() + "': " + error.message());
    }
    staged.emplace_back(temporary, to);
  }

  void merge_shard_rows() {
    if (input_.version < 2) return;
    sqlite::Statement select(in_,
                             "SELECT sweep_id, plan, shard_index, shard_count, runs, plan_runs, "
                             "recorded_at FROM shards");
    sqlite::Statement insert(out_,
                             "INSERT INTO shards (sweep_id, plan, shard_index, shard_count, runs, "
                             "plan_runs, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                             "ON CONFLICT DO UPDATE SET recorded_at = "
                             "max(recorded_at, excluded.recorded_at)");
    while (select.step()) {
      insert.bind(1, sweeps_.at(select.column_int(0)).first);
      for (int i = 1; i < 7; ++i) insert.bind(i + 1, select.column(i));
      insert.run();
    }
  }

  sqlite::Connection& out_;
  sqlite::Connection& in_;
  Input& input_;
  fs::path input_dir_;
  const MergeSettings& settings_;
  MergedInput& report_;
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> sweeps_;  // input id -> out
};

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error;
  return fs::exists(a, error) && fs::exists(b, error) && fs::equivalent(a, b, error);
}

// The shares of `reference`'s sweep the output does not hold yet.
std::string missing_shares(sqlite::Connection& out, const ShardRow& reference) {
  sqlite::Statement select(out,
                           "SELECT shard_index FROM shards WHERE plan = ?1 AND shard_count = ?2");
  select.bind(1, reference.plan).bind(2, reference.count);
  std::set<std::int64_t> present;
  while (select.step()) present.insert(select.column_int(0));
  std::vector<std::string> missing;
  for (std::int64_t index = 1; index <= reference.count; ++index) {
    if (!present.count(index)) missing.push_back(std::to_string(index));
  }
  if (missing.empty()) return {};
  return "sweep '" + reference.sweep + "': " + (missing.size() == 1 ? "shard " : "shards ") +
         join(missing, ", ") + " of " + std::to_string(reference.count) + " not merged yet";
}

}  // namespace

bool MergeResult::all_merged() const {
  for (const auto& input : inputs) {
    if (!input.merged) return false;
  }
  return true;
}

MergeResult merge_results(const MergeSettings& settings) {
  MergeResult result;
  sqlite::Connection out = merge_detail::open_output(settings.output);
  remove_abandoned_staging(settings.artifacts);
  // The first shard given names the sweep plan every other shard must belong to.
  std::optional<ShardRow> reference;
  std::string reference_path;
  // One input open at a time: a merge of a thousand shards must not hold a thousand files.
  for (const fs::path& path : settings.inputs) {
    MergedInput& report = result.inputs.emplace_back();
    report.path = path.string();
    try {
      if (same_file(path, settings.output)) throw ConfigError("it is the output database itself");
      Input input = merge_detail::open_input(path);
      for (const ShardRow& row : input.shards) {
        if (!reference) {
          reference = row;
          reference_path = path.string();
        }
        if (row.plan != reference->plan) {
          throw ConfigError("a shard of another sweep plan (" + describe(row) + ") than '" +
                            reference_path + "' (" + describe(*reference) +
                            "): their sweeps, seeds, grids or settings differ; merge one plan's "
                            "shards at a time");
        }
      }
      InputMerger(out, input, path, settings, report).merge();
      report.merged = true;
    } catch (const GantryError& error) {
      report.problem = error.what();
      // SQLite says "malformed" for a file cut short, which is what a failed copy leaves.
      if (report.problem.find("malformed") != std::string::npos) {
        report.problem = "truncated or damaged: " + report.problem;
      }
      report.added = report.replaced = report.kept = 0;
      report.notes.clear();  // they described a merge that was rolled back
    }
  }
  sqlite::Statement check(out, "PRAGMA integrity_check");
  while (check.step()) {
    if (check.column_text(0) != "ok") {
      throw SchemaError("'" + settings.output.string() +
                        "' fails its integrity check after the merge: " + check.column_text(0));
    }
  }
  if (reference) {
    std::string missing = missing_shares(out, *reference);
    if (!missing.empty()) result.incomplete.push_back(missing);
  }
  return result;
}

}  // namespace gantry
